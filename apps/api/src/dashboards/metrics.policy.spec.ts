import {
  addDays,
  completionRate,
  defaultRange,
  histogramPercentile,
  isoWeek,
  leadBucket,
  leadBucketEdge,
  rejectionRate,
  share,
  weekStart,
  weeksOf,
  windowParts,
} from './metrics.policy.js';

describe('metric definitions', () => {
  it('completion rate is completed ÷ assigned', () => {
    expect(completionRate(3, 12)).toBe(0.25);
    expect(completionRate(0, 7)).toBe(0);
    expect(completionRate(0, 0)).toBeNull();
  });
  it('rejection rate is rejected ÷ decided; shares are part ÷ whole', () => {
    expect(rejectionRate(1, 3)).toBe(0.3333);
    expect(rejectionRate(0, 0)).toBeNull();
    expect(share(2, 8)).toBe(0.25);
    expect(share(1, 0)).toBeNull();
  });
  it('lead times fall into buckets whose upper edge belongs to them', () => {
    const cases: [number, number][] = [
      [0, 0.25],
      [0.25, 0.25],
      [0.26, 0.5],
      [1, 1],
      [1.01, 1.5],
      [5.3, 5.5],
      [12, 12],
      [12.2, 13],
      [24, 24],
      [48, 48],
      [49, 52],
      [168, 168],
      [170, 192],
      [720, 720],
      [721, 1440],
      [100_000, 9360],
    ];
    for (const [hours, edge] of cases) expect([hours, leadBucketEdge(leadBucket(hours))]).toEqual([hours, edge]);
    // Every bucket's edge falls into that bucket, and edges rise.
    for (let b = 0; b <= 126; b++) {
      expect(leadBucket(leadBucketEdge(b))).toBe(b);
      if (b > 0) expect(leadBucketEdge(b)).toBeGreaterThan(leadBucketEdge(b - 1));
    }
  });
  it('percentiles of a histogram are the nearest-rank bucket edge', () => {
    expect(histogramPercentile(new Map(), 0.5)).toBeNull();
    expect(histogramPercentile(new Map([[leadBucket(5), 0]]), 0.5)).toBeNull();
    expect(histogramPercentile(new Map([[leadBucket(5), 1]]), 0.9)).toBe(5);
    // 10 decisions: 4 within 2 h, 5 within 24 h, 1 after 3 days. Median = 5th = 24 h; p90 = 9th = 24 h.
    const h = new Map([
      [leadBucket(30 * 24), 0],
      [leadBucket(72), 1],
      [leadBucket(2), 4],
      [leadBucket(24), 5],
    ]);
    expect(histogramPercentile(h, 0.5)).toBe(24);
    expect(histogramPercentile(h, 0.9)).toBe(24);
    expect(histogramPercentile(h, 0.4)).toBe(2);
    expect(histogramPercentile(h, 0.95)).toBe(72);
    expect(histogramPercentile(h, 1)).toBe(72);
  });
  it('weeks start on Monday and carry ISO week numbers across the year end', () => {
    expect(weekStart('2026-11-28')).toBe('2026-11-23');
    expect(weekStart('2026-11-23')).toBe('2026-11-23');
    expect(isoWeek('2026-11-28')).toBe('2026-W48');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
    expect(weeksOf('2026-11-01', '2026-11-28')).toEqual([
      '2026-10-26',
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
    ]);
  });
  it('splits a range into whole weeks and edge days', () => {
    // Sat 2026-11-07 … Wed 2026-11-25: two edge days, two whole weeks, three edge days.
    expect(windowParts('2026-11-07', '2026-11-25')).toEqual({
      weeks: ['2026-11-09', '2026-11-16'],
      days: ['2026-11-07', '2026-11-08', '2026-11-23', '2026-11-24', '2026-11-25'],
    });
    expect(windowParts('2026-11-09', '2026-11-15')).toEqual({ weeks: ['2026-11-09'], days: [] });
    expect(windowParts('2026-11-10', '2026-11-11')).toEqual({ weeks: [], days: ['2026-11-10', '2026-11-11'] });
    expect(windowParts('2026-11-12', '2026-11-11')).toEqual({ weeks: [], days: [] });
  });
  it('the default range is the 30 days up to today', () => {
    expect(defaultRange('2026-11-28')).toEqual({ from: '2026-10-30', to: '2026-11-28' });
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
