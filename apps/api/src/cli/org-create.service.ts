import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { OneTimeTokenService, type IssuedLink } from '../auth/one-time-token.service.js';
import { conflict } from '../common/errors/domain-error.js';
import { Clock } from '../common/time/clock.js';
import { Tx } from '../database/transaction.js';
import { insertOrganizationWithTracks } from '../demo/organization-defaults.js';
import { NotificationService } from '../notifications/notification.service.js';
import type { Organization } from '../organizations/organization.entity.js';
import { invitationEmail } from '../users/invitation-email.js';
import { User } from '../users/user.entity.js';
import type { OrgCreateInput } from './org-create.args.js';

export interface CreatedOrganization {
  organizationId: string;
  adminId: string;
  /** One-time sign-in link (invitation) for the first admin, who has no password yet. */
  invitation: IssuedLink;
}

/** `npm run org:create`: a new organisation with default tracks and settings, and its first admin. */
@Injectable()
export class OrgCreateService {
  constructor(
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
    private readonly tokens: OneTimeTokenService,
  ) {}

  create(input: OrgCreateInput): Promise<CreatedOrganization> {
    return this.tx.run(async (em) => {
      const adminEmail = input.adminEmail.toLowerCase();
      // Sign-in is by e-mail alone, so an address may belong to one account in one organisation only.
      if (await em.existsBy(User, { email: adminEmail })) {
        throw conflict(`An account with the e-mail ${adminEmail} exists already`, [
          { field: 'adminEmail', message: 'is already in use' },
        ]);
      }
      const { organization, tracks } = await insertOrganizationWithTracks(em, {
        name: input.name,
        timeZone: input.timeZone,
        defaultLanguage: input.language,
      });
      const admin = await em.save(
        em.create(User, {
          organizationId: organization.id,
          email: adminEmail,
          firstName: input.firstName,
          lastName: input.lastName ?? input.name,
          passwordHash: null,
          roles: ['admin', 'employee'],
          trackId: tracks.administration.id,
          departmentId: null,
          managerId: null,
          language: null,
          active: true,
          deactivatedAt: null,
        }),
      );
      await this.audit.record(em, {
        organizationId: organization.id,
        actorId: null,
        action: 'organization.created',
        targetType: 'organization',
        targetId: organization.id,
        data: { source: 'org-create', adminId: admin.id },
      });
      const invitation = await this.tokens.issue(em, {
        userId: admin.id,
        organizationId: organization.id,
        purpose: 'invite',
      });
      await this.queueInvitation(em, { organization, admin, invitation });
      return { organizationId: organization.id, adminId: admin.id, invitation };
    });
  }

  // Also by e-mail (delivered by the app's mail job, or logged without SMTP), so the link is not only on this console.
  private async queueInvitation(
    em: EntityManager,
    args: { organization: Organization; admin: User; invitation: IssuedLink },
  ): Promise<void> {
    const mail = invitationEmail({
      firstName: args.admin.firstName,
      organizationName: args.organization.name,
      url: args.invitation.url,
      expiresAt: args.invitation.expiresAt,
      timeZone: args.organization.timeZone,
      language: args.organization.defaultLanguage,
    });
    await this.notifications.queueEmail(em, {
      organizationId: args.organization.id,
      userId: args.admin.id,
      to: args.admin.email,
      ...mail,
    });
  }
}
