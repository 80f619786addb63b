import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import * as ics from 'ics';
import type {
  BulkDecision,
  BulkDecisionResult,
  CreateDelegation,
  CreateFreiraumRequest,
  Delegation,
  FreiraumDecision,
  FreiraumPolicy,
  FreiraumRequest as RequestView,
  FreiraumRequestStatus,
  InboxItem,
  Language,
  MyFreiraum,
  SetAllocation,
  TeamFreiraum,
  UpdateFreiraumPolicy,
} from '@freiraum/contracts';
import type { AuthUser } from '../common/auth/auth-user.js';
import { hasRole } from '../common/auth/auth-user.js';
import { Clock } from '../common/time/clock.js';
import { DomainError, badField, conflict, forbidden, notFound } from '../common/errors/domain-error.js';
import { Tx } from '../database/transaction.js';
import { AuditService } from '../audit/audit.service.js';
import { ActivityService } from '../activity/activity.service.js';
import { NotificationService } from '../notifications/notification.service.js';
import { Organization } from '../organizations/organization.entity.js';
import { FreiraumMails } from './freiraum-mails.js';
import { FreiraumRepository, type DecisionFacts, type RequestRow } from './freiraum.repository.js';
import {
  allocationProblem,
  balance as emptyBalance,
  localDate,
  mayDecideRequest,
  periodFromKey,
  periodOf,
  shiftPeriod,
  transitionProblem,
  type Balance,
} from './freiraum.policy.js';

/** The furthest ahead a slot may be requested. */
const MAX_DAYS_AHEAD = 366;

// Freiraum time (PRODUCT.md §3, ADR 0011). No double-spend: a request first takes the row lock of its
// period's allocation, checks the balance under that lock, then inserts; the trigger-kept
// committed_hours with its check constraint refuses anything that slipped past.
@Injectable()
export class FreiraumService {
  constructor(
    private readonly tx: Tx,
    private readonly repo: FreiraumRepository,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly activity: ActivityService,
    private readonly notifications: NotificationService,
    private readonly mails: FreiraumMails,
  ) {}

  // ---------- policy ----------

  async policy(user: AuthUser): Promise<FreiraumPolicy> {
    return toPolicy(await this.org(this.tx.manager, user.organizationId));
  }

  async updatePolicy(user: AuthUser, body: UpdateFreiraumPolicy): Promise<FreiraumPolicy> {
    return this.tx.run(async (em) => {
      const org = await em.findOneOrFail(Organization, { where: { id: user.organizationId }, lock: { mode: 'pessimistic_write' } });
      const before = toPolicy(org);
      const after = { ...before, ...body };
      if (after.defaultHours > after.maxHours) throw badField(body.defaultHours !== undefined ? 'defaultHours' : 'maxHours', 'must not make the default hours exceed the maximum');
      await em.update(
        Organization,
        { id: org.id },
        { freiraumPeriodKind: after.periodKind, freiraumDefaultHours: after.defaultHours, freiraumMaxHours: after.maxHours, freiraumEscalationDays: after.escalationDays },
      );
      let following = 0;
      if (after.defaultHours !== before.defaultHours) {
        following = await this.repo.followDefault(em, org.id, after.defaultHours, localDate(this.clock.now(), org.timeZone), this.clock.now());
      }
      await this.audit.record(em, {
        organizationId: org.id,
        actorId: user.id,
        action: 'freiraum.policy.updated',
        targetType: 'organization',
        targetId: org.id,
        data: { before, after, allocationsFollowingDefault: following },
      });
      return after;
    });
  }

  // ---------- balance ----------

  async mine(user: AuthUser, periodKey?: string): Promise<MyFreiraum> {
    const em = this.tx.manager;
    const org = await this.org(em, user.organizationId);
    const today = localDate(this.clock.now(), org.timeZone);
    const period = periodKey ? periodFromKey(periodKey) : { ...periodOf(today, org.freiraumPeriodKind), kind: org.freiraumPeriodKind };
    const balances = await this.repo.balances(em, [user.id], period.key, org.freiraumDefaultHours, today);
    return {
      period,
      previousPeriod: shiftPeriod(period.key, -1),
      nextPeriod: shiftPeriod(period.key, 1),
      today,
      balance: pickBalance(balances.get(user.id), org.freiraumDefaultHours),
      policy: toPolicy(org),
    };
  }

