import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { Role, UserList, UserSummary } from '@freiraum/contracts';
import { User } from './user.entity.js';
import type { ExistingImportUser } from './users-import.policy.js';

export interface UserListFilter {
  q?: string;
  role?: Role;
  departmentId?: string;
  active: 'true' | 'false' | 'all';
  limit: number;
  offset: number;
}

interface SummaryRow {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  roles: Role[];
  active: boolean;
  trackSlug: string | null;
  departmentId: string | null;
  departmentName: string | null;
  managerId: string | null;
  managerName: string | null;
  directReportCount: number;
  hasPassword: boolean;
  deactivatedAt: Date | string | null;
  erasedAt: Date | string | null;
  createdAt: Date | string;
}

const SUMMARY_SELECT = `
  SELECT u.id, u.email, u.first_name AS "firstName", u.last_name AS "lastName", u.roles, u.active,
         t.slug AS "trackSlug", u.department_id AS "departmentId", d.name AS "departmentName",
         u.manager_id AS "managerId",
         CASE WHEN m.id IS NULL THEN NULL ELSE m.first_name || ' ' || m.last_name END AS "managerName",
         (SELECT count(*)::int FROM users r
           WHERE r.manager_id = u.id AND r.organization_id = u.organization_id AND r.active) AS "directReportCount",
         u.password_hash IS NOT NULL AS "hasPassword", u.deactivated_at AS "deactivatedAt", u.erased_at AS "erasedAt", u.created_at AS "createdAt"
    FROM users u
    LEFT JOIN tracks t ON t.id = u.track_id AND t.organization_id = u.organization_id
    LEFT JOIN departments d ON d.id = u.department_id AND d.organization_id = u.organization_id
    LEFT JOIN users m ON m.id = u.manager_id AND m.organization_id = u.organization_id`;

// Rows per INSERT statement: well below PostgreSQL's 65,535 bind parameters.
const INSERT_BATCH = 500;

const iso = (value: Date | string) => new Date(value).toISOString();

const toSummary = (row: SummaryRow): UserSummary => ({
  ...row,
  deactivatedAt: row.deactivatedAt ? iso(row.deactivatedAt) : null,
  erasedAt: row.erasedAt ? iso(row.erasedAt) : null,
  createdAt: iso(row.createdAt),
});

// Postgres LIKE treats % and _ as wildcards; a search for "a_b" means the characters.
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// All SQL about users. Every query is scoped by the organisation id (except the system-wide e-mail check).
@Injectable()
export class UsersRepository {
  async findSummary(em: EntityManager, organizationId: string, id: string): Promise<UserSummary | null> {
    const rows: SummaryRow[] = await em.query(`${SUMMARY_SELECT} WHERE u.organization_id = $1 AND u.id = $2`, [
      organizationId,
      id,
    ]);
    return rows[0] ? toSummary(rows[0]) : null;
  }

  async list(em: EntityManager, organizationId: string, filter: UserListFilter): Promise<UserList> {
    const params: unknown[] = [organizationId];
    const where = ['u.organization_id = $1'];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (filter.active !== 'all') where.push(`u.active = ${param(filter.active === 'true')}`);
    if (filter.role) where.push(`${param(filter.role)} = ANY(u.roles)`);
    if (filter.departmentId) where.push(`u.department_id = ${param(filter.departmentId)}`);
    if (filter.q) {
      const p = param(likePattern(filter.q));
      where.push(`(u.email ILIKE ${p} OR u.first_name ILIKE ${p} OR u.last_name ILIKE ${p}
                   OR (u.first_name || ' ' || u.last_name) ILIKE ${p})`);
    }
    const condition = where.join(' AND ');
    const [{ total }] = (await em.query(`SELECT count(*)::int AS total FROM users u WHERE ${condition}`, params)) as [
      { total: number },
    ];
    const rows: SummaryRow[] = await em.query(
      `${SUMMARY_SELECT} WHERE ${condition}
        ORDER BY lower(u.last_name), lower(u.first_name), u.id
        LIMIT ${param(filter.limit)} OFFSET ${param(filter.offset)}`,
      params,
    );
    return { items: rows.map(toSummary), total };
  }

  findUser(em: EntityManager, organizationId: string, id: string): Promise<User | null> {
    return em.findOne(User, { where: { id, organizationId } });
  }

  /** E-mail addresses are unique across all organisations (sign-in is by e-mail alone). */
  findUserByEmail(em: EntityManager, email: string): Promise<User | null> {
    return em.findOne(User, { where: { email: email.toLowerCase() } });
  }

  findUsers(em: EntityManager, organizationId: string, ids: string[]): Promise<User[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return em.find(User, { where: { organizationId, id: In(ids) } });
  }

  /** Who reports to whom, for every user of the organisation. */
  async managerMap(em: EntityManager, organizationId: string): Promise<Map<string, string | null>> {
    const rows: Array<{ id: string; managerId: string | null }> = await em.query(
      `SELECT id, manager_id AS "managerId" FROM users WHERE organization_id = $1`,
      [organizationId],
    );
    return new Map(rows.map((r) => [r.id, r.managerId]));
  }

