import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  AttemptResult,
  AttemptSummary,
  ModuleCard,
  ModuleDetail,
  PathList,
  PathOverview,
  ReviewDecision,
  ReviewQueueItem,
  SubmitAttempt,
} from '@freiraum/contracts';
import { AnswerError, type ExerciseContent } from '@freiraum/content';
import { GovernanceService } from '../governance/governance.service.js';
import { NotificationService } from '../notifications/notification.service.js';
import { CertificatesService } from '../certificates/certificates.service.js';
import { LearningMails } from './learning-mails.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/time/clock.js';
import { DomainError, notFound } from '../common/errors/domain-error.js';
import { Tx } from '../database/transaction.js';
import { ActivityService } from '../activity/activity.service.js';
import { Organization } from '../organizations/organization.entity.js';
import type { LearningItem, LearningModule, LearningPath } from './learning-content.entity.js';
import { ExerciseAttempt } from './learning-progress.entity.js';
import { LearningRepository, type LearnerState } from './learning.repository.js';
import { moduleProgress, pathProgress, type ModuleStatus } from './progress.policy.js';
import { gradeAttempt, parsePractice } from './grading.policy.js';
import { publicExerciseBody, renderLessonBody } from './exercise-view.js';

@Injectable()
export class LearningService {
  constructor(
    private readonly tx: Tx,
    private readonly repo: LearningRepository,
    private readonly activity: ActivityService,
    private readonly clock: Clock,
    private readonly governance: GovernanceService,
    private readonly notifications: NotificationService,
    private readonly certificates: CertificatesService,
    private readonly mails: LearningMails,
  ) {}

  async listPaths(user: AuthUser): Promise<PathList> {
    const overviews = await this.overviews(this.tx.manager, user, null);
    return { items: overviews.map(({ modules: _modules, ...summary }) => summary) };
  }

  async pathOverview(user: AuthUser, slug: string): Promise<PathOverview> {
    const [overview] = await this.overviews(this.tx.manager, user, slug);
    if (!overview) throw notFound('Learning path');
    return overview;
  }

  /** One bounded set of queries for any number of paths and modules (the path overview's budget). */
  private async overviews(em: EntityManager, user: AuthUser, onlySlug: string | null): Promise<PathOverview[]> {
    let paths = await this.repo.enabledPaths(em, user.organizationId);
    if (onlySlug) paths = paths.filter((p) => p.slug === onlySlug);
    if (!paths.length) return [];
    const ownTrack = await this.repo.userTrackSlug(em, user.id);
    const pathModules = await this.repo.pathModules(em, paths.map((p) => p.id));
    const moduleIds = [...new Set(pathModules.map((m) => m.id))];
    const items = await this.repo.currentItems(em, moduleIds);
    const state = await this.repo.learnerState(em, user.id, moduleIds);
    const completedSlugs = await this.repo.completedModuleSlugs(em, user.id);
    const assignments = await this.repo.assignments(em, user.id);
    // Own track first, then assigned paths, then the rest.
    const rank = (p: LearningPath) => (p.trackSlug === ownTrack ? 0 : assignments.has(p.id) ? 1 : 2);
    const sorted = [...paths].sort((a, b) => rank(a) - rank(b));
    return sorted.map((path) => {
      const modules = pathModules.filter((m) => m.pathId === path.id);
      const progress = pathProgress(
        modules.map((m) => ({ slug: m.slug, prerequisites: m.prerequisites, input: this.moduleInput(m, items, state) })),
        completedSlugs,
      );
      return {
        ...this.pathFields(path),
        isOwnTrack: path.trackSlug === ownTrack,
        assigned: assignments.has(path.id),
        dueDate: assignments.get(path.id) ?? null,
        completed: progress.completed,
        total: progress.total,
        status: progress.status,
        nextModule: progress.nextModule,
        modules: modules.map((m, i) => this.card(m, progress.modules[i])),
      };
    });
  }

