import { hrDashboardQuerySchema, uuid, type HrDashboardQuery } from '@freiraum/contracts';

export const PERIOD_PRESETS = [
  'last-30-days',
  'this-month',
  'last-month',
  'this-quarter',
  'last-12-weeks',
  'custom',
] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
export const DEFAULT_PERIOD: PeriodPreset = 'last-30-days';

/** What the filter bar shows; it lives in the URL so a view can be reloaded and shared. */
export interface DashboardFilters {
  period: PeriodPreset;
  /** Only with period 'custom'. */
  from: string;
  to: string;
  departmentId: string;
  trackId: string;
}

const isPreset = (value: string | null): value is PeriodPreset =>
  value !== null && (PERIOD_PRESETS as readonly string[]).includes(value);
const idOrEmpty = (value: string | null) => (value && uuid.safeParse(value).success ? value : '');
const dateOrEmpty = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '');

export function readFilters(params: URLSearchParams): DashboardFilters {
  const from = dateOrEmpty(params.get('from'));
  const to = dateOrEmpty(params.get('to'));
  const period = params.get('period');
  return {
    // A shared link with dates but no period is a custom range.
    period: isPreset(period) ? period : from || to ? 'custom' : DEFAULT_PERIOD,
    from,
    to,
    departmentId: idOrEmpty(params.get('departmentId')),
    trackId: idOrEmpty(params.get('trackId')),
  };
}

/** The URL form: defaults and empty values are left out, dates only for a custom range. */
export function writeFilters(filters: DashboardFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.period !== DEFAULT_PERIOD) params.set('period', filters.period);
  if (filters.period === 'custom') {
    if (filters.from) params.set('from', filters.from);
    if (filters.to) params.set('to', filters.to);
  }
  if (filters.departmentId) params.set('departmentId', filters.departmentId);
  if (filters.trackId) params.set('trackId', filters.trackId);
  return params;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** YYYY-MM-DD of a local calendar day. */
export const isoDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const day = (y: number, m: number, d: number) => new Date(y, m, d);

/**
 * The dates of a preset, counted in the browser's calendar (the organisation's time zone in practice).
 * "Last 30 days" sends no dates: it is the API's own default, computed in the organisation's time zone.
 */
export function presetRange(period: Exclude<PeriodPreset, 'custom'>, today: Date): { from?: string; to?: string } {
  const y = today.getFullYear();
  const m = today.getMonth();
  const d = today.getDate();
  switch (period) {
    case 'last-30-days':
      return {};
    case 'this-month':
      return { from: isoDay(day(y, m, 1)), to: isoDay(today) };
    case 'last-month':
      return { from: isoDay(day(y, m - 1, 1)), to: isoDay(day(y, m, 0)) };
    case 'this-quarter':
      return { from: isoDay(day(y, m - (m % 3), 1)), to: isoDay(today) };
    case 'last-12-weeks': {
      // Twelve whole ISO weeks: from the Monday eleven weeks before this week's Monday, up to today.
      const sinceMonday = (today.getDay() + 6) % 7;
      return { from: isoDay(day(y, m, d - sinceMonday - 11 * 7)), to: isoDay(today) };
    }
  }
}

export type RangeProblem = { field: 'from' | 'to'; problem: 'required' | 'invalid' | 'order' | 'tooLong' };

const DAY_MS = 86_400_000;

/** The API query for these filters, or the first reason the custom range cannot be asked for yet. */
export function toQuery(
  filters: DashboardFilters,
  today: Date,
): { query: HrDashboardQuery; problem: null } | { query: null; problem: RangeProblem } {
  let range: { from?: string; to?: string };
  if (filters.period === 'custom') {
    const { from, to } = filters;
    if (!from) return { query: null, problem: { field: 'from', problem: 'required' } };
    if (!to) return { query: null, problem: { field: 'to', problem: 'required' } };
    // The contract's own rules, so the page never sends what the API refuses.
    if (Number.isNaN(Date.parse(from))) return { query: null, problem: { field: 'from', problem: 'invalid' } };
    if (Number.isNaN(Date.parse(to))) return { query: null, problem: { field: 'to', problem: 'invalid' } };
    if (from > to) return { query: null, problem: { field: 'to', problem: 'order' } };
    if (Date.parse(to) - Date.parse(from) > 366 * DAY_MS)
      return { query: null, problem: { field: 'from', problem: 'tooLong' } };
    range = { from, to };
  } else {
    range = presetRange(filters.period, today);
  }
  const query: HrDashboardQuery = {
    ...range,
    ...(filters.departmentId ? { departmentId: filters.departmentId } : {}),
    ...(filters.trackId ? { trackId: filters.trackId } : {}),
  };
  // Anything the checks above missed (e.g. 2026-02-31) still never reaches the API.
  const checked = hrDashboardQuerySchema.safeParse(query);
  if (!checked.success) {
    const field = checked.error.issues[0]?.path[0] === 'to' ? 'to' : 'from';
    return { query: null, problem: { field, problem: 'invalid' } };
  }
  return { query, problem: null };
}

/** A calendar day as a Date for formatting: noon, so no time zone shifts it to the day before. */
export const noonOf = (day: string) => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T12:00:00` : day);
