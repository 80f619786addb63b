import { Injectable } from '@nestjs/common';
import type { ReviewQueueItem } from '@freiraum/contracts';
import { In, IsNull, type EntityManager } from 'typeorm';
import { LearningItem, LearningModule, LearningPath, LearningPathModule } from './learning-content.entity.js';
import { ExerciseAttempt, LessonRead, ModuleCompletion } from './learning-progress.entity.js';

export interface LearnerState {
  passedItemIds: Set<string>;
  startedModuleIds: Set<string>;
  readItemIds: Set<string>;
  completions: Map<string, ModuleCompletion>;
}

// All learning SQL. Each method is one query, so a use case's query count stays bounded.
@Injectable()
export class LearningRepository {
  /** Paths of tracks enabled in the organisation. */
  async enabledPaths(em: EntityManager, organizationId: string): Promise<LearningPath[]> {
    return em
      .createQueryBuilder(LearningPath, 'p')
      .innerJoin('tracks', 't', 't.slug = p.track_slug AND t.organization_id = :org AND t.enabled', { org: organizationId })
      .where('p.retired_at IS NULL')
      .orderBy('t.position')
      .getMany();
  }

  async userTrackSlug(em: EntityManager, userId: string): Promise<string | null> {
    const row = await em.query(`SELECT t.slug FROM users u JOIN tracks t ON t.id = u.track_id WHERE u.id = $1`, [userId]);
    return row[0]?.slug ?? null;
  }

  /** Explicit assignments of this learner: path id → due date. */
  async assignments(em: EntityManager, userId: string): Promise<Map<string, string | null>> {
    const rows: { path_id: string; due_date: string | null }[] = await em.query(
      `SELECT path_id, to_char(due_date, 'YYYY-MM-DD') AS due_date FROM learning_assignments WHERE user_id = $1`,
      [userId],
    );
    return new Map(rows.map((r) => [r.path_id, r.due_date]));
  }

  async pathModules(em: EntityManager, pathIds: string[]): Promise<(LearningModule & { pathId: string; position: number })[]> {
    if (!pathIds.length) return [];
    const rows = await em
      .createQueryBuilder(LearningPathModule, 'pm')
      .innerJoinAndSelect('pm.module', 'm')
      .where('pm.path_id IN (:...pathIds)', { pathIds })
      .orderBy('pm.position')
      .getMany();
    return rows.map((r) => Object.assign(r.module!, { pathId: r.pathId, position: r.position }));
  }

  async moduleBySlug(em: EntityManager, slug: string): Promise<LearningModule | null> {
    return em.findOne(LearningModule, { where: { slug, retiredAt: IsNull() } });
  }

  async modulesBySlugs(em: EntityManager, slugs: string[]): Promise<LearningModule[]> {
    return slugs.length ? em.find(LearningModule, { where: { slug: In(slugs) } }) : [];
  }

  /** Whether the module belongs to a path of a track the organisation has enabled. */
  async moduleIsOffered(em: EntityManager, moduleId: string, organizationId: string): Promise<boolean> {
    const rows = await em.query(
      `SELECT 1 FROM learning_path_modules pm
         JOIN learning_paths p ON p.id = pm.path_id AND p.retired_at IS NULL
         JOIN tracks t ON t.slug = p.track_slug AND t.organization_id = $2 AND t.enabled
        WHERE pm.module_id = $1 LIMIT 1`,
      [moduleId, organizationId],
    );
    return rows.length > 0;
  }

  async currentItems(em: EntityManager, moduleIds: string[]): Promise<LearningItem[]> {
    if (!moduleIds.length) return [];
    return em.find(LearningItem, { where: { moduleId: In(moduleIds), retiredAt: IsNull() }, order: { position: 'ASC' } });
  }

  async item(em: EntityManager, itemId: string): Promise<LearningItem | null> {
    return em.findOne(LearningItem, { where: { id: itemId } });
  }

  /** What the learner has done in these modules: three queries, whatever the module count. */
  async learnerState(em: EntityManager, userId: string, moduleIds: string[]): Promise<LearnerState> {
    if (!moduleIds.length) return { passedItemIds: new Set(), startedModuleIds: new Set(), readItemIds: new Set(), completions: new Map() };
    const activity: { item_id: string; module_id: string; passed: boolean; is_read: boolean }[] = await em.query(
      `SELECT a.item_id, i.module_id, bool_or(a.passed) AS passed, false AS is_read
         FROM exercise_attempts a JOIN learning_items i ON i.id = a.item_id
        WHERE a.user_id = $1 AND i.module_id = ANY($2)
        GROUP BY a.item_id, i.module_id
       UNION ALL
       SELECT r.item_id, i.module_id, false, true
         FROM lesson_reads r JOIN learning_items i ON i.id = r.item_id
        WHERE r.user_id = $1 AND i.module_id = ANY($2)`,
      [userId, moduleIds],
    );
    const completions = await em.find(ModuleCompletion, { where: { userId, moduleId: In(moduleIds) } });
    return {
      passedItemIds: new Set(activity.filter((a) => a.passed).map((a) => a.item_id)),
      startedModuleIds: new Set(activity.map((a) => a.module_id)),
      readItemIds: new Set(activity.filter((a) => a.is_read).map((a) => a.item_id)),
      completions: new Map(completions.map((c) => [c.moduleId, c])),
    };
  }

