import { randomUUID } from 'node:crypto';
import * as argon2 from 'argon2';
import type { DataSource, QueryRunner } from 'typeorm';
import { loadAndCheck, type ExerciseContent } from '@freiraum/content';
import type { AppConfig } from '../config/app-config.js';
import type { Clock } from '../common/time/clock.js';
import { DASHBOARD_TABLES, DashboardRollups } from '../dashboards/dashboard-rollups.js';
import { pgliteOf } from '../database/database-options.js';
import { Tx } from '../database/transaction.js';
import { insertOrganizationWithTracks } from '../demo/organization-defaults.js';
import { localDate } from '../freiraum/freiraum.policy.js';
import { ContentImportService } from '../learning/content-import.service.js';
import { answerVariants } from './scale-answers.js';
import { planPeople, type PeoplePlan } from './scale-people.js';
import {
  APPROVAL_NOTES,
  domainSlug,
  EXPERIMENTS,
  FLAG_NOTES,
  LEARNED,
  REJECTION_NOTES,
  REVIEW_ACCEPT_NOTES,
  REVIEW_REVISE_NOTES,
  SCALE_AI_POLICY,
  SCALE_PASSWORD,
} from './scale-texts.js';

// `npm run seed:scale`: one large, realistic organisation with a year of history, for performance work.
// Everything is generated inside PostgreSQL (INSERT … SELECT over generate_series and temporary tables,
// randomness from hashes of row keys and the seed), in ONE transaction: a failed run leaves nothing behind.
// No e-mails are queued, and pending work is marked as already escalated/noticed, so the app's jobs do not
// start mailing thousands of example addresses after the seed.

export const SCALE_TIME_ZONE = 'Europe/Berlin';

export interface SeedScaleContext {
  ds: DataSource;
  clock: Clock;
  config: AppConfig;
}

export interface SeedScaleOptions {
  employees: number;
  name: string;
  seed: number;
}

export interface SeedScaleProgress {
  step: string;
  /** False when a step starts (rows and stepSeconds are then null and 0), true when it is done. */
  done: boolean;
  /** Rows written by the step, when it writes rows. */
  rows: number | null;
  stepSeconds: number;
  totalSeconds: number;
}

export interface SeedScaleResult {
  organizationId: string;
  name: string;
  emailDomain: string;
  password: string;
  /** A few accounts worth signing in as. */
  logins: { role: string; email: string }[];
  /** Rows per table written for the organisation. */
  rows: Record<string, number>;
  seconds: number;
}

const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;
const textArray = (list: readonly string[]) => `ARRAY[${list.map(lit).join(', ')}]::text[]`;
/** A CASE choosing a text per track with the random expression `u`. */
const byTrack = (texts: Record<string, readonly string[]>, track: string, u: string) =>
  `CASE ${track} ${Object.entries(texts)
    .map(([slug, list]) => `WHEN ${lit(slug)} THEN pg_temp.pick(${textArray(list)}, ${u})`)
    .join(' ')} END`;
const toolName = (id: string) => SCALE_AI_POLICY.tools.find((t) => t.id === id)!.name;

