import type { EntityManager } from 'typeorm';
import type { Measured } from './suppression.policy.js';
import { dateText } from '../database/date-text.js';

// The HR dashboard is assembled from "cells": figures per (department, track) for the whole organisation,
// each with the number of distinct people it covers. Because every person sits in exactly one cell, cells
// add up to any department, track or organisation figure, and one set of cells serves the totals, both
// breakdowns and their consistent suppression. Two sources produce the same cells: the read models
// (RollupCellSource, what the endpoint uses) and plain aggregates over the base tables (PlainCellSource,
// for the equivalence test and the benchmark).

export interface CellFigures {
  enrolled: number;
  /** Modules of the enrolled people's paths, and how many of those they completed by the range's end. */
  assigned: number;
  completed: number;
  active: number;
  modulesCompleted: Measured;
  freiraumAllocated: Measured;
  freiraumApproved: Measured;
  freiraumUsed: Measured;
  experimentsShared: Measured;
  outcomeWorked: Measured;
  outcomePartly: Measured;
  outcomeFailed: Measured;
  minutesSaved: Measured;
}

export interface Cell extends CellFigures {
  departmentId: string | null;
  trackId: string | null;
}

export interface FunnelCell {
  moduleId: string;
  departmentId: string | null;
  trackId: string | null;
  started: number;
  completed: number;
}

export interface TrendCell {
  weekStart: string;
  departmentId: string | null;
  trackId: string | null;
  active: number;
  modulesCompleted: Measured;
  freiraumApprovedHours: Measured;
  experimentsLogged: Measured;
}

export interface HrScope {
  organizationId: string;
  from: string;
  to: string;
  today: string;
  timeZone: string;
  /** Freiraum periods the range touches, and the policy default for people without an allocation row. */
  periodKeys: string[];
  defaultHours: number;
  departmentId: string | null;
  trackId: string | null;
}

export interface Approvals {
  decided: number;
  rejected: number;
  /** Distinct requesters among the decisions. */
  people: number;
  medianHours: number | null;
  p90Hours: number | null;
}

export interface Leadership {
  managers: number;
  activeInOwnPath: number;
  loggedOwnExperiments: number;
  medianDecisionHours: number | null;
  /** Distinct managers who decided in the range. */
  deciders: number;
}

export interface HrCells {
  cells: Cell[];
  funnel: FunnelCell[];
  trends: TrendCell[];
  approvals: Approvals;
  leadership: Leadership;
}

export interface HrCellSource {
  load(em: EntityManager, scope: HrScope): Promise<HrCells>;
}

export const emptyCell = (departmentId: string | null, trackId: string | null): Cell => ({
  departmentId,
  trackId,
  enrolled: 0,
  assigned: 0,
  completed: 0,
  active: 0,
  modulesCompleted: { value: 0, people: 0 },
  freiraumAllocated: { value: 0, people: 0 },
  freiraumApproved: { value: 0, people: 0 },
  freiraumUsed: { value: 0, people: 0 },
  experimentsShared: { value: 0, people: 0 },
  outcomeWorked: { value: 0, people: 0 },
  outcomePartly: { value: 0, people: 0 },
  outcomeFailed: { value: 0, people: 0 },
  minutesSaved: { value: 0, people: 0 },
});

export const cellKey = (departmentId: string | null, trackId: string | null) => `${departmentId ?? '-'}|${trackId ?? '-'}`;

/** Merges rows of (department, track, …) into cells. */
export function mergeCells(into: Map<string, Cell>, rows: Record<string, unknown>[], apply: (cell: Cell, row: Record<string, unknown>) => void): void {
  for (const row of rows) {
    const d = (row.department_id as string | null) ?? null;
    const t = (row.track_id as string | null) ?? null;
    const key = cellKey(d, t);
    let cell = into.get(key);
    if (!cell) into.set(key, (cell = emptyCell(d, t)));
    apply(cell, row);
  }
}

export const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
export const measured = (value: unknown, people: unknown): Measured => ({ value: num(value), people: num(people) });

/** SQL filter on a users alias for the department/track filter (parameters appended to `params`). */
export function userFilter(alias: string, scope: Pick<HrScope, 'departmentId' | 'trackId'>, params: unknown[]): string {
  let sql = '';
  if (scope.departmentId) {
    params.push(scope.departmentId);
    sql += ` AND ${alias}.department_id = $${params.length}`;
  }
  if (scope.trackId) {
    params.push(scope.trackId);
    sql += ` AND ${alias}.track_id = $${params.length}`;
  }
  return sql;
}

/** Start of a local date in the organisation's time zone, as SQL over a parameter. */
export const localStart = (param: string, tzParam: string) => `(${param}::date::timestamp AT TIME ZONE ${tzParam})`;

// Shared by both sources: what is the same whichever way the events are counted.
export const PATH_MODULES_SQL = `
  SELECT p.track_slug, pm.module_id
    FROM learning_paths p
    JOIN learning_path_modules pm ON pm.path_id = p.id
    JOIN learning_modules m ON m.id = pm.module_id AND m.retired_at IS NULL
   WHERE p.retired_at IS NULL`;

/**
 * Given a CTE `uw` of person-week sums (act, mc, jl, js, w, p, f, ms), the range figures per cell ('range'
 * rows) and the weekly ones ('week' rows). Distinct people are counted per person, so cells add up.
 */
