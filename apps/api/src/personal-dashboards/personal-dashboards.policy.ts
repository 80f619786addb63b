// Rules of the personal dashboards (PRODUCT.md §4, §6), pure. Progress itself is the learning feature's
// (progress.policy.ts); these decide which path a dashboard shows and how the team's figures roll up.

import { assignmentStatus } from '../learning/assignment.policy.js';

export interface PathChoice {
  id: string;
  trackSlug: string;
}

/**
 * The path a dashboard shows for a person: their own track's path; without one (no track, or the track is not
 * enabled) the first path HR assigned them. `paths` are in the organisation's track order, like the learning
 * page lists them.
 */
export function dashboardPath<P extends PathChoice>(
  paths: readonly P[],
  ownTrack: string | null,
  assignedPathIds: ReadonlySet<string>,
): P | null {
  return (
    paths.find((p) => ownTrack !== null && p.trackSlug === ownTrack) ??
    paths.find((p) => assignedPathIds.has(p.id)) ??
    null
  );
}

export interface NextStepModule {
  slug: string;
  status: 'locked' | 'not_started' | 'in_progress' | 'complete';
}

/** The module to continue with: the path's next module, "started" once a lesson was read or an exercise tried. */
export function nextStepOf<M extends NextStepModule>(
  nextModule: string | null,
  modules: readonly M[],
): { module: M; started: boolean } | null {
  if (!nextModule) return null;
  const module = modules.find((m) => m.slug === nextModule);
  return module ? { module, started: module.status === 'in_progress' } : null;
}

/** Assignments past their due date whose path is not complete (same rule as HR's assignment overview). */
export function overdueCount(
  assignments: readonly { dueDate: string | null; complete: boolean }[],
  today: string,
): number {
  return assignments.filter(
    (a) => assignmentStatus({ complete: a.complete, started: false, dueDate: a.dueDate, today }) === 'overdue',
  ).length;
}

/** Mean of each member's done ÷ total; members without a path (total 0) do not count; null when nobody has one. */
export function teamCompletion(members: readonly { modulesDone: number; modulesTotal: number }[]): number | null {
  const withPath = members.filter((m) => m.modulesTotal > 0);
  if (!withPath.length) return null;
  return (
    withPath.reduce((sum, m) => sum + Math.min(m.modulesDone, m.modulesTotal) / m.modulesTotal, 0) / withPath.length
  );
}

/**
 * What counts as activity (PRODUCT.md §4): a learning action, a journal entry or a Freiraum request. Signing in,
 * giving kudos, deciding for others or events the system records about someone (an escalation) do not.
 */
export const ACTIVITY_VERBS = [
  'lesson.read',
  'exercise.attempted',
  'practice.submitted',
  'journal.logged',
  'freiraum.requested',
] as const;

/** Last-activity times reach a manager only when the organisation allows it (off by default, §6). */
export function visibleLastActivity(allowed: boolean, at: Date | null | undefined): string | null {
  return allowed && at ? at.toISOString() : null;
}
