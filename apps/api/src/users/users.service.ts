import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CreateUserResponse, OneTimeLink, Role, UserList, UserSummary } from '@freiraum/contracts';
import type {
  createUserSchema,
  deactivateUserSchema,
  updateUserSchema,
  userListQuerySchema,
} from '@freiraum/contracts';
import type { z } from 'zod';
import type { AuthUser } from '../common/auth/auth-user.js';
import { badField, conflict, DomainError, forbidden, notFound } from '../common/errors/domain-error.js';
import { Clock } from '../common/time/clock.js';
import { Tx } from '../database/transaction.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationService } from '../notifications/notification.service.js';
import { OneTimeTokenService } from '../auth/one-time-token.service.js';
import { SessionService } from '../auth/session.service.js';
import { OrganizationsRepository } from '../organizations/organizations.repository.js';
import type { Organization } from '../organizations/organization.entity.js';
import type { User } from './user.entity.js';
import { UsersRepository } from './users.repository.js';
import { invitationEmail } from './invitation-email.js';
import {
  createsCycle,
  deriveRoles,
  leavesNoActiveAdmin,
  MANAGER_PROBLEM_MESSAGES,
  managerProblem,
  mayChangeRoles,
  nodesOnCycles,
  planHandover,
  privilegedRoleChanges,
  sameRoles,
  type ReportMove,
} from './users.policy.js';

type UserListQuery = z.output<typeof userListQuerySchema>;
type CreateUserInput = z.output<typeof createUserSchema>;
type UpdateUserInput = z.output<typeof updateUserSchema>;
type DeactivateUserInput = z.output<typeof deactivateUserSchema>;

const lastAdmin = (field: string) =>
  conflict('The organisation must keep at least one active admin', [
    { field, message: 'would leave the organisation without an active admin' },
  ]);

// An erased person's row only keeps aggregates right; giving it a name or an account again would undo the erasure.
const erased = () =>
  new DomainError('invalid_transition', "This person's data was erased; the account cannot be changed");

// Users of an organisation: admin management, reporting lines and the derived `manager` role
// (PRODUCT.md §1). Every use case runs in one transaction that first locks the organisation row, so
// concurrent changes to reporting lines or admins apply one after the other (no cycles, never zero admins).
@Injectable()
export class UsersService {
  constructor(
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly repo: UsersRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
    private readonly tokens: OneTimeTokenService,
    private readonly sessions: SessionService,
  ) {}

  list(actor: AuthUser, query: UserListQuery): Promise<UserList> {
    return this.repo.list(this.tx.manager, actor.organizationId, query);
  }

  async get(actor: AuthUser, id: string): Promise<UserSummary> {
    const summary = await this.repo.findSummary(this.tx.manager, actor.organizationId, id);
    if (!summary) throw notFound('User');
    return summary;
  }

  create(actor: AuthUser, input: CreateUserInput): Promise<CreateUserResponse> {
    return this.tx.run(async (em) => {
      const org = await this.lockOrganization(em, actor);
      if (await this.repo.findUserByEmail(em, input.email)) {
        throw conflict('This e-mail address is already in use', [{ field: 'email', message: 'is already in use' }]);
      }
      const trackId = await this.resolveTrack(em, actor.organizationId, input.trackSlug, null);
      await this.checkDepartment(em, actor.organizationId, input.departmentId);
      await this.checkManager(em, actor.organizationId, null, input.managerId, 'managerId');
      const roles = deriveRoles(input.roles, false);
      if (!mayChangeRoles(actor.roles, [], roles)) throw forbidden('Only an admin may grant the roles hr and admin');
      const id = await this.repo.insertUser(em, {
        organizationId: actor.organizationId,
        email: input.email,
        firstName: input.firstName,
        lastName: input.lastName,
        roles,
        trackId,
        departmentId: input.departmentId,
        managerId: input.managerId,
        language: input.language,
      });
      await this.audit.record(em, {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: 'user.created',
        targetType: 'user',
        targetId: id,
        data: { roles, trackId, departmentId: input.departmentId, managerId: input.managerId },
      });
      await this.syncManagerRoles(em, actor.organizationId, [input.managerId], actor.id);
      const invitation = await this.invite(em, org, {
        id,
        email: input.email,
        firstName: input.firstName,
        language: input.language,
      });
      return { user: await this.summaryOf(em, actor.organizationId, id), invitation };
    });
  }

