import { Injectable } from '@nestjs/common';
import type { UserSummary } from '@freiraum/contracts';
import type { AuthUser } from '../common/auth/auth-user.js';
import { badField, conflict, DomainError, notFound } from '../common/errors/domain-error.js';
import { Clock } from '../common/time/clock.js';
import { Tx } from '../database/transaction.js';
import { AuditService } from '../audit/audit.service.js';
import { OrganizationsRepository } from '../organizations/organizations.repository.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';
import { UserErasureRepository, type ErasureSubject } from './user-erasure.repository.js';
import { erasureProblem, localDate, nameToRedact } from './user-erasure.policy.js';

/**
 * An admin erases a person's data (PRODUCT.md §6). One transaction: the person's reports are handed over
 * (as on deactivation), personal data is deleted or anonymised, and what aggregates count stays. The user
 * row stays with an `erased-…` address, which readers show as "former colleague" or without a name.
 */
@Injectable()
export class UserErasureService {
  constructor(
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly users: UsersService,
    private readonly usersRepo: UsersRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly repo: UserErasureRepository,
    private readonly audit: AuditService,
  ) {}

  erase(actor: AuthUser, id: string, input: { confirm: string }): Promise<UserSummary> {
    return this.tx.run(async (em) => {
      // The organisation lock orders this after concurrent changes to reporting lines and admins.
      const org = await this.organizations.lockOrganization(em, actor.organizationId);
      if (!org) throw notFound('Organisation');
      const target = await this.usersRepo.findUser(em, org.id, id);
      if (!target) throw notFound('User');
      const problem = erasureProblem({
        actorId: actor.id,
        target,
        confirm: input.confirm,
        activeAdminIds: await this.usersRepo.activeAdminIds(em, org.id),
      });
      switch (problem) {
        case 'already_erased':
          throw new DomainError('invalid_transition', "This person's data has already been erased");
        case 'self':
          throw conflict('You cannot erase your own account', [{ field: 'id', message: 'is your own account' }]);
        case 'confirm_mismatch':
          throw badField('confirm', "does not match the person's e-mail address");
        case 'last_admin':
          throw conflict('The organisation must keep at least one active admin', [
            { field: 'id', message: 'would leave the organisation without an active admin' },
          ]);
        case null:
          break;
      }

      const now = this.clock.now();
      const subject: ErasureSubject = { organizationId: org.id, userId: id, email: target.email };
      // Nothing may wait on a person who is gone (PRODUCT.md §1): reports and waiting reviews move first.
      const handover = await this.users.handOverReports(em, org.id, id, null, actor.id);
      const cancelledRequestIds = await this.repo.cancelOpenRequests(em, subject, localDate(now, org.timeZone), now);
      await this.repo.blankRequestPurposes(em, subject);
      const answers = await this.repo.eraseFreeTextAnswers(em, subject);
      const withdrawn = await this.repo.withdrawSubmissions(em, subject);
      const entries = await this.repo.deletePrivateEntries(em, subject);
      const name = nameToRedact(target.firstName, target.lastName);
      if (name) await this.repo.redactNameInEmails(em, subject, name);
      // After the handover, which may have notified the person of a role change.
      const notifications = await this.repo.deleteNotifications(em, subject);
      const emails = await this.repo.deleteEmails(em, subject);
      await this.repo.deleteSignInData(em, subject);
      await this.repo.anonymiseUser(em, subject, now);
      // Without reports the person no longer holds the derived manager role; their manager may lose it too.
      await this.users.syncManagerRoles(em, org.id, [id, target.managerId], actor.id);
      // Ids and counts only: the audit log keeps no personal data beyond an id (PRODUCT.md §6).
      await this.audit.record(em, {
        organizationId: org.id,
        actorId: actor.id,
        action: 'user.erased',
        targetType: 'user',
        targetId: id,
        data: {
          wasActive: target.active,
          movedReportIds: handover.moves.map((m) => m.userId),
          cancelledRequestIds,
          erased: { answers, privateEntries: entries, notifications, emails, withdrawnSubmissions: withdrawn },
        },
      });
      const summary = await this.usersRepo.findSummary(em, org.id, id);
      if (!summary) throw notFound('User');
      return summary;
    });
  }
}
