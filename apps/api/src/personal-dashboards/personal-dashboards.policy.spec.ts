import {
  dashboardPath,
  nextStepOf,
  overdueCount,
  teamCompletion,
  visibleLastActivity,
} from './personal-dashboards.policy.js';

describe('dashboardPath', () => {
  const paths = [
    { id: 'p-lead', trackSlug: 'leadership' },
    { id: 'p-sales', trackSlug: 'sales' },
    { id: 'p-admin', trackSlug: 'administration' },
  ];
  it('shows the own track’s path, even when another path is assigned', () => {
    expect(dashboardPath(paths, 'sales', new Set(['p-admin']))?.id).toBe('p-sales');
  });
  it('falls back to the first assigned path (in track order) without an own-track path', () => {
    expect(dashboardPath(paths, null, new Set(['p-admin', 'p-lead']))?.id).toBe('p-lead');
    expect(dashboardPath(paths, 'translation', new Set(['p-admin']))?.id).toBe('p-admin');
  });
  it('is null with neither', () => {
    expect(dashboardPath(paths, 'translation', new Set())).toBeNull();
    expect(dashboardPath([], 'sales', new Set(['p-sales']))).toBeNull();
  });
});

describe('nextStepOf', () => {
  const modules = [
    { slug: 'intro', status: 'complete' as const },
    { slug: 'advanced', status: 'in_progress' as const },
    { slug: 'expert', status: 'not_started' as const },
  ];
  it('marks a module with a lesson read or an attempt as started', () => {
    expect(nextStepOf('advanced', modules)).toEqual({ module: modules[1], started: true });
    expect(nextStepOf('expert', modules)).toEqual({ module: modules[2], started: false });
  });
  it('is null when the path is complete or the module is unknown', () => {
    expect(nextStepOf(null, modules)).toBeNull();
    expect(nextStepOf('gone', modules)).toBeNull();
  });
});

describe('overdueCount', () => {
  it('counts incomplete assignments past their due date, not on it, and none without a date', () => {
    const today = '2026-12-11';
    expect(
      overdueCount(
        [
          { dueDate: '2026-12-10', complete: false },
          { dueDate: '2026-12-10', complete: true },
          { dueDate: '2026-12-11', complete: false },
          { dueDate: null, complete: false },
          { dueDate: '2026-01-01', complete: false },
        ],
        today,
      ),
    ).toBe(2);
    expect(overdueCount([], today)).toBe(0);
  });
});

describe('teamCompletion', () => {
  it('is the mean of each member’s share, not the share of all modules', () => {
    // 1/2 and 4/4 → 0.75 (pooled it would be 5/6).
    expect(
      teamCompletion([
        { modulesDone: 1, modulesTotal: 2 },
        { modulesDone: 4, modulesTotal: 4 },
      ]),
    ).toBe(0.75);
  });
  it('leaves out members without a path and is null when nobody has one', () => {
    expect(
      teamCompletion([
        { modulesDone: 0, modulesTotal: 0 },
        { modulesDone: 1, modulesTotal: 4 },
      ]),
    ).toBe(0.25);
    expect(teamCompletion([{ modulesDone: 0, modulesTotal: 0 }])).toBeNull();
    expect(teamCompletion([])).toBeNull();
  });
  it('never exceeds 1 for a member', () => {
    expect(teamCompletion([{ modulesDone: 3, modulesTotal: 2 }])).toBe(1);
  });
});

describe('visibleLastActivity', () => {
  const at = new Date('2026-11-20T08:30:00Z');
  it('shows the time only where the organisation allows it', () => {
    expect(visibleLastActivity(false, at)).toBeNull();
    expect(visibleLastActivity(true, at)).toBe('2026-11-20T08:30:00.000Z');
    expect(visibleLastActivity(true, null)).toBeNull();
  });
});
