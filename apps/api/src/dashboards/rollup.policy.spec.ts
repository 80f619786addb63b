import { isActive, rollupEffect } from './rollup.policy.js';

describe('rollupEffect', () => {
  it('counts lessons, attempts and practice as learning actions that start the item’s module', () => {
    for (const verb of ['lesson.read', 'exercise.attempted', 'practice.submitted']) {
      expect(rollupEffect(verb, 'item-1', {})).toMatchObject({ learningAction: true, itemId: 'item-1', completedModuleId: null });
    }
  });
  it('records a module completion by module id', () => {
    expect(rollupEffect('module.completed', 'mod-1', {})).toMatchObject({ learningAction: false, completedModuleId: 'mod-1' });
  });
  it('takes outcome and minutes from a journal entry, never negative or fractional', () => {
    expect(rollupEffect('journal.logged', 'e', { outcome: 'failed', minutesSaved: 0 })).toMatchObject({ journalLogged: true, outcome: 'failed', minutesSaved: 0 });
    expect(rollupEffect('journal.logged', 'e', { outcome: 'worked', minutesSaved: 45.7 })).toMatchObject({ minutesSaved: 45 });
    expect(rollupEffect('journal.logged', 'e', { outcome: 'odd', minutesSaved: -5 })).toMatchObject({ outcome: null, minutesSaved: 0 });
  });
  it('counts only the first share of an entry', () => {
    expect(rollupEffect('journal.shared', 'e', { firstShare: true })).toMatchObject({ journalShared: true });
    expect(rollupEffect('journal.shared', 'e', { firstShare: false })).toBeNull();
  });
  it('ignores what is not activity in the sense of PRODUCT.md §4', () => {
    for (const verb of ['kudos.given', 'freiraum.approved', 'practice.reviewed', 'path.completed', 'auth.login']) expect(rollupEffect(verb, 'x', {})).toBeNull();
    expect(rollupEffect('freiraum.requested', 'r', {})).toMatchObject({ freiraumRequested: true });
  });
});

describe('isActive', () => {
  it('is a learning action, a journal entry or a Freiraum request; nothing else', () => {
    expect(isActive({ learningActions: 0, journalLogged: 0, freiraumRequested: 0 })).toBe(false);
    expect(isActive({ learningActions: 1, journalLogged: 0, freiraumRequested: 0 })).toBe(true);
    expect(isActive({ learningActions: 0, journalLogged: 1, freiraumRequested: 0 })).toBe(true);
    expect(isActive({ learningActions: 0, journalLogged: 0, freiraumRequested: 1 })).toBe(true);
  });
});
