import { PRIVILEGED_ROLES, type Role } from '@freiraum/contracts';

// Pure rules about people, roles and reporting lines (PRODUCT.md §1). No Nest, no database.

/**
 * The roles as stored. `manager` is derived: a user holds it exactly while they have at least one active
 * direct report, whatever was requested. Nobody is left without a role: no other role → `employee`.
 */
export function deriveRoles(requested: readonly Role[], hasActiveReports: boolean): Role[] {
  const roles = new Set<Role>(requested.filter((r) => r !== 'manager'));
  if (roles.size === 0) roles.add('employee');
  if (hasActiveReports) roles.add('manager');
  return [...roles].sort();
}

export function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  const x = [...new Set(a)].sort();
  const y = [...new Set(b)].sort();
  return x.length === y.length && x.every((r, i) => r === y[i]);
}

/** The privileged roles (hr, admin) a change would grant or remove: only an admin may do that. */
export function privilegedRoleChanges(before: readonly Role[], after: readonly Role[]): Role[] {
  return PRIVILEGED_ROLES.filter((r) => before.includes(r) !== after.includes(r));
}

export function mayChangeRoles(actorRoles: readonly Role[], before: readonly Role[], after: readonly Role[]): boolean {
  return actorRoles.includes('admin') || privilegedRoleChanges(before, after).length === 0;
}

/** True when the organisation would have no active admin left once `userId` stops being one. */
export function leavesNoActiveAdmin(activeAdminIds: readonly string[], userId: string): boolean {
  return activeAdminIds.includes(userId) && activeAdminIds.every((id) => id === userId);
}

export type ManagerOf = (userId: string) => string | null | undefined;

/**
 * Would making `managerId` the manager of `userId` close a loop? Walks the chain upwards from the new
 * manager; reaching the user means the user would (indirectly) manage themself.
 */
export function createsCycle(userId: string, managerId: string | null, managerOf: ManagerOf): boolean {
  const seen = new Set<string>();
  for (let current = managerId; current; current = managerOf(current) ?? null) {
    if (current === userId) return true;
    // A loop that does not pass through the user is not this change's doing (and must not hang us).
    if (seen.has(current)) return false;
    seen.add(current);
  }
  return false;
}

/** Every node that lies on a reporting loop of the given (whole) manager map. */
export function nodesOnCycles(managerOf: ReadonlyMap<string, string | null>): Set<string> {
  const onCycle = new Set<string>();
  const done = new Set<string>();
  for (const start of managerOf.keys()) {
    const path: string[] = [];
    const position = new Map<string, number>();
    let current: string | null | undefined = start;
    while (current && !done.has(current) && managerOf.has(current)) {
      const seenAt = position.get(current);
      if (seenAt !== undefined) {
        path.slice(seenAt).forEach((id) => onCycle.add(id));
        break;
      }
      position.set(current, path.length);
      path.push(current);
      current = managerOf.get(current);
    }
    path.forEach((id) => done.add(id));
  }
  return onCycle;
}

export interface ReportMove {
  userId: string;
  managerId: string | null;
}

/**
 * Where the direct reports of a departing manager go: to the successor; the successor themself (when
 * promoted from within the team) goes to the departing manager's own manager.
 */
export function planHandover(
  reportIds: readonly string[],
  departing: { id: string; managerId: string | null },
  successorId: string | null,
): ReportMove[] {
  return reportIds.map((userId) => ({
    userId,
    managerId: userId === successorId ? departing.managerId : successorId,
  }));
}

/** Why a user cannot be someone's manager, or null when they can. */
export function managerProblem(
  userId: string | null,
  candidate: { id: string; active: boolean } | null,
): 'unknown' | 'inactive' | 'self' | null {
  if (!candidate) return 'unknown';
  if (candidate.id === userId) return 'self';
  if (!candidate.active) return 'inactive';
  return null;
}

export const MANAGER_PROBLEM_MESSAGES = {
  unknown: 'is not a user of this organisation',
  inactive: 'is deactivated',
  self: 'cannot be the person themself',
} as const;
