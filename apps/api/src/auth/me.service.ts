import { Injectable } from '@nestjs/common';
import type { ChangePasswordRequest, CurrentUser, PrivacyInfo, UpdateProfileRequest } from '@freiraum/contracts';
import { Tx } from '../database/transaction.js';
import { badField, notFound } from '../common/errors/domain-error.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { AuditService } from '../audit/audit.service.js';
import { AuthRepository } from './auth.repository.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { throttleKey } from './login-throttle.policy.js';
import { PasswordHasher } from './password-hasher.js';
import { SessionService } from './session.service.js';
import { privacyCategories } from './privacy.policy.js';

/** The signed-in user's own account. Every query is scoped to the caller's id and organisation. */
@Injectable()
export class MeService {
  constructor(
    private readonly tx: Tx,
    private readonly repo: AuthRepository,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottleService,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
  ) {}

  async get(user: AuthUser): Promise<CurrentUser> {
    const current = await this.repo.currentUser(this.tx.manager, user.id, user.organizationId);
    if (!current) throw notFound('User');
    return current;
  }

  async update(user: AuthUser, input: UpdateProfileRequest): Promise<CurrentUser> {
    if (input.language !== undefined) {
      await this.repo.setLanguage(this.tx.manager, user.id, user.organizationId, input.language);
    }
    return this.get(user);
  }

  /**
   * Changes the password and signs out every other session. Returns a refresh token of a new family for
   * this browser, which keeps it signed in (its refresh cookie is not sent to /api/me, so the current
   * family cannot be told apart from the others).
   */
  async changePassword(user: AuthUser, input: ChangePasswordRequest): Promise<string> {
    const em = this.tx.manager;
    const account = await this.repo.findAccount(em, user.id, user.organizationId);
    if (!account) throw notFound('User');
    // Wrong guesses count like failed sign-ins: a stolen access token must not become a password oracle.
    const accountKey = throttleKey('account', account.email);
    await this.throttle.assertAllowed(em, [accountKey]);
    if (!(await this.hasher.verify(account.passwordHash, input.currentPassword))) {
      await this.throttle.recordFailure(em, [accountKey]);
      throw badField('currentPassword', 'is not your current password');
    }
    if (input.newPassword === input.currentPassword)
      throw badField('newPassword', 'must differ from the current password');
    const passwordHash = await this.hasher.hash(input.newPassword);
    return this.tx.run(async (tx) => {
      await this.repo.setPasswordHash(tx, account.id, account.organizationId, passwordHash);
      await this.sessions.revokeAllForUser(tx, account);
      await this.audit.record(tx, {
        organizationId: account.organizationId,
        actorId: account.id,
        action: 'user.password_changed',
        targetType: 'user',
        targetId: account.id,
      });
      return this.sessions.issueRefreshToken(tx, account);
    });
  }

  async privacy(user: AuthUser): Promise<PrivacyInfo> {
    const settings = await this.repo.privacySettings(this.tx.manager, user.organizationId);
    if (!settings) throw notFound('Organization');
    return { categories: privacyCategories(), settings };
  }
}
