import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  OTHER_TOOL_ID,
  type CreateJournalEntry,
  type JournalEntry as JournalEntryView,
  type Outcome,
  type PromoteEntry,
  type UseCase as UseCaseView,
  type Visibility,
} from '@freiraum/contracts';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/time/clock.js';
import { badField, conflict, forbidden, notFound } from '../common/errors/domain-error.js';
import { Tx } from '../database/transaction.js';
import { AuditService } from '../audit/audit.service.js';
import { ActivityService } from '../activity/activity.service.js';
import { NotificationService } from '../notifications/notification.service.js';
import { GovernanceService } from '../governance/governance.service.js';
import type { GovernanceFlag } from '../governance/governance-flag.entity.js';
import type { JournalEntry } from './journal-entry.entity.js';
import { JournalRepository, type EntryRow, type UseCaseFilter, type UseCaseRow } from './journal.repository.js';
import { kudosCheck, maySeeEntry, mayShare, promoteCheck, shareBlockedReason } from './journal.policy.js';

/** Shown instead of the name of an author who was erased (PRODUCT.md §6). */
export const FORMER_COLLEAGUE = 'former colleague';

const SUBJECT = 'journal_entry';

type CreateInput = Omit<CreateJournalEntry, 'visibility'> & { visibility: Visibility };

// The experiment journal, kudos, the shared feed and the use-case library (PRODUCT.md §3).
@Injectable()
export class JournalService {
  constructor(
    private readonly tx: Tx,
    private readonly repo: JournalRepository,
    private readonly clock: Clock,
    private readonly governance: GovernanceService,
    private readonly activity: ActivityService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
  ) {}

  async create(user: AuthUser, body: CreateInput): Promise<JournalEntryView> {
    return this.tx.run(async (em) => {
      const org = user.organizationId;
      const policy = await this.repo.aiPolicy(em, org);
      let toolName: string;
      if (body.toolId === OTHER_TOOL_ID) toolName = body.toolName!;
      else {
        const tool = policy.tools.find((t) => t.id === body.toolId);
        if (!tool) {
          const known = [...policy.tools.map((t) => t.id), OTHER_TOOL_ID].join(', ');
          throw badField('toolId', `is not a tool of the AI policy (choose one of: ${known})`);
        }
        toolName = tool.name;
      }
      if (body.requestId) await this.checkRequest(em, user, body.requestId);

      const now = this.clock.now();
      // Saved private first: the flag check needs the entry's id, and decides whether it may be shared.
      const entry = await this.repo.insertEntry(em, {
        organizationId: org,
        userId: user.id,
        requestId: body.requestId ?? null,
        goal: body.goal,
        toolId: body.toolId,
        toolName,
        dataClass: body.dataClass,
        outcome: body.outcome,
        minutesSaved: body.minutesSaved,
        learned: body.learned,
        visibility: 'private',
        sharedAt: null,
        createdAt: now,
      });
      const flag = await this.governance.checkAndFlag(em, {
        organizationId: org,
        userId: user.id,
        subjectType: SUBJECT,
        subjectId: entry.id,
        toolId: body.toolId,
        toolName,
        dataClass: body.dataClass,
      });
      await this.activity.record(em, {
        organizationId: org,
        userId: user.id,
        verb: 'journal.logged',
        objectType: SUBJECT,
        objectId: entry.id,
        data: {
          outcome: entry.outcome,
          toolId: entry.toolId,
          dataClass: entry.dataClass,
          minutesSaved: entry.minutesSaved,
          requestId: entry.requestId,
          flagged: flag !== null,
        },
      });
      // A flagged entry is kept (nothing is silently dropped) but stays private; the response says why.
      if (body.visibility !== 'private' && flag === null) await this.applyVisibility(em, user, entry, body.visibility);
      return this.entryView(em, user, entry.id);
    });
  }

  async listOwn(
    user: AuthUser,
    page: { limit: number; offset: number },
  ): Promise<{ items: JournalEntryView[]; total: number }> {
    const em = this.tx.manager;
    const { rows, total } = await this.repo.entries(em, {
      organizationId: user.organizationId,
      viewerId: user.id,
      filter: { kind: 'own' },
      ...page,
    });
    return { items: await this.views(em, user, rows), total };
  }