export const PERSON_WEEK_FIGURES = `uu AS (SELECT user_id, sum(act) act, sum(mc) mc, sum(jl) jl, sum(js) js, sum(w) w, sum(p) p, sum(f) f, sum(ms) ms FROM uw GROUP BY 1)
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
         FROM uw JOIN users u ON u.id = uw.user_id GROUP BY 2, 3, 4`;

/** Enrolled people (active accounts with a path) and their assigned modules, per cell; completed comes from the source. */
export async function loadFreiraumCells(em: EntityManager, scope: HrScope, cells: Map<string, Cell>): Promise<void> {
  const allocated = await em.query(
    `SELECT u.department_id, u.track_id, count(DISTINCT u.id) AS people, sum(coalesce(a.hours, $3)) AS hours
       FROM users u CROSS JOIN unnest($2::text[]) AS p(key)
       LEFT JOIN freiraum_allocations a ON a.user_id = u.id AND a.period_key = p.key
      WHERE u.organization_id = $1 AND u.active
      GROUP BY 1, 2`,
    [scope.organizationId, scope.periodKeys, scope.defaultHours],
  );
  mergeCells(cells, allocated, (c, r) => (c.freiraumAllocated = measured(r.hours, r.people)));
  const approved = await em.query(
    `SELECT u.department_id, u.track_id, sum(r.hours) AS hours, count(DISTINCT r.user_id) AS people,
            coalesce(sum(r.hours) FILTER (WHERE r.slot_date < $4), 0) AS used, count(DISTINCT r.user_id) FILTER (WHERE r.slot_date < $4) AS used_people
       FROM freiraum_requests r JOIN users u ON u.id = r.user_id
      WHERE r.organization_id = $1 AND r.status = 'approved' AND r.slot_date BETWEEN $2 AND $3
      GROUP BY 1, 2`,
    [scope.organizationId, scope.from, scope.to, scope.today],
  );
  mergeCells(cells, approved, (c, r) => {
    c.freiraumApproved = measured(r.hours, r.people);
    c.freiraumUsed = measured(r.used, r.used_people);
  });
}

/** Decisions on requests in the range: the same base table for both sources (requests are few). */
export async function loadApprovalRows(em: EntityManager, scope: HrScope): Promise<{ hours: number; rejected: boolean; userId: string }[]> {
  const params: unknown[] = [scope.organizationId, scope.from, scope.to, scope.timeZone];
  const rows: { hours: string; rejected: boolean; user_id: string }[] = await em.query(
    `SELECT extract(epoch FROM r.decided_at - r.created_at) / 3600 AS hours, r.status = 'rejected' AS rejected, r.user_id
       FROM freiraum_requests r JOIN users u ON u.id = r.user_id
      WHERE r.organization_id = $1 AND r.status IN ('approved', 'rejected')
        AND r.decided_at >= ${localStart('$2', '$4')} AND r.decided_at < ${localStart('$3', '$4')} + interval '1 day'
        ${userFilter('u', scope, params)}`,
    params,
  );
  return rows.map((r) => ({ hours: Number(r.hours), rejected: r.rejected, userId: r.user_id }));
}

/** Range rows of a source's person-week query ('range' kind) into cells. */
export function applyRangeRows(cells: Map<string, Cell>, rows: Record<string, unknown>[]): void {
  mergeCells(
    cells,
    rows.filter((r) => r.kind === 'range'),
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
}

/** Weekly cells: the source's 'week' rows plus approved Freiraum hours by the week of their slot. */
export async function loadTrends(em: EntityManager, scope: HrScope, rows: Record<string, unknown>[]): Promise<TrendCell[]> {
  const approvedWeeks: Record<string, unknown>[] = await em.query(
    `SELECT date_trunc('week', r.slot_date)::date AS wk, u.department_id, u.track_id, sum(r.hours) AS hours, count(DISTINCT r.user_id) AS people
       FROM freiraum_requests r JOIN users u ON u.id = r.user_id
      WHERE r.organization_id = $1 AND r.status = 'approved' AND r.slot_date BETWEEN $2 AND $3
      GROUP BY 1, 2, 3`,
    [scope.organizationId, scope.from, scope.to],
  );
  const trends = new Map<string, TrendCell>();
  const trendCell = (wk: unknown, d: unknown, t: unknown) => {
    const weekStart = dateText(wk);
    const key = `${weekStart}|${cellKey((d as string) ?? null, (t as string) ?? null)}`;
    let cell = trends.get(key);
    if (!cell) {
      cell = {
        weekStart,
        departmentId: (d as string) ?? null,
        trackId: (t as string) ?? null,
        active: 0,
        modulesCompleted: { value: 0, people: 0 },
        freiraumApprovedHours: { value: 0, people: 0 },
        experimentsLogged: { value: 0, people: 0 },
      };
      trends.set(key, cell);
    }
    return cell;
  };
  for (const r of rows.filter((row) => row.kind === 'week')) {
    const cell = trendCell(r.wk, r.department_id, r.track_id);
    cell.active = num(r.active);
    cell.modulesCompleted = measured(r.mc, r.mc_people);
    cell.experimentsLogged = measured(r.jl, r.jl_people);
  }
  for (const r of approvedWeeks) trendCell(r.wk, r.department_id, r.track_id).freiraumApprovedHours = measured(r.hours, r.people);
  return [...trends.values()];
}
