import type { BreakdownRow, Figure, GroupFigures, HrDashboard } from '@freiraum/contracts';
import type { Cell, HrCells, HrScope } from './hr-cells.js';
import { completionRate, isoWeek, rejectionRate, share, weeksOf } from './metrics.policy.js';
import { hidden, primary, shown, suppressColumn, type Measured } from './suppression.policy.js';

// Turns cells into the HR dashboard with consistent suppression (docs/privacy.md):
// - A = by department over all tracks, B = by track over all departments, each against the shown-or-hidden
//   organisation total.
// - With a track filter T, the department breakdown's total is B[T]; with a department filter D, the track
//   breakdown's total is A[D]. A hidden total hides its whole breakdown.
// - The filtered totals take the decision their row got in those breakdowns, so filtering never shows a
//   figure that a breakdown hid.

export interface Reference {
  departments: { id: string; name: string }[];
  tracks: { id: string; slug: string; nameDe: string; nameEn: string }[];
  paths: { id: string; slug: string; trackSlug: string; titleDe: string; titleEn: string; modules: { id: string; slug: string; titleDe: string; titleEn: string }[] }[];
}

const ADDITIVE = [
  'enrolled',
  'active',
  'modulesCompleted',
  'freiraumAllocated',
  'freiraumApproved',
  'freiraumUsed',
  'experimentsShared',
  'outcomeWorked',
  'outcomePartly',
  'outcomeFailed',
  'minutesSaved',
] as const;
type Additive = (typeof ADDITIVE)[number];

interface Group {
  measured: Record<Additive, Measured>;
  completed: number;
  assigned: number;
}

function sum(cells: Cell[]): Group {
  const m = Object.fromEntries(ADDITIVE.map((k) => [k, { value: 0, people: 0 }])) as Record<Additive, Measured>;
  let completed = 0;
  let assigned = 0;
  for (const c of cells) {
    m.enrolled.value! += c.enrolled;
    m.enrolled.people += c.enrolled;
    m.active.value! += c.active;
    m.active.people += c.active;
    for (const k of ADDITIVE.slice(2) as Exclude<Additive, 'enrolled' | 'active'>[]) {
      m[k].value! += c[k].value ?? 0;
      m[k].people += c[k].people;
    }
    completed += c.completed;
    assigned += c.assigned;
  }
  return { measured: m, completed, assigned };
}

const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

/** Figures of a group whose additive figures were already decided (shown or hidden). */
function figures(group: Group, decided: Record<Additive, Figure>, k: number): GroupFigures {
  const enrolled = decided.enrolled;
  const rate = enrolled.suppressed ? hidden(enrolled.suppressed === 'small_group' || group.measured.enrolled.people < k ? 'small_group' : 'complementary') : shown(completionRate(group.completed, group.assigned));
  return {
    enrolled,
    active: decided.active,
    completionRate: rate,
    modulesCompleted: decided.modulesCompleted,
    freiraumAllocated: decided.freiraumAllocated,
    freiraumApproved: decided.freiraumApproved,
    freiraumUsed: decided.freiraumUsed,
    experimentsShared: decided.experimentsShared,
    outcomeWorked: decided.outcomeWorked,
    outcomePartly: decided.outcomePartly,
    outcomeFailed: decided.outcomeFailed,
    minutesSaved: decided.minutesSaved,
  };
}

interface Breakdown {
  rows: { id: string | null; name: string; group: Group; decided: Record<Additive, Figure> }[];
  total: Record<Additive, Figure>;
}

function breakdown(keys: { id: string | null; name: string; cells: Cell[] }[], total: Record<Additive, Figure>, k: number): Breakdown {
  const rows = keys.map((key) => ({ id: key.id, name: key.name, group: sum(key.cells), decided: {} as Record<Additive, Figure> }));
  for (const f of ADDITIVE) {
    const column = suppressColumn(
      rows.map((r) => r.group.measured[f]),
      total[f],
      k,
    );
    rows.forEach((r, i) => (r.decided[f] = column[i]));
  }
  return { rows, total };
}