  update(actor: AuthUser, id: string, input: UpdateUserInput): Promise<UserSummary> {
    return this.tx.run(async (em) => {
      await this.lockOrganization(em, actor);
      const target = await this.repo.findUser(em, actor.organizationId, id);
      if (!target) throw notFound('User');
      if (target.erasedAt) throw erased();
      const patch: Partial<User> = {};
      const changedFields: string[] = [];

      if (input.email !== undefined && input.email !== target.email) {
        if (await this.repo.findUserByEmail(em, input.email)) {
          throw conflict('This e-mail address is already in use', [{ field: 'email', message: 'is already in use' }]);
        }
        patch.email = input.email;
        changedFields.push('email');
      }
      for (const field of ['firstName', 'lastName'] as const) {
        if (input[field] !== undefined && input[field] !== target[field]) {
          patch[field] = input[field];
          changedFields.push(field);
        }
      }
      if (input.trackSlug !== undefined) {
        const trackId = await this.resolveTrack(em, actor.organizationId, input.trackSlug, target.trackId);
        if (trackId !== target.trackId) patch.trackId = trackId;
      }
      if (input.departmentId !== undefined && input.departmentId !== target.departmentId) {
        await this.checkDepartment(em, actor.organizationId, input.departmentId);
        patch.departmentId = input.departmentId;
      }
      const managerChanges = input.managerId !== undefined && input.managerId !== target.managerId;
      if (managerChanges) {
        await this.checkManager(em, actor.organizationId, target.id, input.managerId!, 'managerId');
        patch.managerId = input.managerId!;
      }
      if (input.roles !== undefined) {
        const reports = await this.repo.activeReportCounts(em, actor.organizationId, [target.id]);
        const roles = deriveRoles(input.roles, (reports.get(target.id) ?? 0) > 0);
        if (!mayChangeRoles(actor.roles, target.roles, roles)) {
          throw forbidden(
            `Only an admin may grant or remove the role ${privilegedRoleChanges(target.roles, roles).join(' or ')}`,
          );
        }
        await this.checkKeepsAdmin(em, actor.organizationId, target, roles.includes('admin'), 'roles');
        if (!sameRoles(roles, target.roles)) patch.roles = roles;
      }
      if (Object.keys(patch).length === 0) return this.summaryOf(em, actor.organizationId, id);

      await this.repo.updateUser(em, actor.organizationId, id, patch);
      const base = { organizationId: actor.organizationId, actorId: actor.id, targetType: 'user', targetId: id };
      if (patch.roles) {
        await this.audit.record(em, {
          ...base,
          action: 'user.roles_changed',
          data: { before: target.roles, after: patch.roles },
        });
        if (target.active) {
          await this.notifications.notify(em, {
            organizationId: actor.organizationId,
            userId: id,
            type: 'role_changed',
            data: { before: target.roles, after: patch.roles },
          });
        }
      }
      if (managerChanges) {
        await this.audit.record(em, {
          ...base,
          action: 'user.manager_changed',
          data: { from: target.managerId, to: patch.managerId },
        });
        if (target.active) {
          await this.notifications.notify(em, {
            organizationId: actor.organizationId,
            userId: id,
            type: 'manager_changed',
            data: { previousManagerId: target.managerId, managerId: patch.managerId },
          });
        }
        await this.syncManagerRoles(em, actor.organizationId, [target.managerId, patch.managerId ?? null], actor.id);
      }
      // Names and e-mail addresses stay out of the audit log: only which fields changed, and ids.
      const data: Record<string, unknown> = { fields: changedFields };
      if ('trackId' in patch) data.trackId = { from: target.trackId, to: patch.trackId };
      if ('departmentId' in patch) data.departmentId = { from: target.departmentId, to: patch.departmentId };
      if (changedFields.length || 'trackId' in patch || 'departmentId' in patch) {
        await this.audit.record(em, { ...base, action: 'user.updated', data });
      }
      return this.summaryOf(em, actor.organizationId, id);
    });
  }

