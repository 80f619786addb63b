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

@Injectable()
export class AuditService {
  constructor(private readonly clock: Clock) {}

  /** Written inside the caller's transaction, so the audit row exists exactly when the change does. */
  async record(em: EntityManager, entry: AuditRecord): Promise<void> {
    await em.insert(AuditLogEntry, {
      organizationId: entry.organizationId,
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      data: (entry.data ?? {}) as never,
      createdAt: this.clock.now(),
    });
  }
}