  async moduleDetail(user: AuthUser, slug: string): Promise<ModuleDetail> {
    const em = this.tx.manager;
    const module = await this.offeredModule(em, user, slug);
    const items = await this.repo.currentItems(em, [module.id]);
    const state = await this.repo.learnerState(em, user.id, [module.id]);
    const completed = await this.repo.completedModuleSlugs(em, user.id);
    const missing = module.prerequisites.filter((p) => !completed.has(p));
    const prereqModules = await this.repo.modulesBySlugs(em, missing);
    const progress = moduleProgress({ ...this.moduleInput(module, items, state), prerequisitesComplete: missing.length === 0 });
    const lastAttempts = await this.repo.lastAttempts(em, user.id, items.filter((i) => i.kind === 'exercise').map((i) => i.id));
    const org = await em.findOneByOrFail(Organization, { id: user.organizationId });
    return {
      ...this.card(module, progress),
      missingPrerequisites: prereqModules.map((m) => ({ slug: m.slug, title: m.title })),
      items: items.map((item) => {
        const last = lastAttempts.get(item.id);
        if (item.kind === 'lesson') {
          const lesson = item.content as { title: { de: string; en: string }; body: { de: string; en: string } };
          return {
            id: item.id,
            slug: item.slug,
            kind: 'lesson' as const,
            lesson: { title: lesson.title, body: renderLessonBody(lesson.body, org.aiPolicy), read: state.readItemIds.has(item.id) },
            exercise: null,
            passed: false,
            lastAttempt: null,
          };
        }
        const exercise = item.content as unknown as ExerciseContent;
        return {
          id: item.id,
          slug: item.slug,
          kind: 'exercise' as const,
          lesson: null,
          exercise: { type: exercise.type, title: exercise.title, required: item.required, body: publicExerciseBody(exercise) },
          passed: state.passedItemIds.has(item.id),
          lastAttempt: last ? attemptSummary(last) : null,
        };
      }),
    };
  }

  async readLesson(user: AuthUser, itemId: string): Promise<void> {
    await this.tx.run(async (em) => {
      const item = await this.repo.item(em, itemId);
      if (!item || item.kind !== 'lesson' || item.retiredAt || !(await this.repo.moduleIsOffered(em, item.moduleId, user.organizationId))) {
        throw notFound('Lesson');
      }
      const first = await this.repo.recordRead(em, {
        organizationId: user.organizationId,
        userId: user.id,
        itemId,
        contentVersion: item.version,
        readAt: this.clock.now(),
      });
      if (first) {
        await this.activity.record(em, { organizationId: user.organizationId, userId: user.id, verb: 'lesson.read', objectType: 'lesson', objectId: itemId });
      }
    });
  }

  async submitAttempt(user: AuthUser, itemId: string, body: SubmitAttempt): Promise<AttemptResult> {
    return this.tx.run(async (em) => {
      const item = await this.repo.item(em, itemId);
      if (!item || item.kind !== 'exercise' || !(await this.repo.moduleIsOffered(em, item.moduleId, user.organizationId))) {
        throw notFound('Exercise');
      }
      if (item.retiredAt) throw new DomainError('conflict', 'This exercise was retired from the module and takes no new attempts');
      const [module] = await em.query(`SELECT prerequisites FROM learning_modules WHERE id = $1`, [item.moduleId]);
      const completed = await this.repo.completedModuleSlugs(em, user.id);
      const missing = (module.prerequisites as string[]).filter((p) => !completed.has(p));
      if (missing.length) {
        throw new DomainError('conflict', `The module is locked until these modules are complete: ${missing.join(', ')}`, [
          { field: 'module', message: `locked: complete ${missing.join(', ')} first` },
        ]);
      }
      const exercise = item.content as unknown as ExerciseContent;
      if (exercise.type === 'practice') return this.submitPractice(em, user, item, body);
      let graded;
      try {
        graded = gradeAttempt(exercise, body.language, body.answer);
      } catch (err) {
        throw asValidationError(err);
      }
      const now = this.clock.now();
      const attempt = await this.repo.insertAttempt(em, {
        organizationId: user.organizationId,
        userId: user.id,
        itemId,
        contentVersion: item.version,
        answer: graded.answer,
        score: graded.score,
        passed: graded.passed,
        feedback: graded.feedback,
        status: 'graded',
        reviewerId: null,
        reviewNote: null,
        reviewedAt: null,
        createdAt: now,
      });
      await this.activity.record(em, {
        organizationId: user.organizationId,
        userId: user.id,
        verb: 'exercise.attempted',
        objectType: 'exercise',
        objectId: itemId,
        data: { type: item.exerciseType, score: graded.score, passed: graded.passed, contentVersion: item.version },
      });
      const { status, completedNow } = await this.settleModule(em, user, item.moduleId);
      return { attempt: attemptSummary(attempt), moduleStatus: status, moduleCompletedNow: completedNow };
    });
  }

