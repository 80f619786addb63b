import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { In, type EntityManager } from 'typeorm';
import type { Role } from '@freiraum/contracts';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/time/clock.js';
import { Tx } from '../database/transaction.js';
import { NotificationService } from '../notifications/notification.service.js';
import { Department } from '../organizations/department.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { User } from '../users/user.entity.js';
import {
  DEMO_ACCOUNTS,
  DEMO_AI_POLICY,
  DEMO_DEPARTMENTS,
  DEMO_ORGANIZATION_NAME,
  DEMO_PASSWORD,
  DEMO_PEOPLE,
} from './demo-data.js';
import { insertOrganizationWithTracks } from './organization-defaults.js';

export type DemoSeedResult =
  { created: true; organizationId: string; users: number } | { created: false; reason: string };

/** Seeds "Muster Maschinenbau GmbH". Idempotent: does nothing if the organisation or any of its accounts exists. */
@Injectable()
export class DemoSeedService {
  constructor(
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
  ) {}

  /** True when the database holds no organisation at all (a fresh install). */
  async databaseIsEmpty(): Promise<boolean> {
    return (await this.tx.manager.count(Organization)) === 0;
  }

  async seed(): Promise<DemoSeedResult> {
    // One hash for all accounts: argon2 is deliberately slow.
    const passwordHash = await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id });
    const result = await this.tx.run(async (em): Promise<DemoSeedResult> => {
      if (await em.existsBy(Organization, { name: DEMO_ORGANIZATION_NAME })) {
        return { created: false, reason: `"${DEMO_ORGANIZATION_NAME}" exists already` };
      }
      const taken = await em.countBy(User, { email: In(DEMO_PEOPLE.map((p) => p.email)) });
      if (taken > 0) return { created: false, reason: `${taken} of the demo e-mail addresses are in use already` };
      return this.insertDemo(em, passwordHash);
    });
    return result;
  }

  private async insertDemo(em: EntityManager, passwordHash: string): Promise<DemoSeedResult> {
    const now = this.clock.now();
    const { organization, tracks } = await insertOrganizationWithTracks(em, {
      name: DEMO_ORGANIZATION_NAME,
      timeZone: 'Europe/Berlin',
      defaultLanguage: 'de',
      aiPolicy: DEMO_AI_POLICY,
    });
    const orgId = organization.id;
    const departments = await em.save(
      DEMO_DEPARTMENTS.map((name) => em.create(Department, { organizationId: orgId, name })),
    );
    const departmentId = new Map(departments.map((d) => [d.name, d.id]));

    const ids = new Map(DEMO_PEOPLE.map((p) => [p.email, randomUUID()]));
    // Only people with reports are managers (PRODUCT.md §1).
    const withReports = new Set(DEMO_PEOPLE.map((p) => p.manager).filter((m): m is string => m !== null));
    const rows = DEMO_PEOPLE.map((p) => {
      const roles = new Set<Role>(['employee', ...(p.extraRoles ?? [])]);
      if (withReports.has(p.email)) roles.add('manager');
      const active = p.active ?? true;
      return {
        id: ids.get(p.email)!,
        organizationId: orgId,
        email: p.email,
        firstName: p.firstName,
        lastName: p.lastName,
        passwordHash,
        roles: [...roles].sort(),
        trackId: tracks[p.track].id,
        departmentId: departmentId.get(p.department)!,
        managerId: p.manager ? ids.get(p.manager)! : null,
        language: p.language ?? null,
        active,
        deactivatedAt: active ? null : now,
      };
    });
    // Managers come before their reports in DEMO_PEOPLE, so the self-reference is satisfied row by row.
    for (const row of rows) await em.insert(User, row);

    const adminId = ids.get('admin@muster.example')!;
    const record = (action: string, targetType: string, targetId: string, actorId: string | null, data = {}) =>
      this.audit.record(em, { organizationId: orgId, actorId, action, targetType, targetId, data });
    await record('organization.created', 'organization', orgId, null, { source: 'demo-seed' });
    await record('organization.ai_policy_updated', 'organization', orgId, adminId, {
      tools: DEMO_AI_POLICY.tools.map((t) => t.id),
    });
    await record('user.roles_changed', 'user', ids.get('hr@muster.example')!, adminId, { added: ['hr'], removed: [] });
    const deactivated = DEMO_PEOPLE.filter((p) => p.active === false);
    for (const p of deactivated) {
      await record('user.deactivated', 'user', ids.get(p.email)!, adminId, { successorId: null });
    }

    for (const email of DEMO_ACCOUNTS) {
      await this.notifications.notify(em, {
        organizationId: orgId,
        userId: ids.get(email)!,
        type: 'welcome',
        data: {},
      });
    }
    return { created: true, organizationId: orgId, users: rows.length };
  }
}
