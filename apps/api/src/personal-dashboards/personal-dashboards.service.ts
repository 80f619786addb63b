import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { HomeDashboard, PathList, TeamDashboard } from '@freiraum/contracts';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/time/clock.js';
import { forbidden } from '../common/errors/domain-error.js';
import { Tx } from '../database/transaction.js';
import { LearningService } from '../learning/learning.service.js';
import { FreiraumService } from '../freiraum/freiraum.service.js';
import { localDate } from '../learning/assignment.policy.js';
import { pathProgress } from '../learning/progress.policy.js';
import {
  PersonalDashboardsRepository,
  type AssignmentRow,
  type PathRow,
  type ReportRow,
} from './personal-dashboards.repository.js';
import {
  ACTIVITY_VERBS,
  dashboardPath,
  nextStepOf,
  overdueCount,
  teamCompletion,
  visibleLastActivity,
} from './personal-dashboards.policy.js';

const FEEDBACK_LIMIT = 5;
const JOURNAL_LIMIT = 3;

interface Progress {
  path: PathRow | null;
  done: number;
  total: number;
}

// The employee's home and the manager's team dashboard (PRODUCT.md §4). Progress and balances come from the
// learning and Freiraum services, so the rules live in one place. Reads only, and no transaction: those
// services query through their own manager, which inside a transaction would wait on PGlite's one connection.
@Injectable()
export class PersonalDashboardsService {
  constructor(
    private readonly tx: Tx,
    private readonly repo: PersonalDashboardsRepository,
    private readonly clock: Clock,
    private readonly learning: LearningService,
    private readonly freiraum: FreiraumService,
  ) {}

  async home(user: AuthUser): Promise<HomeDashboard> {
    const em = this.tx.manager;
    const chosen = ownPath((await this.learning.listPaths(user)).items);
    const overview = chosen ? await this.learning.pathOverview(user, chosen.slug) : null;
    const next = overview ? nextStepOf(overview.nextModule, overview.modules) : null;
    const mine = await this.freiraum.mine(user);
    const feedback = await this.repo.recentFeedback(em, user.organizationId, user.id, FEEDBACK_LIMIT);
    const journal = await this.repo.recentJournal(em, user.organizationId, user.id, JOURNAL_LIMIT);
    return {
      path: overview
        ? {
            pathId: overview.id,
            slug: overview.slug,
            titleDe: overview.title.de,
            titleEn: overview.title.en,
            modulesDone: overview.completed,
            modulesTotal: overview.total,
          }
        : null,
      nextStep: next
        ? {
            moduleSlug: next.module.slug,
            titleDe: next.module.title.de,
            titleEn: next.module.title.en,
            started: next.started,
            minutes: next.module.minutes,
          }
        : null,
      freiraum: { period: mine.period, balance: mine.balance },
      recentFeedback: feedback.map((f) => ({
        id: f.id,
        kind: f.kind,
        subject: f.subject,
        // A journal entry has no bilingual title: its goal stands for it in both languages.
        titleDe: f.title?.de ?? f.goal ?? '',
        titleEn: f.title?.en ?? f.goal ?? '',
        moduleSlug: f.subject === 'exercise' ? f.module_slug : null,
        passed: f.kind === 'graded' ? f.passed : null,
        flagStatus: f.kind === 'flag' ? f.flag_status : null,
        note: f.note,
        at: new Date(f.at).toISOString(),
      })),
      recentJournal: journal.map((j) => ({
        id: j.id,
        goal: j.goal,
        outcome: j.outcome,
        visibility: j.visibility,
        kudosCount: j.kudos_count,
        createdAt: new Date(j.created_at).toISOString(),
      })),
    };
  }

