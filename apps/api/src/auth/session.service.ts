import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { EntityManager } from 'typeorm';
import type { LoginResponse } from '@freiraum/contracts';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Clock } from '../common/time/clock.js';
import { notFound } from '../common/errors/domain-error.js';
import { AuthRepository } from './auth.repository.js';
import type { AccessTokenPayload } from './jwt.strategy.js';
import { hashToken } from './one-time-token.service.js';
import { judgeRefreshToken, refreshTokenExpiry } from './session.policy.js';

/** What the controller needs to answer a sign-in: the body and the refresh token for the cookie. */
export interface Session {
  response: LoginResponse;
  refreshToken: string;
}

export type RotationOutcome =
  | { kind: 'ok'; session: Session }
  | { kind: 'reuse'; userId: string; familyId: string }
  | { kind: 'unknown' | 'revoked' | 'expired' | 'inactive' };

/** Access tokens (short-lived JWTs) and refresh tokens (rotating, stored only as SHA-256 hashes). */
@Injectable()
export class SessionService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly repo: AuthRepository,
  ) {}

  /** Signs the user in: a new access token, and a refresh token in a new family unless one is given. */
  async start(
    em: EntityManager,
    user: { id: string; organizationId: string },
    familyId: string = randomUUID(),
  ): Promise<Session> {
    const refreshToken = await this.issueRefreshToken(em, user, familyId);
    const current = await this.repo.currentUser(em, user.id, user.organizationId);
    if (!current) throw notFound('User');
    const payload: AccessTokenPayload = { sub: user.id, org: user.organizationId };
    return {
      response: { accessToken: this.jwt.sign(payload), expiresIn: this.config.accessTokenTtlSeconds, user: current },
      refreshToken,
    };
  }

  async issueRefreshToken(
    em: EntityManager,
    user: { id: string; organizationId: string },
    familyId: string = randomUUID(),
  ): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.repo.insertRefreshToken(em, {
      organizationId: user.organizationId,
      userId: user.id,
      tokenHash: hashToken(token),
      familyId,
      expiresAt: refreshTokenExpiry(this.clock.now(), this.config.refreshTokenTtlDays),
    });
    return token;
  }

  /**
   * Exchanges a refresh token for a new one in the same family. Run inside a transaction: the row lock makes
   * a second concurrent use of the same token see it as used, which counts as reuse. Reuse revokes the
   * family; the caller must let the transaction commit before answering 401, or the revocation is lost.
   */
  async rotate(em: EntityManager, presented: string): Promise<RotationOutcome> {
    const now = this.clock.now();
    const row = await this.repo.findRefreshTokenForUpdate(em, hashToken(presented));
    if (!row) return { kind: 'unknown' };
    const verdict = judgeRefreshToken(row, now);
    if (verdict === 'reuse') {
      await this.repo.revokeRefreshFamily(em, row.familyId, now);
      return { kind: 'reuse', userId: row.userId, familyId: row.familyId };
    }
    if (verdict !== 'rotate') return { kind: verdict };
    const account = await this.repo.findAccount(em, row.userId, row.organizationId);
    if (!account?.active) {
      await this.repo.revokeRefreshFamily(em, row.familyId, now);
      return { kind: 'inactive' };
    }
    await this.repo.markRefreshTokenUsed(em, row.id, now);
    return { kind: 'ok', session: await this.start(em, account, row.familyId) };
  }

  /** Signs out the session the token belongs to (its whole family), whatever state the token is in. */
  async revokeFamilyOf(em: EntityManager, presented: string): Promise<void> {
    const row = await this.repo.findRefreshToken(em, hashToken(presented));
    if (row) await this.repo.revokeRefreshFamily(em, row.familyId, this.clock.now());
  }

  /** Signs the user out everywhere (password change or reset, deactivation). */
  revokeAllForUser(em: EntityManager, user: { id: string; organizationId: string }): Promise<void> {
    return this.repo.revokeRefreshTokensOfUser(em, user.id, user.organizationId, this.clock.now());
  }
}
