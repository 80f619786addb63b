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

/**
 * Lead times are counted in buckets (SQL dash_lead_bucket, migration DashboardTriggers): quarter hours up to
 * 1 h, half hours to 12 h, hours to 48 h, 4 hours to a week, days to 30 days, then 30 days; the upper edge
 * belongs to the bucket. This is the upper edge of bucket b in hours.
 */
export function leadBucketEdge(bucket: number): number {
  if (bucket <= 3) return (bucket + 1) / 4;
  if (bucket <= 25) return 1 + (bucket - 3) / 2;
  if (bucket <= 61) return 12 + (bucket - 25);
  if (bucket <= 91) return 48 + 4 * (bucket - 61);
  if (bucket <= 114) return 168 + 24 * (bucket - 91);
  return 720 + 720 * (bucket - 114);
}

/** Bucket of a lead time in hours: the TypeScript twin of SQL dash_lead_bucket, for tests. */
export function leadBucket(hours: number): number {
  if (hours <= 1) return Math.max(Math.ceil(hours * 4), 1) - 1;
  if (hours <= 12) return 3 + Math.ceil((hours - 1) * 2);
  if (hours <= 48) return 25 + Math.ceil(hours - 12);
  if (hours <= 168) return 61 + Math.ceil((hours - 48) / 4);
  if (hours <= 720) return 91 + Math.ceil((hours - 168) / 24);
  return Math.min(114 + Math.ceil((hours - 720) / 720), 126);
}

/**
 * The p-quantile of lead times given as counts per bucket, as the upper edge of the bucket that holds the
 * nearest-rank value (the ceil(p·n)-th smallest): "p of the requests were decided within this many hours".
 * Null without decisions.
 */
export function histogramPercentile(counts: ReadonlyMap<number, number>, p: number): number | null {
  const buckets = [...counts.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = buckets.reduce((s, [, n]) => s + n, 0);
  if (!total) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const [bucket, n] of buckets) {
    seen += n;
    if (seen >= rank) return leadBucketEdge(bucket);
  }
  return leadBucketEdge(buckets[buckets.length - 1][0]);
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

/**
 * A date range as the ISO weeks (Mondays) it covers whole and the days of the weeks it covers in part, so
 * that per-week read models serve the middle and per-day ones the edges. Empty when from > to.
 */
export function windowParts(from: string, to: string): { weeks: string[]; days: string[] } {
  const weeks: string[] = [];
  const days: string[] = [];
  for (const w of from <= to ? weeksOf(from, to) : []) {
    const end = addDays(w, 6);
    if (w >= from && end <= to) weeks.push(w);
    else for (let d = w < from ? from : w; d <= end && d <= to; d = addDays(d, 1)) days.push(d);
  }
  return { weeks, days };
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
