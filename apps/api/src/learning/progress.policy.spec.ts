import { moduleProgress, pathProgress, type PathModuleState } from './progress.policy.js';

const input = (over: Partial<Parameters<typeof moduleProgress>[0]> = {}) => ({
  requiredExerciseIds: ['a', 'b'],
  passedExerciseIds: new Set<string>(),
  started: false,
  completedAt: null,
  prerequisitesComplete: true,
  ...over,
});

describe('moduleProgress', () => {
  it('is not started, then in progress, then complete', () => {
    expect(moduleProgress(input()).status).toBe('not_started');
    expect(moduleProgress(input({ started: true, passedExerciseIds: new Set(['a']) }))).toMatchObject({
      status: 'in_progress',
      requiredDone: 1,
      requiredTotal: 2,
    });
    expect(moduleProgress(input({ started: true, passedExerciseIds: new Set(['a', 'b']) }))).toMatchObject({
      status: 'complete',
      completesNow: true,
    });
  });

  it('reading alone never completes a module', () => {
    expect(moduleProgress(input({ requiredExerciseIds: [], started: true })).status).toBe('in_progress');
  });

  it('a required exercise added after completion does not reopen the module', () => {
    const p = moduleProgress(input({ requiredExerciseIds: ['a', 'b', 'new'], passedExerciseIds: new Set(['a', 'b']), completedAt: new Date() }));
    expect(p).toMatchObject({ status: 'complete', completesNow: false, requiredDone: 2, requiredTotal: 3 });
  });

  it('retired exercises no longer count: passing the current required set completes', () => {
    // 'old' was retired, so the caller no longer lists it as required.
    expect(moduleProgress(input({ requiredExerciseIds: ['a'], passedExerciseIds: new Set(['a', 'old']) })).status).toBe('complete');
  });

  it('is locked while prerequisites are incomplete, even with progress', () => {
    expect(moduleProgress(input({ prerequisitesComplete: false, started: true })).status).toBe('locked');
    expect(moduleProgress(input({ prerequisitesComplete: false, passedExerciseIds: new Set(['a', 'b']) }))).toMatchObject({
      status: 'locked',
      completesNow: false,
    });
  });
});

describe('pathProgress', () => {
  const mod = (slug: string, prerequisites: string[], over: Partial<PathModuleState['input']> = {}): PathModuleState => ({
    slug,
    prerequisites,
    input: { requiredExerciseIds: [`${slug}-x`], passedExerciseIds: new Set(), started: false, completedAt: null, ...over },
  });

  it('unlocks the next module when its prerequisite completes and names the next step', () => {
    const p = pathProgress([
      mod('intro', [], { passedExerciseIds: new Set(['intro-x']), started: true }),
      mod('two', ['intro']),
      mod('three', ['two']),
    ]);
    expect(p.modules.map((m) => m.status)).toEqual(['complete', 'not_started', 'locked']);
    expect(p).toMatchObject({ completed: 1, total: 3, status: 'in_progress', nextModule: 'two' });
  });

  it('counts a prerequisite completed in another path', () => {
    const p = pathProgress([mod('two', ['intro'])], new Set(['intro']));
    expect(p.modules[0].status).toBe('not_started');
  });

  it('is complete when every module is', () => {
    const done = { completedAt: new Date() };
    const p = pathProgress([mod('a', [], done), mod('b', ['a'], done)]);
    expect(p).toMatchObject({ status: 'complete', completed: 2, nextModule: null });
  });

  it('an empty path is not complete', () => {
    expect(pathProgress([]).status).toBe('not_started');
  });
});