  // ---------- requests ----------

  async listMine(user: AuthUser, filter: { period?: string; status?: FreiraumRequestStatus }): Promise<{ items: RequestView[] }> {
    const em = this.tx.manager;
    const org = await this.org(em, user.organizationId);
    const lang = await this.languageOf(em, user, org);
    const today = localDate(this.clock.now(), org.timeZone);
    const rows = await this.repo.listOwn(em, user.id, { periodKey: filter.period, status: filter.status }, lang);
    return { items: rows.map((r) => this.view(r, user, today, false)) };
  }

  async create(user: AuthUser, body: CreateFreiraumRequest & { purpose: string }): Promise<RequestView> {
    return this.tx.run(async (em) => {
      const org = await this.org(em, user.organizationId);
      const now = this.clock.now();
      const today = localDate(now, org.timeZone);
      if (body.slotDate < today) throw badField('slotDate', 'must be today or later');
      if (daysBetween(today, body.slotDate) > MAX_DAYS_AHEAD) throw badField('slotDate', `must be within ${MAX_DAYS_AHEAD} days from today`);
      if (body.purposeType === 'exercise' && !(await this.repo.exerciseExists(em, body.exerciseId!))) throw badField('exerciseId', 'is not a known exercise or module');
      if (body.purposeType === 'use_case' && !(await this.repo.useCaseExists(em, org.id, body.useCaseId!))) throw badField('useCaseId', 'is not a use case of your organisation');

      const period = periodOf(body.slotDate, org.freiraumPeriodKind);
      await this.repo.ensureAllocation(em, { organizationId: org.id, userId: user.id, period, hours: org.freiraumDefaultHours, now });
      const allocation = await this.repo.lockAllocation(em, user.id, period.key);
      const current = await this.repo.balanceOf(em, allocation, today);
      if (body.hours > current.left) {
        throw new DomainError(
          'conflict',
          `Only ${current.left} of ${current.allocated} hours are left in ${period.key} (${current.pending} pending, ${current.approved} approved); ${body.hours} requested`,
          [{ field: 'hours', message: `must be at most ${current.left} (hours left in ${period.key})` }],
        );
      }
      const id = await this.repo.insertRequest(em, {
        organizationId: org.id,
        userId: user.id,
        allocationId: allocation.id,
        slotDate: body.slotDate,
        hours: body.hours,
        purposeType: body.purposeType,
        exerciseId: body.purposeType === 'exercise' ? body.exerciseId! : null,
        useCaseId: body.purposeType === 'use_case' ? body.useCaseId! : null,
        purpose: body.purpose,
        status: 'pending',
        decidedBy: null,
        decisionNote: null,
        decidedAt: null,
        decidedAsManager: null,
        escalatedAt: null,
        createdAt: now,
      });
      await this.activity.record(em, {
        organizationId: org.id,
        userId: user.id,
        verb: 'freiraum.requested',
        objectType: 'freiraum_request',
        objectId: id,
        data: { hours: body.hours, slotDate: body.slotDate, purposeType: body.purposeType },
      });
      const row = (await this.repo.findRequest(em, org.id, id, await this.languageOf(em, user, org)))!;
      for (const decider of await this.decidersOf(em, org.id, row, today)) {
        await this.notifications.notifyWithEmail(em, {
          organizationId: org.id,
          userId: decider,
          type: 'freiraum_request_to_decide',
          data: { requestId: id, userId: user.id, slotDate: body.slotDate, hours: body.hours },
          mail: (lang) => this.mails.toDecide(lang, row.userName, body.slotDate, body.hours),
        });
      }
      return this.view(row, user, today, false);
    });
  }

