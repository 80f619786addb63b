// Which activity-log events move which dashboard counters (docs/dashboards.md). The same mapping drives
// the incremental update (DashboardRollups.apply) and the rebuild from the log (rollups.sql.ts), so a test
// can check that both give the same read model.

/** Learning actions: they make a person active and start a module. */
export const LEARNING_VERBS = ['lesson.read', 'exercise.attempted', 'practice.submitted'] as const;
/** Every verb that changes a counter. */
export const ROLLUP_VERBS = [...LEARNING_VERBS, 'module.completed', 'journal.logged', 'journal.shared', 'freiraum.requested'] as const;

export interface RollupEffect {
  learningAction: boolean;
  /** The learning item whose module this action starts. */
  itemId: string | null;
  /** The module completed. */
  completedModuleId: string | null;
  journalLogged: boolean;
  journalShared: boolean;
  outcome: 'worked' | 'partly' | 'failed' | null;
  minutesSaved: number;
  freiraumRequested: boolean;
}

/** What one activity-log event adds to the read model, or null if nothing. */
export function rollupEffect(verb: string, objectId: string, data: Record<string, unknown>): RollupEffect | null {
  const none: RollupEffect = {
    learningAction: false,
    itemId: null,
    completedModuleId: null,
    journalLogged: false,
    journalShared: false,
    outcome: null,
    minutesSaved: 0,
    freiraumRequested: false,
  };
  switch (verb) {
    case 'lesson.read':
    case 'exercise.attempted':
    case 'practice.submitted':
      return { ...none, learningAction: true, itemId: objectId };
    case 'module.completed':
      return { ...none, completedModuleId: objectId };
    case 'journal.logged': {
      const outcome = data.outcome === 'worked' || data.outcome === 'partly' || data.outcome === 'failed' ? data.outcome : null;
      return { ...none, journalLogged: true, outcome, minutesSaved: Math.max(0, Math.trunc(Number(data.minutesSaved) || 0)) };
    }
    case 'journal.shared':
      // Re-sharing after making an entry private again does not count twice.
      return data.firstShare === true ? { ...none, journalShared: true } : null;
    case 'freiraum.requested':
      return { ...none, freiraumRequested: true };
    default:
      return null;
  }
}

/** A person is active on a day with a learning action, a journal entry or a Freiraum request (PRODUCT.md §4). */
export function isActive(day: { learningActions: number; journalLogged: number; freiraumRequested: number }): boolean {
  return day.learningActions + day.journalLogged + day.freiraumRequested > 0;
}
