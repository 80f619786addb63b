import { judgeOneTimeToken, judgeRefreshToken, refreshTokenExpiry } from './session.policy.js';

const now = new Date('2026-03-02T09:00:00Z');
const later = new Date('2026-03-10T09:00:00Z');
const earlier = new Date('2026-03-01T09:00:00Z');

describe('refresh token rules', () => {
  it('rotates a fresh token', () => {
    expect(judgeRefreshToken({ usedAt: null, revokedAt: null, expiresAt: later }, now)).toBe('rotate');
  });

  it('treats an already rotated token as reuse', () => {
    expect(judgeRefreshToken({ usedAt: earlier, revokedAt: null, expiresAt: later }, now)).toBe('reuse');
  });

  it('revocation wins over reuse and expiry', () => {
    expect(judgeRefreshToken({ usedAt: earlier, revokedAt: earlier, expiresAt: earlier }, now)).toBe('revoked');
  });

  it('refuses a token at and after its expiry', () => {
    expect(judgeRefreshToken({ usedAt: null, revokedAt: null, expiresAt: now }, now)).toBe('expired');
    expect(judgeRefreshToken({ usedAt: null, revokedAt: null, expiresAt: earlier }, now)).toBe('expired');
  });

  it('expires after the configured number of days', () => {
    expect(refreshTokenExpiry(now, 14)).toEqual(new Date('2026-03-16T09:00:00Z'));
  });
});

describe('one-time link rules', () => {
  it('is valid once, before it expires', () => {
    expect(judgeOneTimeToken({ usedAt: null, expiresAt: later }, now)).toBe('valid');
    expect(judgeOneTimeToken({ usedAt: earlier, expiresAt: later }, now)).toBe('used');
    expect(judgeOneTimeToken({ usedAt: null, expiresAt: now }, now)).toBe('expired');
  });
});
