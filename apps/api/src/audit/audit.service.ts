import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/time/clock.js';
import { AuditLogEntry } from './audit-log.entity.js';

export interface AuditRecord {
  organizationId: string;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  /** Ids and values only — never names or e-mail addresses. */
  data?: Record<string, unknown>;
}

// Rows per INSERT statement: well below PostgreSQL's 65,535 bind parameters.
const BATCH = 500;

@Injectable()
export class AuditService {
  constructor(private readonly clock: Clock) {}

  /** Written inside the caller's transaction, so the audit row exists exactly when the change does. */
  async record(em: EntityManager, entry: AuditRecord): Promise<void> {
    await this.recordMany(em, [entry]);
  }

  /** Many rows in few statements (bulk use cases such as the CSV import); same transaction rule. */
  async recordMany(em: EntityManager, entries: AuditRecord[]): Promise<void> {
    const createdAt = this.clock.now();
    for (let i = 0; i < entries.length; i += BATCH) {
      await em.insert(
        AuditLogEntry,
        entries.slice(i, i + BATCH).map((entry) => ({
          organizationId: entry.organizationId,
          actorId: entry.actorId,
          action: entry.action,
          targetType: entry.targetType,
          targetId: entry.targetId ?? null,
          data: (entry.data ?? {}) as never,
          createdAt,
        })),
      );
    }
  }
}