  deactivate(actor: AuthUser, id: string, input: DeactivateUserInput): Promise<UserSummary> {
    return this.tx.run(async (em) => {
      await this.lockOrganization(em, actor);
      const target = await this.repo.findUser(em, actor.organizationId, id);
      if (!target) throw notFound('User');
      if (!target.active) throw new DomainError('invalid_transition', 'This user is already deactivated');
      await this.checkKeepsAdmin(em, actor.organizationId, target, false, 'id');

      await this.repo.updateUser(em, actor.organizationId, id, { active: false, deactivatedAt: this.clock.now() });
      const handover = await this.handOverReports(em, actor.organizationId, id, input.successorId, actor.id);
      // Their sessions end now; the access token already stops working (the JWT strategy checks `active`).
      await this.sessions.revokeAllForUser(em, { id, organizationId: actor.organizationId });
      await this.audit.record(em, {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: 'user.deactivated',
        targetType: 'user',
        targetId: id,
        data: { successorId: handover.successorId, movedReportIds: handover.moves.map((m) => m.userId) },
      });
      // The manager of the deactivated user may just have lost their last active report.
      await this.syncManagerRoles(em, actor.organizationId, [id, target.managerId], actor.id);
      return this.summaryOf(em, actor.organizationId, id);
    });
  }

  reactivate(actor: AuthUser, id: string): Promise<UserSummary> {
    return this.tx.run(async (em) => {
      await this.lockOrganization(em, actor);
      const target = await this.repo.findUser(em, actor.organizationId, id);
      if (!target) throw notFound('User');
      if (target.active) throw new DomainError('invalid_transition', 'This user is active');
      if (target.erasedAt) throw erased();
      const manager = target.managerId ? await this.repo.findUser(em, actor.organizationId, target.managerId) : null;
      // A manager who left meanwhile is not restored; an admin assigns a new one.
      const managerId = manager?.active ? manager.id : null;
      await this.repo.updateUser(em, actor.organizationId, id, { active: true, deactivatedAt: null, managerId });
      const base = { organizationId: actor.organizationId, actorId: actor.id, targetType: 'user', targetId: id };
      await this.audit.record(em, { ...base, action: 'user.reactivated', data: { managerId } });
      if (managerId !== target.managerId) {
        await this.audit.record(em, {
          ...base,
          action: 'user.manager_changed',
          data: { from: target.managerId, to: managerId, reason: 'manager_inactive' },
        });
      }
      await this.syncManagerRoles(em, actor.organizationId, [managerId], actor.id);
      return this.summaryOf(em, actor.organizationId, id);
    });
  }

  /** A one-time link the admin hands over when no e-mail can be sent: set a first password, or a new one. */
  resetLink(actor: AuthUser, id: string): Promise<OneTimeLink> {
    return this.tx.run(async (em) => {
      const target = await this.repo.findUser(em, actor.organizationId, id);
      if (!target) throw notFound('User');
      if (!target.active)
        throw new DomainError('invalid_transition', 'This user is deactivated; reactivate them first');
      const purpose = target.passwordHash ? 'reset' : 'invite';
      const link = await this.tokens.issue(em, { userId: id, organizationId: actor.organizationId, purpose });
      await this.audit.record(em, {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: 'user.reset_link_issued',
        targetType: 'user',
        targetId: id,
        data: { purpose },
      });
      return { url: link.url, expiresAt: link.expiresAt.toISOString() };
    });
  }

