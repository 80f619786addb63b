import { describe, expect, it } from 'vitest';
import { presetRange, readFilters, toQuery, writeFilters, type DashboardFilters } from './filters';

const DEPT = '30000000-0000-4000-8000-000000000001';
const base: DashboardFilters = { period: 'last-30-days', from: '', to: '', departmentId: '', trackId: '' };
// Wednesday, 15 April 2026 (local time).
const today = new Date(2026, 3, 15, 10, 0);

describe('HR dashboard filters', () => {
  it('turns presets into calendar days', () => {
    expect(presetRange('last-30-days', today)).toEqual({});
    expect(presetRange('this-month', today)).toEqual({ from: '2026-04-01', to: '2026-04-15' });
    expect(presetRange('last-month', today)).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(presetRange('this-quarter', today)).toEqual({ from: '2026-04-01', to: '2026-04-15' });
    expect(presetRange('this-quarter', new Date(2026, 2, 31))).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    // Twelve ISO weeks: this week's Monday is 13 April, eleven weeks before it is 26 January.
    expect(presetRange('last-12-weeks', today)).toEqual({ from: '2026-01-26', to: '2026-04-15' });
    // On a Sunday the current week still began on the Monday before.
    expect(presetRange('last-12-weeks', new Date(2026, 3, 19))).toEqual({ from: '2026-01-26', to: '2026-04-19' });
    // January: last month is December of the year before.
    expect(presetRange('last-month', new Date(2026, 0, 10))).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });

  it('reads and writes the URL, leaving out defaults and dropping what is not an id or a date', () => {
    expect(readFilters(new URLSearchParams(''))).toEqual(base);
    expect(
      readFilters(new URLSearchParams(`from=2026-03-01&to=2026-03-31&departmentId=${DEPT}&trackId=not-an-id`)),
    ).toEqual({ ...base, period: 'custom', from: '2026-03-01', to: '2026-03-31', departmentId: DEPT });
    expect(readFilters(new URLSearchParams('period=nonsense&from=yesterday'))).toEqual(base);
    expect(writeFilters(base).toString()).toBe('');
    expect(writeFilters({ ...base, period: 'this-month', from: '2026-01-01', departmentId: DEPT }).toString()).toBe(
      `period=this-month&departmentId=${DEPT}`,
    );
    const custom = { ...base, period: 'custom', from: '2026-03-01', to: '2026-03-31' } as const;
    expect(readFilters(writeFilters(custom))).toEqual(custom);
  });

  it('builds the API query, and refuses a custom range the API would refuse', () => {
    expect(toQuery({ ...base, departmentId: DEPT }, today)).toEqual({ query: { departmentId: DEPT }, problem: null });
    expect(toQuery({ ...base, period: 'last-month' }, today).query).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    const custom = { ...base, period: 'custom' } as const;
    expect(toQuery(custom, today).problem).toEqual({ field: 'from', problem: 'required' });
    expect(toQuery({ ...custom, from: '2026-03-01' }, today).problem).toEqual({ field: 'to', problem: 'required' });
    expect(toQuery({ ...custom, from: '2026-03-10', to: '2026-03-01' }, today).problem).toEqual({
      field: 'to',
      problem: 'order',
    });
    expect(toQuery({ ...custom, from: '2025-01-01', to: '2026-03-01' }, today).problem).toEqual({
      field: 'from',
      problem: 'tooLong',
    });
    expect(toQuery({ ...custom, from: '2026-02-31', to: '2026-03-01' }, today).problem).toEqual({
      field: 'from',
      problem: 'invalid',
    });
    expect(toQuery({ ...custom, from: '2026-03-01', to: '2026-03-01' }, today).query).toEqual({
      from: '2026-03-01',
      to: '2026-03-01',
    });
  });
});
