// Assignment status and due-date notices (PRODUCT.md §2, §5), pure. Dates are calendar days in the
// organisation's time zone, compared as YYYY-MM-DD strings.

export type AssignmentStatus = 'not_started' | 'in_progress' | 'complete' | 'overdue';
export type DueNotice = 'due_in_7_days' | 'due_in_1_day' | 'overdue';

export function assignmentStatus(input: { complete: boolean; started: boolean; dueDate: string | null; today: string }): AssignmentStatus {
  if (input.complete) return 'complete';
  if (input.dueDate && input.today > input.dueDate) return 'overdue';
  return input.started ? 'in_progress' : 'not_started';
}

/** Whole days from `today` to `dueDate` (negative once past). */
export function daysUntil(today: string, dueDate: string): number {
  return Math.round((Date.parse(`${dueDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** The notice due now, if any and not sent yet. A late-running job still sends the most relevant one. */
export function dueNotice(input: { complete: boolean; dueDate: string | null; today: string; sent: readonly string[] }): DueNotice | null {
  if (input.complete || !input.dueDate) return null;
  const days = daysUntil(input.today, input.dueDate);
  const notice: DueNotice | null = days < 0 ? 'overdue' : days <= 1 ? 'due_in_1_day' : days <= 7 ? 'due_in_7_days' : null;
  if (!notice || input.sent.includes(notice)) return null;
  // Past the 1-day mark, the 7-day notice would only confuse.
  return notice;
}

/** Today's date (YYYY-MM-DD) in a time zone. */
export function localDate(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