  async feed(
    user: AuthUser,
    query: { scope: 'all' | 'team'; outcome?: Outcome; limit: number; offset: number },
  ): Promise<{ items: JournalEntryView[]; total: number }> {
    const em = this.tx.manager;
    const { rows, total } = await this.repo.entries(em, {
      organizationId: user.organizationId,
      viewerId: user.id,
      filter: { kind: 'feed', scope: query.scope, outcome: query.outcome },
      limit: query.limit,
      offset: query.offset,
    });
    return { items: await this.views(em, user, rows), total };
  }

  async get(user: AuthUser, id: string): Promise<JournalEntryView> {
    const em = this.tx.manager;
    const row = await this.visibleRow(em, user, id);
    return (await this.views(em, user, [row]))[0];
  }

  async setVisibility(user: AuthUser, id: string, visibility: Visibility): Promise<JournalEntryView> {
    return this.tx.run(async (em) => {
      const entry = await this.repo.entryForUpdate(em, user.organizationId, id);
      if (!entry) throw notFound('Journal entry');
      if (entry.userId !== user.id) {
        // Colleagues it is shared with learn that only the author decides; anyone else learns nothing.
        await this.visibleRow(em, user, id);
        throw forbidden('Only the author can change who sees a journal entry');
      }
      if (visibility !== 'private') {
        const flag = (await this.governance.flagsFor(em, SUBJECT, [entry.id])).get(entry.id) ?? null;
        if (!mayShare(flag?.status ?? null)) {
          const why = shareBlockedReason(flag, entry.toolName, entry.dataClass)!;
          throw conflict(`This entry cannot be shared: ${why}`, [{ field: 'visibility', message: why }]);
        }
      }
      if (entry.visibility !== visibility) await this.applyVisibility(em, user, entry, visibility);
      return this.entryView(em, user, entry.id);
    });
  }

  async giveKudos(user: AuthUser, entryId: string): Promise<{ kudosCount: number; kudosByMe: boolean }> {
    return this.tx.run(async (em) => {
      const row = await this.kudosTarget(em, user, entryId);
      const added = await this.repo.addKudos(em, {
        organizationId: user.organizationId,
        entryId,
        userId: user.id,
        createdAt: this.clock.now(),
      });
      // A second kudos by the same person changes nothing and notifies nobody again.
      if (added) {
        await this.activity.record(em, {
          organizationId: user.organizationId,
          userId: user.id,
          verb: 'kudos.given',
          objectType: SUBJECT,
          objectId: entryId,
        });
        await this.notifications.notify(em, {
          organizationId: user.organizationId,
          userId: row.userId,
          type: 'kudos_received',
          data: { entryId, fromUserId: user.id },
        });
      }
      return this.repo.kudosState(em, entryId, user.id);
    });
  }

  async withdrawKudos(user: AuthUser, entryId: string): Promise<{ kudosCount: number; kudosByMe: boolean }> {
    return this.tx.run(async (em) => {
      await this.kudosTarget(em, user, entryId);
      if (await this.repo.removeKudos(em, user.organizationId, entryId, user.id)) {
        await this.activity.record(em, {
          organizationId: user.organizationId,
          userId: user.id,
          verb: 'kudos.withdrawn',
          objectType: SUBJECT,
          objectId: entryId,
        });
      }
      return this.repo.kudosState(em, entryId, user.id);
    });
  }

