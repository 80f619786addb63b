import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FreiraumRequestStatus, Language } from '@freiraum/contracts';
import type { Balance, Period } from './freiraum.policy.js';
import { dateText } from '../database/date-text.js';
import { personNameSql } from '../database/person-name.js';
import { FreiraumAllocation } from './freiraum-allocation.entity.js';
import { FreiraumRequest } from './freiraum-request.entity.js';
import { FreiraumDelegation } from './freiraum-delegation.entity.js';

/** A request with the names and facts a list shows. */
export interface RequestRow extends FreiraumRequest {
  userName: string;
  decidedByName: string | null;
  periodKey: string;
  purposeTitle: string | null;
  hasJournalEntry: boolean;
}

/** The people around a requester that decide who may decide. */
export interface DecisionFacts {
  requesterId: string;
  managerId: string | null;
  managersManagerId: string | null;
  delegateIds: string[];
}

export interface BalanceRow extends Balance {
  userId: string;
  customAllocation: boolean;
}

const REQUEST_VIEW = `
  SELECT r.*, ${personNameSql('u')} AS "userName",
         CASE WHEN d.id IS NULL THEN NULL ELSE ${personNameSql('d')} END AS "decidedByName",
         a.period_key AS "periodKey",
         coalesce(m.title ->> $LANG, m.title ->> 'de', uc.title) AS "purposeTitle",
         EXISTS (SELECT 1 FROM journal_entries j WHERE j.request_id = r.id) AS "hasJournalEntry"
    FROM freiraum_requests r
    JOIN users u ON u.id = r.user_id
    JOIN freiraum_allocations a ON a.id = r.allocation_id
    LEFT JOIN users d ON d.id = r.decided_by
    LEFT JOIN learning_items li ON li.id = r.exercise_id
    LEFT JOIN learning_modules m ON m.id = coalesce(li.module_id, r.exercise_id)
    LEFT JOIN use_cases uc ON uc.id = r.use_case_id`;

const toRow = (r: Record<string, unknown>): RequestRow =>
  ({
    id: r.id,
    organizationId: r.organization_id,
    userId: r.user_id,
    allocationId: r.allocation_id,
    slotDate: dateText(r.slot_date),
    hours: Number(r.hours),
    purposeType: r.purpose_type,
    exerciseId: r.exercise_id,
    useCaseId: r.use_case_id,
    purpose: r.purpose,
    status: r.status,
    decidedBy: r.decided_by,
    decisionNote: r.decision_note,
    decidedAt: r.decided_at,
    escalatedAt: r.escalated_at,
    createdAt: r.created_at,
    userName: r.userName,
    decidedByName: r.decidedByName,
    periodKey: r.periodKey,
    purposeTitle: r.purposeTitle,
    hasJournalEntry: r.hasJournalEntry,
  }) as RequestRow;

// Sums over an allocation's requests; `used` needs today, so it is computed here rather than stored.
const BALANCE_SUMS = `
  coalesce(sum(r.hours) FILTER (WHERE r.status = 'pending'), 0) AS pending,
  coalesce(sum(r.hours) FILTER (WHERE r.status = 'approved'), 0) AS approved,
  coalesce(sum(r.hours) FILTER (WHERE r.status = 'approved' AND r.slot_date < $TODAY), 0) AS used`;

@Injectable()
export class FreiraumRepository {
  /** Creates the person's allocation for the period with the policy default, unless it exists. */
  async ensureAllocation(em: EntityManager, input: { organizationId: string; userId: string; period: Period; hours: number; now: Date }): Promise<void> {
    await em.query(
      `INSERT INTO freiraum_allocations (organization_id, user_id, period_key, period_start, period_end, hours, committed_hours, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, 0, $7) ON CONFLICT (user_id, period_key) DO NOTHING`,
      [input.organizationId, input.userId, input.period.key, input.period.start, input.period.end, input.hours, input.now],
    );
  }

  /** The allocation row, locked until the transaction ends: requests and changes to it queue here. */
  lockAllocation(em: EntityManager, userId: string, periodKey: string): Promise<FreiraumAllocation> {
    return em.findOneOrFail(FreiraumAllocation, { where: { userId, periodKey }, lock: { mode: 'pessimistic_write' } });
  }

  async balanceOf(em: EntityManager, allocation: FreiraumAllocation, today: string): Promise<Balance> {
    const [row] = await em.query(`SELECT ${BALANCE_SUMS.replaceAll('$TODAY', '$2')} FROM freiraum_requests r WHERE r.allocation_id = $1`, [allocation.id, today]);
    return toBalance(allocation.hours, row);
  }

