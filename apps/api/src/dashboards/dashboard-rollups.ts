import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LEARNING_VERBS, ROLLUP_VERBS, rollupEffect } from './rollup.policy.js';

export interface RolledUpEvent {
  organizationId: string;
  userId: string;
  verb: string;
  objectId: string;
  data?: Record<string, unknown>;
  createdAt: Date;
}

// The modules of each track's current path, and which of them belong to a person's own path.
const PATH_MODULES = `
  SELECT p.track_slug, pm.module_id
    FROM learning_paths p
    JOIN learning_path_modules pm ON pm.path_id = p.id
    JOIN learning_modules m ON m.id = pm.module_id AND m.retired_at IS NULL
   WHERE p.retired_at IS NULL`;

const LEARNING = `(${LEARNING_VERBS.map((v) => `'${v}'`).join(', ')})`;
const ROLLED = `(${ROLLUP_VERBS.map((v) => `'${v}'`).join(', ')})`;

// Keeps the dashboard read models (dash_user_days, dash_module_progress) current. `apply` runs inside the
// transaction that writes the activity-log row (ActivityService.record), so the read model changes exactly
// when the event happens; `rebuild` recomputes both tables from the activity log with the same mapping
// (rollup.policy.ts), e.g. after a bulk import or a change of the mapping (ADR 0012).
@Injectable()
export class DashboardRollups {
  private readonly log = new Logger('DashboardRollups');

  async apply(em: EntityManager, event: RolledUpEvent): Promise<void> {
    const effect = rollupEffect(event.verb, event.objectId, event.data ?? {});
    if (!effect) return;
    let moduleId = effect.completedModuleId;
    let ownPath = false;
    if (effect.itemId) {
      const [item] = await em.query(
        `SELECT li.module_id AS "moduleId",
                EXISTS (SELECT 1 FROM users u JOIN tracks t ON t.id = u.track_id JOIN (${PATH_MODULES}) own
                          ON own.track_slug = t.slug AND own.module_id = li.module_id WHERE u.id = $2) AS "ownPath"
           FROM learning_items li WHERE li.id = $1`,
        [effect.itemId, event.userId],
      );
      moduleId = item?.moduleId ?? null;
      ownPath = Boolean(item?.ownPath);
    }
    const [row] = await em.query(
      `INSERT INTO dash_user_days (user_id, day, organization_id, learning_actions, own_path_actions, modules_completed, journal_logged,
                                   journal_shared, outcome_worked, outcome_partly, outcome_failed, minutes_saved, freiraum_requested)
       SELECT $1, ($2::timestamptz AT TIME ZONE o.time_zone)::date, o.id, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13 FROM organizations o WHERE o.id = $3
       ON CONFLICT (user_id, day) DO UPDATE SET
         learning_actions = dash_user_days.learning_actions + EXCLUDED.learning_actions,
         own_path_actions = dash_user_days.own_path_actions + EXCLUDED.own_path_actions,
         modules_completed = dash_user_days.modules_completed + EXCLUDED.modules_completed,
         journal_logged = dash_user_days.journal_logged + EXCLUDED.journal_logged,
         journal_shared = dash_user_days.journal_shared + EXCLUDED.journal_shared,
         outcome_worked = dash_user_days.outcome_worked + EXCLUDED.outcome_worked,
         outcome_partly = dash_user_days.outcome_partly + EXCLUDED.outcome_partly,
         outcome_failed = dash_user_days.outcome_failed + EXCLUDED.outcome_failed,
         minutes_saved = dash_user_days.minutes_saved + EXCLUDED.minutes_saved,
         freiraum_requested = dash_user_days.freiraum_requested + EXCLUDED.freiraum_requested
       RETURNING day::text AS day`,
      [
        event.userId,
        event.createdAt,
        event.organizationId,
        effect.learningAction ? 1 : 0,
        effect.learningAction && ownPath ? 1 : 0,
        effect.completedModuleId ? 1 : 0,
        effect.journalLogged ? 1 : 0,
        effect.journalShared ? 1 : 0,
        effect.outcome === 'worked' ? 1 : 0,
        effect.outcome === 'partly' ? 1 : 0,
        effect.outcome === 'failed' ? 1 : 0,
        effect.minutesSaved,
        effect.freiraumRequested ? 1 : 0,
      ],
    );
    if (!moduleId || !row) return;
    // A module is started on the first day of any action in it; completion keeps its first day too.
    await em.query(
      `INSERT INTO dash_module_progress (user_id, module_id, organization_id, started_on, completed_on) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id, module_id) DO UPDATE SET
         started_on = least(dash_module_progress.started_on, EXCLUDED.started_on),
         completed_on = least(dash_module_progress.completed_on, EXCLUDED.completed_on)`,
      [event.userId, moduleId, event.organizationId, row.day, effect.completedModuleId ? row.day : null],
    );
  }