const primaryAll = (group: Group, k: number) => Object.fromEntries(ADDITIVE.map((f) => [f, primary(group.measured[f], k)])) as Record<Additive, Figure>;

const merge = (a: Figure, b: Figure): Figure => (a.suppressed ? a : b.suppressed ? b : a);

export function assembleHrDashboard(data: HrCells, scope: HrScope, ref: Reference, k: number): HrDashboard {
  const { departmentId: D, trackId: T } = scope;
  const all = data.cells;
  const deptKeys = (cells: Cell[]) => {
    const keys = ref.departments.map((d) => ({ id: d.id as string | null, name: d.name, cells: cells.filter((c) => c.departmentId === d.id) }));
    const none = cells.filter((c) => c.departmentId === null);
    if (none.length) keys.push({ id: null, name: '—', cells: none });
    return keys;
  };
  const trackKeys = (cells: Cell[]) => {
    const keys = ref.tracks.map((t) => ({ id: t.id as string | null, name: t.nameDe, cells: cells.filter((c) => c.trackId === t.id) }));
    const none = cells.filter((c) => c.trackId === null);
    if (none.length) keys.push({ id: null, name: '—', cells: none });
    return keys;
  };
  const orgTotal = primaryAll(sum(all), k);
  const A = breakdown(deptKeys(all), orgTotal, k);
  const B = breakdown(trackKeys(all), orgTotal, k);
  const rowOf = (b: Breakdown, id: string | null) => b.rows.find((r) => r.id === id)?.decided;
  const byDept = T ? breakdown(deptKeys(all.filter((c) => c.trackId === T)), rowOf(B, T) ?? orgTotal, k) : A;
  const byTrack = D ? breakdown(trackKeys(all.filter((c) => c.departmentId === D)), rowOf(A, D) ?? orgTotal, k) : B;

  const filtered = all.filter((c) => (!D || c.departmentId === D) && (!T || c.trackId === T));
  const group = sum(filtered);
  let decided: Record<Additive, Figure>;
  if (D && T) {
    const a = rowOf(byDept, D)!;
    const b = rowOf(byTrack, T)!;
    decided = Object.fromEntries(ADDITIVE.map((f) => [f, merge(a[f], b[f])])) as Record<Additive, Figure>;
  } else if (D) decided = rowOf(A, D) ?? primaryAll(group, k);
  else if (T) decided = rowOf(B, T) ?? primaryAll(group, k);
  else decided = orgTotal;
  const totals = figures(group, decided, k);

  const toRows = (b: Breakdown, names?: Map<string, string>): BreakdownRow[] =>
    b.rows.map((r) => ({ id: r.id, name: (r.id && names?.get(r.id)) ?? r.name, figures: figures(r.group, r.decided, k) }));

  // Funnel: people who started / completed each module of each path, within the filters.
  const inFilter = <C extends { departmentId: string | null; trackId: string | null }>(c: C) => (!D || c.departmentId === D) && (!T || c.trackId === T);
  const funnelCells = data.funnel.filter(inFilter);
  const funnel = ref.paths.map((p) => {
    const track = ref.tracks.find((t) => t.slug === p.trackSlug);
    const enrolled = filtered.filter((c) => c.trackId === track?.id).reduce((s, c) => s + c.enrolled, 0);
    return {
      pathId: p.id,
      pathSlug: p.slug,
      titleDe: p.titleDe,
      titleEn: p.titleEn,
      enrolled: primary({ value: enrolled, people: enrolled }, k),
      modules: p.modules.map((m) => {
        const cells = funnelCells.filter((c) => c.moduleId === m.id);
        const started = cells.reduce((s, c) => s + c.started, 0);
        const completed = cells.reduce((s, c) => s + c.completed, 0);
        return {
          moduleId: m.id,
          slug: m.slug,
          titleDe: m.titleDe,
          titleEn: m.titleEn,
          started: primary({ value: started, people: started }, k),
          completed: primary({ value: completed, people: completed }, k),
        };
      }),
    };
  });

  // Weekly trend: weekly parts of an additive range figure are suppressed against that figure.
  const weeks = weeksOf(scope.from, scope.to);
  const trendCells = data.trends.filter(inFilter);
  const perWeek = weeks.map((w) => {
    const cells = trendCells.filter((c) => c.weekStart === w);
    const add = (pick: (c: (typeof cells)[number]) => Measured): Measured =>
      cells.reduce((s, c) => ({ value: (s.value ?? 0) + (pick(c).value ?? 0), people: s.people + pick(c).people }), { value: 0, people: 0 } as Measured);
    const active = cells.reduce((s, c) => s + c.active, 0);
    return {
      active: { value: active, people: active },
      modulesCompleted: add((c) => c.modulesCompleted),
      freiraumApprovedHours: add((c) => c.freiraumApprovedHours),
      experimentsLogged: add((c) => c.experimentsLogged),
    };
  });
  const logged = group.measured.outcomeWorked.value! + group.measured.outcomePartly.value! + group.measured.outcomeFailed.value!;
  const weekly = (pick: (w: (typeof perWeek)[number]) => Measured, total: Figure) => suppressColumn(perWeek.map(pick), total, k);
  const mcWeeks = weekly((w) => w.modulesCompleted, totals.modulesCompleted);
  const hoursWeeks = weekly((w) => w.freiraumApprovedHours, totals.freiraumApproved);
  // Entries logged in the range: the outcomes add up to it and minutes saved covers the same people.
  const loggedTotal = decided.minutesSaved.suppressed ? hidden('complementary') : primary({ value: logged, people: group.measured.minutesSaved.people }, k);
  const expWeeks = weekly((w) => w.experimentsLogged, loggedTotal);
  const trends = weeks.map((w, i) => ({
    week: isoWeek(w),
    weekStart: w,
    active: primary(perWeek[i].active, k),
    modulesCompleted: mcWeeks[i],
    freiraumApprovedHours: round(hoursWeeks[i]),
    experimentsLogged: expWeeks[i],
  }));

  const ap = data.approvals;
  const approvals = {
    decided: primary({ value: ap.decided, people: ap.people }, k),
    leadTimeMedianHours: primary({ value: round1(ap.medianHours), people: ap.people }, k),
    leadTimeP90Hours: primary({ value: round1(ap.p90Hours), people: ap.people }, k),
    rejectionRate: primary({ value: rejectionRate(ap.rejected, ap.decided), people: ap.people }, k),
  };
  const ld = data.leadership;
  const leadership = {
    managers: primary({ value: ld.managers, people: ld.managers }, k),
    activeInOwnPath: primary({ value: share(ld.activeInOwnPath, ld.managers), people: ld.managers }, k),
    loggedOwnExperiments: primary({ value: share(ld.loggedOwnExperiments, ld.managers), people: ld.managers }, k),
    medianDecisionHours: primary({ value: round1(ld.medianDecisionHours), people: ld.deciders }, k),
  };

  const trackNames = new Map(ref.tracks.map((t) => [t.id, t.nameDe]));
  return {
    range: { from: scope.from, to: scope.to, today: scope.today, timeZone: scope.timeZone },
    filters: { departmentId: D, trackId: T },
    privacyThreshold: k,
    totals: roundFigures(totals),
    approvals,
    leadership,
    funnel,
    byDepartment: toRows(byDept).map((r) => ({ ...r, figures: roundFigures(r.figures) })),
    byTrack: toRows(byTrack, trackNames).map((r) => ({ ...r, figures: roundFigures(r.figures) })),
    trends,
  };
}

const round = (f: Figure): Figure => (f.value === null ? f : { ...f, value: Math.round(f.value * 10) / 10 });

function roundFigures(g: GroupFigures): GroupFigures {
  return { ...g, freiraumAllocated: round(g.freiraumAllocated), freiraumApproved: round(g.freiraumApproved), freiraumUsed: round(g.freiraumUsed) };
}