  async get(user: AuthUser, id: string): Promise<RequestView> {
    const em = this.tx.manager;
    const org = await this.org(em, user.organizationId);
    const today = localDate(this.clock.now(), org.timeZone);
    const row = await this.repo.findRequest(em, org.id, id, await this.languageOf(em, user, org));
    if (!row) throw notFound('Request');
    const canDecide = row.userId !== user.id && (await this.mayDecide(em, user, row, today));
    if (row.userId !== user.id && !canDecide && !(await this.isDecisionPartyOf(em, user, row, today))) throw notFound('Request');
    return this.view(row, user, today, canDecide);
  }

  async cancel(user: AuthUser, id: string): Promise<RequestView> {
    return this.tx.run(async (em) => {
      const org = await this.org(em, user.organizationId);
      const now = this.clock.now();
      const today = localDate(now, org.timeZone);
      const request = await this.repo.lockRequest(em, org.id, id);
      if (!request || request.userId !== user.id) throw notFound('Request');
      const problem = transitionProblem(request.status, 'cancelled', request.slotDate, today);
      if (problem) throw new DomainError('invalid_transition', `This request cannot be cancelled: ${problem}`);
      const wasApproved = request.status === 'approved';
      await this.repo.updateRequest(em, id, { status: 'cancelled', decidedAt: now });
      await this.audit.record(em, {
        organizationId: org.id,
        actorId: user.id,
        action: 'freiraum.request.cancelled',
        targetType: 'freiraum_request',
        targetId: id,
        data: { from: request.status, hours: request.hours, slotDate: request.slotDate },
      });
      await this.activity.record(em, { organizationId: org.id, userId: user.id, verb: 'freiraum.cancelled', objectType: 'freiraum_request', objectId: id, data: { from: request.status } });
      const row = (await this.repo.findRequest(em, org.id, id, await this.languageOf(em, user, org)))!;
      // Whoever approved it planned around the absence; tell them it is off.
      if (wasApproved && request.decidedBy && request.decidedBy !== user.id) {
        await this.notifications.notify(em, {
          organizationId: org.id,
          userId: request.decidedBy,
          type: 'freiraum_request_cancelled',
          data: { requestId: id, userId: user.id, slotDate: request.slotDate, hours: request.hours },
        });
      }
      return this.view(row, user, today, false);
    });
  }

  async decide(user: AuthUser, id: string, body: FreiraumDecision & { note: string }): Promise<RequestView> {
    return this.tx.run((em) => this.decideIn(em, user, id, body));
  }

  /** Bulk approval: each request in its own transaction, so one refusal does not undo the others. */
  async decideMany(user: AuthUser, body: BulkDecision & { note: string }): Promise<BulkDecisionResult> {
    const results: BulkDecisionResult['results'] = [];
    for (const id of [...new Set(body.ids)]) {
      try {
        const request = await this.tx.run((em) => this.decideIn(em, user, id, { decision: body.decision, note: body.note }));
        results.push({ id, ok: true, request });
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        results.push({ id, ok: false, error: { code: err.code, message: err.message } });
      }
    }
    return { results };
  }