  /** Recomputes an organisation's read models (all organisations without an id) from the activity log. */
  async rebuild(em: EntityManager, organizationId?: string): Promise<{ userDays: number; moduleProgress: number }> {
    const orgs: { id: string }[] = organizationId ? [{ id: organizationId }] : await em.query(`SELECT id FROM organizations ORDER BY created_at`);
    let userDays = 0;
    let moduleProgress = 0;
    for (const { id } of orgs) {
      await em.query(`DELETE FROM dash_user_days WHERE organization_id = $1`, [id]);
      await em.query(`DELETE FROM dash_module_progress WHERE organization_id = $1`, [id]);
      const [{ n: days }] = await em.query(
        `WITH own AS (
           SELECT u.id AS user_id, pm.module_id FROM users u JOIN tracks t ON t.id = u.track_id JOIN (${PATH_MODULES}) pm ON pm.track_slug = t.slug
            WHERE u.organization_id = $1)
         , ins AS (
         INSERT INTO dash_user_days (user_id, day, organization_id, learning_actions, own_path_actions, modules_completed, journal_logged,
                                     journal_shared, outcome_worked, outcome_partly, outcome_failed, minutes_saved, freiraum_requested)
         SELECT a.user_id, (a.created_at AT TIME ZONE o.time_zone)::date, a.organization_id,
                count(*) FILTER (WHERE a.verb IN ${LEARNING}),
                count(*) FILTER (WHERE a.verb IN ${LEARNING} AND own.module_id IS NOT NULL),
                count(*) FILTER (WHERE a.verb = 'module.completed'),
                count(*) FILTER (WHERE a.verb = 'journal.logged'),
                count(*) FILTER (WHERE a.verb = 'journal.shared' AND a.data->>'firstShare' = 'true'),
                count(*) FILTER (WHERE a.verb = 'journal.logged' AND a.data->>'outcome' = 'worked'),
                count(*) FILTER (WHERE a.verb = 'journal.logged' AND a.data->>'outcome' = 'partly'),
                count(*) FILTER (WHERE a.verb = 'journal.logged' AND a.data->>'outcome' = 'failed'),
                coalesce(sum(greatest(0, trunc(coalesce((a.data->>'minutesSaved')::numeric, 0)))) FILTER (WHERE a.verb = 'journal.logged'), 0),
                count(*) FILTER (WHERE a.verb = 'freiraum.requested')
           FROM activity_log a
           JOIN organizations o ON o.id = a.organization_id
           LEFT JOIN learning_items li ON a.verb IN ${LEARNING} AND li.id::text = a.object_id
           LEFT JOIN own ON own.user_id = a.user_id AND own.module_id = li.module_id
          WHERE a.organization_id = $1 AND a.verb IN ${ROLLED}
            AND NOT (a.verb = 'journal.shared' AND coalesce(a.data->>'firstShare', 'false') <> 'true')
          GROUP BY a.user_id, 2, a.organization_id
         RETURNING 1)
         SELECT count(*)::int AS n FROM ins`,
        [id],
      );
      const [{ n: modules }] = await em.query(
        `WITH ins AS (INSERT INTO dash_module_progress (user_id, module_id, organization_id, started_on, completed_on)
         SELECT x.user_id, x.module_id, $1, min(x.day), min(x.day) FILTER (WHERE x.completed)
           FROM (SELECT a.user_id, CASE WHEN a.verb = 'module.completed' THEN a.object_id::uuid ELSE li.module_id END AS module_id,
                        (a.created_at AT TIME ZONE o.time_zone)::date AS day, a.verb = 'module.completed' AS completed
                   FROM activity_log a
                   JOIN organizations o ON o.id = a.organization_id
                   LEFT JOIN learning_items li ON a.verb <> 'module.completed' AND li.id::text = a.object_id
                  WHERE a.organization_id = $1 AND a.verb IN (${[...LEARNING_VERBS, 'module.completed'].map((v) => `'${v}'`).join(', ')})) x
          WHERE x.module_id IS NOT NULL
          GROUP BY x.user_id, x.module_id
         RETURNING 1)
         SELECT count(*)::int AS n FROM ins`,
        [id],
      );
      userDays += Number(days);
      moduleProgress += Number(modules);
    }
    this.log.log(`Rebuilt dashboard rollups: ${userDays} person-days, ${moduleProgress} module starts`);
    return { userDays, moduleProgress };
  }

  /** A database migrated before the rollups existed has activity but no read model yet. */
  async rebuildIfEmpty(em: EntityManager): Promise<boolean> {
    const [state] = await em.query(
      `SELECT EXISTS (SELECT 1 FROM dash_user_days) AS rolled, EXISTS (SELECT 1 FROM activity_log WHERE verb IN ${ROLLED}) AS events`,
    );
    if (state.rolled || !state.events) return false;
    await this.rebuild(em);
    return true;
  }
}
