import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { contentHash, loadAndCheck, type LoadedContent } from '@freiraum/content';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Clock } from '../common/time/clock.js';
import { Tx } from '../database/transaction.js';
import { LearningItem, LearningModule, LearningPath, LearningPathModule } from './learning-content.entity.js';

export interface ImportStats {
  created: number;
  updated: number;
  unchanged: number;
  retired: number;
}

// Idempotent import of the content files, keyed by slug. Nothing is ever deleted: what leaves the
// content is retired, so attempts, completions and certificates that point at it stay valid.
@Injectable()
export class ContentImportService implements OnApplicationBootstrap {
  private readonly logger = new Logger('ContentImport');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: Tx,
    private readonly clock: Clock,
  ) {}

  private once: Promise<void> | undefined;

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.contentImportOnStart) await this.importOnce();
  }

  /** Imports the content files once per process; later callers (the demo seed) wait for the same run. */
  importOnce(): Promise<void> {
    return (this.once ??= this.importFiles());
  }

  private async importFiles(): Promise<void> {
    const { content, problems } = loadAndCheck(this.config.contentDir);
    if (problems.length) {
      // Invalid content must not half-replace valid content; keep what is imported and say why.
      this.logger.error({ problems: problems.slice(0, 20) }, `Content has ${problems.length} problem(s); import skipped`);
      return;
    }
    const stats = await this.tx.run((em) => this.importContent(em, content));
    this.logger.log(stats, 'Content imported');
  }

  async importContent(em: EntityManager, content: LoadedContent): Promise<ImportStats> {
    const now = this.clock.now();
    const stats: ImportStats = { created: 0, updated: 0, unchanged: 0, retired: 0 };
    const count = (result: 'created' | 'updated' | 'unchanged') => stats[result]++;

    const modules = new Map<string, LearningModule>();
    const existingModules = new Map((await em.find(LearningModule)).map((m) => [m.slug, m]));
    for (const m of content.modules) {
      const values = {
        slug: m.slug,
        title: m.title,
        summary: m.summary,
        why: m.why,
        level: m.level,
        minutes: m.minutes,
        prerequisites: m.prerequisites,
        version: m.version,
        retiredAt: null,
      };
      modules.set(m.slug, await this.upsert(em, LearningModule, existingModules.get(m.slug), values, count));
      existingModules.delete(m.slug);
    }
    stats.retired += await this.retire(em, LearningModule, [...existingModules.values()], now);

    for (const m of content.modules) {
      const moduleRow = modules.get(m.slug)!;
      const existingItems = new Map(
        (await em.find(LearningItem, { where: { moduleId: moduleRow.id } })).map((i) => [i.slug, i]),
      );
      for (const [position, slug] of m.items.entries()) {
        const lesson = content.lessons.find((l) => l.module === m.slug && l.slug === slug);
        const exercise = content.exercises.find((e) => e.module === m.slug && e.slug === slug);
        const values = lesson
          ? { kind: 'lesson' as const, exerciseType: null, required: false, content: { title: lesson.title, body: lesson.body }, version: lesson.version }
          : { kind: 'exercise' as const, exerciseType: exercise!.type, required: exercise!.required, content: strip(exercise!), version: exercise!.version };
        await this.upsert(em, LearningItem, existingItems.get(slug), { moduleId: moduleRow.id, slug, position, retiredAt: null, ...values }, count);
        existingItems.delete(slug);
      }
      stats.retired += await this.retire(em, LearningItem, [...existingItems.values()], now);
    }

    const existingPaths = new Map((await em.find(LearningPath)).map((p) => [p.slug, p]));
    for (const p of content.paths) {
      const values = { slug: p.slug, trackSlug: p.track, title: p.title, summary: p.summary, version: contentHash(p), retiredAt: null };
      const before = existingPaths.get(p.slug);
      const row = await this.upsert(em, LearningPath, before, values, count);
      existingPaths.delete(p.slug);
      if (before?.version === row.version && before.retiredAt === null) continue;
      await em.delete(LearningPathModule, { pathId: row.id });
      await em.insert(
        LearningPathModule,
        p.modules.map((slug, position) => ({ pathId: row.id, moduleId: modules.get(slug)!.id, position })),
      );
    }
    stats.retired += await this.retire(em, LearningPath, [...existingPaths.values()], now);
    // These tables stay below autovacuum's analyze threshold (50 rows) for ever; without statistics the
    // planner guesses one row and picks nested loops for the dashboards' joins over them.
    await em.query(`ANALYZE learning_paths, learning_path_modules, learning_modules, learning_items`);
    return stats;
  }

  private async upsert<T extends { id: string; version: string; retiredAt: Date | null }>(
    em: EntityManager,
    entity: new () => T,
    existing: T | undefined,
    values: Partial<T>,
    count: (r: 'created' | 'updated' | 'unchanged') => void,
  ): Promise<T> {
    if (!existing) {
      count('created');
      return em.save(entity, values as T);
    }
    const same =
      existing.version === values.version &&
      existing.retiredAt === null &&
      Object.entries(values).every(([k, v]) => k === 'content' || JSON.stringify((existing as Record<string, unknown>)[k]) === JSON.stringify(v));
    if (same) {
      count('unchanged');
      return existing;
    }
    count('updated');
    return em.save(entity, { ...existing, ...values } as T);
  }

  private async retire<T extends { id: string; retiredAt: Date | null }>(
    em: EntityManager,
    entity: new () => T,
    rows: T[],
    now: Date,
  ): Promise<number> {
    const active = rows.filter((r) => r.retiredAt === null);
    for (const row of active) await em.update(entity, row.id, { retiredAt: now } as never);
    return active.length;
  }
}

/** The stored exercise without the loader's bookkeeping. */
function strip(exercise: LoadedContent['exercises'][number]): Record<string, unknown> {
  const { module: _module, version: _version, ...rest } = exercise;
  return rest;
}