  private async decideIn(em: EntityManager, user: AuthUser, id: string, body: { decision: 'approved' | 'rejected'; note: string }): Promise<RequestView> {
    const org = await this.org(em, user.organizationId);
    const now = this.clock.now();
    const today = localDate(now, org.timeZone);
    const request = await this.repo.lockRequest(em, org.id, id);
    if (!request) throw notFound('Request');
    if (request.userId === user.id) throw forbidden('You cannot decide your own request');
    const before = (await this.repo.findRequest(em, org.id, id, 'de'))!;
    if (!(await this.mayDecide(em, user, before, today))) {
      // Someone who was a decision party (e.g. the delegate after the absence) learns why; others see nothing.
      if (await this.isDecisionPartyOf(em, user, before, today)) throw forbidden('You may not decide this request now');
      throw notFound('Request');
    }
    const problem = transitionProblem(request.status, body.decision, request.slotDate, today);
    if (problem) throw new DomainError('invalid_transition', `This request cannot be ${body.decision}: ${problem}`);
    // Stored with the decision: the leadership figure counts decisions made while the decider led a team.
    const decidedAsManager = await this.repo.hasActiveReports(em, org.id, user.id);
    await this.repo.updateRequest(em, id, { status: body.decision, decidedBy: user.id, decisionNote: body.note || null, decidedAt: now, decidedAsManager });
    await this.audit.record(em, {
      organizationId: org.id,
      actorId: user.id,
      action: `freiraum.request.${body.decision}`,
      targetType: 'freiraum_request',
      targetId: id,
      data: { userId: request.userId, hours: request.hours, slotDate: request.slotDate, escalated: request.escalatedAt !== null },
    });
    await this.activity.record(em, {
      organizationId: org.id,
      userId: user.id,
      verb: `freiraum.${body.decision}`,
      objectType: 'freiraum_request',
      objectId: id,
      data: { requesterId: request.userId, hours: request.hours, leadTimeMs: now.getTime() - request.createdAt.getTime() },
    });
    await this.notifications.notifyWithEmail(em, {
      organizationId: org.id,
      userId: request.userId,
      type: 'freiraum_request_decided',
      data: { requestId: id, decision: body.decision, slotDate: request.slotDate, hours: request.hours, decidedBy: user.id },
      mail: (lang) => this.mails.decided(lang, body.decision, request.slotDate, request.hours, body.note),
    });
    const row = (await this.repo.findRequest(em, org.id, id, await this.languageOf(em, user, org)))!;
    return this.view(row, user, today, false);
  }

  async calendar(user: AuthUser, id: string): Promise<{ fileName: string; body: string }> {
    const em = this.tx.manager;
    const org = await this.org(em, user.organizationId);
    const row = await this.repo.findRequest(em, org.id, id, await this.languageOf(em, user, org));
    if (!row || row.userId !== user.id) throw notFound('Request');
    if (row.status !== 'approved') throw new DomainError('conflict', `Only an approved slot can go into a calendar; this one is ${row.status}`);
    const [y, m, d] = row.slotDate.split('-').map(Number);
    const next = new Date(Date.UTC(y, m - 1, d + 1));
    // An all-day event: the request names a day and hours, not a time of day.
    const event = ics.createEvent({
      uid: `freiraum-${row.id}@freiraum`,
      title: `Freiraum: ${row.hours} h`,
      description: [row.purposeTitle, row.purpose].filter(Boolean).join('\n'),
      start: [y, m, d],
      end: [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()],
      status: 'CONFIRMED',
      categories: ['Freiraum'],
      productId: 'freiraum/ics',
    });
    if (event.error || !event.value) throw event.error ?? new Error('ICS could not be made');
    return { fileName: `freiraum-${row.slotDate}.ics`, body: event.value };
  }

  async inbox(user: AuthUser): Promise<{ items: InboxItem[] }> {
    const em = this.tx.manager;
    const org = await this.org(em, user.organizationId);
    const today = localDate(this.clock.now(), org.timeZone);
    const lang = await this.languageOf(em, user, org);
    const candidates = await this.repo.inboxCandidates(em, org.id, user.id, hasRole(user, 'hr', 'admin'), today, lang);
    const facts = await this.repo.decisionFacts(em, [...new Set(candidates.map((c) => c.userId))], today);
    // One query each for the organisation's HR people and the balances per period, whatever the inbox size.
    const hrIds = await this.repo.activeHrIds(em, org.id);
    const items = candidates.filter((c) =>
      mayDecideRequest(user, contextOf(c, facts.get(c.userId)), hrIds.some((id) => id !== c.userId)),
    );
    const away = await this.repo.teammatesAway(em, items);
    const balances = new Map<string, Balance>();
    for (const periodKey of new Set(items.map((i) => i.periodKey))) {
      const userIds = [...new Set(items.filter((i) => i.periodKey === periodKey).map((i) => i.userId))];
      const rows = await this.repo.balances(em, userIds, periodKey, org.freiraumDefaultHours, today);
      for (const id of userIds) balances.set(`${id}/${periodKey}`, pickBalance(rows.get(id), org.freiraumDefaultHours));
    }
    return {
      items: items.map((item) => ({
        ...this.view(item, user, today, true),
        context: { requesterBalance: balances.get(`${item.userId}/${item.periodKey}`)!, teammatesAway: away.get(item.id) ?? [] },
      })),
    };
  }

