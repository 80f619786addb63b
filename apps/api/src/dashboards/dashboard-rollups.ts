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

/** Every dashboard read-model table: a bulk writer refreshes their statistics after committing. */
export const DASHBOARD_TABLES = [
  'dash_user_days',
  'dash_module_progress',
  'dash_people_days',
  'dash_people_weeks',
  'dash_person_counts',
  'dash_org_people',
  'dash_cell_days',
  'dash_lead_times',
  'dash_module_people',
  'dash_cell_periods',
] as const;

// Keys of dash_cell_days and dash_lead_times (migration DashboardTriggers): no department or track, and all.
export const NONE_ID = '00000000-0000-0000-0000-000000000000';
export const ALL_ID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';
const NONE = `'${NONE_ID}'::uuid`;
const ALL = `'${ALL_ID}'::uuid`;

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
    const orgs: { id: string }[] = organizationId
      ? [{ id: organizationId }]
      : await em.query(`SELECT id FROM organizations ORDER BY created_at`);
    let userDays = 0;
    let moduleProgress = 0;
    // The derived tables' triggers stand aside (they would fire once per row); rebuildDerived does it in bulk.
    await em.query(`SELECT set_config('freiraum.dash_bulk', 'on', true)`);
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
      await this.rebuildDerived(em, id);
    }
    // Only on success: a failed statement has aborted the transaction anyway.
    await em.query(`SELECT set_config('freiraum.dash_bulk', 'off', true)`);
    this.log.log(`Rebuilt dashboard rollups: ${userDays} person-days, ${moduleProgress} module starts`);
    return { userDays, moduleProgress };
  }

  /**
   * The tables the HR dashboard reads (ADR 0013), from dash_user_days, dash_module_progress and the requests:
   * the same rows the triggers of migration DashboardTriggers keep incrementally.
   */
  private async rebuildDerived(em: EntityManager, org: string): Promise<void> {
    for (const table of ['dash_people_days', 'dash_people_weeks', 'dash_cell_days', 'dash_lead_times', 'dash_module_people', 'dash_cell_periods', 'dash_person_counts']) {
      await em.query(`DELETE FROM ${table} WHERE organization_id = $1`, [org]);
    }
    const decidedDay = `(r.decided_at AT TIME ZONE o.time_zone)::date`;
    const decided = `r.organization_id = $1 AND r.status IN ('approved', 'rejected') AND r.decided_at IS NOT NULL`;
    await em.query(
      `INSERT INTO dash_person_counts (user_id, day, figure, organization_id, n)
       SELECT x.user_id, x.day, x.figure, $1, count(*)
         FROM (SELECT r.user_id, r.slot_date AS day, 8 AS figure FROM freiraum_requests r WHERE r.organization_id = $1 AND r.status = 'approved'
               UNION ALL
               SELECT r.user_id, ${decidedDay}, 9 FROM freiraum_requests r JOIN organizations o ON o.id = r.organization_id WHERE ${decided}
               UNION ALL
               SELECT r.decided_by, ${decidedDay}, 10 FROM freiraum_requests r JOIN organizations o ON o.id = r.organization_id
                WHERE ${decided} AND r.decided_as_manager AND r.decided_by IS NOT NULL) x
        GROUP BY 1, 2, 3`,
      [org],
    );
    await em.query(
      `WITH x AS MATERIALIZED (
              SELECT d.day, f.figure, u.dash_slot AS slot
                 FROM dash_user_days d JOIN users u ON u.id = d.user_id
                 CROSS JOIN LATERAL (VALUES (0, d.learning_actions + d.journal_logged + d.freiraum_requested), (1, d.modules_completed),
                                            (2, d.journal_logged), (3, d.journal_shared), (4, d.outcome_worked), (5, d.outcome_partly),
                                            (6, d.outcome_failed), (7, d.own_path_actions)) f(figure, v)
                WHERE d.organization_id = $1 AND f.v > 0
               UNION ALL
               SELECT c.day, c.figure, u.dash_slot FROM dash_person_counts c JOIN users u ON u.id = c.user_id
                WHERE c.organization_id = $1 AND c.n > 0),
       days AS (INSERT INTO dash_people_days (organization_id, day, figure, bits)
                SELECT $1, x.day, x.figure, dash_bits(array_agg(DISTINCT x.slot)) FROM x GROUP BY x.day, x.figure)
       INSERT INTO dash_people_weeks (organization_id, week, figure, bits)
       SELECT $1, date_trunc('week', x.day)::date, x.figure, dash_bits(array_agg(DISTINCT x.slot)) FROM x GROUP BY 2, 3`,
      [org],
    );
    await em.query(
      `INSERT INTO dash_cell_days (organization_id, day, department_key, track_key, modules_completed, journal_logged, journal_shared,
                                   outcome_worked, outcome_partly, outcome_failed, minutes_saved, approved_hours, decided, rejected)
       SELECT $1, x.day, coalesce(u.department_id, ${NONE}), coalesce(u.track_id, ${NONE}),
              sum(x.mc), sum(x.jl), sum(x.js), sum(x.w), sum(x.p), sum(x.f), sum(x.ms), sum(x.hrs), sum(x.ndec), sum(x.nrej)
         FROM (SELECT d.user_id, d.day, d.modules_completed AS mc, d.journal_logged AS jl, d.journal_shared AS js, d.outcome_worked AS w,
                      d.outcome_partly AS p, d.outcome_failed AS f, d.minutes_saved AS ms, 0::numeric AS hrs, 0 AS ndec, 0 AS nrej
                 FROM dash_user_days d
                WHERE d.organization_id = $1
                  AND d.modules_completed + d.journal_logged + d.journal_shared + d.outcome_worked + d.outcome_partly + d.outcome_failed + d.minutes_saved > 0
               UNION ALL
               SELECT r.user_id, r.slot_date, 0, 0, 0, 0, 0, 0, 0, r.hours, 0, 0 FROM freiraum_requests r WHERE r.organization_id = $1 AND r.status = 'approved'
               UNION ALL
               SELECT r.user_id, ${decidedDay}, 0, 0, 0, 0, 0, 0, 0, 0, 1, (r.status = 'rejected')::int
                 FROM freiraum_requests r JOIN organizations o ON o.id = r.organization_id WHERE ${decided}) x
         JOIN users u ON u.id = x.user_id
        GROUP BY 2, 3, 4`,
      [org],
    );
    // Four levels of one grouping: (department, track), (department, ALL), (ALL, track), (ALL, ALL).
    await em.query(
      `INSERT INTO dash_lead_times (organization_id, department_key, track_key, day, kind, bucket, decisions)
       SELECT $1, CASE WHEN grouping(x.dk) = 1 THEN ${ALL} ELSE x.dk END, CASE WHEN grouping(x.tk) = 1 THEN ${ALL} ELSE x.tk END,
              x.day, x.kind, x.bucket, count(*)
         FROM (SELECT ${decidedDay} AS day, 0 AS kind, dash_lead_bucket(extract(epoch FROM r.decided_at - r.created_at) / 3600) AS bucket,
                      coalesce(u.department_id, ${NONE}) AS dk, coalesce(u.track_id, ${NONE}) AS tk
                 FROM freiraum_requests r JOIN users u ON u.id = r.user_id JOIN organizations o ON o.id = r.organization_id WHERE ${decided}
               UNION ALL
               SELECT ${decidedDay}, 1, dash_lead_bucket(extract(epoch FROM r.decided_at - r.created_at) / 3600),
                      coalesce(u.department_id, ${NONE}), coalesce(u.track_id, ${NONE})
                 FROM freiraum_requests r JOIN users u ON u.id = r.decided_by JOIN organizations o ON o.id = r.organization_id
                WHERE ${decided} AND r.decided_as_manager) x
        GROUP BY GROUPING SETS ((x.day, x.kind, x.bucket, x.dk, x.tk), (x.day, x.kind, x.bucket, x.dk), (x.day, x.kind, x.bucket, x.tk), (x.day, x.kind, x.bucket))`,
      [org],
    );
    await em.query(
      `INSERT INTO dash_cell_periods (organization_id, period_key, department_key, track_key, allocations, hours)
       SELECT $1, a.period_key, coalesce(u.department_id, ${NONE}), coalesce(u.track_id, ${NONE}), count(*), sum(a.hours)
         FROM freiraum_allocations a JOIN users u ON u.id = a.user_id
        WHERE a.organization_id = $1 AND u.active
        GROUP BY 2, 3, 4`,
      [org],
    );
    await em.query(`SELECT dash_people_refresh($1)`, [org]);
    await em.query(
      `INSERT INTO dash_module_people (organization_id, module_id, figure, bits)
       SELECT $1, x.module_id, x.figure, dash_bits(array_agg(x.slot))
         FROM (SELECT mp.module_id, 0 AS figure, u.dash_slot AS slot FROM dash_module_progress mp JOIN users u ON u.id = mp.user_id WHERE mp.organization_id = $1
               UNION ALL
               SELECT mp.module_id, 1, u.dash_slot FROM dash_module_progress mp JOIN users u ON u.id = mp.user_id
                WHERE mp.organization_id = $1 AND mp.completed_on IS NOT NULL) x
        GROUP BY x.module_id, x.figure`,
      [org],
    );
  }

  /** A database migrated before the rollups existed has activity but no read model yet. */
  async rebuildIfEmpty(em: EntityManager): Promise<boolean> {
    // Also a database migrated to the derived tables of ADR 0013 while it already had data.
    const [state] = await em.query(
      `SELECT (EXISTS (SELECT 1 FROM activity_log WHERE verb IN ${ROLLED}) AND NOT (EXISTS (SELECT 1 FROM dash_user_days) AND EXISTS (SELECT 1 FROM dash_people_days)))
              OR (EXISTS (SELECT 1 FROM freiraum_allocations a JOIN users u ON u.id = a.user_id WHERE u.active)
                  AND NOT EXISTS (SELECT 1 FROM dash_cell_periods)) AS missing`,
    );
    if (!state.missing) return false;
    await this.rebuild(em);
    return true;
  }

}
