import type { EntityManager } from 'typeorm';
import type { Measured } from './suppression.policy.js';
import { weeksOf } from './metrics.policy.js';

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

export const cellKey = (departmentId: string | null, trackId: string | null) =>
  `${departmentId ?? '-'}|${trackId ?? '-'}`;

/** Merges rows of (department, track, …) into cells. */
export function mergeCells(
  into: Map<string, Cell>,
  rows: Record<string, unknown>[],
  apply: (cell: Cell, row: Record<string, unknown>) => void,
): void {
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

/** Every week of the range for every cell, zero, for a source to fill: both sources give the same list. */
export function denseTrends(
  scope: Pick<HrScope, 'from' | 'to'>,
  cells: readonly { departmentId: string | null; trackId: string | null }[],
): TrendCell[] {
  return weeksOf(scope.from, scope.to).flatMap((weekStart) =>
    cells.map((c) => ({
      weekStart,
      departmentId: c.departmentId,
      trackId: c.trackId,
      active: 0,
      modulesCompleted: { value: 0, people: 0 },
      freiraumApprovedHours: { value: 0, people: 0 },
      experimentsLogged: { value: 0, people: 0 },
    })),
  );
}