  /** Balances of these people for a period; people without an allocation row get the default. */
  async balances(em: EntityManager, userIds: string[], periodKey: string, defaultHours: number, today: string): Promise<Map<string, BalanceRow>> {
    if (!userIds.length) return new Map();
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT u.id AS "userId", a.hours, a.set_by IS NOT NULL AS custom, ${BALANCE_SUMS.replaceAll('$TODAY', '$3')}
         FROM users u
         LEFT JOIN freiraum_allocations a ON a.user_id = u.id AND a.period_key = $2
         LEFT JOIN freiraum_requests r ON r.allocation_id = a.id
        WHERE u.id = ANY($1)
        GROUP BY u.id, a.id`,
      [userIds, periodKey, today],
    );
    return new Map(
      rows.map((r) => [
        r.userId as string,
        { userId: r.userId as string, customAllocation: Boolean(r.custom), ...toBalance(r.hours === null ? defaultHours : Number(r.hours), r) },
      ]),
    );
  }

  async setAllocationHours(em: EntityManager, id: string, hours: number, setBy: string, now: Date): Promise<void> {
    await em.update(FreiraumAllocation, { id }, { hours, setBy, updatedAt: now });
  }

  /** Allocations still following the policy default (nobody set them) in periods not yet over. */
  async followDefault(em: EntityManager, organizationId: string, hours: number, today: string, now: Date): Promise<number> {
    // Never below what is already committed: the check constraint would refuse it, and those hours are promised.
    const [, count] = await em.query(
      `UPDATE freiraum_allocations SET hours = greatest($2::numeric, committed_hours), updated_at = $4
        WHERE organization_id = $1 AND set_by IS NULL AND period_end > $3 AND hours <> greatest($2::numeric, committed_hours)`,
      [organizationId, hours, today, now],
    );
    return Number(count);
  }

  async insertRequest(em: EntityManager, request: Omit<FreiraumRequest, 'id'>): Promise<string> {
    const result = await em.insert(FreiraumRequest, request);
    return (result.identifiers[0] as { id: string }).id;
  }

  async findRequest(em: EntityManager, organizationId: string, id: string, lang: Language): Promise<RequestRow | null> {
    const rows: Record<string, unknown>[] = await em.query(`${view(lang)} WHERE r.id = $1 AND r.organization_id = $2`, [id, organizationId]);
    return rows[0] ? toRow(rows[0]) : null;
  }

  /** Locks the request row for a decision or cancellation. */
  lockRequest(em: EntityManager, organizationId: string, id: string): Promise<FreiraumRequest | null> {
    return em.findOne(FreiraumRequest, { where: { id, organizationId }, lock: { mode: 'pessimistic_write' } });
  }

  async updateRequest(em: EntityManager, id: string, changes: Partial<FreiraumRequest>): Promise<void> {
    await em.update(FreiraumRequest, { id }, changes);
  }

  async listOwn(em: EntityManager, userId: string, filter: { periodKey?: string; status?: FreiraumRequestStatus }, lang: Language): Promise<RequestRow[]> {
    const params: unknown[] = [userId];
    let where = 'r.user_id = $1';
    if (filter.periodKey) {
      params.push(filter.periodKey);
      where += ` AND a.period_key = $${params.length}`;
    }
    if (filter.status) {
      params.push(filter.status);
      where += ` AND r.status = $${params.length}`;
    }
    const rows: Record<string, unknown>[] = await em.query(`${view(lang)} WHERE ${where} ORDER BY r.slot_date DESC, r.created_at DESC LIMIT 500`, params);
    return rows.map(toRow);
  }

  /**
   * Pending requests the actor could possibly decide: of their reports, of reports of managers who named
   * them delegate today, escalated ones of their reports' reports, and for HR/admin those of people
   * without an active manager or escalated without a manager's manager. The policy makes the final call.
   */
  async inboxCandidates(em: EntityManager, organizationId: string, actorId: string, hrOrAdmin: boolean, today: string, lang: Language): Promise<RequestRow[]> {
    const rows: Record<string, unknown>[] = await em.query(
      `${view(lang)}
        LEFT JOIN users mg ON mg.id = u.manager_id AND mg.active
        LEFT JOIN users mm ON mm.id = mg.manager_id AND mm.active
       WHERE r.organization_id = $1 AND r.status = 'pending' AND r.user_id <> $2 AND (
             mg.id = $2
          OR mg.id IN (SELECT manager_id FROM freiraum_delegations WHERE delegate_id = $2 AND starts_on <= $3 AND ends_on >= $3)
          OR (r.escalated_at IS NOT NULL AND mm.id = $2)
          OR ($4 AND (mg.id IS NULL OR (r.escalated_at IS NOT NULL AND mm.id IS NULL))))
       ORDER BY r.escalated_at IS NULL, r.slot_date, r.created_at
       LIMIT 500`,
      [organizationId, actorId, today, hrOrAdmin],
    );
    return rows.map(toRow);
  }

  /** For each requester: active manager, that manager's active manager, and today's delegates. */
  async decisionFacts(em: EntityManager, requesterIds: string[], today: string): Promise<Map<string, DecisionFacts>> {
    if (!requesterIds.length) return new Map();
    const rows: { requesterId: string; managerId: string | null; managersManagerId: string | null; delegateIds: string[] }[] = await em.query(
      `SELECT u.id AS "requesterId", mg.id AS "managerId", mm.id AS "managersManagerId",
              coalesce((SELECT array_agg(DISTINCT d.delegate_id::text) FROM freiraum_delegations d JOIN users du ON du.id = d.delegate_id AND du.active
                         WHERE d.manager_id = mg.id AND d.starts_on <= $2 AND d.ends_on >= $2), '{}') AS "delegateIds"
         FROM users u
         LEFT JOIN users mg ON mg.id = u.manager_id AND mg.active
         LEFT JOIN users mm ON mm.id = mg.manager_id AND mm.active
        WHERE u.id = ANY($1)`,
      [requesterIds, today],
    );
    return new Map(rows.map((r) => [r.requesterId, r]));
  }

  /** Whether an active HR person other than this one exists (else an admin decides). */
  /** PRODUCT.md §4: a manager is someone with at least one (active) direct report. */
  async hasActiveReports(em: EntityManager, organizationId: string, userId: string): Promise<boolean> {
    // organization_id first: IDX_users_org_manager answers it.
    const [row] = await em.query(`SELECT EXISTS (SELECT 1 FROM users WHERE organization_id = $1 AND manager_id = $2 AND active) AS yes`, [
      organizationId,
      userId,
    ]);
    return row.yes === true;
  }

  async hrExistsBesides(em: EntityManager, organizationId: string, userId: string): Promise<boolean> {
    const rows = await em.query(`SELECT 1 FROM users WHERE organization_id = $1 AND active AND id <> $2 AND 'hr' = ANY(roles) LIMIT 1`, [organizationId, userId]);
    return rows.length > 0;
  }

  /** The organisation's active HR people. */
  async activeHrIds(em: EntityManager, organizationId: string): Promise<string[]> {
    const rows: { id: string }[] = await em.query(`SELECT id FROM users WHERE organization_id = $1 AND active AND 'hr' = ANY(roles)`, [organizationId]);
    return rows.map((r) => r.id);
  }

  /** Active HR people, else admins, other than the requester: who decides for someone without a manager. */
  async fallbackDeciders(em: EntityManager, organizationId: string, requesterId: string): Promise<string[]> {
    const rows: { id: string; hr: boolean }[] = await em.query(
      `SELECT id, 'hr' = ANY(roles) AS hr FROM users
        WHERE organization_id = $1 AND active AND id <> $2 AND ('hr' = ANY(roles) OR 'admin' = ANY(roles))`,
      [organizationId, requesterId],
    );
    const hr = rows.filter((r) => r.hr);
    return (hr.length ? hr : rows).map((r) => r.id);
  }

  /** Others in each requester's team (same manager, or the manager) with time that day. */
  async teammatesAway(
    em: EntityManager,
    requests: { id: string; userId: string; slotDate: string }[],
  ): Promise<Map<string, { userId: string; name: string; hours: number; status: FreiraumRequestStatus }[]>> {
    if (!requests.length) return new Map();
    const rows: { requestId: string; userId: string; name: string; hours: string; status: FreiraumRequestStatus }[] = await em.query(
      `SELECT q.id AS "requestId", o.user_id AS "userId", ${personNameSql('ou')} AS name, sum(o.hours) AS hours,
              min(o.status) AS status
         FROM freiraum_requests q
         JOIN users qu ON qu.id = q.user_id
         JOIN freiraum_requests o ON o.slot_date = q.slot_date AND o.user_id <> q.user_id AND o.status IN ('pending', 'approved')
         JOIN users ou ON ou.id = o.user_id AND (ou.manager_id = qu.manager_id OR ou.id = qu.manager_id)
        WHERE q.id = ANY($1)
        GROUP BY q.id, o.user_id, ou.first_name, ou.last_name, ou.erased_at
        ORDER BY name`,
      [requests.map((r) => r.id)],
    );
    const byRequest = new Map<string, { userId: string; name: string; hours: number; status: FreiraumRequestStatus }[]>();
    for (const r of rows) {
      const list = byRequest.get(r.requestId) ?? [];
      list.push({ userId: r.userId, name: r.name, hours: Number(r.hours), status: r.status });
      byRequest.set(r.requestId, list);
    }
    return byRequest;
  }

  directReports(em: EntityManager, organizationId: string, managerId: string): Promise<{ id: string; name: string }[]> {
    return em.query(
      `SELECT id, first_name || ' ' || last_name AS name FROM users
        WHERE organization_id = $1 AND manager_id = $2 AND active ORDER BY last_name, first_name`,
      [organizationId, managerId],
    );
  }

  async person(em: EntityManager, organizationId: string, id: string): Promise<{ id: string; name: string; managerId: string | null; active: boolean; language: Language | null } | null> {
    const rows = await em.query(
      `SELECT id, first_name || ' ' || last_name AS name, manager_id AS "managerId", active, language FROM users WHERE id = $1 AND organization_id = $2`,
      [id, organizationId],
    );
    return rows[0] ?? null;
  }

  async exerciseExists(em: EntityManager, id: string): Promise<boolean> {
    const rows = await em.query(
      `SELECT 1 FROM learning_items WHERE id = $1 AND retired_at IS NULL UNION ALL SELECT 1 FROM learning_modules WHERE id = $1 AND retired_at IS NULL`,
      [id],
    );
    return rows.length > 0;
  }

  async useCaseExists(em: EntityManager, organizationId: string, id: string): Promise<boolean> {
    const rows = await em.query(`SELECT 1 FROM use_cases WHERE id = $1 AND organization_id = $2`, [id, organizationId]);
    return rows.length > 0;
  }

  // ---------- delegations ----------

  async delegations(em: EntityManager, organizationId: string, userId: string, today: string): Promise<(FreiraumDelegation & { managerName: string; delegateName: string })[]> {
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT d.*, ${personNameSql('m')} AS manager_name, ${personNameSql('g')} AS delegate_name
         FROM freiraum_delegations d JOIN users m ON m.id = d.manager_id JOIN users g ON g.id = d.delegate_id
        WHERE d.organization_id = $1 AND (d.manager_id = $2 OR d.delegate_id = $2) AND d.ends_on >= $3
        ORDER BY d.starts_on, d.created_at`,
      [organizationId, userId, today],
    );
    return rows.map((r) => ({
      id: r.id as string,
      organizationId: r.organization_id as string,
      managerId: r.manager_id as string,
      delegateId: r.delegate_id as string,
      startsOn: dateText(r.starts_on),
      endsOn: dateText(r.ends_on),
      createdAt: r.created_at as Date,
      managerName: r.manager_name as string,
      delegateName: r.delegate_name as string,
    }));
  }

  async insertDelegation(em: EntityManager, d: Omit<FreiraumDelegation, 'id'>): Promise<string> {
    const result = await em.insert(FreiraumDelegation, d);
    return (result.identifiers[0] as { id: string }).id;
  }

  findDelegation(em: EntityManager, organizationId: string, id: string): Promise<FreiraumDelegation | null> {
    return em.findOneBy(FreiraumDelegation, { id, organizationId });
  }

  async deleteDelegation(em: EntityManager, id: string): Promise<void> {
    await em.delete(FreiraumDelegation, { id });
  }

  // ---------- escalation ----------

  /** Claims pending requests older than their organisation's escalation days, marking them escalated. */
  async escalateDue(em: EntityManager, now: Date): Promise<{ id: string; organizationId: string; userId: string; slotDate: string; hours: number; managerId: string | null; managersManagerId: string | null }[]> {
    const [rows] = await em.query(
      `UPDATE freiraum_requests r SET escalated_at = $1
         FROM organizations o, users u
         LEFT JOIN users mg ON mg.id = u.manager_id AND mg.active
        WHERE o.id = r.organization_id AND u.id = r.user_id AND r.status = 'pending' AND r.escalated_at IS NULL
          AND r.created_at < $1::timestamptz - make_interval(days => o.freiraum_escalation_days)
       RETURNING r.id, r.organization_id AS "organizationId", r.user_id AS "userId", r.slot_date AS "slotDate", r.hours,
                 mg.id AS "managerId", mg.manager_id AS "managersManagerId"`,
      [now],
    );
    return (rows as Record<string, unknown>[]).map((r) => ({ ...(r as object), slotDate: dateText(r.slotDate), hours: Number(r.hours) }) as never);
  }
}

const view = (lang: Language) => REQUEST_VIEW.replace('$LANG', `'${lang === 'en' ? 'en' : 'de'}'`);

function toBalance(allocated: number, sums: Record<string, unknown>): Balance {
  const pending = Number(sums.pending);
  const approved = Number(sums.approved);
  return { allocated, pending, approved, used: Number(sums.used), left: allocated - pending - approved };
}
