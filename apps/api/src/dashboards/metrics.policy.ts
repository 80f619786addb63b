// Metric definitions of the dashboards (PRODUCT.md §4), pure. docs/dashboards.md states each in words.

/** completed ÷ assigned (modules of the people's paths); null without anything assigned. */
export function completionRate(completed: number, assigned: number): number | null {
  return assigned > 0 ? round4(completed / assigned) : null;
}

/** rejected ÷ decided; null without decisions. */
export function rejectionRate(rejected: number, decided: number): number | null {
  return decided > 0 ? round4(rejected / decided) : null;
}

/** part ÷ whole as a share 0..1; null for an empty whole. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? round4(part / whole) : null;
}

/** The p-quantile with linear interpolation between closest ranks (PostgreSQL's percentile_cont). */
export function percentile(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Monday of the ISO week of a date (YYYY-MM-DD). */
export function weekStart(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const shift = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - shift * 86_400_000).toISOString().slice(0, 10);
}

/** ISO week label, e.g. 2026-W48. */
export function isoWeek(date: string): string {
  const d = new Date(`${weekStart(date)}T00:00:00Z`);
  const thursday = new Date(d.getTime() + 3 * 86_400_000);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The default range: the 30 days up to and including today. */
export function defaultRange(today: string): { from: string; to: string } {
  return { from: addDays(today, -29), to: today };
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The weeks (their Mondays) overlapping a range, oldest first. */
export function weeksOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let w = weekStart(from); w <= to; w = addDays(w, 7)) out.push(w);
  return out;
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