  async team(user: AuthUser): Promise<TeamDashboard> {
    const em = this.tx.manager;
    const reports = await this.repo.directReports(em, user.organizationId, user.id);
    // "Manager" is a fact (PRODUCT.md §4), not a stored role: someone with at least one active direct report.
    if (!reports.length) throw forbidden('Only managers with direct reports have a team dashboard');
    const org = await this.repo.organization(em, user.organizationId);
    const today = localDate(this.clock.now(), org.timeZone);
    const ids = reports.map((r) => r.id);

    const assignments = await this.repo.assignments(em, user.organizationId, ids);
    const progress = await this.progressOf(em, user.organizationId, reports, assignments);
    const lastActive = org.managersSeeLastActivity
      ? await this.repo.lastActivity(em, user.organizationId, ids, ACTIVITY_VERBS)
      : new Map<string, Date>();
    const freiraum = await this.freiraum.team(user);
    const balances = new Map(freiraum.members.map((m) => [m.userId, m.balance]));
    const inbox = await this.freiraum.inbox(user);
    const waiting = await this.repo.waitingForManager(em, user.organizationId, user.id);
    const ownList = await this.learning.listPaths(user);
    const own = ownPath(ownList.items);

    const members = reports
      // Someone who stopped being a report between the two reads is left out rather than shown without hours.
      .filter((r) => balances.has(r.id))
      .map((r) => {
        const p = progress.get(r.id)!;
        return {
          userId: r.id,
          name: r.name,
          pathTitleDe: p.path?.title.de ?? null,
          pathTitleEn: p.path?.title.en ?? null,
          modulesDone: p.done,
          modulesTotal: p.total,
          overdueAssignments: overdueCount(
            assignments.filter((a) => a.user_id === r.id).map((a) => ({ dueDate: a.due_date, complete: a.complete })),
            today,
          ),
          lastActiveAt: visibleLastActivity(org.managersSeeLastActivity, lastActive.get(r.id)),
          freiraum: balances.get(r.id)!,
        };
      });
    return {
      period: freiraum.period,
      showsLastActivity: org.managersSeeLastActivity,
      members,
      pendingApprovals: inbox.items.length,
      pendingReviews: waiting.pendingReviews,
      openFlags: waiting.openFlags,
      freiraum: freiraum.totals,
      own: {
        pathSlug: own?.slug ?? null,
        pathTitleDe: own?.title.de ?? null,
        pathTitleEn: own?.title.en ?? null,
        modulesDone: own?.completed ?? 0,
        modulesTotal: own?.total ?? 0,
      },
      teamCompletion: teamCompletion(members),
    };
  }

  /**
   * Modules done of each report's path, by the learning feature's own roll-up (progress.policy), with a fixed
   * number of queries for the whole team.
   */
  private async progressOf(
    em: EntityManager,
    organizationId: string,
    reports: ReportRow[],
    assignments: AssignmentRow[],
  ): Promise<Map<string, Progress>> {
    const ids = reports.map((r) => r.id);
    const paths = await this.repo.enabledPaths(em, organizationId);
    const chosen = new Map(
      reports.map((r) => [
        r.id,
        dashboardPath(
          paths,
          r.track_slug,
          new Set(assignments.filter((a) => a.user_id === r.id).map((a) => a.path_id)),
        ),
      ]),
    );
    const pathIds = [...new Set([...chosen.values()].filter((p) => p !== null).map((p) => p.id))];
    const pathModules = await this.repo.pathModules(em, pathIds);
    const required = await this.repo.requiredExercises(em, [...new Set(pathModules.map((m) => m.module_id))]);
    const passed = await this.repo.passedExercises(
      em,
      organizationId,
      ids,
      required.map((i) => i.id),
    );
    const completions = await this.repo.completions(em, organizationId, ids);

    return new Map(
      reports.map((r): [string, Progress] => {
        const path = chosen.get(r.id) ?? null;
        if (!path) return [r.id, { path: null, done: 0, total: 0 }];
        const passedIds = new Set(passed.filter((p) => p.user_id === r.id).map((p) => p.item_id));
        const own = completions.filter((c) => c.user_id === r.id);
        const completedAt = new Map(own.map((c) => [c.module_id, new Date(c.completed_at)]));
        const result = pathProgress(
          pathModules
            .filter((m) => m.path_id === path.id)
            .map((m) => ({
              slug: m.slug,
              prerequisites: m.prerequisites,
              input: {
                requiredExerciseIds: required.filter((i) => i.module_id === m.module_id).map((i) => i.id),
                passedExerciseIds: passedIds,
                // Whether a module is started changes its status, not the count of completed modules.
                started: false,
                completedAt: completedAt.get(m.module_id) ?? null,
              },
            })),
          new Set(own.map((c) => c.slug)),
        );
        return [r.id, { path, done: result.completed, total: result.total }];
      }),
    );
  }
}

/** The learning page's list picked the same way as for reports: own track's path, else the first assigned. */
function ownPath(items: PathList['items']) {
  const ownTrack = items.find((p) => p.isOwnTrack)?.trackSlug ?? null;
  return dashboardPath(items, ownTrack, new Set(items.filter((p) => p.assigned).map((p) => p.id)));
}