  /**
   * Hands the direct reports of `fromUserId` to `toUserId` or, when that is null, to fromUser's own manager
   * (if active; else they are left without a manager). A successor from within the team moves up to
   * fromUser's manager. Used when a manager is deactivated, and when a manager is replaced: what waits on
   * the manager moves here too, so "nothing is left waiting on a person who is gone" (PRODUCT.md §1) stays
   * one method. Pending Freiraum requests need no move: who decides them is derived from the current
   * manager line at decision time (freiraum.policy.ts), so they follow the reports.
   * Runs in the caller's transaction; notifies and audits each move; keeps the `manager` role in sync.
   */
  async handOverReports(
    em: EntityManager,
    organizationId: string,
    fromUserId: string,
    toUserId: string | null,
    actorId: string | null,
  ): Promise<{ successorId: string | null; moves: ReportMove[] }> {
    const from = await this.repo.findUser(em, organizationId, fromUserId);
    if (!from) throw notFound('User');
    if (toUserId) {
      const problem = managerProblem(fromUserId, await this.repo.findUser(em, organizationId, toUserId));
      if (problem) throw badField('successorId', MANAGER_PROBLEM_MESSAGES[problem]);
    }
    let successorId = toUserId;
    if (!successorId && from.managerId) {
      const own = await this.repo.findUser(em, organizationId, from.managerId);
      successorId = own?.active ? own.id : null;
    }
    const reports = await this.repo.directReports(em, organizationId, fromUserId);
    if (reports.length === 0) {
      await this.movePendingReviews(em, organizationId, fromUserId);
      return { successorId, moves: [] };
    }

    const moves = planHandover(
      reports.map((r) => r.id),
      from,
      successorId,
    );
    const managerOf = await this.repo.managerMap(em, organizationId);
    moves.forEach((m) => managerOf.set(m.userId, m.managerId));
    const onCycle = nodesOnCycles(managerOf);
    if (moves.some((m) => onCycle.has(m.userId))) {
      throw conflict('The successor reports (indirectly) to this user', [
        { field: 'successorId', message: 'is below this user in the reporting line' },
      ]);
    }
    for (const managerId of new Set(moves.map((m) => m.managerId))) {
      await this.repo.setManager(
        em,
        organizationId,
        moves.filter((m) => m.managerId === managerId).map((m) => m.userId),
        managerId,
      );
    }

    const active = new Set(reports.filter((r) => r.active).map((r) => r.id));
    for (const move of moves) {
      await this.audit.record(em, {
        organizationId,
        actorId,
        action: 'user.manager_changed',
        targetType: 'user',
        targetId: move.userId,
        data: { from: fromUserId, to: move.managerId, reason: 'handover' },
      });
      if (active.has(move.userId)) {
        await this.notifications.notify(em, {
          organizationId,
          userId: move.userId,
          type: 'manager_changed',
          data: { previousManagerId: fromUserId, managerId: move.managerId },
        });
      }
    }
    for (const managerId of new Set(moves.map((m) => m.managerId))) {
      const moved = moves.filter((m) => m.managerId === managerId && active.has(m.userId)).map((m) => m.userId);
      if (managerId && moved.length) {
        await this.notifications.notify(em, {
          organizationId,
          userId: managerId,
          type: 'reports_transferred',
          data: { fromUserId, reportIds: moved, count: moved.length },
        });
      }
    }
    await this.syncManagerRoles(em, organizationId, [fromUserId, ...moves.map((m) => m.managerId)], actorId);
    await this.movePendingReviews(em, organizationId, fromUserId);
    return { successorId, moves };
  }

  /**
   * Nothing may wait on a person who is gone (PRODUCT.md §1): practice work waiting for this reviewer
   * goes to each learner's reviewer now (their new manager, else HR, else an admin). Runs after the
   * reports moved.
   */
  private async movePendingReviews(em: EntityManager, organizationId: string, fromUserId: string): Promise<void> {
    const moved = await this.repo.reassignPendingReviews(em, organizationId, fromUserId);
    const byReviewer = new Map<string, number>();
    for (const m of moved) byReviewer.set(m.reviewerId, (byReviewer.get(m.reviewerId) ?? 0) + 1);
    for (const [reviewerId, count] of byReviewer) {
      await this.notifications.notify(em, { organizationId, userId: reviewerId, type: 'reviews_transferred', data: { fromUserId, count } });
    }
  }

