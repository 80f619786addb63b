import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AiPolicy, DataClass, Outcome, Visibility } from '@freiraum/contracts';
import { Organization } from '../organizations/organization.entity.js';
import { FreiraumRequest } from '../freiraum/freiraum-request.entity.js';
import { JournalEntry, JournalKudos, UseCase } from './journal-entry.entity.js';

/** An entry as a viewer sees it: the row plus its author's place in the reporting lines and its kudos. */
export interface EntryRow {
  id: string;
  userId: string;
  requestId: string | null;
  goal: string;
  toolId: string;
  toolName: string;
  dataClass: DataClass;
  outcome: Outcome;
  minutesSaved: number;
  learned: string;
  visibility: Visibility;
  createdAt: Date;
  /** Null once the author is erased. */
  authorName: string | null;
  authorManagerId: string | null;
  kudosCount: number;
  kudosByMe: boolean;
  useCaseId: string | null;
}

export interface UseCaseRow {
  id: string;
  title: string;
  summary: string;
  entryId: string;
  outcome: Outcome;
  minutesSaved: number;
  toolId: string;
  toolName: string;
  trackId: string | null;
  trackName: string | null;
  departmentId: string | null;
  departmentName: string | null;
  /** Null (with the name) once the author is erased. */
  authorId: string | null;
  authorName: string | null;
  promotedByName: string | null;
  createdAt: Date;
}

export type EntryFilter =
  { kind: 'id'; id: string } | { kind: 'own' } | { kind: 'feed'; scope: 'all' | 'team'; outcome?: Outcome };

export interface UseCaseFilter {
  id?: string;
  q?: string;
  trackId?: string;
  departmentId?: string;
  toolId?: string;
}

// Erasure anonymises the user row (e-mail becomes erased-…), see certificates.service.ts.
const ERASED = (alias: string) => `${alias}.email LIKE 'erased-%'`;

// The caller ("me") is in the author's ("a") team audience; mirrors inTeamAudience in journal.policy.ts.
const IN_TEAM = `(a.manager_id = me.id OR (a.manager_id IS NOT NULL AND a.manager_id = me.manager_id) OR me.manager_id = a.id)`;

// An open or confirmed flag keeps an entry out of everyone else's sight, whatever its visibility says.
const NOT_BLOCKED = `NOT EXISTS (SELECT 1 FROM governance_flags f
  WHERE f.subject_type = 'journal_entry' AND f.subject_id = e.id AND f.status IN ('open', 'confirmed'))`;

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// All journal and use-case SQL. Every query is scoped by organisation.
@Injectable()
export class JournalRepository {
  async aiPolicy(em: EntityManager, organizationId: string): Promise<AiPolicy> {
    const org = await em.findOneByOrFail(Organization, { id: organizationId });
    return org.aiPolicy;
  }

  async request(em: EntityManager, organizationId: string, id: string): Promise<FreiraumRequest | null> {
    return em.findOne(FreiraumRequest, { where: { id, organizationId } });
  }

  async entryForRequest(em: EntityManager, organizationId: string, requestId: string): Promise<string | null> {
    const rows: { id: string }[] = await em.query(
      `SELECT id FROM journal_entries WHERE organization_id = $1 AND request_id = $2`,
      [organizationId, requestId],
    );
    return rows[0]?.id ?? null;
  }

  async insertEntry(em: EntityManager, entry: Omit<JournalEntry, 'id' | 'user'>): Promise<JournalEntry> {
    return em.save(JournalEntry, em.create(JournalEntry, entry));
  }

  async entryForUpdate(em: EntityManager, organizationId: string, id: string): Promise<JournalEntry | null> {
    return em.findOne(JournalEntry, { where: { id, organizationId }, lock: { mode: 'pessimistic_write' } });
  }

  async saveEntry(em: EntityManager, entry: JournalEntry): Promise<void> {
    await em.save(JournalEntry, entry);
  }

