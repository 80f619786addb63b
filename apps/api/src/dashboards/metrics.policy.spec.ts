import { addDays, completionRate, defaultRange, isoWeek, percentile, rejectionRate, share, weekStart, weeksOf } from './metrics.policy.js';

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
  it('percentiles interpolate like PostgreSQL percentile_cont', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([5], 0.9)).toBe(5);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([10, 1, 4, 2, 3], 0.5)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1);
  });
  it('weeks start on Monday and carry ISO week numbers across the year end', () => {
    expect(weekStart('2026-11-28')).toBe('2026-11-23');
    expect(weekStart('2026-11-23')).toBe('2026-11-23');
    expect(isoWeek('2026-11-28')).toBe('2026-W48');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
    expect(weeksOf('2026-11-01', '2026-11-28')).toEqual(['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23']);
  });
  it('the default range is the 30 days up to today', () => {
    expect(defaultRange('2026-11-28')).toEqual({ from: '2026-10-30', to: '2026-11-28' });
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