  /**
   * Keeps the derived `manager` role in sync (in the caller's transaction): whoever has an active direct
   * report holds it, whoever has none loses it. Call it with everyone whose reports may have changed.
   */
  async syncManagerRoles(
    em: EntityManager,
    organizationId: string,
    candidateIds: Array<string | null | undefined>,
    actorId: string | null,
  ): Promise<void> {
    const ids = [...new Set(candidateIds.filter((id): id is string => !!id))];
    const users = await this.repo.findUsers(em, organizationId, ids);
    const counts = await this.repo.activeReportCounts(em, organizationId, ids);
    for (const user of users) {
      const roles = deriveRoles(user.roles, (counts.get(user.id) ?? 0) > 0);
      if (sameRoles(roles, user.roles)) continue;
      await this.repo.updateUser(em, organizationId, user.id, { roles });
      await this.audit.record(em, {
        organizationId,
        actorId,
        action: 'user.roles_changed',
        targetType: 'user',
        targetId: user.id,
        data: { before: user.roles, after: roles, reason: 'direct_reports' },
      });
      if (user.active) {
        await this.notifications.notify(em, {
          organizationId,
          userId: user.id,
          type: 'role_changed',
          data: { before: user.roles, after: roles, reason: 'direct_reports' },
        });
      }
    }
  }

  /** Issues an invitation link and queues the e-mail carrying it (German and English). */
  async invite(
    em: EntityManager,
    org: Organization,
    user: { id: string; email: string; firstName: string; language: User['language'] },
  ): Promise<{ url: string; expiresAt: string }> {
    const link = await this.tokens.issue(em, { userId: user.id, organizationId: org.id, purpose: 'invite' });
    const mail = invitationEmail({
      firstName: user.firstName,
      organizationName: org.name,
      url: link.url,
      expiresAt: link.expiresAt,
      timeZone: org.timeZone,
      language: user.language ?? org.defaultLanguage,
    });
    await this.notifications.queueEmail(em, { organizationId: org.id, userId: user.id, to: user.email, ...mail });
    return { url: link.url, expiresAt: link.expiresAt.toISOString() };
  }

  private async lockOrganization(em: EntityManager, actor: AuthUser): Promise<Organization> {
    const org = await this.organizations.lockOrganization(em, actor.organizationId);
    if (!org) throw notFound('Organisation');
    return org;
  }

  private async summaryOf(em: EntityManager, organizationId: string, id: string): Promise<UserSummary> {
    const summary = await this.repo.findSummary(em, organizationId, id);
    if (!summary) throw notFound('User');
    return summary;
  }

  /** A track slug of the organisation; disabled tracks only for someone already on them. */
  private async resolveTrack(em: EntityManager, organizationId: string, slug: string | null, currentId: string | null) {
    if (slug === null) return null;
    const track = await this.organizations.findTrackBySlug(em, organizationId, slug);
    if (!track) throw badField('trackSlug', 'is not a track of this organisation');
    if (!track.enabled && track.id !== currentId) throw badField('trackSlug', 'is disabled');
    return track.id;
  }

  private async checkDepartment(em: EntityManager, organizationId: string, departmentId: string | null) {
    if (departmentId && !(await this.organizations.findDepartment(em, organizationId, departmentId))) {
      throw badField('departmentId', 'is not a department of this organisation');
    }
  }

  /** Same organisation, active, not the user, and no reporting cycle (400 / 409 naming the field). */
  private async checkManager(
    em: EntityManager,
    organizationId: string,
    userId: string | null,
    managerId: string | null,
    field: string,
  ): Promise<void> {
    if (!managerId) return;
    const candidate = await this.repo.findUser(em, organizationId, managerId);
    const problem = managerProblem(userId, candidate);
    if (problem) throw badField(field, MANAGER_PROBLEM_MESSAGES[problem]);
    if (userId) {
      const managerOf = await this.repo.managerMap(em, organizationId);
      if (createsCycle(userId, managerId, (id) => managerOf.get(id))) {
        throw conflict('This would create a reporting cycle', [
          { field, message: 'reports (directly or indirectly) to this user' },
        ]);
      }
    }
  }

  /** 409 when a change would leave the organisation without an active admin. */
  private async checkKeepsAdmin(
    em: EntityManager,
    organizationId: string,
    target: Pick<User, 'id' | 'roles' | 'active'>,
    staysAdmin: boolean,
    field: string,
  ): Promise<void> {
    if (staysAdmin || !target.active || !target.roles.includes('admin' as Role)) return;
    if (leavesNoActiveAdmin(await this.repo.activeAdminIds(em, organizationId), target.id)) throw lastAdmin(field);
  }
}
