import { Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import type { CurrentUser, Language, PrivacyInfo } from '@freiraum/contracts';
import { User } from '../users/user.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { RefreshToken } from './refresh-token.entity.js';
import { OneTimeToken } from './one-time-token.entity.js';

/** The columns sign-in needs about an account. */
export type Account = Pick<User, 'id' | 'organizationId' | 'email' | 'firstName' | 'passwordHash' | 'active'>;

const ACCOUNT_COLUMNS = {
  id: true,
  organizationId: true,
  email: true,
  firstName: true,
  passwordHash: true,
  active: true,
} as const;

@Injectable()
export class AuthRepository {
  findAccountByEmail(em: EntityManager, email: string): Promise<Account | null> {
    return em.findOne(User, { where: { email }, select: ACCOUNT_COLUMNS });
  }

  findAccount(em: EntityManager, userId: string, organizationId: string): Promise<Account | null> {
    return em.findOne(User, { where: { id: userId, organizationId }, select: ACCOUNT_COLUMNS });
  }

  async currentUser(em: EntityManager, userId: string, organizationId: string): Promise<CurrentUser | null> {
    const rows: CurrentUser[] = await em.query(
      `SELECT u.id, u.organization_id AS "organizationId", o.name AS "organizationName", u.email,
              u.first_name AS "firstName", u.last_name AS "lastName", u.roles, t.slug AS "trackSlug",
              d.name AS "departmentName", u.manager_id AS "managerId",
              NULLIF(TRIM(CONCAT(m.first_name, ' ', m.last_name)), '') AS "managerName", u.language,
              o.default_language AS "organizationLanguage",
              EXISTS (SELECT 1 FROM users r
                       WHERE r.manager_id = u.id AND r.organization_id = u.organization_id AND r.active) AS "hasDirectReports"
         FROM users u
         JOIN organizations o ON o.id = u.organization_id
         LEFT JOIN tracks t ON t.id = u.track_id AND t.organization_id = u.organization_id
         LEFT JOIN departments d ON d.id = u.department_id AND d.organization_id = u.organization_id
         LEFT JOIN users m ON m.id = u.manager_id AND m.organization_id = u.organization_id
        WHERE u.id = $1 AND u.organization_id = $2`,
      [userId, organizationId],
    );
    return rows[0] ?? null;
  }

  async setPasswordHash(
    em: EntityManager,
    userId: string,
    organizationId: string,
    passwordHash: string,
  ): Promise<void> {
    await em.update(User, { id: userId, organizationId }, { passwordHash });
  }

  async setLanguage(
    em: EntityManager,
    userId: string,
    organizationId: string,
    language: Language | null,
  ): Promise<void> {
    await em.update(User, { id: userId, organizationId }, { language });
  }

  async privacySettings(em: EntityManager, organizationId: string): Promise<PrivacyInfo['settings'] | null> {
    return em.findOne(Organization, {
      where: { id: organizationId },
      select: { privacyThreshold: true, hrSeesIndividuals: true, managersSeeLastActivity: true },
    });
  }

  async insertRefreshToken(
    em: EntityManager,
    row: Pick<RefreshToken, 'organizationId' | 'userId' | 'tokenHash' | 'familyId' | 'expiresAt'>,
  ): Promise<void> {
    await em.insert(RefreshToken, { ...row, usedAt: null, revokedAt: null });
  }

  /** Locks the row (SELECT … FOR UPDATE) so two concurrent refreshes with one token are serialised. */
  findRefreshTokenForUpdate(em: EntityManager, tokenHash: string): Promise<RefreshToken | null> {
    return em.findOne(RefreshToken, { where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
  }

  findRefreshToken(em: EntityManager, tokenHash: string): Promise<RefreshToken | null> {
    return em.findOne(RefreshToken, { where: { tokenHash } });
  }

  async markRefreshTokenUsed(em: EntityManager, id: string, now: Date): Promise<void> {
    await em.update(RefreshToken, { id }, { usedAt: now });
  }

  async revokeRefreshFamily(em: EntityManager, familyId: string, now: Date): Promise<void> {
    await em.update(RefreshToken, { familyId, revokedAt: IsNull() }, { revokedAt: now });
  }

  async revokeRefreshTokensOfUser(em: EntityManager, userId: string, organizationId: string, now: Date): Promise<void> {
    await em.update(RefreshToken, { userId, organizationId, revokedAt: IsNull() }, { revokedAt: now });
  }

  findOneTimeToken(em: EntityManager, tokenHash: string, forUpdate = false): Promise<OneTimeToken | null> {
    return em.findOne(OneTimeToken, {
      where: { tokenHash },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  async markOneTimeTokenUsed(em: EntityManager, id: string, now: Date): Promise<void> {
    await em.update(OneTimeToken, { id }, { usedAt: now });
  }
}
