import {
  afterHit,
  blockedForSeconds,
  exceedsLimit,
  retryAfterSeconds,
  THROTTLE_LIMITS,
  THROTTLE_WINDOW_MS,
  throttleKey,
  windowIsOver,
} from './login-throttle.policy.js';

const t0 = new Date('2026-03-02T09:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const counter = (key: string, failures: number, windowStartedAt = t0) => ({ key, failures, windowStartedAt });

describe('login throttle policy', () => {
  it('builds keys per scope', () => {
    expect(throttleKey('account', 'a@b.example')).toBe('account:a@b.example');
    expect(throttleKey('ip', '10.0.0.1')).toBe('ip:10.0.0.1');
  });

  it('a window is over exactly 15 minutes after it started', () => {
    expect(windowIsOver({ windowStartedAt: t0 }, at(THROTTLE_WINDOW_MS - 1))).toBe(false);
    expect(windowIsOver({ windowStartedAt: t0 }, at(THROTTLE_WINDOW_MS))).toBe(true);
  });

  it('counts hits inside the window and starts a new window after it', () => {
    const first = afterHit(null, 'account:x', t0);
    expect(first).toEqual(counter('account:x', 1));
    const second = afterHit(first, 'account:x', at(60_000));
    expect(second).toEqual(counter('account:x', 2));
    // The window is fixed: later hits do not move its start.
    expect(second.windowStartedAt).toEqual(t0);
    expect(afterHit(counter('account:x', 9), 'account:x', at(THROTTLE_WINDOW_MS))).toEqual(
      counter('account:x', 1, at(THROTTLE_WINDOW_MS)),
    );
  });

  it('lets attempts through below the limit and blocks at it', () => {
    const limit = THROTTLE_LIMITS.account;
    expect(blockedForSeconds(null, limit, t0)).toBeNull();
    expect(blockedForSeconds(counter('account:x', limit - 1), limit, at(1000))).toBeNull();
    expect(blockedForSeconds(counter('account:x', limit), limit, at(60_000))).toBe(14 * 60);
  });

  it('rounds the wait up and never answers 0 seconds', () => {
    expect(blockedForSeconds(counter('account:x', 5), 5, at(THROTTLE_WINDOW_MS - 1500))).toBe(2);
    expect(blockedForSeconds(counter('account:x', 5), 5, at(THROTTLE_WINDOW_MS - 1))).toBe(1);
    expect(blockedForSeconds(counter('account:x', 5), 5, at(THROTTLE_WINDOW_MS))).toBeNull();
  });

  it('is generous per IP and strict per account', () => {
    expect(THROTTLE_LIMITS.account).toBeLessThanOrEqual(10);
    expect(THROTTLE_LIMITS.ip).toBeGreaterThanOrEqual(50);
    const now = at(1000);
    expect(retryAfterSeconds([counter('ip:10.0.0.1', THROTTLE_LIMITS.account)], now)).toBeNull();
    expect(retryAfterSeconds([counter('account:x', THROTTLE_LIMITS.account)], now)).not.toBeNull();
  });

  it('across keys answers the longest wait', () => {
    const now = at(10 * 60_000);
    const account = counter('account:x', 5, at(0)); // ends in 5 minutes
    const ip = counter('ip:10.0.0.1', 100, at(8 * 60_000)); // ends in 13 minutes
    expect(retryAfterSeconds([account, ip], now)).toBe(13 * 60);
    expect(retryAfterSeconds([counter('account:x', 1), counter('ip:10.0.0.1', 1)], now)).toBeNull();
    expect(retryAfterSeconds([], now)).toBeNull();
  });

  it('tells when a counted hit went past the limit of its scope', () => {
    expect(exceedsLimit(counter('reset:x', THROTTLE_LIMITS.reset))).toBe(false);
    expect(exceedsLimit(counter('reset:x', THROTTLE_LIMITS.reset + 1))).toBe(true);
  });
});