  /** Practice work goes to a human reviewer: the manager, else HR, else an admin — never the learner. */
  private async submitPractice(em: EntityManager, user: AuthUser, item: LearningItem, body: SubmitAttempt): Promise<AttemptResult> {
    let answer;
    try {
      answer = parsePractice(body.answer);
    } catch (err) {
      throw asValidationError(err);
    }
    if (await this.repo.hasPendingSubmission(em, user.id, item.id)) {
      throw new DomainError('conflict', 'Your previous submission is still waiting for review');
    }
    const reviewerId = await this.governance.deciderForReview(em, user.organizationId, user.id);
    if (!reviewerId) throw new DomainError('conflict', 'Nobody can review your work yet: ask an admin to give you a manager');
    const attempt = await this.repo.insertAttempt(em, {
      organizationId: user.organizationId,
      userId: user.id,
      itemId: item.id,
      contentVersion: item.version,
      answer,
      score: null,
      passed: false,
      feedback: {},
      status: 'submitted',
      reviewerId,
      reviewNote: null,
      reviewedAt: null,
      createdAt: this.clock.now(),
    });
    const flag = await this.governance.checkAndFlag(em, {
      organizationId: user.organizationId,
      userId: user.id,
      subjectType: 'practice_attempt',
      subjectId: attempt.id,
      toolId: answer.toolId,
      toolName: answer.toolName,
      dataClass: answer.dataClass,
    });
    if (flag) {
      attempt.feedback = { flag: { id: flag.id, reason: flag.reason, toolName: flag.toolName, dataClass: flag.dataClass } };
      await em.update(ExerciseAttempt, attempt.id, { feedback: attempt.feedback as never });
    }
    await this.activity.record(em, {
      organizationId: user.organizationId,
      userId: user.id,
      verb: 'practice.submitted',
      objectType: 'exercise',
      objectId: item.id,
      data: { attemptId: attempt.id, flagged: Boolean(flag) },
    });
    const title = (item.content as { title: { de: string; en: string } }).title;
    await this.notifications.notifyWithEmail(em, {
      organizationId: user.organizationId,
      userId: reviewerId,
      type: 'review_requested',
      data: { attemptId: attempt.id, learnerId: user.id, exerciseTitle: title },
      mail: (lang) => this.mails.reviewRequested(lang, title[lang]),
    });
    return { attempt: attemptSummary(attempt), moduleStatus: 'in_progress', moduleCompletedNow: false };
  }

  async reviewQueue(user: AuthUser, status: 'submitted' | 'decided'): Promise<{ items: ReviewQueueItem[] }> {
    const em = this.tx.manager;
    // Reviewers see only submissions assigned to them.
    const rows = await this.repo.reviewQueue(em, user.organizationId, user.id, status);
    const flags = await this.governance.flagsFor(em, 'practice_attempt', rows.map((r) => r.attemptId));
    return {
      items: rows.map((r) => {
        const f = flags.get(r.attemptId);
        return { ...r, flag: f ? { id: f.id, status: f.status, reason: f.reason, toolName: f.toolName, dataClass: f.dataClass } : null };
      }),
    };
  }

  async decideReview(user: AuthUser, attemptId: string, body: ReviewDecision): Promise<AttemptSummary> {
    return this.tx.run(async (em) => {
      const attempt = await this.repo.attemptForUpdate(em, user.organizationId, attemptId);
      if (!attempt || attempt.reviewerId !== user.id) throw notFound('Submission');
      if (attempt.status !== 'submitted') throw new DomainError('invalid_transition', `This submission was already ${attempt.status.replace('_', ' ')}`);
      const accepted = body.decision === 'accept';
      attempt.status = accepted ? 'accepted' : 'revision_requested';
      attempt.passed = accepted;
      attempt.reviewNote = body.feedback || null;
      attempt.reviewedAt = this.clock.now();
      await em.save(attempt);
      await this.activity.record(em, {
        organizationId: user.organizationId,
        userId: user.id,
        verb: 'practice.reviewed',
        objectType: 'exercise_attempt',
        objectId: attempt.id,
        data: { learnerId: attempt.userId, decision: body.decision },
      });
      const item = await this.repo.item(em, attempt.itemId);
      const title = (item?.content as { title?: { de: string; en: string } } | undefined)?.title ?? { de: '', en: '' };
      await this.notifications.notifyWithEmail(em, {
        organizationId: user.organizationId,
        userId: attempt.userId,
        type: 'review_result',
        data: { attemptId: attempt.id, decision: body.decision, itemId: attempt.itemId },
        mail: (lang) => this.mails.reviewResult(lang, title[lang], body.decision, body.feedback),
      });
      if (accepted && item) await this.settleModule(em, { id: attempt.userId, organizationId: attempt.organizationId }, item.moduleId);
      return attemptSummary(attempt);
    });
  }