  /** The author's current track and department, copied into a use case at promotion. */
  async authorPlacement(
    em: EntityManager,
    organizationId: string,
    userId: string,
  ): Promise<{ trackId: string | null; departmentId: string | null }> {
    const rows: { trackId: string | null; departmentId: string | null }[] = await em.query(
      `SELECT track_id AS "trackId", department_id AS "departmentId" FROM users WHERE id = $1 AND organization_id = $2`,
      [userId, organizationId],
    );
    return rows[0] ?? { trackId: null, departmentId: null };
  }

  /** Entries with what the viewer needs to see them, newest first, and the total without paging. */
  async entries(
    em: EntityManager,
    input: { organizationId: string; viewerId: string; filter: EntryFilter; limit?: number; offset?: number },
  ): Promise<{ rows: EntryRow[]; total: number }> {
    const params: unknown[] = [input.organizationId, input.viewerId];
    const add = (v: unknown) => `$${params.push(v)}`;
    const where = ['e.organization_id = $1'];
    const f = input.filter;
    if (f.kind === 'id') where.push(`e.id = ${add(f.id)}`);
    else if (f.kind === 'own') where.push('e.user_id = $2');
    else {
      where.push(
        'e.user_id <> $2',
        NOT_BLOCKED,
        `(e.visibility = 'organization' OR (e.visibility = 'team' AND ${IN_TEAM}))`,
      );
      if (f.scope === 'team') where.push(IN_TEAM);
      if (f.outcome) where.push(`e.outcome = ${add(f.outcome)}`);
    }
    const from = `FROM journal_entries e
      JOIN users a ON a.id = e.user_id
      JOIN users me ON me.id = $2 AND me.organization_id = $1
     WHERE ${where.join(' AND ')}`;
    const page = f.kind === 'id' ? '' : `LIMIT ${add(input.limit ?? 50)} OFFSET ${add(input.offset ?? 0)}`;
    const rows: EntryRow[] = await em.query(
      `SELECT e.id, e.user_id AS "userId", e.request_id AS "requestId", e.goal, e.tool_id AS "toolId", e.tool_name AS "toolName",
              e.data_class AS "dataClass", e.outcome, e.minutes_saved AS "minutesSaved", e.learned, e.visibility,
              e.created_at AS "createdAt",
              CASE WHEN ${ERASED('a')} THEN NULL ELSE a.first_name || ' ' || a.last_name END AS "authorName",
              a.manager_id AS "authorManagerId",
              (SELECT count(*)::int FROM journal_kudos k WHERE k.entry_id = e.id) AS "kudosCount",
              EXISTS (SELECT 1 FROM journal_kudos k WHERE k.entry_id = e.id AND k.user_id = $2) AS "kudosByMe",
              (SELECT uc.id FROM use_cases uc WHERE uc.entry_id = e.id) AS "useCaseId"
         ${from}
        ORDER BY e.created_at DESC, e.id DESC
        ${page}`,
      params,
    );
    if (f.kind === 'id') return { rows: rows.map(withDate), total: rows.length };
    const [{ total }]: { total: number }[] = await em.query(
      `SELECT count(*)::int AS total ${from}`,
      params.slice(0, params.length - 2),
    );
    return { rows: rows.map(withDate), total };
  }

