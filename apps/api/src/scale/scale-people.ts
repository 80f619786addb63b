import type { Role } from '@freiraum/contracts';
import { DEFAULT_TRACKS, type DefaultTrackSlug } from '../demo/organization-defaults.js';
import { FIRST_NAMES, LAST_NAMES, SCALE_DEPARTMENTS } from './scale-texts.js';

// The org chart and each person's habits for the scale organisation, planned in memory (10,000 people are
// a few megabytes) with a seeded generator; the bulk SQL then expands the habits into a year of history.

export const MIN_EMPLOYEES = 50;
export const MAX_EMPLOYEES = 200_000;

export interface PlannedDepartment {
  name: string;
  track: DefaultTrackSlug;
}

export interface PlannedPerson {
  /** 1-based; 1 is the CEO. */
  idx: number;
  firstName: string;
  lastName: string;
  /** Index into the departments. */
  dept: number;
  /** 0 CEO, 1 department head, 2 section head, 3 team lead, 4 staff. */
  level: 0 | 1 | 2 | 3 | 4;
  managerIdx: number | null;
  track: DefaultTrackSlug;
  roles: Role[];
  language: 'de' | 'en' | null;
  /** Day (from the start of the history) the account was created; null = with the organisation. */
  hireDay: number | null;
  /** Day the person left (account deactivated); null = still here. */
  deactivatedDay: number | null;
  /** Who reviews practice work and decides flags: the manager, else HR. */
  reviewerIdx: number;
  /** Where an overdue Freiraum request escalates: the manager's manager, else HR. */
  escalationIdx: number;
  everActive: boolean;
  startDay: number;
  lastDay: number;
  /** Modules of the own track's path started, in path order (0 = no learning). */
  reach: number;
  /** Days between starting one module and the next. */
  gap: number;
  /** 0..1: how often exercises pass on the first try. */
  skill: number;
  /** A second path explored (positions 1..secReach), or null. */
  secTrack: DefaultTrackSlug | null;
  secReach: number;
  secStartDay: number;
  /** Lessons of a third path read out of curiosity (positions 1..browse). */
  browseTrack: DefaultTrackSlug | null;
  browse: number;
  browseDay: number;
  /** Share of the Freiraum allocation used (0 = never requests). */
  usage: number;
  /** Chance of writing a journal entry after a Freiraum slot. */
  journalP: number;
  /** Willingness to share journal entries. */
  shareP: number;
}

export interface PeoplePlan {
  departments: PlannedDepartment[];
  people: PlannedPerson[];
  hrIdx: number[];
  adminIdx: number[];
}

/** mulberry32: small, fast and good enough for test data; the same seed gives the same organisation. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0 || 0x9e3779b9;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TRACK_SLUGS = DEFAULT_TRACKS.map((t) => t.slug) as DefaultTrackSlug[];

export function departmentCount(employees: number): number {
  return Math.min(Math.max(Math.round(employees / 550), 12), 20, Math.max(1, Math.floor(employees / 8)));
}

/** Splits `total` into parts proportional to `weights` (largest remainder), each at least `min`. */
function split(total: number, weights: number[], min: number): number[] {
  const free = total - min * weights.length;
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (free * w) / sum);
  const parts = raw.map((r) => Math.floor(r));
  let left = free - parts.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    parts[i]++;
  }
  return parts.map((p) => p + min);
}

