// A failed e-mail is retried with growing pauses and given up (status failed, logged as error) only
// after MAX_MAIL_ATTEMPTS, so a short SMTP outage never loses mail.
export const MAX_MAIL_ATTEMPTS = 8;

const MINUTE = 60_000;
/** Pause after the n-th failed attempt (index n-1). */
export const RETRY_DELAYS_MS = [1, 5, 30, 120, 360, 720, 1440].map((m) => m * MINUTE);

export type RetryDecision = { status: 'pending'; nextAttemptAt: Date } | { status: 'failed' };

/** `attempts` counts the attempt that just failed. */
export function afterFailedAttempt(attempts: number, now: Date): RetryDecision {
  if (attempts >= MAX_MAIL_ATTEMPTS) return { status: 'failed' };
  const delay = RETRY_DELAYS_MS[Math.min(Math.max(attempts, 1), RETRY_DELAYS_MS.length) - 1];
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + delay) };
}

/** SMTP errors can be long (whole server transcripts); the row keeps a readable head. */
export function describeError(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return text.length > 1000 ? `${text.slice(0, 997)}...` : text;
}
