import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { EntityManager } from 'typeorm';
import type { DataClass, Flag, FlagDecision } from '@freiraum/contracts';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/time/clock.js';
import { DomainError, forbidden, notFound } from '../common/errors/domain-error.js';
import { Tx } from '../database/transaction.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationService } from '../notifications/notification.service.js';
import { Organization } from '../organizations/organization.entity.js';
import type { GovernanceFlag } from './governance-flag.entity.js';
import { GovernanceRepository } from './governance.repository.js';
import { canTransitionFlag, checkToolUse, mayDecideFor } from './governance.policy.js';

export interface ToolUse {
  organizationId: string;
  userId: string;
  subjectType: string;
  subjectId: string;
  toolId: string;
  toolName?: string;
  dataClass: DataClass;
}

// The AI-policy "playpen" (PRODUCT.md §3). Features call `checkAndFlag` in their own transaction; the
// Freiraum journal reuses it for journal entries.
@Injectable()
export class GovernanceService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: Tx,
    private readonly repo: GovernanceRepository,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
  ) {}

  async checkAndFlag(em: EntityManager, use: ToolUse): Promise<GovernanceFlag | null> {
    const org = await em.findOneByOrFail(Organization, { id: use.organizationId });
    const check = checkToolUse(org.aiPolicy, use.toolId, use.dataClass, use.toolName);
    if (check.allowed) return null;
    const flag = await this.repo.insert(em, {
      organizationId: use.organizationId,
      userId: use.userId,
      subjectType: use.subjectType,
      subjectId: use.subjectId,
      toolId: use.toolId,
      toolName: check.toolName,
      dataClass: use.dataClass,
      reason: check.reason,
      status: 'open',
      decidedBy: null,
      decisionNote: null,
      decidedAt: null,
      createdAt: this.clock.now(),
    });
    await this.audit.record(em, {
      organizationId: use.organizationId,
      actorId: null,
      action: 'flag.raised',
      targetType: 'governance_flag',
      targetId: flag.id,
      data: { userId: use.userId, subjectType: use.subjectType, subjectId: use.subjectId, reason: check.reason, dataClass: use.dataClass, toolId: use.toolId },
    });
    const decider = await this.repo.deciderFor(em, use.organizationId, use.userId);
    if (decider) {
      await this.notifications.notifyWithEmail(em, {
        organizationId: use.organizationId,
        userId: decider,
        type: 'flag_raised',
        data: { flagId: flag.id, userId: use.userId, subjectType: use.subjectType, toolName: check.toolName, dataClass: use.dataClass },
        mail: (lang) =>
          lang === 'de'
            ? { subject: `KI-Richtlinie: Hinweis zu ${check.toolName}`, text: `In Ihrem Team wurde ${check.toolName} mit Daten der Klasse „${use.dataClass}“ genutzt, die dieses Werkzeug laut KI-Richtlinie nicht erhalten darf. Bitte entscheiden Sie: ${this.config.appUrl}/flags\n` }
            : { subject: `AI policy: flag on ${check.toolName}`, text: `Someone in your team used ${check.toolName} with data of class "${use.dataClass}", which the AI policy does not allow for it. Please decide: ${this.config.appUrl}/flags\n` },
      });
    }
    return flag;
  }

  /** Who reviews this person's practice work (same rule as for flags). */
  deciderForReview(em: EntityManager, organizationId: string, userId: string): Promise<string | null> {
    return this.repo.deciderFor(em, organizationId, userId);
  }

  flagsFor(em: EntityManager, subjectType: string, subjectIds: string[]): Promise<Map<string, GovernanceFlag>> {
    return this.repo.bySubject(em, subjectType, subjectIds);
  }

  async list(user: AuthUser, query: { scope: 'to_decide' | 'mine'; status?: string }): Promise<{ items: Flag[] }> {
    const rows = await this.repo.list(this.tx.manager, {
      organizationId: user.organizationId,
      actorId: user.id,
      actorRoles: user.roles,
      scope: query.scope,
      status: query.status,
    });
    return {
      items: rows.map((f) => ({
        ...toFlag(f, f.userName),
        canDecide: f.status === 'open' && mayDecideFor(user, { id: f.userId, managerId: f.managerId, managerActive: f.managerActive }),
      })),
    };
  }

  async decide(user: AuthUser, flagId: string, body: FlagDecision): Promise<Flag> {
    return this.tx.run(async (em) => {
      const flag = await this.repo.findForUpdate(em, user.organizationId, flagId);
      if (!flag) throw notFound('Flag');
      const author = await this.repo.author(em, user.organizationId, flag.userId);
      if (!author || !mayDecideFor(user, author)) {
        // Don't reveal flags of people the caller has nothing to do with.
        if (flag.userId !== user.id) throw notFound('Flag');
        throw forbidden('You cannot decide a flag on your own work');
      }
      if (!canTransitionFlag(flag.status, body.decision)) {
        throw new DomainError('invalid_transition', `The flag is already ${flag.status}`);
      }
      flag.status = body.decision;
      flag.decidedBy = user.id;
      flag.decisionNote = body.note;
      flag.decidedAt = this.clock.now();
      await em.save(flag);
      await this.audit.record(em, {
        organizationId: user.organizationId,
        actorId: user.id,
        action: `flag.${body.decision}`,
        targetType: 'governance_flag',
        targetId: flag.id,
        data: { userId: flag.userId, subjectType: flag.subjectType, subjectId: flag.subjectId },
      });
      await this.notifications.notifyWithEmail(em, {
        organizationId: user.organizationId,
        userId: flag.userId,
        type: 'flag_decided',
        data: { flagId: flag.id, decision: body.decision, subjectType: flag.subjectType },
        mail: (lang) =>
          lang === 'de'
            ? { subject: `KI-Richtlinie: Hinweis ${body.decision === 'cleared' ? 'ausgeräumt' : 'bestätigt'}`, text: `Ihre Führungskraft hat den Hinweis zu ${flag.toolName} ${body.decision === 'cleared' ? 'ausgeräumt' : 'bestätigt'}.\n\nBegründung: ${body.note}\n` }
            : { subject: `AI policy: flag ${body.decision}`, text: `Your manager ${body.decision} the flag on ${flag.toolName}.\n\nNote: ${body.note}\n` },
      });
      return { ...toFlag(flag, `${author.firstName} ${author.lastName}`), canDecide: false };
    });
  }
}

function toFlag(f: GovernanceFlag, userName: string): Omit<Flag, 'canDecide'> {
  return {
    id: f.id,
    userId: f.userId,
    userName,
    subjectType: f.subjectType,
    subjectId: f.subjectId,
    toolName: f.toolName,
    dataClass: f.dataClass,
    reason: f.reason as Flag['reason'],
    status: f.status,
    decisionNote: f.decisionNote,
    decidedAt: f.decidedAt?.toISOString() ?? null,
    createdAt: f.createdAt.toISOString(),
  };
}
