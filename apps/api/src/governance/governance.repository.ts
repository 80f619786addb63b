import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { GovernanceFlag } from './governance-flag.entity.js';

export interface AuthorLine {
  id: string;
  firstName: string;
  lastName: string;
  managerId: string | null;
  managerActive: boolean;
}

@Injectable()
export class GovernanceRepository {
  async author(em: EntityManager, organizationId: string, userId: string): Promise<AuthorLine | null> {
    const rows = await em.query(
      `SELECT u.id, u.first_name AS "firstName", u.last_name AS "lastName", u.manager_id AS "managerId",
              coalesce(m.active, false) AS "managerActive"
         FROM users u LEFT JOIN users m ON m.id = u.manager_id
        WHERE u.id = $1 AND u.organization_id = $2`,
      [userId, organizationId],
    );
    return rows[0] ?? null;
  }

  /**
   * The person who decides for this author: their active manager; else an active HR person other than
   * the author; else an active admin other than the author; else nobody.
   */
  async deciderFor(em: EntityManager, organizationId: string, userId: string): Promise<string | null> {
    const rows = await em.query(
      `SELECT coalesce(
         (SELECT m.id FROM users u JOIN users m ON m.id = u.manager_id AND m.active WHERE u.id = $1),
         (SELECT id FROM users WHERE organization_id = $2 AND active AND id <> $1 AND 'hr' = ANY(roles) ORDER BY created_at, id LIMIT 1),
         (SELECT id FROM users WHERE organization_id = $2 AND active AND id <> $1 AND 'admin' = ANY(roles) ORDER BY created_at, id LIMIT 1)
       ) AS id`,
      [userId, organizationId],
    );
    return rows[0]?.id ?? null;
  }

  async insert(em: EntityManager, flag: Omit<GovernanceFlag, 'id'>): Promise<GovernanceFlag> {
    return em.save(GovernanceFlag, flag);
  }

  async findForUpdate(em: EntityManager, organizationId: string, id: string): Promise<GovernanceFlag | null> {
    return em.findOne(GovernanceFlag, { where: { id, organizationId }, lock: { mode: 'pessimistic_write' } });
  }

  async bySubject(em: EntityManager, subjectType: string, subjectIds: string[]): Promise<Map<string, GovernanceFlag>> {
    if (!subjectIds.length) return new Map();
    const rows = await em
      .createQueryBuilder(GovernanceFlag, 'f')
      .where('f.subject_type = :subjectType AND f.subject_id IN (:...subjectIds)', { subjectType, subjectIds })
      .getMany();
    return new Map(rows.map((r) => [r.subjectId, r]));
  }

  /** Flags the caller may decide (their reports'; for HR/admin also those of people without an active manager), or their own. */
  async list(
    em: EntityManager,
    input: { organizationId: string; actorId: string; actorRoles: string[]; scope: 'to_decide' | 'mine'; status?: string },
  ): Promise<(GovernanceFlag & { userName: string; managerId: string | null; managerActive: boolean })[]> {
    const params: unknown[] = [input.organizationId, input.actorId];
    let where: string;
    if (input.scope === 'mine') where = 'f.user_id = $2';
    else {
      const hrOrAdmin = input.actorRoles.includes('hr') || input.actorRoles.includes('admin');
      where = `f.user_id <> $2 AND (u.manager_id = $2 AND m.active${hrOrAdmin ? ' OR u.manager_id IS NULL OR NOT coalesce(m.active, false)' : ''})`;
    }
    if (input.status) {
      params.push(input.status);
      where += ` AND f.status = $${params.length}`;
    }
    const rows = await em.query(
      `SELECT f.*, u.first_name || ' ' || u.last_name AS user_name, u.manager_id, coalesce(m.active, false) AS manager_active
         FROM governance_flags f JOIN users u ON u.id = f.user_id LEFT JOIN users m ON m.id = u.manager_id
        WHERE f.organization_id = $1 AND ${where}
        ORDER BY f.created_at DESC LIMIT 200`,
      params,
    );
    return rows.map((r: Record<string, unknown>) => ({
      id: r.id,
      organizationId: r.organization_id,
      userId: r.user_id,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      toolId: r.tool_id,
      toolName: r.tool_name,
      dataClass: r.data_class,
      reason: r.reason,
      status: r.status,
      decidedBy: r.decided_by,
      decisionNote: r.decision_note,
      decidedAt: r.decided_at ? new Date(r.decided_at as string) : null,
      createdAt: new Date(r.created_at as string),
      userName: r.user_name,
      managerId: r.manager_id,
      managerActive: r.manager_active,
    })) as never;
  }
}
