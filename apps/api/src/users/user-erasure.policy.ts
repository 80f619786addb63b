import type { Role } from '@freiraum/contracts';
import { leavesNoActiveAdmin } from './users.policy.js';

// Pure rules of erasing a person's data (PRODUCT.md §6). No Nest, no database.

/**
 * The anonymised address. Readers recognise an erased person by the `erased-` prefix (journal.repository.ts,
 * certificates.service.ts) and show "former colleague" or no name; `.invalid` can never receive mail.
 */
export const erasedEmail = (userId: string) => `erased-${userId}@erased.invalid`;

export type ErasureProblem = 'already_erased' | 'self' | 'confirm_mismatch' | 'last_admin';

export interface ErasureTarget {
  id: string;
  email: string;
  active: boolean;
  roles: readonly Role[];
  erasedAt: Date | null;
}

/** The admin typed the person's e-mail address (case and surrounding spaces do not matter). */
export function confirmMatches(confirm: string, email: string): boolean {
  return confirm.trim().toLowerCase() === email.trim().toLowerCase();
}

/** Why this erasure may not happen, or null. Checked in this order, so the most telling reason wins. */
export function erasureProblem(input: {
  actorId: string;
  target: ErasureTarget;
  confirm: string;
  activeAdminIds: readonly string[];
}): ErasureProblem | null {
  const { actorId, target } = input;
  if (target.erasedAt) return 'already_erased';
  if (target.id === actorId) return 'self';
  if (!confirmMatches(input.confirm, target.email)) return 'confirm_mismatch';
  if (target.active && target.roles.includes('admin') && leavesNoActiveAdmin(input.activeAdminIds, target.id)) {
    return 'last_admin';
  }
  return null;
}

/** Exercise types whose answers are the learner's own free text; quiz and review answers are choices. */
export const FREE_TEXT_EXERCISE_TYPES = ['prompt', 'reflection', 'practice'] as const;

/** What replaces a free-text answer. Score, passed and status stay, so progress and aggregates do too. */
export const ERASED_ANSWER = { erased: true } as const;

/**
 * The grader's feedback without quotes from the answer: a prompt's personal-data findings quote the text
 * they found, so only their kind stays. Everything else in feedback is the rubric, not the learner's text.
 */
export function feedbackWithoutQuotes(feedback: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(feedback.personalData)) return feedback;
  return {
    ...feedback,
    personalData: (feedback.personalData as unknown[]).map((finding) =>
      finding && typeof finding === 'object' && 'kind' in finding ? { kind: (finding as { kind: unknown }).kind } : {},
    ),
  };
}

/**
 * Freiraum time the person can no longer take: pending requests (else they would wait on a decider for
 * someone who is gone) and approved slots still ahead (they may be cancelled before their day, PRODUCT.md §3).
 */
export function cancelsOnErasure(status: string, slotDate: string, today: string): boolean {
  return status === 'pending' || (status === 'approved' && slotDate > today);
}

/** YYYY-MM-DD in the organisation's time zone (en-CA formats dates that way). */
export function localDate(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * The person's full name as e-mails to others show it (e.g. "Erika Mustermann möchte Freiraum"), or null
 * without both parts: a lone first name would replace unrelated words too.
 */
export function nameToRedact(firstName: string, lastName: string): string | null {
  const first = firstName.trim();
  const last = lastName.trim();
  return first && last ? `${first} ${last}` : null;
}

/** What an e-mail to someone else shows instead of the erased person's name. */
export const REDACTED_NAME = '[…]';

/**
 * What erasure does with every column that can point at a person (the same columns the export lists in
 * privacy-export.policy.ts). test/privacy-export-erase.e2e-spec.ts fails when a person column of the
 * schema is missing here, so a new table cannot keep personal data by accident.
 */
export const ERASURE_PLAN: Readonly<Record<string, string>> = {
  'users.manager_id': "kept for counts; the person's own reports are handed over first",
  'refresh_tokens.user_id': 'deleted',
  'one_time_tokens.user_id': 'deleted',
  'idempotency_keys.user_id': 'deleted',
  'login_throttle.key': 'rows keyed by the e-mail address deleted',
  'notifications.user_id': 'deleted',
  'outbound_emails.user_id': 'deleted; the name is replaced in e-mails to others',
  'lesson_reads.user_id': 'kept (aggregates)',
  'exercise_attempts.user_id': 'kept (aggregates); free-text answers replaced by {"erased": true}',
  'exercise_attempts.reviewer_id': 'kept for decided work; waiting work moves to another reviewer',
  'module_completions.user_id': 'kept (aggregates)',
  'certificates.user_id': 'kept; verification confirms validity without a name',
  'learning_assignments.user_id': 'kept (completion rate)',
  'learning_assignments.assigned_by': 'kept (an id)',
  'governance_flags.user_id': 'kept (governance record)',
  'governance_flags.decided_by': 'kept (an id)',
  'freiraum_allocations.user_id': 'kept (aggregates)',
  'freiraum_allocations.set_by': 'kept (an id)',
  'freiraum_requests.user_id': 'kept (aggregates); purpose blanked; pending and future approved cancelled',
  'freiraum_requests.decided_by': 'kept (an id); notes stay with the requester',
  'freiraum_delegations.manager_id': 'kept (ids and dates)',
  'freiraum_delegations.delegate_id': 'kept (ids and dates); an inactive delegate never decides',
  'journal_entries.user_id': 'private entries deleted; shared entries kept as by "former colleague"',
  'journal_kudos.user_id': 'kept (counts)',
  'use_cases.promoted_by': 'kept; shown as "former colleague"',
  'activity_log.user_id': 'kept: append-only, ids only',
  'audit_log.actor_id': 'kept: append-only, ids only',
  'audit_log.target_id': 'kept: append-only, ids only',
  'job_leases.locked_by': 'not a person (an app instance)',
  'dash_user_days.user_id': 'kept (counts)',
  'dash_module_progress.user_id': 'kept (dates for the funnel)',
  'dash_person_counts.user_id': 'kept (counts)',
};