  async completedModuleSlugs(em: EntityManager, userId: string): Promise<Set<string>> {
    const rows: { slug: string }[] = await em.query(
      `SELECT m.slug FROM module_completions c JOIN learning_modules m ON m.id = c.module_id WHERE c.user_id = $1`,
      [userId],
    );
    return new Set(rows.map((r) => r.slug));
  }

  async lastAttempts(em: EntityManager, userId: string, itemIds: string[]): Promise<Map<string, ExerciseAttempt>> {
    if (!itemIds.length) return new Map();
    const rows = await em
      .createQueryBuilder(ExerciseAttempt, 'a')
      .distinctOn(['a.item_id'])
      .where('a.user_id = :userId AND a.item_id IN (:...itemIds)', { userId, itemIds })
      .orderBy('a.item_id')
      .addOrderBy('a.created_at', 'DESC')
      .getMany();
    return new Map(rows.map((r) => [r.itemId, r]));
  }

  async attempts(em: EntityManager, userId: string, itemId: string): Promise<ExerciseAttempt[]> {
    return em.find(ExerciseAttempt, { where: { userId, itemId }, order: { createdAt: 'DESC' }, take: 50 });
  }

  async insertAttempt(em: EntityManager, attempt: Omit<ExerciseAttempt, 'id'>): Promise<ExerciseAttempt> {
    return em.save(ExerciseAttempt, attempt);
  }

  async hasPendingSubmission(em: EntityManager, userId: string, itemId: string): Promise<boolean> {
    return (await em.count(ExerciseAttempt, { where: { userId, itemId, status: 'submitted' } })) > 0;
  }

  async attemptForUpdate(em: EntityManager, organizationId: string, id: string): Promise<ExerciseAttempt | null> {
    return em.findOne(ExerciseAttempt, { where: { id, organizationId }, lock: { mode: 'pessimistic_write' } });
  }

  async reviewQueue(
    em: EntityManager,
    organizationId: string,
    reviewerId: string,
    status: 'submitted' | 'decided',
  ): Promise<Omit<ReviewQueueItem, 'flag'>[]> {
    const rows = await em.query(
      `SELECT a.id, a.answer, a.status, a.created_at, a.review_note,
              u.id AS user_id, u.first_name, u.last_name,
              i.id AS item_id, i.content->'title' AS title, i.content->'task' AS task,
              m.slug AS module_slug, m.title AS module_title
         FROM exercise_attempts a
         JOIN users u ON u.id = a.user_id
         JOIN learning_items i ON i.id = a.item_id
         JOIN learning_modules m ON m.id = i.module_id
        WHERE a.organization_id = $1 AND a.reviewer_id = $2 AND ${status === 'submitted' ? "a.status = 'submitted'" : "a.status IN ('accepted', 'revision_requested')"}
        ORDER BY a.created_at ${status === 'submitted' ? 'ASC' : 'DESC'} LIMIT 200`,
      [organizationId, reviewerId],
    );
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw row of the query above
    return rows.map((r: Record<string, any>) => ({
      attemptId: r.id as string,
      learner: { id: r.user_id, firstName: r.first_name, lastName: r.last_name },
      exercise: { id: r.item_id, title: r.title, task: r.task, moduleSlug: r.module_slug, moduleTitle: r.module_title },
      answer: r.answer,
      status: r.status,
      submittedAt: new Date(r.created_at).toISOString(),
      reviewNote: r.review_note,
    }));
  }

  /** True when this call recorded the read (first time). */
  async recordRead(em: EntityManager, read: Omit<LessonRead, 'id'>): Promise<boolean> {
    const result = await em.createQueryBuilder().insert().into(LessonRead).values(read).orIgnore().returning('id').execute();
    return (result.raw as unknown[]).length > 0;
  }

  /** True when this call recorded the completion (first time). */
  async recordCompletion(em: EntityManager, completion: Omit<ModuleCompletion, 'id'>): Promise<boolean> {
    const result = await em.createQueryBuilder().insert().into(ModuleCompletion).values(completion).orIgnore().returning('id').execute();
    return (result.raw as unknown[]).length > 0;
  }
}
