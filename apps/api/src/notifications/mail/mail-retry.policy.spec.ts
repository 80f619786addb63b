import { afterFailedAttempt, describeError, MAX_MAIL_ATTEMPTS } from './mail-retry.policy.js';

const now = new Date('2026-03-02T08:00:00Z');
const minutesLater = (d: Date) => (d.getTime() - now.getTime()) / 60_000;

describe('mail retry policy', () => {
  it('backs off 1, 5, 30 minutes, then hours', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7].map((n) => {
      const decision = afterFailedAttempt(n, now);
      if (decision.status !== 'pending') throw new Error(`attempt ${n} gave up`);
      return minutesLater(decision.nextAttemptAt);
    });
    expect(delays).toEqual([1, 5, 30, 120, 360, 720, 1440]);
  });

  it(`gives up after ${MAX_MAIL_ATTEMPTS} attempts`, () => {
    expect(afterFailedAttempt(MAX_MAIL_ATTEMPTS, now)).toEqual({ status: 'failed' });
    expect(afterFailedAttempt(MAX_MAIL_ATTEMPTS + 3, now)).toEqual({ status: 'failed' });
  });

  it('keeps errors short and readable', () => {
    expect(describeError(new TypeError('boom'))).toBe('TypeError: boom');
    expect(describeError('plain')).toBe('plain');
    expect(describeError(new Error('x'.repeat(5000)))).toHaveLength(1000);
  });
});