/** The first day of the month `back` months before the month of `date` (YYYY-MM-DD). */
function monthStart(date: string, back: number): string {
  const [y, m] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) - back;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-01`;
}
const dayDiff = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export async function seedScale(
  ctx: SeedScaleContext,
  options: SeedScaleOptions,
  onProgress: (p: SeedScaleProgress) => void = () => {},
): Promise<SeedScaleResult> {
  if (pgliteOf(ctx.ds))
    throw new Error('seed:scale needs PostgreSQL (DATABASE_URL); the embedded database is not meant for this size');
  const t0 = performance.now();
  let last = t0;
  const rows: Record<string, number> = {};
  const report: Reporter = (step, count, table) => {
    const at = performance.now();
    if (table && count !== null) rows[table] = (rows[table] ?? 0) + count;
    onProgress({ step, done: true, rows: count, stepSeconds: (at - last) / 1000, totalSeconds: (at - t0) / 1000 });
    last = at;
  };
  report.start = (step) => {
    const at = performance.now();
    onProgress({ step, done: false, rows: null, stepSeconds: (at - last) / 1000, totalSeconds: (at - t0) / 1000 });
  };

  const now = ctx.clock.now();
  const today = localDate(now, SCALE_TIME_ZONE);
  // Twelve calendar months: eleven full ones and the current one, up to today.
  const historyStart = monthStart(today, 11);
  const historyDays = dayDiff(historyStart, today);
  const plan = planPeople({ employees: options.employees, seed: options.seed, historyDays });

  await ensureContent(ctx);
  report('learning content present', null);
  // One hash for everyone: argon2 is deliberately slow.
  const passwordHash = await argon2.hash(SCALE_PASSWORD, { type: argon2.argon2id });
  report('password hash', null);

  const qr = ctx.ds.createQueryRunner();
  await qr.connect();
  try {
    await qr.startTransaction();
    try {
      const result = await generate(
        qr,
        { options, plan, passwordHash, now, today, historyStart, historyDays, rows },
        report,
      );
      await qr.commitTransaction();
      report('commit', null);
      // Fresh statistics, so the app's first queries on the big tables get sensible plans.
      for (const table of [
        'users',
        'activity_log',
        'audit_log',
        'notifications',
        'freiraum_requests',
        'freiraum_allocations',
        'exercise_attempts',
        'lesson_reads',
        'module_completions',
        'journal_entries',
        'journal_kudos',
        ...DASHBOARD_TABLES,
      ]) {
        await qr.query(`ANALYZE ${table}`);
      }
      report('analyze', null);
      return { ...result, rows, seconds: (performance.now() - t0) / 1000 };
    } catch (err) {
      if (qr.isTransactionActive) await qr.rollbackTransaction();
      throw err;
    }
  } finally {
    await qr.release();
  }
}

/** Imports the content files when the content tables are empty (a fresh database). */
async function ensureContent(ctx: SeedScaleContext): Promise<void> {
  const [{ count }] = await ctx.ds.query(`SELECT count(*)::int AS count FROM learning_paths WHERE retired_at IS NULL`);
  if (count > 0) return;
  const { content, problems } = loadAndCheck(ctx.config.contentDir);
  if (problems.length) {
    throw new Error(
      `The learning content has ${problems.length} problem(s); run npm run content:check. First: ${problems[0].file}:${problems[0].line}: ${problems[0].message}`,
    );
  }
  const importer = new ContentImportService(ctx.config, new Tx(ctx.ds), ctx.clock);
  await ctx.ds.transaction((em) => importer.importContent(em, content));
}

type Reporter = ((step: string, count: number | null, table?: string) => void) & { start?: (step: string) => void };

interface GenerateInput {
  options: SeedScaleOptions;
  plan: PeoplePlan;
  passwordHash: string;
  now: Date;
  today: string;
  historyStart: string;
  historyDays: number;
  /** Rows per table, filled in as the steps write them. */
  rows: Record<string, number>;
}

async function generate(
  qr: QueryRunner,
  input: GenerateInput,
  report: Reporter,
): Promise<Omit<SeedScaleResult, 'rows' | 'seconds'>> {
  const { options, plan, passwordHash, now, today, historyStart, historyDays, rows } = input;
  const exec = async (sql: string, params: unknown[] = []): Promise<number> => {
    const res = (await qr.query(sql, params, true)) as { affected?: number | null };
    return res.affected ?? 0;
  };
  // The dashboards' derived tables are built once at the end (DashboardRollups.rebuild), not per row by triggers.
  await exec(`SELECT set_config('freiraum.dash_bulk', 'on', true)`);
  const step = async (name: string, sql: string, params: unknown[] = [], table?: string) => {
    report.start?.(name);
    const n = await exec(sql, params);
    report(name, n, table);
    return n;
  };

  await exec(`SET LOCAL work_mem = '512MB'`);
  await exec(`SET LOCAL jit = off`);
  await exec(`SET LOCAL synchronous_commit = off`);

  // ---------- organisation ----------
  const slug = domainSlug(options.name);
  let emailDomain = '';
  for (let n = 1; ; n++) {
    const candidate = `${slug}${n === 1 ? '' : `-${n}`}.example`;
    const taken = await qr.query(`SELECT 1 FROM users WHERE email LIKE $1 LIMIT 1`, [`%@${candidate}`]);
    if (!taken.length) {
      emailDomain = candidate;
      break;
    }
  }
  const { organization } = await insertOrganizationWithTracks(qr.manager, {
    name: options.name,
    timeZone: SCALE_TIME_ZONE,
    defaultLanguage: 'de',
    aiPolicy: SCALE_AI_POLICY,
  });
  const orgId = organization.id;
  const ORG = `${lit(orgId)}::uuid`;
  const HS = `DATE ${lit(historyStart)}`;
  const TODAY = `DATE ${lit(today)}`;
  const NOW = `TIMESTAMPTZ ${lit(now.toISOString())}`;
  // Two weeks before the history, plus a sliver that grows with the real time of the run: a later run's
  // organisation always has the later created_at (scripts pick "the newest organisation of that name").
  const orgCreatedMs =
    Date.parse(`${historyStart}T08:00:00Z`) -
    14 * 86_400_000 +
    Math.round((now.getTime() - Date.parse(`${historyStart}T00:00:00Z`)) / 1000);
  const ORG_CREATED = `TIMESTAMPTZ ${lit(new Date(orgCreatedMs).toISOString())}`;
  // Everyone on the first day came in one import (37 ms a row), right after the organisation was set up.
  const importMs = (idx: number) => orgCreatedMs + 3_600_000 + idx * 37;
  const IMPORTED = `TIMESTAMPTZ ${lit(new Date(importMs(options.employees) + 1000).toISOString())}`;

  const seed = Math.abs(Math.trunc(options.seed)) % 1_000_000_007;
  await exec(`CREATE OR REPLACE FUNCTION pg_temp.rnd(k bigint, salt int) RETURNS float8 LANGUAGE sql IMMUTABLE AS
    $$ SELECT ((hashint8extended(k, salt::bigint * 1000003 + ${seed}) >> 11) & 9007199254740991)::float8 / 9007199254740992.0 $$`);
  await exec(`CREATE OR REPLACE FUNCTION pg_temp.at_local(d date, minutes float8) RETURNS timestamptz LANGUAGE sql IMMUTABLE AS
    $$ SELECT (d + make_interval(secs => minutes * 60)) AT TIME ZONE ${lit(SCALE_TIME_ZONE)} $$`);
  await exec(`CREATE OR REPLACE FUNCTION pg_temp.workday(d date) RETURNS date LANGUAGE sql IMMUTABLE AS
    $$ SELECT d + CASE extract(isodow FROM d)::int WHEN 6 THEN 2 WHEN 7 THEN 1 ELSE 0 END $$`);
  // Random v4-format ids whose first 48 bits are the creation time: rows inserted in time order then append
  // to the primary-key index instead of landing all over it (about a quarter faster on the big tables).
  await exec(`CREATE OR REPLACE FUNCTION pg_temp.tuuid(ts timestamptz) RETURNS uuid LANGUAGE sql VOLATILE AS
    $$ SELECT (lpad(to_hex(floor(extract(epoch FROM ts) * 1000)::bigint), 12, '0') || right(replace(gen_random_uuid()::text, '-', ''), 20))::uuid $$`);
  await exec(`CREATE OR REPLACE FUNCTION pg_temp.pick(arr text[], u float8) RETURNS text LANGUAGE sql IMMUTABLE AS
    $$ SELECT arr[1 + floor(u * array_length(arr, 1))::int] $$`);

  await exec(`UPDATE organizations SET created_at = ${ORG_CREATED} WHERE id = ${ORG}`);
  await exec(
    `CREATE TEMP TABLE sc_dept ON COMMIT DROP AS
       SELECT (ord - 1)::int AS idx, gen_random_uuid() AS id, name FROM unnest($1::text[]) WITH ORDINALITY AS d(name, ord)`,
    [plan.departments.map((d) => d.name)],
  );
  await exec(`INSERT INTO departments (id, organization_id, name) SELECT id, ${ORG}, name FROM sc_dept`);
  report('organisation, tracks, departments', 1 + 4 + plan.departments.length);
  rows.organizations = 1;
  rows.tracks = 4;
  rows.departments = plan.departments.length;

  // ---------- learning content as temporary lookup tables ----------
  await exec(`CREATE TEMP TABLE sc_pm ON COMMIT DROP AS
    WITH paths AS (
      SELECT DISTINCT ON (track_slug) id, slug, track_slug, version FROM learning_paths
       WHERE retired_at IS NULL AND track_slug IN ('leadership', 'sales', 'translation', 'administration')
       ORDER BY track_slug, slug)
    SELECT p.id AS path_id, p.slug AS path_slug, p.track_slug, p.version AS path_version, p.title AS path_title,
           m.id AS module_id, m.version AS module_version,
           (row_number() OVER (PARTITION BY p.id ORDER BY pm.position) - 1)::int AS pos,
           (count(*) OVER (PARTITION BY p.id))::int AS n_modules
      FROM (SELECT pa.*, lp.title FROM paths pa JOIN learning_paths lp ON lp.id = pa.id) p
      JOIN learning_path_modules pm ON pm.path_id = p.id
      JOIN learning_modules m ON m.id = pm.module_id AND m.retired_at IS NULL`);
  await exec(`CREATE TEMP TABLE sc_item ON COMMIT DROP AS
    SELECT i.id AS item_id, i.module_id, i.kind, i.exercise_type, i.version, i.content -> 'title' AS title,
           (row_number() OVER (PARTITION BY i.module_id ORDER BY i.position) - 1)::int AS ord,
           CASE WHEN i.kind = 'exercise' THEN (row_number() OVER (PARTITION BY i.module_id, i.kind ORDER BY i.position) - 1)::int END AS ex_ord
      FROM learning_items i
     WHERE i.retired_at IS NULL AND i.module_id IN (SELECT module_id FROM sc_pm)`);
  await exec(`CREATE TEMP TABLE sc_mod ON COMMIT DROP AS
    SELECT module_id, count(*) FILTER (WHERE kind = 'exercise')::int AS n_ex FROM sc_item GROUP BY module_id`);
  const exercises: { id: string; content: ExerciseContent }[] = await qr.query(
    `SELECT i.id, i.content FROM learning_items i JOIN sc_item s ON s.item_id = i.id WHERE s.kind = 'exercise'`,
  );
  const variants = answerVariants(exercises);
  const missing = exercises.filter((e) => !variants.some((v) => v.item_id === e.id && v.variant === 'pass'));
  if (missing.length)
    throw new Error(`No passing answer could be built for exercise(s) ${missing.map((m) => m.id).join(', ')}`);
  await exec(
    `CREATE TEMP TABLE sc_ans ON COMMIT DROP AS
       SELECT * FROM jsonb_to_recordset($1::jsonb)
         AS x(item_id uuid, lang text, variant text, answer jsonb, score real, passed boolean, feedback jsonb)`,
    [JSON.stringify(variants)],
  );
  await exec(`CREATE TEMP TABLE sc_var ON COMMIT DROP AS
    SELECT item_id, lang, bool_or(variant = 'pass') AS has_pass, bool_or(variant = 'fail') AS has_fail FROM sc_ans GROUP BY item_id, lang`);
  await exec(`CREATE TEMP TABLE sc_track_ex ON COMMIT DROP AS
    SELECT pm.track_slug, array_agg(i.item_id ORDER BY pm.pos, i.ord) AS ids
      FROM sc_pm pm JOIN sc_item i ON i.module_id = pm.module_id AND i.kind = 'exercise' GROUP BY pm.track_slug`);
  for (const t of ['sc_pm', 'sc_item', 'sc_mod', 'sc_ans', 'sc_var']) await exec(`ANALYZE ${t}`);
  report('content lookup and graded answers', variants.length);

  // ---------- people ----------
  const pad = Math.max(5, String(options.employees).length);
  const people = plan.people.map((p) => ({
    idx: p.idx,
    id: randomUUID(),
    first_name: p.firstName,
    last_name: p.lastName,
    email: `person${String(p.idx).padStart(pad, '0')}@${emailDomain}`,
    dept: p.dept,
    level: p.level,
    mgr_idx: p.managerIdx,
    track: p.track,
    roles: p.roles,
    lang: p.language,
    created_at:
      p.hireDay === null
        ? new Date(importMs(p.idx)).toISOString()
        : new Date(
            Date.parse(`${historyStart}T08:00:00Z`) + p.hireDay * 86_400_000 + (p.idx % 480) * 60_000,
          ).toISOString(),
    deact_at:
      p.deactivatedDay === null
        ? null
        : new Date(Date.parse(`${historyStart}T15:00:00Z`) + p.deactivatedDay * 86_400_000).toISOString(),
    reviewer_idx: p.reviewerIdx,
    esc_idx: p.escalationIdx,
    ever_active: p.everActive,
    start_day: p.startDay,
    last_day: p.lastDay,
    reach: p.everActive ? p.reach : 0,
    gap: p.gap,
    skill: p.skill,
    sec_track: p.everActive ? p.secTrack : null,
    sec_reach: p.secReach,
    sec_start_day: p.secStartDay,
    browse_track: p.everActive ? p.browseTrack : null,
    browse: p.browse,
    browse_day: p.browseDay,
    usage: p.everActive ? p.usage : 0,
    journal_p: p.journalP,
    share_p: p.shareP,
  }));
  await exec(
    `CREATE TEMP TABLE sp ON COMMIT DROP AS
     WITH j AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(
         idx int, id uuid, first_name text, last_name text, email text, dept int, level int, mgr_idx int, track text,
         roles text[], lang text, created_at timestamptz, deact_at timestamptz, reviewer_idx int, esc_idx int,
         ever_active boolean, start_day int, last_day int, reach int, gap int, skill float8, sec_track text, sec_reach int,
         sec_start_day int, browse_track text, browse int, browse_day int, usage float8, journal_p float8, share_p float8))
     SELECT j.*, coalesce(j.lang, 'de') AS ulang, m.id AS mgr_id, r.id AS reviewer_id, e.id AS esc_id,
            d.id AS dept_id, t.id AS track_id
       FROM j
       LEFT JOIN j m ON m.idx = j.mgr_idx
       JOIN j r ON r.idx = j.reviewer_idx
       JOIN j e ON e.idx = j.esc_idx
       JOIN sc_dept d ON d.idx = j.dept
       JOIN tracks t ON t.organization_id = ${ORG} AND t.slug = j.track`,
    [JSON.stringify(people)],
  );
  await exec(`CREATE UNIQUE INDEX ON sp (idx)`);
  await exec(`ANALYZE sp`);
  await step(
    'users',
    `INSERT INTO users (id, organization_id, email, first_name, last_name, password_hash, roles, track_id, department_id,
                        manager_id, language, active, deactivated_at, created_at, updated_at)
     SELECT id, ${ORG}, email, first_name, last_name, $1, roles, track_id, dept_id, mgr_id, lang, deact_at IS NULL, deact_at,
            created_at, coalesce(deact_at, created_at)
       FROM sp ORDER BY idx`,
    [passwordHash],
    'users',
  );

  // ---------- learning: modules started, in path order ----------
  const SM_KEY = `(p.idx::bigint * 4096 + src * 64 + pm.pos)`;
  await step(
    'learning plan (modules started)',
    `CREATE TEMP TABLE sm ON COMMIT DROP AS
     WITH cand AS (
       SELECT p.idx, p.id AS user_id, p.ulang, p.skill, p.reviewer_id, p.last_day, p.deact_at, pm.path_id, pm.pos, pm.module_id,
              pm.module_version, src, ${SM_KEY} AS key,
              CASE src WHEN 0 THEN p.start_day + pm.pos * p.gap ELSE p.sec_start_day + (pm.pos - 1) * p.gap END AS day
         FROM sp p
         CROSS JOIN (VALUES (0), (1)) s(src)
         JOIN sc_pm pm ON (src = 0 AND pm.track_slug = p.track AND pm.pos < p.reach)
                       OR (src = 1 AND pm.track_slug = p.sec_track AND pm.pos BETWEEN 1 AND p.sec_reach)
        WHERE src = 0 OR NOT EXISTS (SELECT 1 FROM sc_pm own WHERE own.track_slug = p.track AND own.module_id = pm.module_id)
     ), dated AS (
       SELECT c.*, pg_temp.at_local(pg_temp.workday(${HS} + c.day), 480 + floor(pg_temp.rnd(c.key, 1) * 540)) AS started_at
         FROM cand c WHERE c.day <= c.last_day
     ), kept AS (
       SELECT d.*, max(d.pos) OVER (PARTITION BY d.idx, d.src) AS last_pos
         FROM dated d WHERE d.started_at < ${NOW} - interval '1 day'
     )
     SELECT k.*, md.n_ex,
            (k.pos < k.last_pos OR (pg_temp.rnd(k.key, 2) < 0.55 AND k.started_at < ${NOW} - interval '6 days'
                                    AND (k.deact_at IS NULL OR k.started_at < k.deact_at - interval '6 days'))) AS done,
            floor(pg_temp.rnd(k.key, 3) * md.n_ex)::int AS k_done
       FROM kept k JOIN sc_mod md ON md.module_id = k.module_id`,
  );
  await exec(`ANALYZE sm`);

  await step(
    'lesson reads (plan)',
    `CREATE TEMP TABLE slr ON COMMIT DROP AS
     SELECT m.user_id, i.item_id, i.version, m.started_at + make_interval(mins => i.ord * 12) AS read_at
       FROM sm m JOIN sc_item i ON i.module_id = m.module_id AND i.kind = 'lesson'
     UNION ALL
     SELECT p.id, i.item_id, i.version,
            pg_temp.at_local(pg_temp.workday(${HS} + p.browse_day), 600 + pm.pos * 9 + floor(pg_temp.rnd(p.idx, 6) * 300))
       FROM sp p
       JOIN sc_pm pm ON pm.track_slug = p.browse_track AND pm.pos BETWEEN 1 AND p.browse
       JOIN sc_item i ON i.module_id = pm.module_id AND i.kind = 'lesson' AND i.ord = 0
      WHERE pg_temp.workday(${HS} + p.browse_day) < ${TODAY}`,
  );
  await step(
    'lesson_reads',
    `INSERT INTO lesson_reads (id, organization_id, user_id, item_id, content_version, read_at)
     SELECT pg_temp.tuuid(read_at), ${ORG}, user_id, item_id, version, read_at FROM slr ORDER BY read_at`,
    [],
    'lesson_reads',
  );

  // Attempts: passed exercises may first fail a few times; the exercise where an unfinished module stopped
  // has failed tries or a practice submission waiting for (or sent back from) review.
  await step(
    'exercise attempts (plan)',
    `CREATE TEMP TABLE sa ON COMMIT DROP AS
     WITH ex AS (
       SELECT m.idx, m.user_id, m.ulang, m.skill, m.reviewer_id, m.deact_at, m.module_id, m.done, m.path_id, m.src, m.key AS mkey,
              i.item_id, i.exercise_type AS et, i.version, i.ord, i.ex_ord, i.title,
              coalesce(v.has_fail, false) AS has_fail,
              (m.done OR i.ex_ord < m.k_done) AS passes,
              m.started_at + make_interval(mins => i.ord * 35) AS t0,
              m.key * 8 + i.ex_ord AS key
         FROM sm m
         JOIN sc_item i ON i.module_id = m.module_id AND i.kind = 'exercise'
         LEFT JOIN sc_var v ON v.item_id = i.item_id AND v.lang = m.ulang
        WHERE m.done OR i.ex_ord <= m.k_done
     ), planned AS (
       SELECT e.*,
              least(0.9, CASE e.et WHEN 'quiz' THEN 0.55 WHEN 'review' THEN 0.7 WHEN 'prompt' THEN 0.85 ELSE 0 END * (1.4 - e.skill)) AS p_fail,
              pg_temp.rnd(e.key, 4) AS u1, pg_temp.rnd(e.key, 5) AS u2, pg_temp.rnd(e.key, 6) AS u3,
              interval '4 hours' + pg_temp.rnd(e.key, 7) * interval '36 hours' AS h1,
              interval '4 hours' + pg_temp.rnd(e.key, 8) * interval '36 hours' AS h2
         FROM ex e
     ), counted AS (
       SELECT p.*,
              CASE WHEN p.et IN ('quiz', 'review', 'prompt') AND p.has_fail THEN
                CASE WHEN p.passes THEN
                  CASE WHEN p.u1 < p.p_fail ^ 3 THEN 3 WHEN p.u1 < p.p_fail ^ 2 THEN 2 WHEN p.u1 < p.p_fail THEN 1 ELSE 0 END
                ELSE CASE WHEN p.u2 < 0.7 THEN 1 + (p.u1 < 0.4)::int ELSE 0 END END
              ELSE 0 END AS n_fail,
              (p.et = 'practice' AND p.passes AND p.u2 < 0.25) AS revised,
              (p.et IN ('quiz', 'review', 'prompt') AND p.done AND p.u3 < 0.35) AS retake
         FROM planned p
     ), expanded AS (
       SELECT c.*, a.n,
              CASE
                WHEN c.et = 'practice' THEN
                  CASE WHEN NOT c.passes THEN CASE WHEN c.t0 < ${NOW} - interval '14 days' THEN 'revision_requested' ELSE 'submitted' END
                       WHEN c.revised AND a.n = 1 THEN 'revision_requested' ELSE 'accepted' END
                ELSE 'graded' END AS status0,
              CASE
                WHEN c.et = 'practice' AND a.n = 2 THEN c.t0 + c.h1 + interval '3 hours'
                WHEN c.et = 'practice' THEN c.t0
                WHEN a.n <= c.n_fail + 1 THEN c.t0 + (a.n - 1) * interval '9 minutes'
                ELSE c.t0 + interval '2 days 150 minutes' END AS created_at,
              CASE WHEN c.et IN ('quiz', 'review', 'prompt') AND a.n <= c.n_fail THEN 'fail' ELSE 'pass' END AS variant
         FROM counted c
         CROSS JOIN LATERAL generate_series(1,
           CASE
             WHEN c.et = 'practice' THEN 1 + c.revised::int
             WHEN c.et = 'reflection' THEN c.passes::int
             WHEN c.passes THEN c.n_fail + 1 + c.retake::int
             ELSE c.n_fail END) AS a(n)
     ), reviewed AS (
       SELECT x.*,
              CASE WHEN x.et <> 'practice' OR x.status0 = 'submitted' THEN NULL
                   WHEN x.n = 2 THEN x.created_at + x.h2 ELSE x.created_at + x.h1 END AS reviewed_at0
         FROM expanded x
     )
     SELECT pg_temp.tuuid(r.created_at) AS id, r.idx, r.user_id, r.item_id, r.module_id, r.mkey, r.et, r.version, r.title, r.n,
            r.created_at, r.ulang,
            -- a review that would lie in the future is still waiting
            CASE WHEN r.reviewed_at0 > ${NOW} THEN 'submitted' ELSE r.status0 END AS status,
            CASE WHEN r.reviewed_at0 > ${NOW} THEN NULL ELSE r.reviewed_at0 END AS reviewed_at,
            CASE WHEN r.et = 'practice' THEN r.reviewer_id END AS reviewer_id,
            CASE WHEN r.reviewed_at0 > ${NOW} OR r.reviewed_at0 IS NULL THEN NULL
                 WHEN r.status0 = 'revision_requested' THEN pg_temp.pick(${textArray(REVIEW_REVISE_NOTES)}, pg_temp.rnd(r.key, 9))
                 WHEN pg_temp.rnd(r.key, 10) < 0.5 THEN pg_temp.pick(${textArray(REVIEW_ACCEPT_NOTES)}, pg_temp.rnd(r.key, 9))
                 ELSE '' END AS review_note,
            CASE WHEN r.et = 'practice' THEN r.status0 = 'accepted' AND r.reviewed_at0 <= ${NOW} ELSE coalesce(a.passed, false) END AS passed,
            a.answer, CASE WHEN r.et = 'practice' THEN NULL ELSE a.score END AS score,
            coalesce(a.feedback, '{}'::jsonb) AS feedback
       FROM reviewed r
       LEFT JOIN sc_ans a ON a.item_id = r.item_id AND a.lang = r.ulang AND a.variant = r.variant
      WHERE r.created_at <= ${NOW} AND (r.deact_at IS NULL OR r.created_at < r.deact_at)`,
  );
  await exec(`ANALYZE sa`);
  await step(
    'exercise_attempts',
    `INSERT INTO exercise_attempts (id, organization_id, user_id, item_id, content_version, answer, score, passed, feedback,
                                    status, reviewer_id, review_note, reviewed_at, created_at)
     SELECT id, ${ORG}, user_id, item_id, version, answer, score, passed, feedback, status, reviewer_id,
            nullif(review_note, ''), reviewed_at, created_at
       FROM sa ORDER BY created_at`,
    [],
    'exercise_attempts',
  );

  // A module completes when its last required exercise passes (the acceptance, for practice work).
  await step(
    'module completions (plan)',
    `CREATE TEMP TABLE smc ON COMMIT DROP AS
     WITH firsts AS (
       SELECT mkey, item_id, min(CASE WHEN et = 'practice' THEN reviewed_at ELSE created_at END) FILTER (WHERE passed) AS passed_at
         FROM sa GROUP BY mkey, item_id
     )
     SELECT m.key, m.idx, m.user_id, m.module_id, m.module_version, m.path_id, m.src, max(f.passed_at) AS completed_at
       FROM sm m JOIN firsts f ON f.mkey = m.key
      WHERE m.done
      GROUP BY m.key, m.idx, m.user_id, m.module_id, m.module_version, m.path_id, m.src, m.n_ex
     HAVING count(f.passed_at) = m.n_ex`,
  );
  await step(
    'module_completions',
    `INSERT INTO module_completions (id, organization_id, user_id, module_id, module_version, completed_at)
     SELECT pg_temp.tuuid(completed_at), ${ORG}, user_id, module_id, module_version, completed_at FROM smc ORDER BY completed_at`,
    [],
    'module_completions',
  );
  await step(
    'certificates (plan)',
    `CREATE TEMP TABLE sce ON COMMIT DROP AS
     WITH done AS (
       SELECT c.idx, c.user_id, c.path_id, max(c.completed_at) AS completed_at, count(*) AS n
         FROM smc c JOIN sc_pm pm ON pm.path_id = c.path_id AND pm.module_id = c.module_id
        GROUP BY c.idx, c.user_id, c.path_id
     )
     SELECT d.idx, d.user_id, d.path_id, pv.path_version, d.completed_at,
            'FR-' || (SELECT string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ',
                                               1 + get_byte(decode(md5(${ORG}::text || d.idx || d.path_id::text), 'hex'), g) % 32, 1)
                                        || CASE WHEN g = 3 THEN '-' ELSE '' END, '' ORDER BY g)
                        FROM generate_series(0, 7) g) AS code
       FROM done d JOIN (SELECT DISTINCT path_id, path_version, n_modules FROM sc_pm) pv ON pv.path_id = d.path_id
      WHERE d.n = pv.n_modules`,
  );
  await step(
    'certificates',
    `INSERT INTO certificates (organization_id, user_id, path_id, path_version, code, completed_at)
     SELECT ${ORG}, user_id, path_id, path_version, code, completed_at FROM sce`,
    [],
    'certificates',
  );

  // HR assigned the leadership path to every manager early on, and later the sales path to customer service.
  const hr0 = plan.hrIdx[0];
  await step(
    'learning assignments (plan)',
    `CREATE TEMP TABLE sla ON COMMIT DROP AS
     WITH raw AS (
       SELECT p.idx, p.id AS user_id, pm.path_id, pm.path_slug, pm.path_title,
              ${HS} + 130 AS due_date, pg_temp.at_local(${HS} + 40, 600) AS created_at
         FROM sp p JOIN (SELECT DISTINCT path_id, path_slug, path_title FROM sc_pm WHERE track_slug = 'leadership') pm ON true
        WHERE 'manager' = ANY(p.roles) AND p.mgr_idx IS NOT NULL AND p.created_at < pg_temp.at_local(${HS} + 40, 600)
       UNION ALL
       SELECT p.idx, p.id, pm.path_id, pm.path_slug, pm.path_title, ${TODAY} + 20, pg_temp.at_local(${HS} + 200, 630)
         FROM sp p JOIN (SELECT DISTINCT path_id, path_slug, path_title FROM sc_pm WHERE track_slug = 'sales') pm ON true
        WHERE p.dept = 6 AND p.deact_at IS NULL AND p.created_at < pg_temp.at_local(${HS} + 200, 630)
     )
     SELECT r.*, c.completed_at AS certified_at,
            array_remove(ARRAY[
              CASE WHEN r.due_date - 7 < ${TODAY} AND (c.completed_at IS NULL OR c.completed_at > pg_temp.at_local(r.due_date - 7, 0)) THEN 'due_in_7_days' END,
              CASE WHEN r.due_date - 1 < ${TODAY} AND (c.completed_at IS NULL OR c.completed_at > pg_temp.at_local(r.due_date - 1, 0)) THEN 'due_in_1_day' END,
              CASE WHEN r.due_date < ${TODAY} AND (c.completed_at IS NULL OR c.completed_at > pg_temp.at_local(r.due_date + 1, 0)) THEN 'overdue' END
            ], NULL) AS notices
       FROM raw r LEFT JOIN sce c ON c.user_id = r.user_id AND c.path_id = r.path_id`,
  );
  await step(
    'learning_assignments',
    `INSERT INTO learning_assignments (organization_id, user_id, path_id, due_date, assigned_by, created_at, notices_sent)
     SELECT ${ORG}, user_id, path_id, due_date, (SELECT id FROM sp WHERE idx = ${hr0}), created_at, notices FROM sla`,
    [],
    'learning_assignments',
  );

  // ---------- Freiraum ----------
  // The twelve months of history and the next one, for which slots are already requested.
  await exec(`CREATE TEMP TABLE smo ON COMMIT DROP AS
    SELECT m, to_char(s, 'YYYY-MM') AS key, s::date AS start, (s + interval '1 month')::date AS "end"
      FROM generate_series(0, 12) m, LATERAL (SELECT (${HS} + make_interval(months => m))::date AS s) x`);
  await exec(`CREATE TEMP TABLE swd ON COMMIT DROP AS
    SELECT o.m, g.day::date AS d, (row_number() OVER (PARTITION BY o.m ORDER BY g.day))::int AS n
      FROM smo o, generate_series(o.start, o."end" - 1, interval '1 day') AS g(day)
     WHERE extract(isodow FROM g.day) < 6`);
  // For every calendar day: the weekdays of its month before it and up to it.
  await exec(`CREATE TEMP TABLE sday ON COMMIT DROP AS
    SELECT o.m, g.day::date AS d,
           (SELECT count(*) FROM swd w WHERE w.m = o.m AND w.d < g.day::date)::int AS n_before,
           (SELECT count(*) FROM swd w WHERE w.m = o.m AND w.d <= g.day::date)::int AS n_upto
      FROM smo o, generate_series(o.start, o."end" - 1, interval '1 day') AS g(day)`);
  await exec(`CREATE UNIQUE INDEX ON swd (m, n)`);
  await exec(`CREATE UNIQUE INDEX ON sday (d)`);

  // Allocations exist where someone used Freiraum in a month (the app creates them lazily); a few were
  // set by the manager to more (or less) than the default 8 hours.
  await step(
    'freiraum allocations (plan)',
    `CREATE TEMP TABLE sfa ON COMMIT DROP AS
     WITH base AS (
       SELECT p.idx, p.id AS user_id, p.created_at AS user_created, p.reviewer_id AS decider_id, p.usage, p.track, o.m,
              o.key AS period_key, o.start, o."end",
              greatest(o.start, ${HS} + p.start_day, p.created_at::date + 1) AS ws,
              CASE WHEN p.last_day >= ${historyDays} AND p.deact_at IS NULL THEN least(o."end" - 1, ${TODAY} + 21)
                   ELSE least(o."end" - 1, ${HS} + p.last_day) END AS we,
              p.idx::bigint * 16 + o.m AS key
         FROM sp p CROSS JOIN smo o
        WHERE p.usage > 0 AND (o.m < 12 OR p.last_day >= ${historyDays})
     )
     SELECT gen_random_uuid() AS id, b.*, lo.n_before + 1 AS n_lo, hi.n_upto AS n_hi, u.u,
            CASE WHEN u.u < 0.06 THEN 16 WHEN u.u < 0.16 THEN 12 WHEN u.u < 0.17 THEN 4 ELSE 8 END::numeric AS hours,
            u.u < 0.17 AS custom,
            least(pg_temp.at_local(b.ws, 540 + pg_temp.rnd(b.key, 33) * 120), ${NOW} - interval '1 hour') AS set_at
       FROM base b
       JOIN sday lo ON lo.d = b.ws
       JOIN sday hi ON hi.d = b.we
       CROSS JOIN LATERAL (SELECT pg_temp.rnd(b.key, 31) AS u) u
      WHERE b.ws <= b.we AND lo.n_before + 1 <= hi.n_upto AND pg_temp.rnd(b.key, 30) >= 0.05`,
  );
  await exec(`ANALYZE sfa`);

  // Requests: up to sixteen slots spread over the month's weekdays; pending plus approved never exceed the
  // allocation (the running sum stops there), rejected and cancelled ones come on top.
  await step(
    'freiraum requests (plan)',
    `CREATE TEMP TABLE sfr ON COMMIT DROP AS
     WITH cand AS (
       SELECT a.id AS allocation_id, a.idx, a.user_id, a.user_created, a.decider_id, a.track, a.m, a.hours AS alloc_hours, j,
              a.key * 16 + j AS key,
              -- next month is only partly planned yet
              least(a.hours, round(a.hours * a.usage * (0.8 + 0.4 * pg_temp.rnd(a.key, 32)) * CASE WHEN a.m = 12 THEN 0.4 ELSE 1 END * 2) / 2) AS target,
              a.n_lo + floor(((j - 1) + pg_temp.rnd(a.key * 16 + j, 34)) / 16.0 * (a.n_hi - a.n_lo + 1))::int AS n,
              pg_temp.rnd(a.key * 16 + j, 35) AS uh
         FROM sfa a CROSS JOIN generate_series(1, 16) j
     ), slotted AS (
       -- mostly an hour at a time, asked for a few days ahead (not before the account existed)
       SELECT c.*, w.d AS slot_date,
              (CASE WHEN c.uh < 0.15 THEN 0.5 WHEN c.uh < 0.75 THEN 1 WHEN c.uh < 0.83 THEN 1.5 WHEN c.uh < 0.96 THEN 2
                    WHEN c.uh < 0.99 THEN 3 ELSE 4 END)::numeric AS hours,
              greatest(c.user_created + interval '30 minutes',
                CASE WHEN w.d < ${TODAY}
                     THEN pg_temp.at_local(w.d - (1 + floor(pg_temp.rnd(c.key, 37) ^ 2 * 12))::int, 450 + pg_temp.rnd(c.key, 38) * 600)
                     ELSE least(pg_temp.at_local(w.d - (1 + floor(pg_temp.rnd(c.key, 37) ^ 2 * 12))::int, 450 + pg_temp.rnd(c.key, 38) * 600),
                                ${NOW} - interval '3 hours' - pg_temp.rnd(c.key, 39) * interval '5 days') END) AS created_at,
              pg_temp.rnd(c.key, 36) AS us
         FROM cand c JOIN swd w ON w.m = c.m AND w.n = c.n
     ), st AS (
       -- past slots are decided; ahead, what was asked in the last day mostly waits, a few have waited too long
       SELECT s.*,
              CASE WHEN s.slot_date < ${TODAY}
                   THEN CASE WHEN s.us < 0.87 THEN 'approved' WHEN s.us < 0.935 THEN 'rejected' ELSE 'cancelled' END
                   WHEN s.us >= 0.95 THEN 'cancelled'
                   WHEN (s.created_at > ${NOW} - interval '30 hours' AND s.us < 0.65) OR s.us < 0.04 THEN 'pending'
                   ELSE 'approved' END AS status
         FROM slotted s
     ), run AS (
       SELECT st.*, coalesce(sum(hours) FILTER (WHERE status IN ('approved', 'pending'))
                               OVER (PARTITION BY allocation_id ORDER BY j), 0) AS running
         FROM st
     ), kept AS (
       SELECT r.* FROM run r
        WHERE (r.status IN ('approved', 'pending') AND r.running <= r.target)
           OR (r.status NOT IN ('approved', 'pending') AND r.running < r.target)
     ), timed AS (
       SELECT k.*,
              CASE WHEN pg_temp.rnd(k.key, 40) < 0.7 THEN interval '20 minutes' + pg_temp.rnd(k.key, 41) * interval '20 hours'
                   WHEN pg_temp.rnd(k.key, 40) < 0.96 THEN interval '20 hours' + pg_temp.rnd(k.key, 41) * interval '50 hours'
                   ELSE interval '73 hours' + pg_temp.rnd(k.key, 41) * interval '48 hours' END AS delay,
              pg_temp.rnd(k.key, 42) AS u42, pg_temp.rnd(k.key, 43) AS u43, pg_temp.rnd(k.key, 44) AS u44
         FROM kept k
     ), decided AS (
       SELECT t.*,
              -- the decision: before the slot starts, never in the future, never before the request
              greatest(t.created_at + interval '10 minutes',
                       least(t.created_at + t.delay, pg_temp.at_local(t.slot_date, 450), ${NOW} - interval '1 hour')) AS decided0
         FROM timed t
     ), cancel AS (
       -- an approved slot can be cancelled only before its day
       SELECT d.*, (d.status = 'cancelled' AND d.u42 < 0.45
                    AND d.decided0 < pg_temp.at_local(d.slot_date - 1, 1080) - interval '1 hour') AS after_approval
         FROM decided d
     ), cancel_at AS (
       SELECT c.*,
              CASE WHEN c.status = 'cancelled' THEN
                least(CASE WHEN c.after_approval THEN c.decided0 ELSE c.created_at END + interval '5 minutes'
                        + c.u43 * greatest(interval '0', pg_temp.at_local(c.slot_date - 1, 1080)
                                                         - CASE WHEN c.after_approval THEN c.decided0 ELSE c.created_at END),
                      ${NOW} - interval '30 minutes') END AS cancelled_at
         FROM cancel c
     ), final AS (
       SELECT c.*,
              CASE WHEN c.status IN ('approved', 'rejected') OR c.after_approval THEN c.decided0 END AS approved_or_rejected_at,
              CASE WHEN c.status = 'pending' THEN c.created_at < ${NOW} - interval '3 days'
                   WHEN c.status IN ('approved', 'rejected') OR c.after_approval THEN c.decided0 - c.created_at > interval '3 days 20 minutes'
                   ELSE c.cancelled_at - c.created_at > interval '3 days 20 minutes' END AS escalated
         FROM cancel_at c
     )
     SELECT pg_temp.tuuid(d.created_at) AS id, d.allocation_id, d.idx, d.user_id, d.track, d.key, d.slot_date, d.hours, d.created_at,
            d.status, d.approved_or_rejected_at,
            CASE WHEN d.status = 'cancelled' THEN d.cancelled_at ELSE d.approved_or_rejected_at END AS decided_at,
            CASE WHEN d.approved_or_rejected_at IS NOT NULL THEN
                   CASE WHEN d.escalated AND d.u44 < 0.5 THEN p.esc_id ELSE d.decider_id END END AS decided_by,
            CASE WHEN d.status = 'rejected' THEN pg_temp.pick(${textArray(REJECTION_NOTES)}, d.u43)
                 WHEN d.status = 'approved' AND d.u44 < 0.12 THEN pg_temp.pick(${textArray(APPROVAL_NOTES)}, d.u43) END AS decision_note,
            CASE WHEN d.escalated THEN least(d.created_at + interval '3 days 20 minutes', ${NOW} - interval '1 minute') END AS escalated_at,
            CASE WHEN d.after_approval THEN 'approved' WHEN d.status = 'cancelled' THEN 'pending' END AS cancelled_from,
            p.esc_id, p.mgr_id,
            CASE WHEN pg_temp.rnd(d.key, 45) < 0.33 THEN 'exercise' ELSE 'experiment' END AS purpose_type,
            NULL::uuid AS use_case_id,
            te.ids[1 + floor(pg_temp.rnd(d.key, 46) * array_length(te.ids, 1))::int] AS exercise_ex,
            ${byTrack(EXPERIMENTS, 'd.track', 'pg_temp.rnd(d.key, 47)')} AS experiment
       FROM final d
       JOIN sp p ON p.idx = d.idx
       LEFT JOIN sc_track_ex te ON te.track_slug = d.track`,
  );
  await exec(`ANALYZE sfr`);

  // ---------- journal, flags, use cases, kudos ----------
  await step(
    'journal entries (plan)',
    `CREATE TEMP TABLE sje ON COMMIT DROP AS
     WITH base AS (
       SELECT r.id AS request_id, r.idx, r.user_id, r.key, r.slot_date, r.track, r.purpose_type, r.experiment,
              p.mgr_id, p.reviewer_id, p.share_p, p.dept_id, p.track_id, p.deact_at,
              pg_temp.rnd(r.key, 50) AS u_tool, pg_temp.rnd(r.key, 51) AS u_class, pg_temp.rnd(r.key, 52) AS u_out,
              pg_temp.rnd(r.key, 53) AS u_min, pg_temp.rnd(r.key, 54) AS u_vis, pg_temp.rnd(r.key, 55) AS u_bad,
              least(pg_temp.at_local(r.slot_date + CASE WHEN pg_temp.rnd(r.key, 56) < 0.7 THEN 0 ELSE 1 + floor(pg_temp.rnd(r.key, 57) * 3)::int END,
                                     840 + pg_temp.rnd(r.key, 58) * 210),
                    ${NOW} - interval '1 hour', coalesce(p.deact_at - interval '1 hour', 'infinity')) AS created_at
         FROM sfr r JOIN sp p ON p.idx = r.idx
        WHERE r.status = 'approved' AND r.slot_date < ${TODAY} AND pg_temp.rnd(r.key, 59) < p.journal_p
     ), tooled AS (
       SELECT b.*,
              CASE WHEN b.u_tool < 0.03 THEN 'other'
                   WHEN b.track = 'translation' AND b.u_tool < 0.45 THEN 'deepl-pro'
                   WHEN b.u_tool < 0.38 THEN 'm365-copilot' WHEN b.u_tool < 0.62 THEN 'chatgpt-enterprise'
                   WHEN b.u_tool < 0.72 THEN 'deepl-pro' WHEN b.u_tool < 0.88 THEN 'local-llm' ELSE 'chatgpt-free' END AS tool_id
         FROM base b
     ), classed AS (
       SELECT t.*,
              -- about one entry in seventy uses a tool with data it may not receive: an AI-policy flag
              (t.u_bad < 0.015 AND t.tool_id <> 'local-llm') AS flagged,
              CASE WHEN t.u_bad < 0.015 AND t.tool_id <> 'local-llm' THEN
                     CASE t.tool_id WHEN 'deepl-pro' THEN 'personal' WHEN 'chatgpt-enterprise' THEN 'confidential'
                                    WHEN 'm365-copilot' THEN 'personal' ELSE 'internal' END
                   WHEN t.tool_id IN ('other', 'chatgpt-free') THEN 'public'
                   WHEN t.tool_id = 'local-llm' THEN CASE WHEN t.u_class < 0.3 THEN 'personal' WHEN t.u_class < 0.6 THEN 'confidential' ELSE 'internal' END
                   WHEN t.tool_id = 'deepl-pro' THEN CASE WHEN t.u_class < 0.4 THEN 'confidential' ELSE 'internal' END
                   ELSE CASE WHEN t.u_class < 0.25 THEN 'public' ELSE 'internal' END END AS data_class,
              CASE WHEN t.u_out < 0.55 THEN 'worked' WHEN t.u_out < 0.85 THEN 'partly' ELSE 'failed' END AS outcome
         FROM tooled t
     )
     SELECT pg_temp.tuuid(c.created_at) AS id, c.*,
            CASE c.tool_id ${SCALE_AI_POLICY.tools.map((t) => `WHEN ${lit(t.id)} THEN ${lit(toolName(t.id))}`).join(' ')} ELSE 'Perplexity' END AS tool_name,
            CASE c.outcome WHEN 'worked' THEN 15 + 5 * floor(c.u_min * 34)::int WHEN 'partly' THEN 5 + 5 * floor(c.u_min * 11)::int ELSE 0 END AS minutes_saved,
            CASE WHEN c.purpose_type = 'experiment' THEN c.experiment ELSE 'Übung aus dem Lernpfad in der eigenen Arbeit ausprobieren' END AS goal,
            CASE c.outcome WHEN 'worked' THEN pg_temp.pick(${textArray(LEARNED.worked)}, c.u_min)
                           WHEN 'partly' THEN pg_temp.pick(${textArray(LEARNED.partly)}, c.u_min)
                           ELSE pg_temp.pick(${textArray(LEARNED.failed)}, c.u_min) END AS learned,
            CASE WHEN c.flagged THEN 'private' WHEN c.u_vis < 0.5 * c.share_p THEN 'organization'
                 WHEN c.u_vis < 1.1 * c.share_p THEN 'team' ELSE 'private' END AS visibility
       FROM classed c`,
  );
  await exec(`ANALYZE sje`);
  await step(
    'journal_entries',
    `INSERT INTO journal_entries (id, organization_id, user_id, request_id, goal, tool_id, tool_name, data_class, outcome,
                                  minutes_saved, learned, visibility, shared_at, created_at)
     SELECT id, ${ORG}, user_id, request_id, goal, tool_id, tool_name, data_class, outcome, minutes_saved, learned, visibility,
            CASE WHEN visibility <> 'private' THEN created_at + interval '1 minute' END, created_at
       FROM sje ORDER BY created_at`,
    [],
    'journal_entries',
  );
  await step(
    'governance flags (plan)',
    `CREATE TEMP TABLE sgf ON COMMIT DROP AS
     SELECT gen_random_uuid() AS id, e.id AS entry_id, e.user_id, e.reviewer_id, e.tool_id, e.tool_name, e.data_class, e.created_at,
            CASE WHEN e.tool_id = 'other' THEN 'unlisted_tool' ELSE 'class_not_allowed' END AS reason,
            CASE WHEN e.created_at > ${NOW} - interval '10 days' THEN 'open' WHEN pg_temp.rnd(e.key, 60) < 0.45 THEN 'cleared' ELSE 'confirmed' END AS status,
            least(e.created_at + interval '4 hours' + pg_temp.rnd(e.key, 61) * interval '56 hours', ${NOW} - interval '10 minutes') AS decided_at,
            pg_temp.rnd(e.key, 62) AS u
       FROM sje e WHERE e.flagged`,
  );
  await step(
    'governance_flags',
    `INSERT INTO governance_flags (id, organization_id, user_id, subject_type, subject_id, tool_id, tool_name, data_class, reason,
                                   status, decided_by, decision_note, decided_at, created_at)
     SELECT id, ${ORG}, user_id, 'journal_entry', entry_id, tool_id, tool_name, data_class, reason, status,
            CASE WHEN status <> 'open' THEN reviewer_id END,
            CASE status WHEN 'cleared' THEN pg_temp.pick(${textArray(FLAG_NOTES.cleared)}, u)
                        WHEN 'confirmed' THEN pg_temp.pick(${textArray(FLAG_NOTES.confirmed)}, u) END,
            CASE WHEN status <> 'open' THEN decided_at END, created_at
       FROM sgf`,
    [],
    'governance_flags',
  );
  const useCaseLimit = Math.max(3, Math.round(options.employees / 100));
  await step(
    'use cases (plan)',
    `CREATE TEMP TABLE suc ON COMMIT DROP AS
     SELECT gen_random_uuid() AS id, e.id AS entry_id, e.user_id, coalesce(e.mgr_id, e.reviewer_id) AS promoted_by, e.track_id, e.dept_id,
            left(e.goal, 120) AS title,
            e.learned || ' Zeitersparnis im Versuch: etwa ' || e.minutes_saved || ' Minuten.' AS summary,
            least(e.created_at + interval '1 day' + pg_temp.rnd(e.key, 63) * interval '9 days', ${NOW} - interval '2 hours') AS created_at,
            row_number() OVER (ORDER BY e.created_at) AS rn
       FROM (SELECT * FROM sje
              WHERE visibility <> 'private' AND outcome = 'worked' AND minutes_saved >= 60 AND NOT flagged
              ORDER BY pg_temp.rnd(key, 64) LIMIT ${useCaseLimit}) e`,
  );
  await step(
    'use_cases',
    `INSERT INTO use_cases (id, organization_id, entry_id, title, summary, track_id, department_id, promoted_by, created_at)
     SELECT id, ${ORG}, entry_id, title, summary, track_id, dept_id, promoted_by, created_at FROM suc`,
    [],
    'use_cases',
  );
  // Later requests name a use case from the library as their purpose.
  await exec(`UPDATE sfr r SET purpose_type = 'use_case', use_case_id = u.id
                FROM suc u
               WHERE r.purpose_type = 'experiment' AND pg_temp.rnd(r.key, 65) < 0.12
                 AND u.rn = 1 + floor(pg_temp.rnd(r.key, 66) * (SELECT count(*) FROM suc x WHERE x.created_at < r.created_at))::int
                 AND u.created_at < r.created_at`);

  // Kudos: team entries from teammates and the manager, organisation-wide entries from anyone.
  await exec(`CREATE TEMP TABLE steam ON COMMIT DROP AS
    SELECT mgr_idx, idx, (row_number() OVER (PARTITION BY mgr_idx ORDER BY idx))::int AS rn,
           (count(*) OVER (PARTITION BY mgr_idx))::int AS size
      FROM sp WHERE ever_active AND mgr_idx IS NOT NULL`);
  await exec(`CREATE INDEX ON steam (mgr_idx, rn)`);
  await step(
    'kudos (plan)',
    `CREATE TEMP TABLE sjk ON COMMIT DROP AS
     WITH shared AS (
       SELECT e.id AS entry_id, e.idx AS author_idx, e.user_id AS author_id, e.key, e.visibility, e.created_at + interval '1 minute' AS shared_at,
              p.mgr_idx,
              -- a few popular entries collect dozens, most a handful
              CASE WHEN e.visibility = 'organization' THEN floor(1 + pg_temp.rnd(e.key, 70) ^ 3 * 80)
                   ELSE floor(pg_temp.rnd(e.key, 70) ^ 1.5 * 11) END::int AS k
         FROM sje e JOIN sp p ON p.idx = e.idx
        WHERE e.visibility <> 'private'
     ), givers AS (
       SELECT s.*, g,
              CASE WHEN s.visibility = 'organization' THEN 1 + floor(pg_temp.rnd(s.key * 128 + g, 71) * ${options.employees})::int
                   WHEN g = 1 AND s.mgr_idx IS NOT NULL THEN s.mgr_idx
                   ELSE (SELECT t.idx FROM steam t
                          WHERE t.mgr_idx = s.mgr_idx AND t.rn = 1 + floor(pg_temp.rnd(s.key * 128 + g, 71) * t.size)::int) END AS giver_idx,
              s.shared_at + pg_temp.rnd(s.key * 128 + g, 72) ^ 2 * interval '9 days' AS created_at
         FROM shared s CROSS JOIN LATERAL generate_series(1, s.k) g
     )
     SELECT DISTINCT ON (g.entry_id, p.id) pg_temp.tuuid(g.created_at) AS id, g.entry_id, g.author_id, p.id AS user_id, g.created_at,
            pg_temp.rnd(g.key * 128 + g.g, 73) < 0.02 AS withdrawn
       FROM givers g JOIN sp p ON p.idx = g.giver_idx
      WHERE g.giver_idx <> g.author_idx AND p.ever_active AND p.created_at < g.created_at
        AND g.created_at < pg_temp.at_local(${HS} + p.last_day + 1, 0)
        AND (p.deact_at IS NULL OR p.deact_at > g.created_at) AND g.created_at < ${NOW}
      ORDER BY g.entry_id, p.id, g.created_at`,
  );
  await step(
    'journal_kudos',
    `INSERT INTO journal_kudos (id, organization_id, entry_id, user_id, created_at)
     SELECT id, ${ORG}, entry_id, user_id, created_at FROM sjk WHERE NOT withdrawn ORDER BY created_at`,
    [],
    'journal_kudos',
  );

  // A few managers named a deputy for an absence.
  await step(
    'delegations (plan)',
    `CREATE TEMP TABLE sdl ON COMMIT DROP AS
     SELECT gen_random_uuid() AS id, p.id AS manager_id, p.esc_id AS delegate_id, s.starts_on,
            s.starts_on + (4 + floor(pg_temp.rnd(p.idx, 81) * 10))::int AS ends_on,
            pg_temp.at_local(s.starts_on - 3, 660) AS created_at
       FROM sp p
       CROSS JOIN LATERAL (SELECT pg_temp.workday(${HS} + 10 + floor(pg_temp.rnd(p.idx, 80) * (${historyDays} + 5))::int)) AS s(starts_on)
      WHERE 'manager' = ANY(p.roles) AND p.mgr_idx IS NOT NULL AND p.esc_id <> p.id AND pg_temp.rnd(p.idx, 82) < 0.05
        AND s.starts_on - 3 <= ${TODAY}`,
  );
  await step(
    'freiraum_delegations',
    `INSERT INTO freiraum_delegations (id, organization_id, manager_id, delegate_id, starts_on, ends_on, created_at)
     SELECT id, ${ORG}, manager_id, delegate_id, starts_on, ends_on, created_at FROM sdl`,
    [],
    'freiraum_delegations',
  );

  await step(
    'freiraum_allocations',
    `INSERT INTO freiraum_allocations (id, organization_id, user_id, period_key, period_start, period_end, hours, committed_hours,
                                       set_by, updated_at)
     SELECT a.id, ${ORG}, a.user_id, a.period_key, a.start, a."end", a.hours, coalesce(c.committed, 0),
            CASE WHEN a.custom THEN a.decider_id END,
            CASE WHEN a.custom THEN a.set_at ELSE coalesce(c.first_request, a.set_at) END
       FROM sfa a
       LEFT JOIN (SELECT allocation_id, sum(hours) FILTER (WHERE status IN ('pending', 'approved')) AS committed,
                         min(created_at) AS first_request
                    FROM sfr GROUP BY allocation_id) c ON c.allocation_id = a.id
      WHERE a.custom OR c.allocation_id IS NOT NULL`,
    [],
    'freiraum_allocations',
  );

  // ---------- notifications (no e-mails are queued) ----------
  await step(
    'notifications',
    `INSERT INTO notifications (id, organization_id, user_id, type, data, read_at, created_at)
     SELECT pg_temp.tuuid(n.created_at), ${ORG}, n.user_id, n.type, n.data,
            CASE WHEN (n.created_at < ${NOW} - interval '7 days' AND pg_temp.rnd(n.k, 90) < 0.93) OR pg_temp.rnd(n.k, 90) < 0.4
                 THEN least(n.created_at + interval '20 minutes' + pg_temp.rnd(n.k, 91) * interval '60 hours', ${NOW}) END,
            n.created_at
       FROM (
         SELECT id AS user_id, 'welcome' AS type, '{}'::jsonb AS data, created_at, idx::bigint AS k FROM sp WHERE ever_active
         UNION ALL
         SELECT reviewer_id, 'review_requested', jsonb_build_object('attemptId', id, 'learnerId', user_id, 'exerciseTitle', title),
                created_at, mkey * 64 + n FROM sa WHERE et = 'practice'
         UNION ALL
         SELECT user_id, 'review_result',
                jsonb_build_object('attemptId', id, 'decision', CASE status WHEN 'accepted' THEN 'accept' ELSE 'revise' END, 'itemId', item_id),
                reviewed_at, mkey * 64 + n + 1 FROM sa WHERE et = 'practice' AND reviewed_at IS NOT NULL
         UNION ALL
         SELECT coalesce(r.mgr_id, p.reviewer_id), 'freiraum_request_to_decide',
                jsonb_build_object('requestId', r.id, 'userId', r.user_id, 'slotDate', to_char(r.slot_date, 'YYYY-MM-DD'), 'hours', r.hours::float8),
                r.created_at, r.key * 8 FROM sfr r JOIN sp p ON p.idx = r.idx
         UNION ALL
         SELECT r.user_id, 'freiraum_request_decided',
                jsonb_build_object('requestId', r.id, 'decision', CASE WHEN r.status = 'cancelled' THEN 'approved' ELSE r.status END,
                                   'slotDate', to_char(r.slot_date, 'YYYY-MM-DD'), 'hours', r.hours::float8, 'decidedBy', r.decided_by),
                r.approved_or_rejected_at, r.key * 8 + 1 FROM sfr r WHERE r.approved_or_rejected_at IS NOT NULL
         UNION ALL
         SELECT r.decided_by, 'freiraum_request_cancelled',
                jsonb_build_object('requestId', r.id, 'userId', r.user_id, 'slotDate', to_char(r.slot_date, 'YYYY-MM-DD'), 'hours', r.hours::float8),
                r.decided_at, r.key * 8 + 2 FROM sfr r WHERE r.cancelled_from = 'approved'
         UNION ALL
         SELECT r.esc_id, 'freiraum_request_escalated',
                jsonb_build_object('requestId', r.id, 'userId', r.user_id, 'slotDate', to_char(r.slot_date, 'YYYY-MM-DD'), 'hours', r.hours::float8),
                r.escalated_at, r.key * 8 + 3 FROM sfr r WHERE r.escalated_at IS NOT NULL AND r.mgr_id IS NOT NULL
         UNION ALL
         SELECT k.author_id, 'kudos_received', jsonb_build_object('entryId', k.entry_id, 'fromUserId', k.user_id), k.created_at,
                ('x' || substr(md5(k.id::text), 1, 12))::bit(48)::bigint FROM sjk k WHERE NOT k.withdrawn
         UNION ALL
         SELECT u.user_id, 'use_case_promoted', jsonb_build_object('useCaseId', u.id, 'entryId', u.entry_id, 'fromUserId', u.promoted_by),
                u.created_at, u.rn FROM suc u
         UNION ALL
         SELECT f.reviewer_id, 'flag_raised',
                jsonb_build_object('flagId', f.id, 'userId', f.user_id, 'subjectType', 'journal_entry', 'toolName', f.tool_name, 'dataClass', f.data_class),
                f.created_at, 1 FROM sgf f
         UNION ALL
         SELECT f.user_id, 'flag_decided', jsonb_build_object('flagId', f.id, 'decision', f.status, 'subjectType', 'journal_entry'),
                f.decided_at, 2 FROM sgf f WHERE f.status <> 'open'
         UNION ALL
         SELECT a.user_id, 'path_assigned', jsonb_build_object('pathSlug', a.path_slug, 'pathTitle', a.path_title, 'dueDate', to_char(a.due_date, 'YYYY-MM-DD')),
                a.created_at, a.idx FROM sla a
         UNION ALL
         SELECT a.user_id, CASE WHEN x.notice = 'overdue' THEN 'assignment_overdue' ELSE 'assignment_due' END,
                jsonb_build_object('pathSlug', a.path_slug, 'pathTitle', a.path_title, 'dueDate', to_char(a.due_date, 'YYYY-MM-DD'), 'notice', x.notice),
                pg_temp.at_local(a.due_date + CASE x.notice WHEN 'due_in_7_days' THEN -7 WHEN 'due_in_1_day' THEN -1 ELSE 1 END, 420),
                a.idx * 4 + x.o FROM sla a CROSS JOIN LATERAL unnest(a.notices) WITH ORDINALITY AS x(notice, o)
         UNION ALL
         SELECT d.delegate_id, 'freiraum_delegation_received',
                jsonb_build_object('managerId', d.manager_id, 'startsOn', to_char(d.starts_on, 'YYYY-MM-DD'), 'endsOn', to_char(d.ends_on, 'YYYY-MM-DD')),
                d.created_at, 3 FROM sdl d
       ) n
      WHERE n.user_id IS NOT NULL AND n.created_at <= ${NOW}
      ORDER BY n.created_at`,
    [],
    'notifications',
  );

  // ---------- audit log (append-only: INSERT only) ----------
  const adminIdx = plan.adminIdx[0];
  await step(
    'audit_log',
    `INSERT INTO audit_log (organization_id, actor_id, action, target_type, target_id, data, created_at)
     SELECT ${ORG}, a.actor_id, a.action, a.target_type, a.target_id, a.data, a.created_at
       FROM (
         SELECT NULL::uuid AS actor_id, 'organization.created' AS action, 'organization' AS target_type, ${ORG}::text AS target_id,
                jsonb_build_object('source', 'seed-scale') AS data, ${ORG_CREATED} AS created_at
         UNION ALL
         SELECT (SELECT id FROM sp WHERE idx = ${adminIdx}), 'organization.ai_policy_changed', 'organization', ${ORG}::text,
                jsonb_build_object('tools', ${textArray(SCALE_AI_POLICY.tools.map((t) => t.id))}), ${ORG_CREATED} + interval '20 minutes'
         UNION ALL
         SELECT (SELECT id FROM sp WHERE idx = ${adminIdx}), 'users.imported', 'organization', ${ORG}::text,
                jsonb_build_object('created', (SELECT count(*) FROM sp WHERE created_at < ${HS}), 'updated', 0, 'unchanged', 0),
                ${IMPORTED}
         UNION ALL
         SELECT (SELECT id FROM sp WHERE idx = ${adminIdx}), 'user.roles_changed', 'user', id::text,
                jsonb_build_object('added', to_jsonb(ARRAY(SELECT r FROM unnest(roles) r WHERE r IN ('hr', 'admin'))), 'removed', '[]'::jsonb),
                ${IMPORTED} + interval '10 minutes'
           FROM sp WHERE 'hr' = ANY(roles) OR 'admin' = ANY(roles)
         UNION ALL
         SELECT (SELECT id FROM sp WHERE idx = ${adminIdx}), 'user.created', 'user', id::text,
                jsonb_build_object('roles', roles, 'trackId', track_id, 'departmentId', dept_id, 'managerId', mgr_id), created_at
           FROM sp WHERE created_at >= ${HS}
         UNION ALL
         SELECT (SELECT id FROM sp WHERE idx = ${hr0}), 'user.deactivated', 'user', id::text, jsonb_build_object('successorId', NULL), deact_at
           FROM sp WHERE deact_at IS NOT NULL
         UNION ALL
         SELECT (SELECT id FROM sp WHERE idx = ${hr0}), 'learning.assigned', 'learning_path', path_id::text,
                jsonb_build_object('userIds', array_agg(user_id ORDER BY idx), 'departmentId', NULL, 'dueDate', to_char(due_date, 'YYYY-MM-DD'),
                                   'created', count(*), 'updated', 0), created_at
           FROM sla GROUP BY path_id, due_date, created_at
         UNION ALL
         SELECT decided_by, 'freiraum.request.' || CASE WHEN status = 'cancelled' THEN 'approved' ELSE status END, 'freiraum_request', id::text,
                jsonb_build_object('userId', user_id, 'hours', hours::float8, 'slotDate', to_char(slot_date, 'YYYY-MM-DD'),
                                   'escalated', escalated_at IS NOT NULL AND escalated_at < approved_or_rejected_at),
                approved_or_rejected_at
           FROM sfr WHERE approved_or_rejected_at IS NOT NULL
         UNION ALL
         SELECT user_id, 'freiraum.request.cancelled', 'freiraum_request', id::text,
                jsonb_build_object('from', cancelled_from, 'hours', hours::float8, 'slotDate', to_char(slot_date, 'YYYY-MM-DD')), decided_at
           FROM sfr WHERE status = 'cancelled'
         UNION ALL
         SELECT NULL, 'freiraum.request.escalated', 'freiraum_request', id::text,
                jsonb_build_object('userId', user_id, 'to', CASE WHEN mgr_id IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(esc_id) END),
                escalated_at
           FROM sfr WHERE escalated_at IS NOT NULL
         UNION ALL
         SELECT decider_id, 'freiraum.allocation.set', 'freiraum_allocation', id::text,
                jsonb_build_object('userId', user_id, 'period', period_key, 'from', 8, 'to', hours::float8), set_at
           FROM sfa WHERE custom
         UNION ALL
         SELECT manager_id, 'freiraum.delegation.created', 'freiraum_delegation', id::text,
                jsonb_build_object('delegateId', delegate_id, 'startsOn', to_char(starts_on, 'YYYY-MM-DD'), 'endsOn', to_char(ends_on, 'YYYY-MM-DD')),
                created_at
           FROM sdl
         UNION ALL
         SELECT user_id, 'journal.visibility_changed', 'journal_entry', id::text, jsonb_build_object('from', 'private', 'to', visibility),
                created_at + interval '1 minute'
           FROM sje WHERE visibility <> 'private'
         UNION ALL
         SELECT NULL, 'flag.raised', 'governance_flag', id::text,
                jsonb_build_object('userId', user_id, 'subjectType', 'journal_entry', 'subjectId', entry_id, 'reason', reason,
                                   'dataClass', data_class, 'toolId', tool_id), created_at
           FROM sgf
         UNION ALL
         SELECT reviewer_id, 'flag.' || status, 'governance_flag', id::text,
                jsonb_build_object('userId', user_id, 'subjectType', 'journal_entry', 'subjectId', entry_id), decided_at
           FROM sgf WHERE status <> 'open'
         UNION ALL
         SELECT u.promoted_by, 'use_case.promoted', 'use_case', u.id::text,
                jsonb_build_object('entryId', u.entry_id, 'authorId', u.user_id, 'trackId', u.track_id, 'departmentId', u.dept_id), u.created_at
           FROM suc u
       ) a
      WHERE a.created_at <= ${NOW}
      ORDER BY a.created_at`,
    [],
    'audit_log',
  );

  // ---------- activity log: one row per learning action, request, decision, journal entry, kudos ----------
  await step(
    'activity_log',
    `INSERT INTO activity_log (organization_id, user_id, verb, object_type, object_id, data, created_at)
     SELECT ${ORG}, a.user_id, a.verb, a.object_type, a.object_id, a.data, a.created_at
       FROM (
         SELECT user_id, 'lesson.read' AS verb, 'lesson' AS object_type, item_id::text AS object_id, '{}'::jsonb AS data, read_at AS created_at
           FROM slr
         UNION ALL
         SELECT user_id, 'exercise.attempted', 'exercise', item_id::text,
                jsonb_build_object('type', et, 'score', score, 'passed', passed, 'contentVersion', version), created_at
           FROM sa WHERE et <> 'practice'
         UNION ALL
         SELECT user_id, 'practice.submitted', 'exercise', item_id::text, jsonb_build_object('attemptId', id, 'flagged', false), created_at
           FROM sa WHERE et = 'practice'
         UNION ALL
         SELECT reviewer_id, 'practice.reviewed', 'exercise_attempt', id::text,
                jsonb_build_object('learnerId', user_id, 'decision', CASE status WHEN 'accepted' THEN 'accept' ELSE 'revise' END), reviewed_at
           FROM sa WHERE et = 'practice' AND reviewed_at IS NOT NULL
         UNION ALL
         SELECT user_id, 'module.completed', 'module', module_id::text, '{}'::jsonb, completed_at FROM smc
         UNION ALL
         SELECT user_id, 'path.completed', 'learning_path', path_id::text, jsonb_build_object('certificate', code), completed_at FROM sce
         UNION ALL
         SELECT user_id, 'freiraum.requested', 'freiraum_request', id::text,
                jsonb_build_object('hours', hours::float8, 'slotDate', to_char(slot_date, 'YYYY-MM-DD'), 'purposeType', purpose_type), created_at
           FROM sfr
         UNION ALL
         SELECT decided_by, 'freiraum.' || CASE WHEN status = 'cancelled' THEN 'approved' ELSE status END, 'freiraum_request', id::text,
                jsonb_build_object('requesterId', user_id, 'hours', hours::float8,
                                   'leadTimeMs', floor(extract(epoch FROM approved_or_rejected_at - created_at) * 1000)::bigint),
                approved_or_rejected_at
           FROM sfr WHERE approved_or_rejected_at IS NOT NULL
         UNION ALL
         SELECT user_id, 'freiraum.cancelled', 'freiraum_request', id::text, jsonb_build_object('from', cancelled_from), decided_at
           FROM sfr WHERE status = 'cancelled'
         UNION ALL
         SELECT user_id, 'freiraum.escalated', 'freiraum_request', id::text,
                jsonb_build_object('to', CASE WHEN mgr_id IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(esc_id) END), escalated_at
           FROM sfr WHERE escalated_at IS NOT NULL
         UNION ALL
         SELECT decider_id, 'freiraum.allocation_set', 'freiraum_allocation', id::text,
                jsonb_build_object('userId', user_id, 'period', period_key, 'hours', hours::float8), set_at
           FROM sfa WHERE custom
         UNION ALL
         SELECT user_id, 'journal.logged', 'journal_entry', id::text,
                jsonb_build_object('outcome', outcome, 'toolId', tool_id, 'dataClass', data_class, 'minutesSaved', minutes_saved,
                                   'requestId', request_id, 'flagged', flagged), created_at
           FROM sje
         UNION ALL
         SELECT user_id, 'journal.shared', 'journal_entry', id::text,
                jsonb_build_object('from', 'private', 'to', visibility, 'firstShare', true),
                created_at + interval '1 minute'
           FROM sje WHERE visibility <> 'private'
         UNION ALL
         SELECT user_id, 'kudos.given', 'journal_entry', entry_id::text, '{}'::jsonb, created_at FROM sjk
         UNION ALL
         SELECT user_id, 'kudos.withdrawn', 'journal_entry', entry_id::text, '{}'::jsonb, least(created_at + interval '2 hours', ${NOW})
           FROM sjk WHERE withdrawn
         UNION ALL
         SELECT promoted_by, 'use_case.promoted', 'use_case', id::text, jsonb_build_object('entryId', entry_id, 'authorId', user_id), created_at
           FROM suc
       ) a
      WHERE a.created_at <= ${NOW}
      ORDER BY a.created_at`,
    [],
    'activity_log',
  );

  // ---------- Freiraum requests, last ----------
  // The commit trigger keeps committed_hours as the sum of pending and approved hours, one UPDATE per row;
  // the allocations above already carry those sums, so the trigger is off for this one bulk insert (its lock
  // is held only until the commit right after) and the sums are checked against the rows before enabling it.
  await exec(`ALTER TABLE freiraum_requests DISABLE TRIGGER freiraum_requests_commit`);
  await step(
    'freiraum_requests',
    `INSERT INTO freiraum_requests (id, organization_id, user_id, allocation_id, slot_date, hours, purpose_type, exercise_id, use_case_id,
                                    purpose, status, decided_by, decision_note, decided_at, escalated_at, created_at, decided_as_manager)
     SELECT id, ${ORG}, user_id, allocation_id, slot_date, hours, purpose_type,
            CASE WHEN purpose_type = 'exercise' THEN exercise_ex END, use_case_id,
            CASE purpose_type WHEN 'experiment' THEN experiment WHEN 'use_case' THEN 'Anwendungsfall aus der Bibliothek ausprobieren' ELSE '' END,
            status, decided_by, decision_note, decided_at, escalated_at, created_at,
            CASE WHEN decided_by IS NOT NULL THEN decided_by IN (SELECT manager_id FROM users WHERE organization_id = ${ORG} AND active AND manager_id IS NOT NULL) END
       FROM sfr ORDER BY created_at`,
    [],
    'freiraum_requests',
  );
  // Fresh statistics again, or the planner may loop over the new rows once per allocation.
  for (const table of ['freiraum_requests', 'freiraum_allocations']) await exec(`ANALYZE ${table}`);
  const [{ off }] = await qr.query(
    `SELECT count(*)::int AS off FROM (
       SELECT a.id FROM freiraum_allocations a
         LEFT JOIN freiraum_requests r ON r.allocation_id = a.id AND r.status IN ('pending', 'approved')
        WHERE a.organization_id = ${ORG}
        GROUP BY a.id, a.committed_hours
       HAVING a.committed_hours <> coalesce(sum(r.hours), 0)) x`,
  );
  if (off > 0) throw new Error(`${off} Freiraum allocation(s) would not match their requests; nothing was written`);
  await exec(`ALTER TABLE freiraum_requests ENABLE TRIGGER freiraum_requests_commit`);

  // The dashboards' read models, from the activity log and the requests just written (as after any bulk import).
  // Statistics first: the planner would otherwise still see the tables as they were before this transaction.
  report.start?.('dashboard rollups');
  for (const table of ['users', 'activity_log', 'freiraum_requests']) await exec(`ANALYZE ${table}`);
  await new DashboardRollups().rebuild(qr.manager, orgId);
  const [rolled] = await qr.query(
    `SELECT (SELECT count(*)::int FROM dash_user_days WHERE organization_id = ${ORG}) AS days,
            (SELECT count(*)::int FROM dash_module_progress WHERE organization_id = ${ORG}) AS modules`,
  );
  rows.dash_user_days = rolled.days;
  rows.dash_module_progress = rolled.modules;
  report('dashboard rollups', rolled.days + rolled.modules);

  for (const fn of [
    'rnd(bigint, int)',
    'at_local(date, float8)',
    'workday(date)',
    'tuuid(timestamptz)',
    'pick(text[], float8)',
  ]) {
    await exec(`DROP FUNCTION pg_temp.${fn}`);
  }

  const byIdx = new Map(people.map((p) => [p.idx, p]));
  const firstWith = (pred: (p: (typeof plan.people)[number]) => boolean) => plan.people.find(pred)?.idx;
  const logins = [
    { role: 'CEO', idx: 1 },
    { role: 'HR', idx: plan.hrIdx[0] },
    { role: 'admin', idx: plan.adminIdx[0] },
    { role: 'department head', idx: firstWith((p) => p.level === 1) },
    { role: 'team lead', idx: firstWith((p) => p.level === 3 && p.everActive) },
    {
      role: 'employee',
      idx: firstWith((p) => p.level === 4 && p.everActive && p.deactivatedDay === null && p.reach >= 3),
    },
  ]
    .filter((l): l is { role: string; idx: number } => l.idx !== undefined)
    .map((l) => ({ role: l.role, email: byIdx.get(l.idx)!.email }));
  return { organizationId: orgId, name: options.name, emailDomain, password: SCALE_PASSWORD, logins };
}