  // ---------- team and allocations ----------

  async team(user: AuthUser, periodKey?: string): Promise<TeamFreiraum> {
    const em = this.tx.manager;
    const org = await this.org(em, user.organizationId);
    const today = localDate(this.clock.now(), org.timeZone);
    const period = periodKey ? periodFromKey(periodKey) : { ...periodOf(today, org.freiraumPeriodKind), kind: org.freiraumPeriodKind };
    const reports = await this.repo.directReports(em, org.id, user.id);
    const balances = await this.repo.balances(em, reports.map((r) => r.id), period.key, org.freiraumDefaultHours, today);
    const members = reports.map((r) => {
      const b = balances.get(r.id);
      return { userId: r.id, name: r.name, balance: pickBalance(b, org.freiraumDefaultHours), customAllocation: b?.customAllocation ?? false };
    });
    const totals = members.reduce(
      (t, m) => ({
        allocated: t.allocated + m.balance.allocated,
        pending: t.pending + m.balance.pending,
        approved: t.approved + m.balance.approved,
        used: t.used + m.balance.used,
        left: t.left + m.balance.left,
      }),
      { allocated: 0, pending: 0, approved: 0, used: 0, left: 0 },
    );
    return { period, previousPeriod: shiftPeriod(period.key, -1), nextPeriod: shiftPeriod(period.key, 1), policy: toPolicy(org), members, totals };
  }

  async setAllocation(user: AuthUser, userId: string, body: SetAllocation): Promise<TeamFreiraum['members'][number]> {
    return this.tx.run(async (em) => {
      const org = await this.org(em, user.organizationId);
      const now = this.clock.now();
      const today = localDate(now, org.timeZone);
      const person = await this.repo.person(em, org.id, userId);
      if (!person || !person.active) throw notFound('Person');
      // The manager sets a report's allocation; for people without a manager, HR does.
      const mayAllocate = person.managerId ? person.managerId === user.id : hasRole(user, 'hr') && user.id !== userId;
      if (!mayAllocate) throw notFound('Person');
      const period = periodFromKey(body.period);
      const periodEnd = period.end;
      if (periodEnd <= today) throw badField('period', 'is already over');
      await this.repo.ensureAllocation(em, { organizationId: org.id, userId, period, hours: org.freiraumDefaultHours, now });
      const allocation = await this.repo.lockAllocation(em, userId, period.key);
      const current = await this.repo.balanceOf(em, allocation, today);
      const problem = allocationProblem(body.hours, current, org.freiraumMaxHours);
      if (problem) {
        const below = body.hours < current.pending + current.approved && body.hours <= org.freiraumMaxHours;
        if (below) throw conflict(`The allocation ${problem}`, [{ field: 'hours', message: problem }]);
        throw badField('hours', problem);
      }
      await this.repo.setAllocationHours(em, allocation.id, body.hours, user.id, now);
      await this.audit.record(em, {
        organizationId: org.id,
        actorId: user.id,
        action: 'freiraum.allocation.set',
        targetType: 'freiraum_allocation',
        targetId: allocation.id,
        data: { userId, period: period.key, from: allocation.hours, to: body.hours },
      });
      await this.activity.record(em, {
        organizationId: org.id,
        userId: user.id,
        verb: 'freiraum.allocation_set',
        objectType: 'freiraum_allocation',
        objectId: allocation.id,
        data: { userId, period: period.key, hours: body.hours },
      });
      return { userId, name: person.name, balance: { ...current, allocated: body.hours, left: body.hours - current.pending - current.approved }, customAllocation: true };
    });
  }

  // ---------- delegations ----------

