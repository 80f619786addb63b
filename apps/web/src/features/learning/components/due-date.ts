/** Today as YYYY-MM-DD in the reader's own time zone (due dates are calendar days). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A due date is missed once its day has passed. */
export function isOverdue(dueDate: string, now: Date = new Date()): boolean {
  return dueDate.slice(0, 10) < todayIso(now);
}

/** Formats a calendar day (YYYY-MM-DD) without a time-zone shift to the day before. */
export function dayAsIso(day: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T12:00:00` : day;
}
