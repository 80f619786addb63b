import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  PATH_MODULES_SQL,
  denseTrends,
  emptyCell,
  measured,
  num,
  type Cell,
  type FunnelCell,
  type HrCellSource,
  type HrCells,
  type HrScope,
} from './hr-cells.js';
import { ALL_ID, NONE_ID } from './dashboard-rollups.js';
import { addDays, histogramPercentile, weeksOf, windowParts } from './metrics.policy.js';
import { andBits, countByGroup, forEachSlot, orBits, slotsOf, withoutSlots } from './people-bitmap.js';


/** dash_people_days figures (DashPeopleDay). */
const F = {
  active: 0,
  modules: 1,
  logged: 2,
  shared: 3,
  worked: 4,
  partly: 5,
  failed: 6,
  ownPath: 7,
  approved: 8,
  decided: 9,
  managerDecided: 10,
} as const;

interface PeopleRow {
  cells: [string | null, string | null][];
  cell_of: Uint8Array;
  active: Uint8Array;
  managers: Uint8Array;
  slugs: Record<string, string>;
}

// Cells from the read models: what GET /api/dashboards/hr uses (ADR 0012, 0013). Eight small queries
// that read per day or per cell, never per person: distinct people come from the people bitmaps, OR-ed
// over the range and counted per cell by each person's current department and track.
@Injectable()
export class RollupCellSource implements HrCellSource {
  async load(em: EntityManager, scope: HrScope): Promise<HrCells> {
    const org = scope.organizationId;
    const ownFrom = addDays(scope.to, -29); // leadership: own path in the last 30 days up to the range's end
    // "Used" Freiraum: the range's days before today.
    const usedTo = scope.to < scope.today ? scope.to : addDays(scope.today, -1);
    // Bitmaps of whole weeks where a window covers them, of days at its edges (ADR 0013).
    const windows = [
      windowParts(scope.from, scope.to),
      windowParts(ownFrom, scope.to),
      windowParts(scope.from, usedTo),
    ];
    const neededWeeks = [...new Set(windows.flatMap((w) => w.weeks))];
    const neededDays = [...new Set(windows.flatMap((w) => w.days))];

    // Independent queries: on PostgreSQL they run side by side on the pool's connections.
    const [[people], bitRows, sums, leads, moduleBits, after, paths, allocations] = await Promise.all([
      em.query(
        `SELECT p.cells, p.cell_of, p.active, p.managers,
                (SELECT coalesce(json_object_agg(t.id, t.slug), '{}') FROM tracks t WHERE t.organization_id = $1) AS slugs
           FROM dash_org_people p WHERE p.organization_id = $1`,
        [org],
      ) as Promise<PeopleRow[]>,
      em.query(
        `SELECT true AS week, week::text AS day, figure, bits FROM dash_people_weeks WHERE organization_id = $1 AND week = ANY($2::date[])
         UNION ALL
         SELECT false, day::text, figure, bits FROM dash_people_days WHERE organization_id = $1 AND day = ANY($3::date[])`,
        [org, neededWeeks, neededDays],
      ) as Promise<{ week: boolean; day: string; figure: number; bits: Uint8Array }[]>,
      em.query(
        `SELECT date_trunc('week', day)::date::text AS week, day < $4 AS past, department_key, track_key,
                sum(modules_completed) AS mc, sum(journal_logged) AS jl, sum(journal_shared) AS js, sum(outcome_worked) AS w,
                sum(outcome_partly) AS p, sum(outcome_failed) AS f, sum(minutes_saved) AS ms, sum(approved_hours) AS hrs,
                sum(decided) AS decided, sum(rejected) AS rejected
           FROM dash_cell_days WHERE organization_id = $1 AND day BETWEEN $2 AND $3
          GROUP BY 1, 2, 3, 4`,
        [org, scope.from, scope.to, scope.today],
      ) as Promise<Record<string, unknown>[]>,
      em.query(
        `SELECT kind, bucket, sum(decisions)::int AS n FROM dash_lead_times
          WHERE organization_id = $1 AND department_key = $2 AND track_key = $3 AND day BETWEEN $4 AND $5
          GROUP BY 1, 2`,
        [org, scope.departmentId ?? ALL_ID, scope.trackId ?? ALL_ID, scope.from, scope.to],
      ) as Promise<{ kind: number; bucket: number; n: number }[]>,
      em.query(`SELECT module_id, figure, bits FROM dash_module_people WHERE organization_id = $1`, [org]) as Promise<
        { module_id: string; figure: number; bits: Buffer }[]
      >,
      // The module bitmaps hold everything up to now: what started or completed after the range goes back out.
      em.query(
        `SELECT mp.module_id, string_agg(u.dash_slot::text, ',') FILTER (WHERE mp.started_on > $2) AS started_after,
                string_agg(u.dash_slot::text, ',') FILTER (WHERE mp.completed_on > $2) AS completed_after
           FROM dash_module_progress mp JOIN users u ON u.id = mp.user_id
          WHERE mp.organization_id = $1 AND (mp.started_on > $2 OR mp.completed_on > $2)
          GROUP BY 1`,
        [org, scope.to],
      ) as Promise<{ module_id: string; started_after: string | null; completed_after: string | null }[]>,
      em.query(
        `SELECT track_slug, array_agg(module_id) AS modules FROM (${PATH_MODULES_SQL}) pm GROUP BY 1`,
      ) as Promise<{ track_slug: string; modules: string[] }[]>,
      em.query(
        `SELECT department_key, track_key, sum(allocations)::int AS n, sum(hours) AS hours FROM dash_cell_periods
          WHERE organization_id = $1 AND period_key = ANY($2::text[]) GROUP BY 1, 2`,
        [org, scope.periodKeys],
      ) as Promise<Record<string, unknown>[]>,
    ]);

    // Cells and who is in them now (dash_org_people: cell per slot, active and manager bitmaps).
    const cellKeys = people?.cells ?? [];
    const cells: Cell[] = cellKeys.map(([d, t]) => emptyCell(d, t));
    const n = cells.length;
    const cellIndex = new Map(cellKeys.map(([d, t], i) => [`${d ?? NONE_ID}|${t ?? NONE_ID}`, i]));
    const slugOf = cellKeys.map(([, t]) => (t ? (people!.slugs[t] ?? null) : null));
    const cellBytes: Uint8Array = people?.cell_of ?? new Uint8Array(0);
    const cellOf = new Int32Array(cellBytes.length >> 1);
    for (let s = 0; s < cellOf.length; s++) {
      const i = (cellBytes[2 * s] << 8) | cellBytes[2 * s + 1];
      cellOf[s] = i === 0xffff ? -1 : i;
    }
    const activeBits = people?.active ?? new Uint8Array(0);
    const isActive = (slot: number) =>
      slot >> 3 < activeBits.length && (activeBits[slot >> 3] & (1 << (slot & 7))) !== 0;
    const inFilter = cellKeys.map(
      ([d, t]) => (!scope.departmentId || d === scope.departmentId) && (!scope.trackId || t === scope.trackId),
    );
    const filterOf = cellOf.map((i) => (i >= 0 && inFilter[i] ? 0 : -1)); // 0 for people within the filters
    const managersInFilter = Uint8Array.from(people?.managers ?? []);
    forEachSlot(managersInFilter, (slot) => {
      if (filterOf[slot] !== 0) managersInFilter[slot >> 3] &= ~(1 << (slot & 7));
    });
    const activePeople = countByGroup(activeBits, cellOf, n);

    // Bitmaps per figure: OR over a window (its whole weeks and edge days), and per week of the range.
    const weekBits = new Map<string, Uint8Array>();
    const dayBits = new Map<string, Uint8Array>();
    for (const r of bitRows) (r.week ? weekBits : dayBits).set(`${r.day}|${r.figure}`, r.bits);
    const windowBits = (figure: number, parts: { weeks: string[]; days: string[] }) =>
      orBits(
        [
          ...parts.weeks.map((w) => weekBits.get(`${w}|${figure}`)),
          ...parts.days.map((d) => dayBits.get(`${d}|${figure}`)),
        ].filter((b): b is Uint8Array => b !== undefined),
      );
    const range = (figure: number, from = scope.from, to = scope.to) => windowBits(figure, windowParts(from, to));
    const per = (figure: number, from?: string, to?: string) => countByGroup(range(figure, from, to), cellOf, n);
    const weeks = new Map<string, number>();
    const trends = denseTrends(scope, cells);
    trends.forEach((t, i) => weeks.set(`${t.weekStart}|${cellIndexOfTrend(t, cellIndex)}`, i));
    const rangeWeeks = weeksOf(scope.from, scope.to);
    const weekly = (figure: number) =>
      rangeWeeks.map((w) => {
        const from = w < scope.from ? scope.from : w;
        const end = addDays(w, 6);
        return { week: w, counts: countByGroup(range(figure, from, end > scope.to ? scope.to : end), cellOf, n) };
      });

    const activeC = per(F.active);
    const mcP = per(F.modules);
    const jlP = per(F.logged);
    const jsP = per(F.shared);
    const wP = per(F.worked);
    const pP = per(F.partly);
    const fP = per(F.failed);
    const approvedP = per(F.approved);
    const usedP = usedTo < scope.from ? new Array<number>(n).fill(0) : per(F.approved, scope.from, usedTo);

    // Sums per cell (range) and per week.
    const sum = (i: number) => ({ mc: 0, jl: 0, js: 0, w: 0, p: 0, f: 0, ms: 0, hrs: 0, used: 0, i });
    const totals = cells.map((_, i) => sum(i));
    let decided = 0;
    let rejected = 0;
    for (const r of sums) {
      const i = cellIndex.get(`${r.department_key}|${r.track_key}`);
      if (i === undefined) continue; // a cell nobody is in any more: its rows moved out with the people
      const t = totals[i];
      t.mc += num(r.mc);
      t.jl += num(r.jl);
      t.js += num(r.js);
      t.w += num(r.w);
      t.p += num(r.p);
      t.f += num(r.f);
      t.ms += num(r.ms);
      t.hrs += num(r.hrs);
      if (r.past) t.used += num(r.hrs);
      if (inFilter[i]) {
        decided += num(r.decided);
        rejected += num(r.rejected);
      }
      const tr = trends[weeks.get(`${r.week}|${i}`)!];
      tr.modulesCompleted.value! += num(r.mc);
      tr.experimentsLogged.value! += num(r.jl);
      tr.freiraumApprovedHours.value! += num(r.hrs);
    }
    for (const [figure, set] of [
      [F.active, (i: number, c: number) => (trends[i].active = c)],
      [F.modules, (i: number, c: number) => (trends[i].modulesCompleted.people = c)],
      [F.logged, (i: number, c: number) => (trends[i].experimentsLogged.people = c)],
      [F.approved, (i: number, c: number) => (trends[i].freiraumApprovedHours.people = c)],
    ] as const) {
      for (const { week, counts } of weekly(figure)) counts.forEach((c, cell) => set(weeks.get(`${week}|${cell}`)!, c));
    }

    // Enrolled, assigned and completed by the range's end: people on a path, and their own path's modules.
    const pathModules = new Map(paths.map((p) => [p.track_slug, new Set(p.modules)]));
    const afterOf = new Map(after.map((a) => [a.module_id, a]));
    const removed = (kind: 'started_after' | 'completed_after', moduleId: string) =>
      (afterOf.get(moduleId)?.[kind] ?? '').split(',').filter(Boolean).map(Number);
    const funnel: FunnelCell[] = [];
    const completedOwn = new Array<number>(n).fill(0);
    const moduleIds = [...new Set(moduleBits.map((m) => m.module_id))];
    for (const moduleId of moduleIds) {
      const bitsOf = (figure: number) =>
        moduleBits.find((m) => m.module_id === moduleId && m.figure === figure)?.bits ?? new Uint8Array(0);
      const started = countByGroup(withoutSlots(bitsOf(0), removed('started_after', moduleId)), cellOf, n);
      const done = withoutSlots(bitsOf(1), removed('completed_after', moduleId));
      const completed = countByGroup(done, cellOf, n);
      started.forEach((s, i) => {
        if (s > 0)
          funnel.push({
            moduleId,
            departmentId: cells[i].departmentId,
            trackId: cells[i].trackId,
            started: s,
            completed: completed[i],
          });
      });
      forEachSlot(done, (slot) => {
        const i = slot < cellOf.length ? cellOf[slot] : -1;
        if (i >= 0 && isActive(slot) && pathModules.get(slugOf[i] ?? '')?.has(moduleId)) completedOwn[i]++;
      });
    }

    const allocated = new Map(allocations.map((a) => [`${a.department_key}|${a.track_key}`, a]));
    cells.forEach((c, i) => {
      const t = totals[i];
      const pathSize = pathModules.get(slugOf[i] ?? '')?.size ?? 0;
      c.enrolled = pathSize ? activePeople[i] : 0;
      c.assigned = pathSize * c.enrolled;
      c.completed = pathSize ? completedOwn[i] : 0;
      c.active = activeC[i];
      c.modulesCompleted = measured(t.mc, mcP[i]);
      c.experimentsShared = measured(t.js, jsP[i]);
      c.outcomeWorked = measured(t.w, wP[i]);
      c.outcomePartly = measured(t.p, pP[i]);
      c.outcomeFailed = measured(t.f, fP[i]);
      c.minutesSaved = measured(t.ms, jlP[i]);
      c.freiraumApproved = measured(t.hrs, approvedP[i]);
      c.freiraumUsed = measured(t.used, usedP[i]);
      // People without an allocation row for a period get the policy default for it.
      const a = allocated.get(`${c.departmentId ?? NONE_ID}|${c.trackId ?? NONE_ID}`);
      const rows = num(a?.n);
      c.freiraumAllocated = measured(
        num(a?.hours) + (activePeople[i] * scope.periodKeys.length - rows) * scope.defaultHours,
        activePeople[i],
      );
    });

    const filtered = (bits: Uint8Array, groupOf: Int32Array) => countByGroup(bits, groupOf, 1)[0];
    const histogram = (kind: number) =>
      new Map(leads.filter((l) => l.kind === kind).map((l) => [Number(l.bucket), num(l.n)]));
    return {
      cells,
      funnel,
      trends,
      approvals: {
        decided,
        rejected,
        people: filtered(range(F.decided), filterOf),
        medianHours: histogramPercentile(histogram(0), 0.5),
        p90Hours: histogramPercentile(histogram(0), 0.9),
      },
      leadership: {
        managers: slotsOf(managersInFilter).length,
        activeInOwnPath: slotsOf(andBits(range(F.ownPath, ownFrom, scope.to), managersInFilter)).length,
        loggedOwnExperiments: slotsOf(andBits(range(F.logged), managersInFilter)).length,
        medianDecisionHours: histogramPercentile(histogram(1), 0.5),
        deciders: filtered(range(F.managerDecided), filterOf),
      },
    };
  }
}

const cellIndexOfTrend = (t: { departmentId: string | null; trackId: string | null }, index: Map<string, number>) =>
  index.get(`${t.departmentId ?? NONE_ID}|${t.trackId ?? NONE_ID}`);