  /** Direct reports, active or not: a departing manager hands over all of them. */
  async directReports(
    em: EntityManager,
    organizationId: string,
    managerId: string,
  ): Promise<Array<{ id: string; active: boolean }>> {
    return em.query(`SELECT id, active FROM users WHERE organization_id = $1 AND manager_id = $2 ORDER BY id`, [
      organizationId,
      managerId,
    ]);
  }

  async activeReportCounts(
    em: EntityManager,
    organizationId: string,
    managerIds: string[],
  ): Promise<Map<string, number>> {
    if (managerIds.length === 0) return new Map();
    const rows: Array<{ managerId: string; count: number }> = await em.query(
      `SELECT manager_id AS "managerId", count(*)::int AS count FROM users
        WHERE organization_id = $1 AND active AND manager_id = ANY($2::uuid[])
        GROUP BY manager_id`,
      [organizationId, managerIds],
    );
    return new Map(rows.map((r) => [r.managerId, r.count]));
  }

  async activeAdminIds(em: EntityManager, organizationId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await em.query(
      `SELECT id FROM users WHERE organization_id = $1 AND active AND 'admin' = ANY(roles)`,
      [organizationId],
    );
    return rows.map((r) => r.id);
  }

  async insertUser(
    em: EntityManager,
    user: Pick<
      User,
      | 'organizationId'
      | 'email'
      | 'firstName'
      | 'lastName'
      | 'roles'
      | 'trackId'
      | 'departmentId'
      | 'managerId'
      | 'language'
    >,
  ): Promise<string> {
    const result = await em.insert(User, {
      ...user,
      email: user.email.toLowerCase(),
      passwordHash: null,
      active: true,
      deactivatedAt: null,
    });
    return result.identifiers[0]!.id as string;
  }

  /** Many new users in few statements (CSV import); ids are chosen by the caller. */
  async insertUsers(
    em: EntityManager,
    users: Array<
      Pick<
        User,
        | 'id'
        | 'organizationId'
        | 'email'
        | 'firstName'
        | 'lastName'
        | 'roles'
        | 'trackId'
        | 'departmentId'
        | 'managerId'
        | 'language'
      >
    >,
  ): Promise<void> {
    for (let i = 0; i < users.length; i += INSERT_BATCH) {
      await em.insert(
        User,
        users
          .slice(i, i + INSERT_BATCH)
          .map((u) => ({ ...u, email: u.email.toLowerCase(), passwordHash: null, active: true, deactivatedAt: null })),
      );
    }
  }

  async updateUser(em: EntityManager, organizationId: string, id: string, patch: Partial<User>): Promise<void> {
    await em.update(User, { id, organizationId }, patch as never);
  }

  async setManager(
    em: EntityManager,
    organizationId: string,
    userIds: string[],
    managerId: string | null,
  ): Promise<void> {
    if (userIds.length === 0) return;
    await em.update(User, { organizationId, id: In(userIds) }, { managerId });
  }

  /** The organisation's users as the import compares them. */
  async importSnapshot(em: EntityManager, organizationId: string): Promise<ExistingImportUser[]> {
    return em.query(
      `SELECT id, email, first_name AS "firstName", last_name AS "lastName", roles, department_id AS "departmentId",
              track_id AS "trackId", manager_id AS "managerId", active
         FROM users WHERE organization_id = $1`,
      [organizationId],
    );
  }

  /** Which of these addresses belong to accounts of other organisations. */
  async emailsOfOtherOrganizations(em: EntityManager, organizationId: string, emails: string[]): Promise<Set<string>> {
    if (emails.length === 0) return new Set();
    const rows: Array<{ email: string }> = await em.query(
      `SELECT email FROM users WHERE organization_id <> $1 AND email = ANY($2::text[])`,
      [organizationId, emails],
    );
    return new Set(rows.map((r) => r.email));
  }

  /** Moves submitted practice work from a departing reviewer to each learner's current reviewer. */
  async reassignPendingReviews(
    em: EntityManager,
    organizationId: string,
    fromUserId: string,
  ): Promise<{ attemptId: string; reviewerId: string }[]> {
    // TypeORM answers an UPDATE … RETURNING with [rows, count].
    const [rows]: [{ id: string; reviewer_id: string }[], number] = await em.query(
      `UPDATE exercise_attempts a SET reviewer_id = coalesce(
          (SELECT m.id FROM users u JOIN users m ON m.id = u.manager_id AND m.active AND m.id <> $2 WHERE u.id = a.user_id),
          (SELECT id FROM users WHERE organization_id = $1 AND active AND id NOT IN (a.user_id, $2) AND 'hr' = ANY(roles) ORDER BY created_at, id LIMIT 1),
          (SELECT id FROM users WHERE organization_id = $1 AND active AND id NOT IN (a.user_id, $2) AND 'admin' = ANY(roles) ORDER BY created_at, id LIMIT 1),
          a.reviewer_id)
        WHERE a.organization_id = $1 AND a.reviewer_id = $2 AND a.status = 'submitted'
        RETURNING a.id, a.reviewer_id`,
      [organizationId, fromUserId],
    );
    // A row whose reviewer stayed the same found nobody else to go to; it keeps its reviewer.
    return rows.filter((r) => r.reviewer_id !== fromUserId).map((r) => ({ attemptId: r.id, reviewerId: r.reviewer_id }));
  }
}
