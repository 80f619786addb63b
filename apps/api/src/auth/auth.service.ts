import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LoginRequest, PasswordResetRequest, SetPasswordWithToken, TokenInfo } from '@freiraum/contracts';
import { Tx } from '../database/transaction.js';
import { Clock } from '../common/time/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationService } from '../notifications/notification.service.js';
import { AuthRepository } from './auth.repository.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { exceedsLimit, throttleKey } from './login-throttle.policy.js';
import { OneTimeTokenService, hashToken } from './one-time-token.service.js';
import { PasswordHasher } from './password-hasher.js';
import { SessionService, type Session } from './session.service.js';
import { judgeOneTimeToken } from './session.policy.js';
import { passwordResetEmail } from './auth-emails.js';

// One message for every failed sign-in, so an answer never tells whether an account exists.
const invalidCredentials = () => new DomainError('invalid_credentials', 'E-mail or password is wrong');
const sessionEnded = () => new DomainError('unauthenticated', 'Your session has ended. Please sign in again.');
const linkNotValid = () => new DomainError('not_found', 'This link is not valid. Ask for a new one.');
const linkUsed = (status: 'not_found' | 'bad_request') =>
  new DomainError(status, 'This link has already been used. Ask for a new one if you still need it.');
const linkExpired = (status: 'not_found' | 'bad_request') =>
  new DomainError(status, 'This link has expired. Ask for a new one.');

@Injectable()
export class AuthService {
  private readonly logger = new Logger('AuthService');

  constructor(
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly repo: AuthRepository,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottleService,
    private readonly hasher: PasswordHasher,
    private readonly oneTimeTokens: OneTimeTokenService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
  ) {}

  async login(input: LoginRequest, ip: string): Promise<Session> {
    const accountKey = throttleKey('account', input.email);
    const keys = [accountKey, throttleKey('ip', ip)];
    // Outside a transaction: argon2 takes tens of milliseconds and must not hold a connection meanwhile.
    const em = this.tx.manager;
    await this.throttle.assertAllowed(em, keys);
    const account = await this.repo.findAccountByEmail(em, input.email);
    // Exactly one argon2 verification on every path, so timing does not reveal which case failed.
    const passwordOk = await this.hasher.verify(account?.passwordHash ?? null, input.password);
    if (!account || !account.active || !passwordOk) {
      await this.throttle.recordFailure(em, keys);
      throw invalidCredentials();
    }
    return this.tx.run(async (tx) => {
      await this.throttle.clear(tx, accountKey);
      return this.sessions.start(tx, account);
    });
  }

  async refresh(presented: string | undefined): Promise<Session> {
    if (!presented) throw sessionEnded();
    // The transaction commits before any 401, so a revoked family stays revoked.
    const outcome = await this.tx.run((em) => this.sessions.rotate(em, presented));
    if (outcome.kind === 'ok') return outcome.session;
    if (outcome.kind === 'reuse') {
      this.logger.warn(
        { userId: outcome.userId, familyId: outcome.familyId },
        'Refresh token reused; session family revoked',
      );
    }
    throw sessionEnded();
  }

  async logout(presented: string | undefined): Promise<void> {
    if (!presented) return;
    await this.tx.run((em) => this.sessions.revokeFamilyOf(em, presented));
  }

  /** Always succeeds for the caller; only an active account gets an e-mail (no account enumeration). */
  async requestPasswordReset(input: PasswordResetRequest): Promise<void> {
    await this.tx.run(async (em) => {
      const account = await this.repo.findAccountByEmail(em, input.email);
      if (!account?.active) return;
      // A few reset e-mails per quarter hour at most, so nobody can flood an inbox through this form.
      if (exceedsLimit(await this.throttle.hit(em, throttleKey('reset', account.email)))) return;
      const link = await this.oneTimeTokens.issue(em, {
        userId: account.id,
        organizationId: account.organizationId,
        purpose: 'reset',
      });
      const mail = passwordResetEmail({
        firstName: account.firstName,
        url: link.url,
        expiresAt: link.expiresAt,
        now: this.clock.now(),
      });
      await this.notifications.queueEmail(em, {
        organizationId: account.organizationId,
        userId: account.id,
        to: account.email,
        ...mail,
      });
    });
  }

  async tokenInfo(token: string): Promise<TokenInfo> {
    const em = this.tx.manager;
    const { link, account } = await this.usableLink(em, token, 'not_found', false);
    return {
      purpose: link.purpose,
      email: account.email,
      firstName: account.firstName,
      expiresAt: link.expiresAt.toISOString(),
    };
  }

  /** Completes an invitation or a reset, then signs the user in. */
  async setPasswordWithToken(input: SetPasswordWithToken): Promise<Session> {
    const passwordHash = await this.hasher.hash(input.newPassword);
    return this.tx.run(async (em) => {
      // Locked, so two submissions of the same link cannot both succeed.
      const { link, account } = await this.usableLink(em, input.token, 'bad_request', true);
      const now = this.clock.now();
      await this.repo.setPasswordHash(em, account.id, account.organizationId, passwordHash);
      await this.repo.markOneTimeTokenUsed(em, link.id, now);
      await this.sessions.revokeAllForUser(em, account);
      // The owner of the mailbox proved who they are; earlier failed guesses no longer lock them out.
      await this.throttle.clear(em, throttleKey('account', account.email));
      await this.audit.record(em, {
        organizationId: account.organizationId,
        actorId: account.id,
        action: link.purpose === 'invite' ? 'user.invitation_accepted' : 'user.password_reset',
        targetType: 'user',
        targetId: account.id,
      });
      return this.sessions.start(em, account);
    });
  }

  /** A link that exists, belongs to an active account, is unused and unexpired — or a clear error. */
  private async usableLink(
    em: EntityManager,
    token: string,
    staleStatus: 'not_found' | 'bad_request',
    forUpdate: boolean,
  ) {
    const link = await this.repo.findOneTimeToken(em, hashToken(token), forUpdate);
    if (!link) throw linkNotValid();
    const account = await this.repo.findAccount(em, link.userId, link.organizationId);
    if (!account?.active) throw linkNotValid();
    const verdict = judgeOneTimeToken(link, this.clock.now());
    if (verdict === 'used') throw linkUsed(staleStatus);
    if (verdict === 'expired') throw linkExpired(staleStatus);
    return { link, account };
  }
}
