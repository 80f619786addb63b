import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  PATH_MODULES_SQL,
  PERSON_WEEK_FIGURES,
  applyRangeRows,
  loadTrends,
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

// Cells from the read models (dash_user_days, dash_module_progress): what GET /api/dashboards/hr uses.
// The range figures come from one pass over the person-days of the range (ADR 0012).
@Injectable()
export class RollupCellSource implements HrCellSource {
  async load(em: EntityManager, scope: HrScope): Promise<HrCells> {
    const cells = new Map<string, Cell>();
    const org = scope.organizationId;

    // The queries are independent: on PostgreSQL they run side by side on the pool's connections.
    const rangeQ: Promise<Record<string, unknown>[]> = em.query(
      `WITH uw AS MATERIALIZED (
         SELECT d.user_id, date_trunc('week', d.day)::date AS wk,
                sum(d.learning_actions + d.journal_logged + d.freiraum_requested) AS act, sum(d.modules_completed) AS mc,
                sum(d.journal_logged) AS jl, sum(d.journal_shared) AS js, sum(d.outcome_worked) AS w, sum(d.outcome_partly) AS p,
                sum(d.outcome_failed) AS f, sum(d.minutes_saved) AS ms
           FROM dash_user_days d
          WHERE d.organization_id = $1 AND d.day BETWEEN $2 AND $3
          GROUP BY 1, 2),
       ${PERSON_WEEK_FIGURES}`,
      [org, scope.from, scope.to],
    );
    const enrolledQ: Promise<Record<string, unknown>[]> = em.query(
      `SELECT u.department_id, u.track_id, count(*) AS enrolled, sum(pc.n) AS assigned, coalesce(sum(done.c), 0) AS completed
         FROM users u
         JOIN tracks t ON t.id = u.track_id
         JOIN (SELECT track_slug, count(*)::int AS n FROM (${PATH_MODULES_SQL}) x GROUP BY 1) pc ON pc.track_slug = t.slug
         LEFT JOIN (SELECT mp.user_id, count(*)::int AS c
                      FROM dash_module_progress mp
                      JOIN users u2 ON u2.id = mp.user_id
                      JOIN tracks t2 ON t2.id = u2.track_id
                      JOIN (${PATH_MODULES_SQL}) pm ON pm.module_id = mp.module_id AND pm.track_slug = t2.slug
                     WHERE mp.organization_id = $1 AND mp.completed_on <= $2
                     GROUP BY 1) done ON done.user_id = u.id
        WHERE u.organization_id = $1 AND u.active
        GROUP BY 1, 2`,
      [org, scope.to],
    );
    const funnelQ: Promise<Record<string, unknown>[]> = em.query(
      `SELECT mp.module_id, u.department_id, u.track_id, count(*) AS started,
              count(*) FILTER (WHERE mp.completed_on <= $2) AS completed
         FROM dash_module_progress mp JOIN users u ON u.id = mp.user_id
        WHERE mp.organization_id = $1 AND mp.started_on <= $2
        GROUP BY 1, 2, 3`,
      [org, scope.to],
    );

    const params: unknown[] = [org, scope.from, scope.to, scope.timeZone];
    const approvalsQ: Promise<Record<string, unknown>[]> = em.query(
      `SELECT count(*) AS decided, count(*) FILTER (WHERE r.status = 'rejected') AS rejected, count(DISTINCT r.user_id) AS people,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.decided_at - r.created_at) / 3600) AS median,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM r.decided_at - r.created_at) / 3600) AS p90
         FROM freiraum_requests r ${scope.departmentId || scope.trackId ? 'JOIN users u ON u.id = r.user_id' : ''}
        WHERE r.organization_id = $1 AND r.status IN ('approved', 'rejected')
          AND r.decided_at >= ${localStart('$2', '$4')} AND r.decided_at < ${localStart('$3', '$4')} + interval '1 day'
          ${userFilter('u', scope, params)}`,
      params,
    );

    const lp: unknown[] = [org, scope.from, scope.to, scope.timeZone];
    const leadershipQ: Promise<Record<string, unknown>[]> = em.query(
      `WITH mgr AS (SELECT m.id FROM users m WHERE m.organization_id = $1 AND m.active ${userFilter('m', scope, lp)}
                      AND EXISTS (SELECT 1 FROM users r WHERE r.manager_id = m.id AND r.active)),
       dec AS (SELECT r.decided_by, extract(epoch FROM r.decided_at - r.created_at) / 3600 AS h
                 FROM freiraum_requests r JOIN mgr ON mgr.id = r.decided_by
                WHERE r.organization_id = $1 AND r.status IN ('approved', 'rejected')
                  AND r.decided_at >= ${localStart('$2', '$4')} AND r.decided_at < ${localStart('$3', '$4')} + interval '1 day')
       SELECT (SELECT count(*) FROM mgr) AS managers,
              (SELECT count(DISTINCT d.user_id) FROM dash_user_days d JOIN mgr ON mgr.id = d.user_id
                WHERE d.organization_id = $1 AND d.day BETWEEN ($3::date - 29) AND $3 AND d.own_path_actions > 0) AS own_path,
              (SELECT count(DISTINCT d.user_id) FROM dash_user_days d JOIN mgr ON mgr.id = d.user_id
                WHERE d.organization_id = $1 AND d.day BETWEEN $2 AND $3 AND d.journal_logged > 0) AS experiments,
              (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY h) FROM dec) AS median,
              (SELECT count(DISTINCT decided_by) FROM dec) AS deciders`,
      lp,
    );

    const [range, enrolled, funnel, [approvals], [leadership], trends] = await Promise.all([
      rangeQ,
      enrolledQ,
      funnelQ,
      approvalsQ,
      leadershipQ,
      rangeQ.then((rows) => loadTrends(em, scope, rows)),
      loadFreiraumCells(em, scope, cells),
    ]);
    applyRangeRows(cells, range);
    mergeCells(cells, enrolled, (c, r) => {
      c.enrolled = num(r.enrolled);
      c.assigned = num(r.assigned);
      c.completed = num(r.completed);
    });

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
        medianHours: approvals.median === null ? null : Number(approvals.median),
        p90Hours: approvals.p90 === null ? null : Number(approvals.p90),
      },
      leadership: {
        managers: num(leadership.managers),
        activeInOwnPath: num(leadership.own_path),
        loggedOwnExperiments: num(leadership.experiments),
        medianDecisionHours: leadership.median === null ? null : Number(leadership.median),
        deciders: num(leadership.deciders),
      },
    };
  }
}
