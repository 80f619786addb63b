// Progress roll-up (PRODUCT.md §2), pure. A module is complete when every current required exercise is
// passed or accepted; once recorded, a completion stands even if required content is added later.

export type ModuleStatus = 'locked' | 'not_started' | 'in_progress' | 'complete';

export interface ModuleProgressInput {
  /** Current (not retired) required exercises of the module. */
  requiredExerciseIds: string[];
  /** Exercises with a passed (or accepted) attempt. */
  passedExerciseIds: ReadonlySet<string>;
  /** A lesson read or an attempt exists in the module. */
  started: boolean;
  /** The recorded completion, if any. */
  completedAt: Date | null;
  prerequisitesComplete: boolean;
}

export interface ModuleProgress {
  status: ModuleStatus;
  requiredDone: number;
  requiredTotal: number;
  /** All required exercises passed now, but no completion recorded yet: the caller records it. */
  completesNow: boolean;
}

export function moduleProgress(input: ModuleProgressInput): ModuleProgress {
  const requiredTotal = input.requiredExerciseIds.length;
  const requiredDone = input.requiredExerciseIds.filter((id) => input.passedExerciseIds.has(id)).length;
  if (input.completedAt) return { status: 'complete', requiredDone, requiredTotal, completesNow: false };
  // A module without required exercises never completes by reading: content:check forbids it anyway.
  const allDone = requiredTotal > 0 && requiredDone === requiredTotal;
  if (allDone && input.prerequisitesComplete) return { status: 'complete', requiredDone, requiredTotal, completesNow: true };
  if (!input.prerequisitesComplete) return { status: 'locked', requiredDone, requiredTotal, completesNow: false };
  return { status: input.started ? 'in_progress' : 'not_started', requiredDone, requiredTotal, completesNow: false };
}

export interface PathModuleState {
  slug: string;
  prerequisites: string[];
  input: Omit<ModuleProgressInput, 'prerequisitesComplete'>;
}

export interface PathProgress {
  modules: (ModuleProgress & { slug: string })[];
  completed: number;
  total: number;
  status: 'not_started' | 'in_progress' | 'complete';
  /** The first module that is neither complete nor locked. */
  nextModule: string | null;
}

/**
 * Rolls a path up in order. Prerequisites may live outside the path (a shared module completed
 * elsewhere): `completeElsewhere` names modules complete for this learner regardless of the path.
 */
export function pathProgress(modules: PathModuleState[], completeElsewhere: ReadonlySet<string> = new Set()): PathProgress {
  const complete = new Set(completeElsewhere);
  // Evaluate in dependency order so a prerequisite later in the list is still seen (content:check
  // forbids that order, but the roll-up must not depend on it).
  const bySlug = new Map(modules.map((m) => [m.slug, m]));
  const results = new Map<string, ModuleProgress>();
  const evaluate = (slug: string, trail: Set<string>): ModuleProgress | undefined => {
    const done = results.get(slug);
    if (done) return done;
    const m = bySlug.get(slug);
    if (!m || trail.has(slug)) return undefined;
    trail.add(slug);
    for (const pre of m.prerequisites) evaluate(pre, trail);
    const prerequisitesComplete = m.prerequisites.every((p) => complete.has(p));
    const result = moduleProgress({ ...m.input, prerequisitesComplete });
    if (result.status === 'complete') complete.add(slug);
    results.set(slug, result);
    return result;
  };
  for (const m of modules) evaluate(m.slug, new Set());
  const list = modules.map((m) => ({ slug: m.slug, ...results.get(m.slug)! }));
  const completed = list.filter((m) => m.status === 'complete').length;
  const started = list.some((m) => m.status === 'in_progress' || m.status === 'complete');
  return {
    modules: list,
    completed,
    total: list.length,
    status: completed === list.length && list.length > 0 ? 'complete' : started ? 'in_progress' : 'not_started',
    nextModule: list.find((m) => m.status === 'not_started' || m.status === 'in_progress')?.slug ?? null,
  };
}