  async promote(user: AuthUser, body: PromoteEntry): Promise<UseCaseView> {
    return this.tx.run(async (em) => {
      // Locked so that two promotions of one entry cannot both pass the "once" check.
      const entry = await this.repo.entryForUpdate(em, user.organizationId, body.entryId);
      if (!entry) throw notFound('Journal entry');
      const row = await this.row(em, user, entry.id);
      const author = { id: row.userId, managerId: row.authorManagerId };
      const flag = (await this.governance.flagsFor(em, SUBJECT, [entry.id])).get(entry.id) ?? null;
      const check = promoteCheck(user, author, {
        authorId: row.userId,
        visibility: row.visibility,
        flagStatus: flag?.status ?? null,
        promoted: row.useCaseId !== null,
      });
      // Someone who may neither promote nor see the entry does not learn that it exists.
      if (check === 'forbidden' && !maySeeEntry(user, author, { authorId: row.userId, visibility: row.visibility }))
        throw notFound('Journal entry');
      switch (check) {
        case 'forbidden':
          throw forbidden(
            user.id === row.userId
              ? 'You cannot promote your own entry; your manager or HR can'
              : "Only the author's manager or HR can promote an entry to the use-case library",
          );
        case 'not_shared':
          throw conflict('Only entries shared with the team or the organisation can be promoted', [
            { field: 'entryId', message: 'is not shared' },
          ]);
        case 'flagged':
          throw conflict('An entry with an open or confirmed AI-policy flag cannot be promoted', [
            { field: 'entryId', message: 'has an AI-policy flag' },
          ]);
        case 'already_promoted':
          throw conflict('This entry is already in the use-case library', [
            { field: 'entryId', message: 'is already promoted' },
          ]);
        case 'ok':
          break;
      }
      const placement = await this.repo.authorPlacement(em, user.organizationId, entry.userId);
      const useCase = await this.repo.insertUseCase(em, {
        organizationId: user.organizationId,
        entryId: entry.id,
        title: body.title,
        summary: body.summary,
        trackId: placement.trackId,
        departmentId: placement.departmentId,
        promotedBy: user.id,
        createdAt: this.clock.now(),
      });
      await this.activity.record(em, {
        organizationId: user.organizationId,
        userId: user.id,
        verb: 'use_case.promoted',
        objectType: 'use_case',
        objectId: useCase.id,
        data: { entryId: entry.id, authorId: entry.userId },
      });
      await this.audit.record(em, {
        organizationId: user.organizationId,
        actorId: user.id,
        action: 'use_case.promoted',
        targetType: 'use_case',
        targetId: useCase.id,
        data: {
          entryId: entry.id,
          authorId: entry.userId,
          trackId: placement.trackId,
          departmentId: placement.departmentId,
        },
      });
      await this.notifications.notify(em, {
        organizationId: user.organizationId,
        userId: entry.userId,
        type: 'use_case_promoted',
        data: { useCaseId: useCase.id, entryId: entry.id, fromUserId: user.id },
      });
      return this.useCaseView(em, user, useCase.id);
    });
  }

  async listUseCases(
    user: AuthUser,
    query: UseCaseFilter & { limit: number; offset: number },
  ): Promise<{ items: UseCaseView[]; total: number }> {
    const { limit, offset, ...filter } = query;
    const { rows, total } = await this.repo.useCases(this.tx.manager, {
      organizationId: user.organizationId,
      viewerId: user.id,
      filter,
      limit,
      offset,
    });
    return { items: rows.map(toUseCase), total };
  }

  getUseCase(user: AuthUser, id: string): Promise<UseCaseView> {
    return this.useCaseView(this.tx.manager, user, id);
  }

  // ---------- helpers ----------

  /** The linked request must be the caller's own, approved, and not yet reported on. */
  private async checkRequest(em: EntityManager, user: AuthUser, requestId: string): Promise<void> {
    const request = await this.repo.request(em, user.organizationId, requestId);
    // Someone else's request reads like a missing one.
    if (!request || request.userId !== user.id) throw badField('requestId', 'is not one of your Freiraum requests');
    if (request.status !== 'approved') {
      throw conflict(`Only an approved Freiraum request can be linked; this one is ${request.status}`, [
        { field: 'requestId', message: `must be an approved request (it is ${request.status})` },
      ]);
    }
    if (await this.repo.entryForRequest(em, user.organizationId, requestId)) {
      throw conflict('This Freiraum request already has a journal entry', [
        { field: 'requestId', message: 'already has a journal entry' },
      ]);
    }
  }

  private async applyVisibility(
    em: EntityManager,
    user: AuthUser,
    entry: JournalEntry,
    visibility: Visibility,
  ): Promise<void> {
    const from = entry.visibility;
    entry.visibility = visibility;
    // The first share is what dashboards count as "experiment shared" (dashboards/rollup.policy.ts).
    const firstShare = visibility !== 'private' && entry.sharedAt === null;
    if (firstShare) entry.sharedAt = this.clock.now();
    await this.repo.saveEntry(em, entry);
    await this.activity.record(em, {
      organizationId: user.organizationId,
      userId: user.id,
      verb: visibility === 'private' ? 'journal.unshared' : 'journal.shared',
      objectType: SUBJECT,
      objectId: entry.id,
      data: { from, to: visibility, firstShare },
    });
    await this.audit.record(em, {
      organizationId: user.organizationId,
      actorId: user.id,
      action: 'journal.visibility_changed',
      targetType: SUBJECT,
      targetId: entry.id,
      data: { from, to: visibility },
    });
  }

  private async row(em: EntityManager, user: AuthUser, id: string): Promise<EntryRow> {
    const [row] = (
      await this.repo.entries(em, {
        organizationId: user.organizationId,
        viewerId: user.id,
        filter: { kind: 'id', id },
      })
    ).rows;
    if (!row) throw notFound('Journal entry');
    return row;
  }