  async listAttempts(user: AuthUser, itemId: string): Promise<{ items: AttemptSummary[] }> {
    const em = this.tx.manager;
    const item = await this.repo.item(em, itemId);
    if (!item || item.kind !== 'exercise' || !(await this.repo.moduleIsOffered(em, item.moduleId, user.organizationId))) {
      throw notFound('Exercise');
    }
    // Learners see only their own attempts: the query is by the caller's id.
    return { items: (await this.repo.attempts(em, user.id, itemId)).map(attemptSummary) };
  }

  /** Records the module's completion the first time every required exercise is passed. */
  private async settleModule(em: EntityManager, user: Pick<AuthUser, 'id' | 'organizationId'>, moduleId: string): Promise<{ status: ModuleStatus; completedNow: boolean }> {
    const items = await this.repo.currentItems(em, [moduleId]);
    const state = await this.repo.learnerState(em, user.id, [moduleId]);
    const [module] = await em.query(`SELECT id, version FROM learning_modules WHERE id = $1`, [moduleId]);
    const progress = moduleProgress({ ...this.moduleInput({ id: moduleId }, items, state), prerequisitesComplete: true });
    if (!progress.completesNow) return { status: progress.status, completedNow: false };
    const recorded = await this.repo.recordCompletion(em, {
      organizationId: user.organizationId,
      userId: user.id,
      moduleId,
      moduleVersion: module.version,
      completedAt: this.clock.now(),
    });
    if (recorded) {
      await this.activity.record(em, { organizationId: user.organizationId, userId: user.id, verb: 'module.completed', objectType: 'module', objectId: moduleId });
      await this.certificates.issueForCompletedPaths(em, user, moduleId);
    }
    return { status: 'complete', completedNow: recorded };
  }

  private async offeredModule(em: EntityManager, user: AuthUser, slug: string): Promise<LearningModule> {
    const module = await this.repo.moduleBySlug(em, slug);
    if (!module || !(await this.repo.moduleIsOffered(em, module.id, user.organizationId))) throw notFound('Module');
    return module;
  }

  private moduleInput(module: Pick<LearningModule, 'id'>, items: LearningItem[], state: LearnerState) {
    return {
      requiredExerciseIds: items.filter((i) => i.moduleId === module.id && i.kind === 'exercise' && i.required).map((i) => i.id),
      passedExerciseIds: state.passedItemIds,
      started: state.startedModuleIds.has(module.id),
      completedAt: state.completions.get(module.id)?.completedAt ?? null,
    };
  }

  private pathFields(path: LearningPath) {
    return { id: path.id, slug: path.slug, trackSlug: path.trackSlug, title: path.title, summary: path.summary };
  }

  private card(m: LearningModule, p: { status: ModuleStatus; requiredDone: number; requiredTotal: number }): ModuleCard {
    return {
      id: m.id,
      slug: m.slug,
      title: m.title,
      summary: m.summary,
      why: m.why,
      level: m.level,
      minutes: m.minutes,
      prerequisites: m.prerequisites,
      status: p.status,
      requiredDone: p.requiredDone,
      requiredTotal: p.requiredTotal,
    };
  }
}

export function attemptSummary(a: ExerciseAttempt): AttemptSummary {
  return {
    id: a.id,
    createdAt: a.createdAt.toISOString(),
    contentVersion: a.contentVersion,
    score: a.score,
    passed: a.passed,
    status: a.status,
    feedback: a.feedback,
    answer: a.answer,
    reviewNote: a.reviewNote,
  };
}

function asValidationError(err: unknown): unknown {
  return err instanceof AnswerError
    ? new DomainError('validation_failed', `${err.field}: ${err.message}`, [{ field: err.field, message: err.message }])
    : err;
}