  /** true if this gave a new kudos; false if the person had already given one. */
  async addKudos(
    em: EntityManager,
    kudos: { organizationId: string; entryId: string; userId: string; createdAt: Date },
  ): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `INSERT INTO journal_kudos (organization_id, entry_id, user_id, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (entry_id, user_id) DO NOTHING RETURNING id`,
      [kudos.organizationId, kudos.entryId, kudos.userId, kudos.createdAt],
    );
    return rows.length > 0;
  }

  /** true if a kudos was withdrawn. */
  async removeKudos(em: EntityManager, organizationId: string, entryId: string, userId: string): Promise<boolean> {
    const result = await em.delete(JournalKudos, { organizationId, entryId, userId });
    return (result.affected ?? 0) > 0;
  }

  async kudosState(
    em: EntityManager,
    entryId: string,
    userId: string,
  ): Promise<{ kudosCount: number; kudosByMe: boolean }> {
    const [row]: { kudosCount: number; kudosByMe: boolean }[] = await em.query(
      `SELECT count(*)::int AS "kudosCount", coalesce(bool_or(user_id = $2), false) AS "kudosByMe" FROM journal_kudos WHERE entry_id = $1`,
      [entryId, userId],
    );
    return row;
  }

  async insertUseCase(em: EntityManager, useCase: Omit<UseCase, 'id' | 'entry'>): Promise<UseCase> {
    return em.save(UseCase, em.create(UseCase, useCase));
  }

  /**
   * The library, newest first. Entries their author made private again drop out of it; track names come in
   * the viewer's language.
   */
  async useCases(
    em: EntityManager,
    input: { organizationId: string; viewerId: string; filter: UseCaseFilter; limit?: number; offset?: number },
  ): Promise<{ rows: UseCaseRow[]; total: number }> {
    const params: unknown[] = [input.organizationId];
    const add = (v: unknown) => `$${params.push(v)}`;
    const where = ['uc.organization_id = $1', `e.visibility <> 'private'`];
    const f = input.filter;
    if (f.id) where.push(`uc.id = ${add(f.id)}`);
    if (f.trackId) where.push(`uc.track_id = ${add(f.trackId)}`);
    if (f.departmentId) where.push(`uc.department_id = ${add(f.departmentId)}`);
    if (f.toolId) where.push(`e.tool_id = ${add(f.toolId)}`);
    if (f.q) {
      const p = add(likePattern(f.q));
      where.push(`(uc.title ILIKE ${p} OR uc.summary ILIKE ${p} OR e.goal ILIKE ${p} OR e.learned ILIKE ${p})`);
    }
    const from = `FROM use_cases uc
      JOIN journal_entries e ON e.id = uc.entry_id AND e.organization_id = uc.organization_id
     WHERE ${where.join(' AND ')}`;
    const filterParams = params.slice();
    const viewer = add(input.viewerId);
    const rows: UseCaseRow[] = await em.query(
      `SELECT uc.id, uc.title, uc.summary, uc.entry_id AS "entryId", e.outcome, e.minutes_saved AS "minutesSaved",
              e.tool_id AS "toolId", e.tool_name AS "toolName",
              uc.track_id AS "trackId", CASE WHEN v.lang = 'en' THEN t.name_en ELSE t.name_de END AS "trackName",
              uc.department_id AS "departmentId", d.name AS "departmentName",
              CASE WHEN a.id IS NULL OR ${ERASED('a')} THEN NULL ELSE a.id END AS "authorId",
              CASE WHEN a.id IS NULL OR ${ERASED('a')} THEN NULL ELSE a.first_name || ' ' || a.last_name END AS "authorName",
              CASE WHEN p.id IS NULL OR ${ERASED('p')} THEN NULL ELSE p.first_name || ' ' || p.last_name END AS "promotedByName",
              uc.created_at AS "createdAt"
         FROM use_cases uc
         JOIN journal_entries e ON e.id = uc.entry_id AND e.organization_id = uc.organization_id
         LEFT JOIN users a ON a.id = e.user_id
         LEFT JOIN users p ON p.id = uc.promoted_by AND p.organization_id = uc.organization_id
         LEFT JOIN tracks t ON t.id = uc.track_id
         LEFT JOIN departments d ON d.id = uc.department_id
         CROSS JOIN (SELECT coalesce(u.language, o.default_language) AS lang
                       FROM users u JOIN organizations o ON o.id = u.organization_id WHERE u.id = ${viewer}) v
        WHERE ${where.join(' AND ')}
        ORDER BY uc.created_at DESC, uc.id DESC
        LIMIT ${add(input.limit ?? 50)} OFFSET ${add(input.offset ?? 0)}`,
      params,
    );
    const [{ total }]: { total: number }[] = await em.query(`SELECT count(*)::int AS total ${from}`, filterParams);
    return { rows: rows.map(withDate), total };
  }
}

// Raw queries return timestamptz as Date on node-postgres but as strings on some drivers; normalise.
function withDate<T extends { createdAt: Date }>(row: T): T {
  return { ...row, createdAt: new Date(row.createdAt) };
}