export function planPeople(input: { employees: number; seed: number; historyDays: number }): PeoplePlan {
  const { employees: n, historyDays } = input;
  if (!Number.isInteger(n) || n < MIN_EMPLOYEES || n > MAX_EMPLOYEES) {
    throw new RangeError(`employees must be a whole number from ${MIN_EMPLOYEES} to ${MAX_EMPLOYEES}`);
  }
  const rand = seededRandom(input.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];

  const d = departmentCount(n);
  const departments = SCALE_DEPARTMENTS.slice(0, d).map(({ name, track }) => ({ name, track }));
  // The CEO, assistants and staff functions; everyone else is in a department.
  const boardSize = Math.min(Math.max(Math.round(n * 0.0006), 2), 7);
  const sizes = [
    boardSize,
    ...split(
      n - boardSize,
      SCALE_DEPARTMENTS.slice(1, d).map((dep) => dep.weight * (0.75 + 0.5 * rand())),
      4,
    ),
  ];

  type Draft = Pick<PlannedPerson, 'idx' | 'dept' | 'level' | 'managerIdx'>;
  const drafts: Draft[] = [];
  let next = 1;
  const take = (count: number) => Array.from({ length: count }, () => next++);

  // The board: the CEO and their staff.
  const [ceo, ...board] = take(sizes[0]);
  drafts.push({ idx: ceo, dept: 0, level: 0, managerIdx: null });
  for (const idx of board) drafts.push({ idx, dept: 0, level: 4, managerIdx: ceo });

  for (let dept = 1; dept < d; dept++) {
    const [head, ...rest] = take(sizes[dept]);
    drafts.push({ idx: head, dept, level: 1, managerIdx: ceo });
    if (rest.length <= 12) {
      for (const idx of rest) drafts.push({ idx, dept, level: 4, managerIdx: head });
      continue;
    }
    // Teams of about ten plus their lead; more than twelve teams get section heads in between.
    const teams = Math.max(2, Math.round(rest.length / 11));
    const sections = teams > 12 ? Math.ceil(teams / 10) : 0;
    const sectionHeads = rest.slice(0, sections);
    const leads = rest.slice(sections, sections + teams);
    const staff = rest.slice(sections + teams);
    for (const idx of sectionHeads) drafts.push({ idx, dept, level: 2, managerIdx: head });
    leads.forEach((idx, i) =>
      drafts.push({ idx, dept, level: 3, managerIdx: sections ? sectionHeads[i % sections] : head }),
    );
    const teamSizes = split(
      staff.length,
      leads.map(() => 8 + 4 * rand()),
      0,
    );
    let s = 0;
    teamSizes.forEach((size, team) => {
      for (let k = 0; k < size; k++) drafts.push({ idx: staff[s++], dept, level: 4, managerIdx: leads[team] });
    });
  }
  drafts.sort((a, b) => a.idx - b.idx);

  // HR in "Personal" (department 4), admins in "IT" (department 5): the head and a few of their people.
  const membersOf = (dept: number) => drafts.filter((p) => p.dept === dept).map((p) => p.idx);
  const hrIdx = membersOf(4).slice(0, Math.max(2, Math.round(n / 1000)));
  const adminIdx = membersOf(5).slice(0, Math.max(1, Math.round(n / 2500)));
  const hr = new Set(hrIdx);
  const admins = new Set(adminIdx);
  const withReports = new Set(drafts.map((p) => p.managerIdx).filter((m): m is number => m !== null));
  const managerOf = new Map(drafts.map((p) => [p.idx, p.managerIdx]));
  const fallbackHr = (idx: number) => hrIdx.find((h) => h !== idx)!;

  const people = drafts.map((p): PlannedPerson => {
    const deptTrack = departments[p.dept].track;
    const staffTrack: DefaultTrackSlug = p.dept === 0 ? 'administration' : deptTrack;
    let track: DefaultTrackSlug;
    if (p.level <= 2) track = rand() < 0.95 ? 'leadership' : staffTrack;
    else if (p.level === 3) track = rand() < 0.7 ? 'leadership' : staffTrack;
    else {
      const r = rand();
      track = r < 0.8 ? staffTrack : r < 0.83 ? 'leadership' : pick(TRACK_SLUGS.filter((t) => t !== 'leadership'));
    }
    const roles = new Set<Role>(['employee']);
    if (withReports.has(p.idx)) roles.add('manager');
    if (hr.has(p.idx)) roles.add('hr');
    if (admins.has(p.idx)) roles.add('admin');
    const special = hr.has(p.idx) || admins.has(p.idx);

    const langRoll = rand();
    const language = langRoll < 0.08 ? 'en' : langRoll < 0.1 ? 'de' : null;
    const hireDay = p.level === 4 && !special && rand() < 0.07 ? 15 + Math.floor(rand() * (historyDays - 35)) : null;
    const deactivatedDay =
      p.level === 4 && !special && hireDay === null && rand() < 0.02
        ? 45 + Math.floor(rand() * (historyDays - 48))
        : null;

    // Habits. The launch wave comes first; some drift away after a few months.
    const activeChance = special ? 1 : p.level <= 2 ? 0.97 : p.level === 3 ? 0.9 : 0.77;
    let everActive = rand() < activeChance;
    const wave = rand();
    let startDay =
      wave < 0.55
        ? Math.floor(rand() * 21)
        : wave < 0.85
          ? 21 + Math.floor(rand() * 130)
          : 151 + Math.floor(rand() * Math.max(1, historyDays - 160));
    if (hireDay !== null) startDay = Math.max(startDay, hireDay + 2);
    startDay = Math.min(startDay, historyDays - 3);
    let lastDay = rand() < 0.13 ? Math.min(historyDays, startDay + 30 + Math.floor(rand() * 150)) : historyDays;
    if (deactivatedDay !== null) lastDay = Math.min(lastDay, deactivatedDay - 1);
    if (lastDay < startDay) everActive = false;

    let reach = 0;
    if (rand() >= 0.06) {
      reach = 1;
      while (reach < 12 && rand() < 0.88) reach++;
    }
    // At least a week between modules: a module (with its reviews) is done within five days.
    const gap = 7 + Math.floor(rand() ** 1.6 * 21);
    const others = TRACK_SLUGS.filter((t) => t !== track);
    const secTrack = reach >= 3 && rand() < 0.45 ? pick(others) : null;
    const secReach = secTrack ? 1 + Math.floor(rand() * 5) : 0;
    const secStartDay = startDay + gap + 5 + Math.floor(rand() * 90);
    const browseTrack = rand() < 0.5 ? pick(others.filter((t) => t !== secTrack)) : null;
    const browse = browseTrack ? 1 + Math.floor(rand() * 6) : 0;
    const browseDay = startDay + Math.floor(rand() * Math.max(1, lastDay - startDay));

    return {
      idx: p.idx,
      dept: p.dept,
      level: p.level,
      managerIdx: p.managerIdx,
      firstName: pick(FIRST_NAMES),
      lastName: pick(LAST_NAMES),
      track,
      roles: [...roles].sort(),
      language,
      hireDay,
      deactivatedDay,
      reviewerIdx: p.managerIdx ?? fallbackHr(p.idx),
      escalationIdx: (p.managerIdx !== null ? managerOf.get(p.managerIdx) : null) ?? fallbackHr(p.idx),
      everActive,
      startDay,
      lastDay,
      reach,
      gap,
      skill: 0.35 + 0.6 * rand(),
      secTrack,
      secReach,
      secStartDay,
      browseTrack,
      browse,
      browseDay,
      usage: rand() < 0.05 ? 0 : 0.75 + 0.25 * rand(),
      journalP: 0.12 + 0.46 * rand(),
      shareP: rand(),
    };
  });
  return { departments, people, hrIdx, adminIdx };
}
