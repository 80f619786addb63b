import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { dateText } from '../database/date-text.js';
import {
  PATH_MODULES_SQL,
  cellKey,
  denseTrends,
  localStart,
  measured,
  mergeCells,
  num,
  userFilter,
  type Cell,
  type HrCellSource,
  type HrCells,
  type HrScope,
} from './hr-cells.js';
import { histogramPercentile } from './metrics.policy.js';

// The same cells as RollupCellSource, computed the plain way: aggregates over the base tables (lesson reads,
// attempts, completions, journal entries, requests, users) on every call, with the indexes those tables
// have, grouped per person where a figure counts distinct people. Not used by the endpoint: it is the
// reference for the equivalence test and the peer in `npm run bench`.
@Injectable()
export class PlainCellSource implements HrCellSource {
  async load(em: EntityManager, scope: HrScope): Promise<HrCells> {
    const cells = new Map<string, Cell>();
    const org = scope.organizationId;
    // Local days of the organisation: [start of `from`, start of the day after `to`).
    const inRange = (col: string) =>
      `${col} >= ${localStart('$2', '$4')} AND ${col} < ${localStart('($3::date + 1)', '$4')}`;
    const day = (col: string) => `(${col} AT TIME ZONE $4)::date`;
    const rangeParams = [org, scope.from, scope.to, scope.timeZone];

    // Every (department, track) somebody is in, so that both sources list the same cells.
    mergeCells(
      cells,
      await em.query(`SELECT DISTINCT department_id, track_id FROM users WHERE organization_id = $1`, [org]),
      () => undefined,
    );

    const range: Record<string, unknown>[] = await em.query(
      `WITH ev AS (
         SELECT user_id, ${day('read_at')} AS day, 1 AS act, 0 AS mc, 0 AS jl, 0 AS js, 0 AS w, 0 AS p, 0 AS f, 0 AS ms
           FROM lesson_reads WHERE organization_id = $1 AND ${inRange('read_at')}
         UNION ALL
         SELECT user_id, ${day('created_at')}, 1, 0, 0, 0, 0, 0, 0, 0 FROM exercise_attempts WHERE organization_id = $1 AND ${inRange('created_at')}
         UNION ALL
         SELECT user_id, ${day('completed_at')}, 0, 1, 0, 0, 0, 0, 0, 0 FROM module_completions WHERE organization_id = $1 AND ${inRange('completed_at')}
         UNION ALL
         SELECT user_id, ${day('created_at')}, 1, 0, 1, 0, (outcome = 'worked')::int, (outcome = 'partly')::int, (outcome = 'failed')::int, minutes_saved
           FROM journal_entries WHERE organization_id = $1 AND ${inRange('created_at')}
         UNION ALL
         SELECT user_id, ${day('shared_at')}, 0, 0, 0, 1, 0, 0, 0, 0 FROM journal_entries WHERE organization_id = $1 AND ${inRange('shared_at')}
         UNION ALL
         SELECT user_id, ${day('created_at')}, 1, 0, 0, 0, 0, 0, 0, 0 FROM freiraum_requests WHERE organization_id = $1 AND ${inRange('created_at')}),
       uw AS (SELECT user_id, date_trunc('week', day)::date AS wk, sum(act) act, sum(mc) mc, sum(jl) jl, sum(js) js, sum(w) w, sum(p) p, sum(f) f, sum(ms) ms
                FROM ev GROUP BY 1, 2),
       uu AS (SELECT user_id, sum(act) act, sum(mc) mc, sum(jl) jl, sum(js) js, sum(w) w, sum(p) p, sum(f) f, sum(ms) ms FROM uw GROUP BY 1)
       SELECT 'range' AS kind, NULL::date AS wk, u.department_id, u.track_id,
              count(*) FILTER (WHERE act > 0) AS active, sum(mc) AS mc, count(*) FILTER (WHERE mc > 0) AS mc_people,
              sum(js) AS js, count(*) FILTER (WHERE js > 0) AS js_people, sum(jl) AS jl, count(*) FILTER (WHERE jl > 0) AS jl_people,
              sum(w) AS w, count(*) FILTER (WHERE w > 0) AS w_people, sum(p) AS p, count(*) FILTER (WHERE p > 0) AS p_people,
              sum(f) AS f, count(*) FILTER (WHERE f > 0) AS f_people, sum(ms) AS ms
         FROM uu JOIN users u ON u.id = uu.user_id GROUP BY 3, 4
       UNION ALL
       SELECT 'week', wk, u.department_id, u.track_id,
              count(*) FILTER (WHERE act > 0), sum(mc), count(*) FILTER (WHERE mc > 0), sum(js), count(*) FILTER (WHERE js > 0),
              sum(jl), count(*) FILTER (WHERE jl > 0), 0, 0, 0, 0, 0, 0, 0
         FROM uw JOIN users u ON u.id = uw.user_id GROUP BY 2, 3, 4`,
      rangeParams,
    );
    mergeCells(
      cells,
      range.filter((r) => r.kind === 'range'),
      (c, r) => {
        c.active = num(r.active);
        c.modulesCompleted = measured(r.mc, r.mc_people);
        c.experimentsShared = measured(r.js, r.js_people);
        c.outcomeWorked = measured(r.w, r.w_people);
        c.outcomePartly = measured(r.p, r.p_people);
        c.outcomeFailed = measured(r.f, r.f_people);
        c.minutesSaved = measured(r.ms, r.jl_people);
      },
    );

    const enrolled = await em.query(
      `WITH pm AS (${PATH_MODULES_SQL}),
       pc AS (SELECT track_slug, count(*)::int AS n FROM pm GROUP BY 1),
       people AS (SELECT u.id, u.department_id, u.track_id, t.slug, pc.n FROM users u JOIN tracks t ON t.id = u.track_id JOIN pc ON pc.track_slug = t.slug
                   WHERE u.organization_id = $1 AND u.active),
       done AS (SELECT mc.user_id, count(*)::int AS c FROM module_completions mc
                  JOIN people pe ON pe.id = mc.user_id JOIN pm ON pm.module_id = mc.module_id AND pm.track_slug = pe.slug
                 WHERE mc.organization_id = $1 AND (mc.completed_at AT TIME ZONE $3)::date <= $2 GROUP BY 1)
       SELECT pe.department_id, pe.track_id, count(*) AS enrolled, sum(pe.n) AS assigned, coalesce(sum(done.c), 0) AS completed
         FROM people pe LEFT JOIN done ON done.user_id = pe.id GROUP BY 1, 2`,
      [org, scope.to, scope.timeZone],
    );
    mergeCells(cells, enrolled, (c, r) => {
      c.enrolled = num(r.enrolled);
      c.assigned = num(r.assigned);
      c.completed = num(r.completed);
    });

    const allocated = await em.query(
      `SELECT u.department_id, u.track_id, count(DISTINCT u.id) AS people, sum(coalesce(a.hours, $3)) AS hours
         FROM users u CROSS JOIN unnest($2::text[]) AS p(key)
         LEFT JOIN freiraum_allocations a ON a.user_id = u.id AND a.period_key = p.key
        WHERE u.organization_id = $1 AND u.active
        GROUP BY 1, 2`,
      [org, scope.periodKeys, scope.defaultHours],
    );
    mergeCells(cells, allocated, (c, r) => (c.freiraumAllocated = measured(r.hours, r.people)));
    const approved = await em.query(
      `SELECT u.department_id, u.track_id, sum(r.hours) AS hours, count(DISTINCT r.user_id) AS people,
              coalesce(sum(r.hours) FILTER (WHERE r.slot_date < $4), 0) AS used, count(DISTINCT r.user_id) FILTER (WHERE r.slot_date < $4) AS used_people
         FROM freiraum_requests r JOIN users u ON u.id = r.user_id
        WHERE r.organization_id = $1 AND r.status = 'approved' AND r.slot_date BETWEEN $2 AND $3
        GROUP BY 1, 2`,
      [org, scope.from, scope.to, scope.today],
    );
    mergeCells(cells, approved, (c, r) => {
      c.freiraumApproved = measured(r.hours, r.people);
      c.freiraumUsed = measured(r.used, r.used_people);
    });

    const funnel: Record<string, unknown>[] = await em.query(
      `WITH firsts AS (
         SELECT lr.user_id, li.module_id, min(lr.read_at) AS t FROM lesson_reads lr JOIN learning_items li ON li.id = lr.item_id WHERE lr.organization_id = $1 GROUP BY 1, 2
         UNION ALL
         SELECT ea.user_id, li.module_id, min(ea.created_at) FROM exercise_attempts ea JOIN learning_items li ON li.id = ea.item_id WHERE ea.organization_id = $1 GROUP BY 1, 2
         UNION ALL
         SELECT user_id, module_id, min(completed_at) FROM module_completions WHERE organization_id = $1 GROUP BY 1, 2),
       s AS (SELECT user_id, module_id, (min(t) AT TIME ZONE $3)::date AS started_on FROM firsts GROUP BY 1, 2)
       SELECT s.module_id, u.department_id, u.track_id, count(*) AS started,
              count(*) FILTER (WHERE (mc.completed_at AT TIME ZONE $3)::date <= $2) AS completed
         FROM s JOIN users u ON u.id = s.user_id
         LEFT JOIN module_completions mc ON mc.user_id = s.user_id AND mc.module_id = s.module_id
        WHERE s.started_on <= $2
        GROUP BY 1, 2, 3`,
      [org, scope.to, scope.timeZone],
    );

    // Weeks: the person-week rows above, and approved hours by the week of their slot.
    const trends = denseTrends(scope, [...cells.values()]);
    const trendAt = new Map(trends.map((t) => [`${t.weekStart}|${cellKey(t.departmentId, t.trackId)}`, t]));
    const trend = (r: Record<string, unknown>) =>
      trendAt.get(`${dateText(r.wk)}|${cellKey((r.department_id as string) ?? null, (r.track_id as string) ?? null)}`)!;
    for (const r of range.filter((row) => row.kind === 'week')) {
      const t = trend(r);
      t.active = num(r.active);
      t.modulesCompleted = measured(r.mc, r.mc_people);
      t.experimentsLogged = measured(r.jl, r.jl_people);
    }
    const approvedWeeks: Record<string, unknown>[] = await em.query(
      `SELECT date_trunc('week', r.slot_date)::date AS wk, u.department_id, u.track_id, sum(r.hours) AS hours, count(DISTINCT r.user_id) AS people
         FROM freiraum_requests r JOIN users u ON u.id = r.user_id
        WHERE r.organization_id = $1 AND r.status = 'approved' AND r.slot_date BETWEEN $2 AND $3
        GROUP BY 1, 2, 3`,
      [org, scope.from, scope.to],
    );
    for (const r of approvedWeeks) trend(r).freiraumApprovedHours = measured(r.hours, r.people);

    // Decisions made in the range (approved or rejected, not cancelled since), by the requester.
    const ap: unknown[] = [...rangeParams];
    const requesterFilter = userFilter('u', scope, ap);
    const [approvals] = await em.query(
      `SELECT count(*) AS decided, count(*) FILTER (WHERE r.status = 'rejected') AS rejected, count(DISTINCT r.user_id) AS people,
              coalesce(json_agg(dash_lead_bucket(extract(epoch FROM r.decided_at - r.created_at) / 3600)) FILTER (WHERE r.id IS NOT NULL), '[]') AS buckets
         FROM freiraum_requests r JOIN users u ON u.id = r.user_id
        WHERE r.organization_id = $1 AND r.status IN ('approved', 'rejected') AND ${inRange('r.decided_at')} ${requesterFilter}`,
      ap,
    );

    // Leadership: managers (people with an active direct report) within the filters, and decisions made as a manager.
    const lp: unknown[] = [...rangeParams];
    const managerFilter = userFilter('m', scope, lp);
    const managers: { id: string; own: boolean; experiments: boolean }[] = await em.query(
      `WITH pm AS (${PATH_MODULES_SQL}),
       mgr AS (SELECT m.id, t.slug FROM users m LEFT JOIN tracks t ON t.id = m.track_id
                WHERE m.organization_id = $1 AND m.active ${managerFilter} AND EXISTS (SELECT 1 FROM users r WHERE r.manager_id = m.id AND r.active))
       SELECT mgr.id,
              EXISTS (SELECT 1 FROM lesson_reads lr JOIN learning_items li ON li.id = lr.item_id JOIN pm ON pm.module_id = li.module_id AND pm.track_slug = mgr.slug
                       WHERE lr.user_id = mgr.id AND ${day('lr.read_at')} BETWEEN ($3::date - 29) AND $3)
              OR EXISTS (SELECT 1 FROM exercise_attempts ea JOIN learning_items li ON li.id = ea.item_id JOIN pm ON pm.module_id = li.module_id AND pm.track_slug = mgr.slug
                       WHERE ea.user_id = mgr.id AND ${day('ea.created_at')} BETWEEN ($3::date - 29) AND $3) AS own,
              EXISTS (SELECT 1 FROM journal_entries j WHERE j.user_id = mgr.id AND ${inRange('j.created_at')}) AS experiments
         FROM mgr`,
      lp,
    );
    const dp: unknown[] = [...rangeParams];
    const deciderFilter = userFilter('d', scope, dp);
    const [managerDecisions] = await em.query(
      `SELECT count(DISTINCT r.decided_by) AS deciders,
              coalesce(json_agg(dash_lead_bucket(extract(epoch FROM r.decided_at - r.created_at) / 3600)) FILTER (WHERE r.id IS NOT NULL), '[]') AS buckets
         FROM freiraum_requests r JOIN users d ON d.id = r.decided_by
        WHERE r.organization_id = $1 AND r.status IN ('approved', 'rejected') AND r.decided_as_manager AND ${inRange('r.decided_at')} ${deciderFilter}`,
      dp,
    );

    return {
      cells: [...cells.values()],
      funnel: funnel.map((r) => ({
        moduleId: r.module_id as string,
        departmentId: (r.department_id as string) ?? null,
        trackId: (r.track_id as string) ?? null,
        started: num(r.started),
        completed: num(r.completed),
      })),
      trends,
      approvals: {
        decided: num(approvals.decided),
        rejected: num(approvals.rejected),
        people: num(approvals.people),
        medianHours: histogramPercentile(histogramOf(approvals.buckets), 0.5),
        p90Hours: histogramPercentile(histogramOf(approvals.buckets), 0.9),
      },
      leadership: {
        managers: managers.length,
        activeInOwnPath: managers.filter((m) => m.own).length,
        loggedOwnExperiments: managers.filter((m) => m.experiments).length,
        medianDecisionHours: histogramPercentile(histogramOf(managerDecisions.buckets), 0.5),
        deciders: num(managerDecisions.deciders),
      },
    };
  }
}

/** Bucket counts of a JSON array of lead-time buckets (json_agg). */
function histogramOf(buckets: unknown): Map<number, number> {
  const list: number[] = typeof buckets === 'string' ? JSON.parse(buckets) : (buckets as number[]);
  const counts = new Map<number, number>();
  for (const b of list) counts.set(b, (counts.get(b) ?? 0) + 1);
  return counts;
}
