// Pure rules of "export my data" (PRODUCT.md §6). No Nest, no database.

/**
 * A column that can point at a person. test/privacy-export-erase.e2e-spec.ts reads every column of the
 * schema: each one matching this must be listed below (exported, or not exported with a reason), so a new
 * table that stores something about a person cannot be forgotten by the export.
 */
export const PERSON_COLUMN = /^(user_id|actor_id|target_id|manager_id|delegate_id|reviewer_id|[a-z]+(_[a-z]+)*_by)$/;

/** `table.column` → where the export shows the rows that column ties to the person. */
export const EXPORTED_PERSON_COLUMNS: Readonly<Record<string, string>> = {
  'users.manager_id': 'profile.manager',
  'refresh_tokens.user_id': 'signIn.sessions',
  'one_time_tokens.user_id': 'signIn.oneTimeLinks',
  'notifications.user_id': 'notifications',
  'outbound_emails.user_id': 'emails',
  'lesson_reads.user_id': 'learning.lessonReads',
  'exercise_attempts.user_id': 'learning.exerciseAttempts',
  'exercise_attempts.reviewer_id': 'learning.reviewsGiven',
  'module_completions.user_id': 'learning.moduleCompletions',
  'certificates.user_id': 'learning.certificates',
  'learning_assignments.user_id': 'learning.assignments',
  'governance_flags.user_id': 'governance.flagsOnYourWork',
  'governance_flags.decided_by': 'governance.flagDecisionsMade',
  'freiraum_allocations.user_id': 'freiraum.allocations',
  'freiraum_requests.user_id': 'freiraum.requests',
  'freiraum_requests.decided_by': 'freiraum.decisionsMade',
  'freiraum_delegations.manager_id': 'freiraum.delegationsGiven',
  'freiraum_delegations.delegate_id': 'freiraum.delegationsReceived',
  'journal_entries.user_id': 'journal.entries (kudos received and use cases crediting you through the entry)',
  'journal_kudos.user_id': 'journal.kudosGiven',
  'use_cases.promoted_by': 'journal.useCasesPromoted',
  'activity_log.user_id': 'activityLog',
  'audit_log.actor_id': 'auditLog',
  'audit_log.target_id': 'auditLog',
};

/** `table.column` → why the export leaves it out. */
export const NOT_EXPORTED_PERSON_COLUMNS: Readonly<Record<string, string>> = {
  'idempotency_keys.user_id':
    'a technical replay cache of responses already exported elsewhere, deleted after 24 hours',
  'login_throttle.key': 'a counter of failed sign-ins keyed by e-mail, deleted when its window ends',
  'freiraum_allocations.set_by':
    "hours a manager set belong to the report's export; the manager's action is in their audit rows",
  'learning_assignments.assigned_by':
    "an assignment belongs to the assignee's export; the assigning is in the assigner's audit rows",
  'job_leases.locked_by': 'the name of an app instance running a job, not a person',
  'dash_user_days.user_id': 'daily counts derived from the activity log, which is exported',
  'dash_module_progress.user_id': 'first-touch and completion dates derived from the activity log, which is exported',
  'dash_person_counts.user_id': 'per-day counts of approved and decided Freiraum requests, which are exported',
};

/** Links in e-mails carry one-time tokens: an export must not hand out a working sign-in link. */
export function withoutTokens(text: string): string {
  return text.replace(/([?&]token=)[^\s&"'<>]+/g, '$1…');
}

/** `freiraum-export-2026-11-28.json`, dated in the organisation's time zone. */
export function exportFileName(now: Date, timeZone: string): string {
  // en-CA formats a date as YYYY-MM-DD.
  const date = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    now,
  );
  return `freiraum-export-${date}.json`;
}

/**
 * Instants as ISO strings in UTC, whatever the database session's time zone: every instant column is
 * exported under a key ending in `At` (dates such as `slotDate` stay YYYY-MM-DD).
 */
export function withIsoInstants(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    out[key] =
      key.endsWith('At') && (typeof value === 'string' || value instanceof Date)
        ? new Date(value).toISOString()
        : value;
  }
  return out;
}
