import { Injectable } from '@nestjs/common';
import type {
  AiPolicy,
  CreateDepartment,
  Department,
  OrganizationSettings,
  Track,
  UpdateOrganizationSettings,
  UpdateTrack,
} from '@freiraum/contracts';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user.js';
import { conflict, notFound } from '../common/errors/domain-error.js';
import { Tx } from '../database/transaction.js';
import { AuditService } from '../audit/audit.service.js';
import type { Organization } from './organization.entity.js';
import { OrganizationsRepository } from './organizations.repository.js';

const toSettings = (org: Organization): OrganizationSettings => ({
  id: org.id,
  name: org.name,
  timeZone: org.timeZone,
  defaultLanguage: org.defaultLanguage,
  privacyThreshold: org.privacyThreshold,
  hrSeesIndividuals: org.hrSeesIndividuals,
  managersSeeLastActivity: org.managersSeeLastActivity,
  aiPolicy: org.aiPolicy,
});

// Organisation settings, AI policy, tracks and departments (PRODUCT.md §1, §3, §6). Roles are checked by
// the controllers' @Roles; every query here is scoped by the caller's organisation.
@Injectable()
export class OrganizationsService {
  constructor(
    private readonly tx: Tx,
    private readonly repo: OrganizationsRepository,
    private readonly audit: AuditService,
  ) {}

  getSettings(user: AuthUser): Promise<OrganizationSettings> {
    return this.tx.run(async (em) => toSettings(await this.organizationOf(em, user)));
  }

  updateSettings(user: AuthUser, patch: UpdateOrganizationSettings): Promise<OrganizationSettings> {
    return this.tx.run(async (em) => {
      const before = await this.organizationOf(em, user, true);
      const changed = (Object.keys(patch) as Array<keyof UpdateOrganizationSettings>).filter(
        (key) => patch[key] !== undefined && patch[key] !== before[key],
      );
      if (changed.length === 0) return toSettings(before);
      const update = Object.fromEntries(changed.map((key) => [key, patch[key]]));
      await this.repo.updateOrganization(em, user.organizationId, update);
      // Values of settings, but the organisation's name only as "changed".
      const values = Object.fromEntries(
        changed.filter((key) => key !== 'name').map((key) => [key, { from: before[key], to: patch[key] }]),
      );
      await this.audit.record(em, {
        organizationId: user.organizationId,
        actorId: user.id,
        action: 'organization.settings_changed',
        targetType: 'organization',
        targetId: user.organizationId,
        data: { fields: changed, changes: values },
      });
      return toSettings({ ...before, ...update });
    });
  }

  getAiPolicy(user: AuthUser): Promise<AiPolicy> {
    return this.tx.run(async (em) => (await this.organizationOf(em, user)).aiPolicy);
  }

  putAiPolicy(user: AuthUser, policy: AiPolicy): Promise<AiPolicy> {
    return this.tx.run(async (em) => {
      const before = (await this.organizationOf(em, user, true)).aiPolicy;
      if (JSON.stringify(before) === JSON.stringify(policy)) return policy;
      await this.repo.updateOrganization(em, user.organizationId, { aiPolicy: policy });
      const beforeIds = before.tools.map((t) => t.id);
      const afterIds = policy.tools.map((t) => t.id);
      await this.audit.record(em, {
        organizationId: user.organizationId,
        actorId: user.id,
        action: 'organization.ai_policy_changed',
        targetType: 'organization',
        targetId: user.organizationId,
        data: {
          toolIds: afterIds,
          addedToolIds: afterIds.filter((id) => !beforeIds.includes(id)),
          removedToolIds: beforeIds.filter((id) => !afterIds.includes(id)),
          allowedDataClasses: Object.fromEntries(policy.tools.map((t) => [t.id, t.allowedDataClasses])),
          rulesChanged: before.rules !== policy.rules,
        },
      });
      return policy;
    });
  }

  listTracks(user: AuthUser): Promise<Track[]> {
    return this.repo.listTracks(this.tx.manager, user.organizationId);
  }

  updateTrack(user: AuthUser, id: string, patch: UpdateTrack): Promise<Track> {
    return this.tx.run(async (em) => {
      const track = await this.repo.findTrack(em, user.organizationId, id);
      if (!track) throw notFound('Track');
      if (track.enabled !== patch.enabled) {
        await this.repo.updateTrack(em, user.organizationId, id, { enabled: patch.enabled });
        await this.audit.record(em, {
          organizationId: user.organizationId,
          actorId: user.id,
          action: 'track.updated',
          targetType: 'track',
          targetId: id,
          data: { slug: track.slug, enabled: { from: track.enabled, to: patch.enabled } },
        });
      }
      const tracks = await this.repo.listTracks(em, user.organizationId);
      return tracks.find((t) => t.id === id)!;
    });
  }

  listDepartments(user: AuthUser): Promise<Department[]> {
    return this.repo.listDepartments(this.tx.manager, user.organizationId);
  }

  createDepartment(user: AuthUser, input: CreateDepartment): Promise<Department> {
    return this.tx.run(async (em) => {
      await this.organizationOf(em, user, true);
      if (await this.repo.findDepartmentByName(em, user.organizationId, input.name)) {
        throw conflict('A department with this name exists', [
          { field: 'name', message: 'is already used by another department' },
        ]);
      }
      const department = await this.repo.createDepartment(em, user.organizationId, input.name);
      await this.audit.record(em, {
        organizationId: user.organizationId,
        actorId: user.id,
        action: 'department.created',
        targetType: 'department',
        targetId: department.id,
      });
      return { id: department.id, name: department.name, userCount: 0 };
    });
  }

  /** Locked when the caller is about to change it, so concurrent edits apply one after the other. */
  private async organizationOf(em: EntityManager, user: AuthUser, lock = false): Promise<Organization> {
    const org = lock
      ? await this.repo.lockOrganization(em, user.organizationId)
      : await this.repo.findOrganization(em, user.organizationId);
    if (!org) throw notFound('Organisation');
    return org;
  }
}
