import type { DataClass, Visibility } from '@freiraum/contracts';
import type { FlagStatus } from '../governance/governance-flag.entity.js';

// The journal's hard rules (PRODUCT.md §3): who sees an entry, who may give kudos, who may promote it, and
// when it may be shared. Pure functions; the service feeds them rows.

/** Someone in the reporting lines: enough to place them relative to an author. */
export interface Person {
  id: string;
  managerId: string | null;
}

export interface Actor extends Person {
  roles: readonly string[];
}

export interface EntryFacts {
  authorId: string;
  visibility: Visibility;
}

/** The author's manager, the author's peers (same manager) and the author's direct reports. */
export function inTeamAudience(viewer: Person, author: Person): boolean {
  if (viewer.id === author.id) return false;
  if (author.managerId !== null && viewer.id === author.managerId) return true;
  if (author.managerId !== null && viewer.managerId === author.managerId) return true;
  return viewer.managerId === author.id;
}

/** The author always; others only once it is shared with them. Callers are already scoped to one organisation. */
export function maySeeEntry(viewer: Person, author: Person, entry: EntryFacts): boolean {
  if (viewer.id === entry.authorId) return true;
  switch (entry.visibility) {
    case 'private':
      return false;
    case 'team':
      return inTeamAudience(viewer, author);
    case 'organization':
      return true;
  }
}

export type KudosCheck = 'ok' | 'own_entry' | 'not_visible';

/** Recognition is for others' shared work: never on one's own entry, only on entries shared with the giver. */
export function kudosCheck(viewer: Person, author: Person, entry: EntryFacts): KudosCheck {
  if (viewer.id === entry.authorId) return 'own_entry';
  return maySeeEntry(viewer, author, entry) ? 'ok' : 'not_visible';
}

/** Open or confirmed flags keep an entry private; no flag or a cleared one do not. */
export function mayShare(flagStatus: FlagStatus | null): boolean {
  return flagStatus === null || flagStatus === 'cleared';
}

export type PromoteCheck = 'ok' | 'forbidden' | 'not_shared' | 'flagged' | 'already_promoted';

/**
 * The author's manager or HR promotes a shared, unflagged (or cleared) entry, once. Nobody promotes their
 * own entry: the library is recognition by someone else.
 */
export function promoteCheck(
  actor: Actor,
  author: Person,
  entry: EntryFacts & { flagStatus: FlagStatus | null; promoted: boolean },
): PromoteCheck {
  if (actor.id === entry.authorId) return 'forbidden';
  const isManager = author.managerId !== null && actor.id === author.managerId;
  if (!isManager && !actor.roles.includes('hr')) return 'forbidden';
  if (entry.visibility === 'private') return 'not_shared';
  if (!mayShare(entry.flagStatus)) return 'flagged';
  if (entry.promoted) return 'already_promoted';
  return 'ok';
}

/** Why the author cannot share the entry now, or null if they can. English; the SPA shows it as is. */
export function shareBlockedReason(
  flag: { status: FlagStatus; reason: string } | null,
  toolName: string,
  dataClass: DataClass,
): string | null {
  if (!flag || mayShare(flag.status)) return null;
  const why =
    flag.reason === 'unlisted_tool'
      ? `${toolName} is not an approved tool in the AI policy and may only receive public data, not ${dataClass} data`
      : `${toolName} may not receive ${dataClass} data under the AI policy`;
  return flag.status === 'open'
    ? `${why}; your manager must clear the flag before you can share this entry`
    : `${why}; the flag was confirmed, so this entry stays private`;
}