  /** Shared with the caller, and not held back by an open or confirmed flag. */
  private async sharedWith(em: EntityManager, user: AuthUser, row: EntryRow): Promise<boolean> {
    if (
      !maySeeEntry(
        user,
        { id: row.userId, managerId: row.authorManagerId },
        { authorId: row.userId, visibility: row.visibility },
      )
    )
      return false;
    if (row.userId === user.id) return true;
    const flag = (await this.governance.flagsFor(em, SUBJECT, [row.id])).get(row.id) ?? null;
    return mayShare(flag?.status ?? null);
  }

  /** The entry if the caller may see it; 404 otherwise, like a missing one. */
  private async visibleRow(em: EntityManager, user: AuthUser, id: string): Promise<EntryRow> {
    const row = await this.row(em, user, id);
    if (!(await this.sharedWith(em, user, row))) throw notFound('Journal entry');
    return row;
  }

  /** Kudos go to others' entries shared with the caller: own entry 403, anything unseen 404. */
  private async kudosTarget(em: EntityManager, user: AuthUser, entryId: string): Promise<EntryRow> {
    const row = await this.row(em, user, entryId);
    const check = kudosCheck(
      user,
      { id: row.userId, managerId: row.authorManagerId },
      { authorId: row.userId, visibility: row.visibility },
    );
    if (check === 'own_entry') throw forbidden('You cannot give kudos to your own entry');
    if (check === 'not_visible' || !(await this.sharedWith(em, user, row))) throw notFound('Journal entry');
    return row;
  }

  private async entryView(em: EntityManager, user: AuthUser, id: string): Promise<JournalEntryView> {
    const { rows } = await this.repo.entries(em, {
      organizationId: user.organizationId,
      viewerId: user.id,
      filter: { kind: 'id', id },
    });
    return (await this.views(em, user, rows))[0];
  }

  private async views(em: EntityManager, user: AuthUser, rows: EntryRow[]): Promise<JournalEntryView[]> {
    const flags = await this.governance.flagsFor(
      em,
      SUBJECT,
      rows.map((r) => r.id),
    );
    return rows.map((r) => toEntry(user, r, flags.get(r.id) ?? null));
  }

  private async useCaseView(em: EntityManager, user: AuthUser, id: string): Promise<UseCaseView> {
    const { rows } = await this.repo.useCases(em, {
      organizationId: user.organizationId,
      viewerId: user.id,
      filter: { id },
    });
    if (!rows[0]) throw notFound('Use case');
    return toUseCase(rows[0]);
  }
}

function toEntry(viewer: AuthUser, r: EntryRow, flag: GovernanceFlag | null): JournalEntryView {
  const own = viewer.id === r.userId;
  const author = { id: r.userId, managerId: r.authorManagerId };
  const facts = { authorId: r.userId, visibility: r.visibility };
  return {
    id: r.id,
    userId: r.userId,
    authorName: r.authorName ?? FORMER_COLLEAGUE,
    requestId: r.requestId,
    goal: r.goal,
    toolId: r.toolId,
    toolName: r.toolName,
    dataClass: r.dataClass,
    outcome: r.outcome,
    minutesSaved: r.minutesSaved,
    learned: r.learned,
    visibility: r.visibility,
    // The flag and its note are between the author and their manager, not the audience.
    flag:
      own && flag
        ? {
            id: flag.id,
            status: flag.status,
            reason: flag.reason as 'unlisted_tool' | 'class_not_allowed',
            decisionNote: flag.decisionNote,
          }
        : null,
    shareBlockedReason: own ? shareBlockedReason(flag, r.toolName, r.dataClass) : null,
    kudosCount: r.kudosCount,
    kudosByMe: r.kudosByMe,
    useCaseId: r.useCaseId,
    createdAt: r.createdAt.toISOString(),
    canGiveKudos: kudosCheck(viewer, author, facts) === 'ok' && mayShare(flag?.status ?? null),
    canPromote:
      promoteCheck(viewer, author, { ...facts, flagStatus: flag?.status ?? null, promoted: r.useCaseId !== null }) ===
      'ok',
  };
}

function toUseCase(r: UseCaseRow): UseCaseView {
  return {
    ...r,
    authorName: r.authorName ?? FORMER_COLLEAGUE,
    promotedByName: r.promotedByName ?? FORMER_COLLEAGUE,
    createdAt: r.createdAt.toISOString(),
  };
}
