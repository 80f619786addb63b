import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  PATH_MODULES_SQL,
  PERSON_WEEK_FIGURES,
  applyRangeRows,
  loadTrends,
  loadApprovalRows,
  loadFreiraumCells,
  localStart,
  mergeCells,
  num,
  userFilter,
  type Cell,
  type HrCellSource,
  type HrCells,
  type HrScope,
} from './hr-cells.js';
import { percentile } from './metrics.policy.js';

// The same cells as RollupCellSource, computed the plain way: aggregates over the base tables (lesson reads,
// attempts, completions, journal entries, requests) on every call, with the indexes those tables have.
// Not used by the endpoint: it is the reference for the equivalence test and the peer in `npm run bench`.
@Injectable()
export class PlainCellSource implements HrCellSource {
  async load(em: EntityManager, scope: HrScope): Promise<HrCells> {
    const cells = new Map<string, Cell>();
    const org = scope.organizationId;
    const inRange = (col: string) => `${col} >= ${localStart('$2', '$4')} AND ${col} < ${localStart('$3', '$4')} + interval '1 day'`;
    const day = (col: string) => `(${col} AT TIME ZONE $4)::date`;

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
       ${PERSON_WEEK_FIGURES}`,
      [org, scope.from, scope.to, scope.timeZone],
    );
    applyRangeRows(cells, range);

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
    await loadFreiraumCells(em, scope, cells);

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

    const trends = await loadTrends(em, scope, range);

    const decisions = await loadApprovalRows(em, scope);
    const lp: unknown[] = [org, scope.from, scope.to, scope.timeZone];
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
    const managerIds = managers.map((m) => m.id);
    const managerDecisions: { hours: string; decided_by: string }[] = managerIds.length
      ? await em.query(
          `SELECT extract(epoch FROM r.decided_at - r.created_at) / 3600 AS hours, r.decided_by FROM freiraum_requests r
            WHERE r.organization_id = $1 AND r.status IN ('approved', 'rejected') AND r.decided_by = ANY($5)
              AND ${inRange('r.decided_at')}`,
          [org, scope.from, scope.to, scope.timeZone, managerIds],
        )
      : [];

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
        decided: decisions.length,
        rejected: decisions.filter((d) => d.rejected).length,
        people: new Set(decisions.map((d) => d.userId)).size,
        medianHours: percentile(
          decisions.map((d) => d.hours),
          0.5,
        ),
        p90Hours: percentile(
          decisions.map((d) => d.hours),
          0.9,
        ),
      },
      leadership: {
        managers: managers.length,
        activeInOwnPath: managers.filter((m) => m.own).length,
        loggedOwnExperiments: managers.filter((m) => m.experiments).length,
        medianDecisionHours: percentile(
          managerDecisions.map((d) => Number(d.hours)),
          0.5,
        ),
        deciders: new Set(managerDecisions.map((d) => d.decided_by)).size,
      },
    };
  }
}
