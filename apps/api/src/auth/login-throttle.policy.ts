// Failed sign-ins are counted in fixed windows per key. Pure arithmetic, so it is unit-tested without a
// database; the repository applies the same window rule atomically in SQL (see recordHit).

export const THROTTLE_WINDOW_MS = 15 * 60_000;

/**
 * Hits allowed per window before further attempts are refused. Per account a handful; per IP generously,
 * because a whole office signs in from behind one NAT address. `reset` limits password-reset e-mails.
 */
export const THROTTLE_LIMITS = { account: 5, ip: 100, reset: 3 } as const;
export type ThrottleScope = keyof typeof THROTTLE_LIMITS;

export const throttleKey = (scope: ThrottleScope, value: string) => `${scope}:${value}`;

export interface ThrottleCounter {
  key: string;
  failures: number;
  windowStartedAt: Date;
}

/** A window that started at or before this instant is over; the next hit starts a new one. */
export const windowStaleBefore = (now: Date) => new Date(now.getTime() - THROTTLE_WINDOW_MS);

export const windowIsOver = (counter: Pick<ThrottleCounter, 'windowStartedAt'>, now: Date) =>
  counter.windowStartedAt.getTime() <= windowStaleBefore(now).getTime();

/** The counter after one more hit (what the repository's upsert computes). */
export function afterHit(counter: ThrottleCounter | null, key: string, now: Date): ThrottleCounter {
  if (!counter || windowIsOver(counter, now)) return { key, failures: 1, windowStartedAt: now };
  return { ...counter, failures: counter.failures + 1 };
}

/** Seconds until this counter lets attempts through again, or null when it does now. */
export function blockedForSeconds(counter: ThrottleCounter | null, limit: number, now: Date): number | null {
  if (!counter || windowIsOver(counter, now) || counter.failures < limit) return null;
  const endsAt = counter.windowStartedAt.getTime() + THROTTLE_WINDOW_MS;
  return Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000));
}

/** After a hit was counted: did it go past the limit? (Used where the action itself is the thing limited.) */
export const exceedsLimit = (counter: ThrottleCounter) => counter.failures > THROTTLE_LIMITS[scopeOf(counter.key)];

const scopeOf = (key: string): ThrottleScope => key.slice(0, key.indexOf(':')) as ThrottleScope;

/** Across several keys (account and IP): the longest wait, or null when none blocks. */
export function retryAfterSeconds(counters: ThrottleCounter[], now: Date): number | null {
  let longest: number | null = null;
  for (const counter of counters) {
    const wait = blockedForSeconds(counter, THROTTLE_LIMITS[scopeOf(counter.key)], now);
    if (wait !== null && (longest === null || wait > longest)) longest = wait;
  }
  return longest;
}
