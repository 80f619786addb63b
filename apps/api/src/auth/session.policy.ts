// Rules for refresh tokens, kept pure so they are unit-tested without a database.

export type RefreshVerdict = 'rotate' | 'reuse' | 'revoked' | 'expired';

export interface RefreshTokenState {
  usedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
}

/**
 * What to do with a presented refresh token. A token that was already rotated ("used") and comes back is a
 * sign it was copied: the caller revokes its whole family. Revocation wins over everything else, so a
 * revoked family stays dead even if an old token of it shows up again.
 */
export function judgeRefreshToken(token: RefreshTokenState, now: Date): RefreshVerdict {
  if (token.revokedAt) return 'revoked';
  if (token.usedAt) return 'reuse';
  if (token.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'rotate';
}

export const refreshTokenExpiry = (now: Date, ttlDays: number) => new Date(now.getTime() + ttlDays * 86_400_000);

export type OneTimeTokenVerdict = 'valid' | 'used' | 'expired';

/** Invitation and reset links work once and only until they expire. */
export function judgeOneTimeToken(token: { usedAt: Date | null; expiresAt: Date }, now: Date): OneTimeTokenVerdict {
  if (token.usedAt) return 'used';
  if (token.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'valid';
}
