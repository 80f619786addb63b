import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditList } from '@freiraum/contracts';
import { AuditLogEntry } from './audit-log.entity.js';

export interface AuditFilter {
  action?: string;
  targetType?: string;
  targetId?: string;
  actorId?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

// Reading the append-only audit log of one organisation.
@Injectable()
export class AuditRepository {
  async list(em: EntityManager, organizationId: string, filter: AuditFilter): Promise<AuditList> {
    const query = em
      .createQueryBuilder(AuditLogEntry, 'a')
      .where('a.organization_id = :organizationId', { organizationId });
    // An action ending in "." filters a family ("user." → every user action).
    if (filter.action?.endsWith('.')) query.andWhere('starts_with(a.action, :action)', { action: filter.action });
    else if (filter.action) query.andWhere('a.action = :action', { action: filter.action });
    if (filter.targetType) query.andWhere('a.target_type = :targetType', { targetType: filter.targetType });
    if (filter.targetId) query.andWhere('a.target_id = :targetId', { targetId: filter.targetId });
    if (filter.actorId) query.andWhere('a.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.from) query.andWhere('a.created_at >= :from', { from: new Date(filter.from) });
    if (filter.to) query.andWhere('a.created_at < :to', { to: new Date(filter.to) });
    const [rows, total] = await query
      .orderBy('a.created_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .take(filter.limit)
      .skip(filter.offset)
      .getManyAndCount();
    return {
      total,
      items: rows.map((row) => ({
        id: String(row.id),
        actorId: row.actorId,
        action: row.action,
        targetType: row.targetType,
        targetId: row.targetId,
        data: row.data,
        createdAt: row.createdAt.toISOString(),
      })),
    };
  }
}
