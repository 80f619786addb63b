import { randomBytes } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import * as argon2 from 'argon2';
import type { Role } from '@freiraum/contracts';
import { Organization } from '../../src/organizations/organization.entity.js';
import { Track } from '../../src/organizations/track.entity.js';
import { Department } from '../../src/organizations/department.entity.js';
import { User } from '../../src/users/user.entity.js';
import type { TestApp } from './test-app.js';

// Test data from factories with random e-mails, so files and tests never depend on each other.

export const TEST_PASSWORD = 'correct-horse-battery-staple';
let cachedHash: Promise<string> | undefined;
export const testPasswordHash = () => (cachedHash ??= argon2.hash(TEST_PASSWORD, { type: argon2.argon2id }));

export const uniqueEmail = (prefix = 'user') => `${prefix}-${randomBytes(5).toString('hex')}@test.example`;

export const TRACK_SLUGS = ['leadership', 'sales', 'translation', 'administration'] as const;

export async function createOrganization(t: TestApp, attrs: Partial<Organization> = {}) {
  const org = await t.ds.getRepository(Organization).save({ name: `Org ${randomBytes(3).toString('hex')}`, ...attrs });
  const tracks = await t.ds.getRepository(Track).save(
    TRACK_SLUGS.map((slug, position) => ({ organizationId: org.id, slug, nameDe: slug, nameEn: slug, position })),
  );
  const department = await t.ds.getRepository(Department).save({ organizationId: org.id, name: 'Vertrieb' });
  return { org, tracks, department };
}

export interface UserAttrs {
  organizationId: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  roles?: Role[];
  managerId?: string | null;
  trackId?: string | null;
  departmentId?: string | null;
  active?: boolean;
  withPassword?: boolean;
}

export async function createUser(t: TestApp, attrs: UserAttrs): Promise<User> {
  return t.ds.getRepository(User).save({
    organizationId: attrs.organizationId,
    email: attrs.email ?? uniqueEmail(),
    firstName: attrs.firstName ?? 'Erika',
    lastName: attrs.lastName ?? 'Mustermann',
    roles: attrs.roles ?? ['employee'],
    managerId: attrs.managerId ?? null,
    trackId: attrs.trackId ?? null,
    departmentId: attrs.departmentId ?? null,
    active: attrs.active ?? true,
    passwordHash: attrs.withPassword === false ? null : await testPasswordHash(),
    language: null,
    deactivatedAt: null,
  });
}

/** A valid access token without going through /auth/login (for tests of other features). */
export function tokenFor(t: TestApp, user: Pick<User, 'id' | 'organizationId'>): string {
  return t.app.get(JwtService).sign({ sub: user.id, org: user.organizationId });
}

export const bearer = (t: TestApp, user: Pick<User, 'id' | 'organizationId'>) => `Bearer ${tokenFor(t, user)}`;