  async delegations(user: AuthUser): Promise<{ given: Delegation[]; received: Delegation[] }> {
    const em = this.tx.manager;
    const org = await this.org(em, user.organizationId);
    const rows = await this.repo.delegations(em, org.id, user.id, localDate(this.clock.now(), org.timeZone));
    const toView = (d: (typeof rows)[number]): Delegation => ({ ...d, createdAt: d.createdAt.toISOString() });
    return { given: rows.filter((d) => d.managerId === user.id).map(toView), received: rows.filter((d) => d.delegateId === user.id).map(toView) };
  }

  async createDelegation(user: AuthUser, body: CreateDelegation): Promise<Delegation> {
    return this.tx.run(async (em) => {
      const org = await this.org(em, user.organizationId);
      const now = this.clock.now();
      const today = localDate(now, org.timeZone);
      if ((await this.repo.directReports(em, org.id, user.id)).length === 0) throw forbidden('Only a manager with reports can name a delegate');
      if (body.delegateId === user.id) throw badField('delegateId', 'must be someone other than you');
      const delegate = await this.repo.person(em, org.id, body.delegateId);
      if (!delegate || !delegate.active) throw badField('delegateId', 'is not an active person of your organisation');
      if (body.endsOn < today) throw badField('endsOn', 'must be today or later');
      const id = await this.repo.insertDelegation(em, { organizationId: org.id, managerId: user.id, delegateId: body.delegateId, startsOn: body.startsOn, endsOn: body.endsOn, createdAt: now });
      await this.audit.record(em, {
        organizationId: org.id,
        actorId: user.id,
        action: 'freiraum.delegation.created',
        targetType: 'freiraum_delegation',
        targetId: id,
        data: { delegateId: body.delegateId, startsOn: body.startsOn, endsOn: body.endsOn },
      });
      await this.notifications.notify(em, {
        organizationId: org.id,
        userId: body.delegateId,
        type: 'freiraum_delegation_received',
        data: { managerId: user.id, startsOn: body.startsOn, endsOn: body.endsOn },
      });
      const me = await this.repo.person(em, org.id, user.id);
      return { id, managerId: user.id, managerName: me!.name, delegateId: delegate.id, delegateName: delegate.name, startsOn: body.startsOn, endsOn: body.endsOn, createdAt: now.toISOString() };
    });
  }

  async deleteDelegation(user: AuthUser, id: string): Promise<{ ok: true }> {
    return this.tx.run(async (em) => {
      const found = await this.repo.findDelegation(em, user.organizationId, id);
      if (!found || found.managerId !== user.id) throw notFound('Delegation');
      await this.repo.deleteDelegation(em, id);
      await this.audit.record(em, {
        organizationId: user.organizationId,
        actorId: user.id,
        action: 'freiraum.delegation.removed',
        targetType: 'freiraum_delegation',
        targetId: id,
        data: { delegateId: found.delegateId },
      });
      return { ok: true as const };
    });
  }

  // ---------- escalation (scheduled) ----------

  /** Moves requests pending past the escalation days to the manager's manager (HR where there is none). */
  async escalate(now: Date): Promise<number> {
    return this.tx.run(async (em) => {
      const escalated = await this.repo.escalateDue(em, now);
      for (const r of escalated) {
        const org = await this.org(em, r.organizationId);
        const today = localDate(now, org.timeZone);
        const facts = (await this.repo.decisionFacts(em, [r.userId], today)).get(r.userId);
        const targets = facts?.managerId
          ? facts.managersManagerId
            ? [facts.managersManagerId]
            : await this.repo.fallbackDeciders(em, org.id, r.userId)
          : [];
        await this.audit.record(em, {
          organizationId: org.id,
          actorId: null,
          action: 'freiraum.request.escalated',
          targetType: 'freiraum_request',
          targetId: r.id,
          data: { userId: r.userId, to: targets },
        });
        await this.activity.record(em, { organizationId: org.id, userId: r.userId, verb: 'freiraum.escalated', objectType: 'freiraum_request', objectId: r.id, data: { to: targets } });
        const requester = await this.repo.person(em, org.id, r.userId);
        for (const target of targets) {
          await this.notifications.notifyWithEmail(em, {
            organizationId: org.id,
            userId: target,
            type: 'freiraum_request_escalated',
            data: { requestId: r.id, userId: r.userId, slotDate: r.slotDate, hours: r.hours },
            mail: (lang) => this.mails.escalated(lang, requester?.name ?? '', r.slotDate, r.hours, org.freiraumEscalationDays),
          });
        }
      }
      return escalated.length;
    });
  }

  // ---------- helpers ----------

  private async org(em: EntityManager, id: string): Promise<Organization> {
    return em.findOneByOrFail(Organization, { id });
  }

  private async languageOf(em: EntityManager, user: AuthUser, org: Organization): Promise<Language> {
    const person = await this.repo.person(em, org.id, user.id);
    return person?.language ?? org.defaultLanguage;
  }

  private async mayDecide(em: EntityManager, user: AuthUser, row: RequestRow, today: string): Promise<boolean> {
    const facts = (await this.repo.decisionFacts(em, [row.userId], today)).get(row.userId);
    return mayDecideRequest(user, contextOf(row, facts), await this.repo.hrExistsBesides(em, row.organizationId, row.userId));
  }

  /** People who may read a request without deciding it now: its decider, the requester's (past) manager line. */
  private async isDecisionPartyOf(em: EntityManager, user: AuthUser, row: RequestRow, today: string): Promise<boolean> {
    if (row.decidedBy === user.id) return true;
    const facts = (await this.repo.decisionFacts(em, [row.userId], today)).get(row.userId);
    return facts?.managerId === user.id || facts?.managersManagerId === user.id;
  }

  /** Who is told that a new request waits: the manager and today's delegates, else HR (else admins). */
  private async decidersOf(em: EntityManager, organizationId: string, row: RequestRow, today: string): Promise<string[]> {
    const facts = (await this.repo.decisionFacts(em, [row.userId], today)).get(row.userId);
    if (facts?.managerId) return [facts.managerId, ...facts.delegateIds.filter((d) => d !== row.userId)];
    return this.repo.fallbackDeciders(em, organizationId, row.userId);
  }

  private view(row: RequestRow, user: AuthUser, today: string, canDecide: boolean): RequestView {
    const own = row.userId === user.id;
    return {
      id: row.id,
      userId: row.userId,
      userName: row.userName,
      slotDate: row.slotDate,
      hours: row.hours,
      periodKey: row.periodKey,
      purposeType: row.purposeType,
      exerciseId: row.exerciseId,
      useCaseId: row.useCaseId,
      purposeTitle: row.purposeTitle,
      purpose: row.purpose,
      status: row.status,
      decidedBy: row.decidedBy,
      decidedByName: row.decidedByName,
      decisionNote: row.decisionNote,
      decidedAt: row.decidedAt ? new Date(row.decidedAt).toISOString() : null,
      escalatedAt: row.escalatedAt ? new Date(row.escalatedAt).toISOString() : null,
      createdAt: new Date(row.createdAt).toISOString(),
      canDecide: canDecide && row.status === 'pending',
      canCancel: own && transitionProblem(row.status, 'cancelled', row.slotDate, today) === null,
      hasJournalEntry: row.hasJournalEntry,
    };
  }
}

function toPolicy(org: Organization): FreiraumPolicy {
  return {
    periodKind: org.freiraumPeriodKind,
    defaultHours: Number(org.freiraumDefaultHours),
    maxHours: Number(org.freiraumMaxHours),
    escalationDays: org.freiraumEscalationDays,
  };
}

function pickBalance(b: Balance | undefined, defaultHours: number): Balance {
  if (!b) return emptyBalance({ allocatedHours: defaultHours, requests: [], today: '' });
  return { allocated: b.allocated, pending: b.pending, approved: b.approved, used: b.used, left: b.left };
}

function contextOf(row: { userId: string; escalatedAt: Date | null }, facts: DecisionFacts | undefined) {
  return {
    requesterId: row.userId,
    managerId: facts?.managerId ?? null,
    delegateIds: facts?.delegateIds ?? [],
    managersManagerId: facts?.managersManagerId ?? null,
    escalated: row.escalatedAt !== null,
  };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
