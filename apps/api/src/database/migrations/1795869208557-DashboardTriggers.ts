import type { MigrationInterface, QueryRunner } from 'typeorm';

// Hand-written (TypeORM does not model functions or triggers). Keeps the HR dashboard's derived read models
// (dash_people_days, dash_cell_days, dash_lead_times, dash_module_people) in step with dash_user_days,
// dash_module_progress, freiraum_requests and people moving between departments or tracks, inside the
// writing transaction, whichever code path writes (ADR 0013). `DashboardRollups.rebuild` recomputes them in
// bulk with `freiraum.dash_bulk = 'on'`, which these triggers respect; seed:scale does the same.
//
// Keys: a person without department or track is NONE; dash_lead_times also has roll-up rows with ALL.
const NONE = `'00000000-0000-0000-0000-000000000000'::uuid`;
const ALL = `'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid`;
const BULK = `current_setting('freiraum.dash_bulk', true) = 'on'`;

export const DASHBOARD_FUNCTIONS = [
  // Users get a dense position per organisation for the people bitmaps. The organisation row's lock
  // serialises concurrent user creation within one organisation; creating people is rare.
  `CREATE FUNCTION users_dash_slot() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE organizations SET dash_slots = dash_slots + 1 WHERE id = NEW.organization_id RETURNING dash_slots - 1 INTO NEW.dash_slot;
  RETURN NEW;
END $$`,
  `CREATE TRIGGER users_dash_slot BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION users_dash_slot()`,

  // Lead-time buckets (hours, upper edge inclusive): quarter hours to 1 h, half hours to 12 h, hours to 48 h,
  // 4 h to a week, days to 30 days, then 30-day steps (bucket 126 takes the rest). metrics.policy.ts has the edges.
  `CREATE FUNCTION dash_lead_bucket(hours numeric) RETURNS smallint LANGUAGE sql IMMUTABLE AS $$
  SELECT (CASE WHEN hours <= 1 THEN greatest(ceil(hours * 4), 1) - 1
               WHEN hours <= 12 THEN 3 + ceil((hours - 1) * 2)
               WHEN hours <= 48 THEN 25 + ceil(hours - 12)
               WHEN hours <= 168 THEN 61 + ceil((hours - 48) / 4)
               WHEN hours <= 720 THEN 91 + ceil((hours - 168) / 24)
               ELSE least(114 + ceil((hours - 720) / 720), 126) END)::smallint
$$`,

  // Bit n of a bitmap is bit n % 8 (least significant first) of byte n / 8, as bytea's set_bit numbers them.
  `CREATE FUNCTION dash_bit(bits bytea, slot int, on_ boolean) RETURNS bytea LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF length(bits) * 8 <= slot THEN
    IF NOT on_ THEN RETURN bits; END IF;
    bits := bits || decode(repeat('00', slot / 8 + 1 - length(bits)), 'hex');
  END IF;
  RETURN set_bit(bits, slot, CASE WHEN on_ THEN 1 ELSE 0 END);
END $$`,
  `CREATE FUNCTION dash_bits(slots int[]) RETURNS bytea LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  b bytea := decode(repeat('00', coalesce((SELECT max(x) FROM unnest(slots) x) / 8 + 1, 0)), 'hex');
  s int;
BEGIN
  FOREACH s IN ARRAY slots LOOP b := set_bit(b, s, 1); END LOOP;
  RETURN b;
END $$`,

  // Whether a bitmap has a slot's bit set. The CASE keeps get_bit away from slots past the bitmap's end (AND
  // does not fix the order of evaluation).
  `CREATE FUNCTION dash_has(bits bytea, slot int) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN length(bits) * 8 > slot THEN get_bit(bits, slot) = 1 ELSE false END
$$`,
  // Sets or clears one person's bit for a day, and for its week (the OR of the week's days); does nothing
  // (and takes no lock) when the bit already has that value.
  `CREATE FUNCTION dash_mark(org uuid, d date, fig int, slot int, on_ boolean) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  wk date := date_trunc('week', d)::date;
  week_on boolean;
BEGIN
  IF on_ = EXISTS (SELECT 1 FROM dash_people_days WHERE organization_id = org AND day = d AND figure = fig AND dash_has(bits, slot)) THEN
    RETURN;
  END IF;
  IF on_ THEN
    INSERT INTO dash_people_days AS p (organization_id, day, figure, bits) VALUES (org, d, fig, dash_bit(''::bytea, slot, true))
    ON CONFLICT (organization_id, day, figure) DO UPDATE SET bits = dash_bit(p.bits, slot, true);
    week_on := true;
  ELSE
    UPDATE dash_people_days SET bits = dash_bit(bits, slot, false) WHERE organization_id = org AND day = d AND figure = fig;
    week_on := EXISTS (SELECT 1 FROM dash_people_days WHERE organization_id = org AND figure = fig AND day BETWEEN wk AND wk + 6 AND dash_has(bits, slot));
  END IF;
  IF week_on = EXISTS (SELECT 1 FROM dash_people_weeks WHERE organization_id = org AND week = wk AND figure = fig AND dash_has(bits, slot)) THEN
    RETURN;
  END IF;
  IF week_on THEN
    INSERT INTO dash_people_weeks AS p (organization_id, week, figure, bits) VALUES (org, wk, fig, dash_bit(''::bytea, slot, true))
    ON CONFLICT (organization_id, week, figure) DO UPDATE SET bits = dash_bit(p.bits, slot, true);
  ELSE
    UPDATE dash_people_weeks SET bits = dash_bit(bits, slot, false) WHERE organization_id = org AND week = wk AND figure = fig;
  END IF;
END $$`,
  `CREATE FUNCTION dash_module_mark(org uuid, module uuid, fig int, slot int) RETURNS void LANGUAGE sql AS $$
  INSERT INTO dash_module_people AS p (organization_id, module_id, figure, bits) VALUES (org, module, fig, dash_bit(''::bytea, slot, true))
  ON CONFLICT (organization_id, module_id, figure) DO UPDATE SET bits = dash_bit(p.bits, slot, true)
$$`,
  `CREATE FUNCTION dash_cell_add(org uuid, d date, dk uuid, tk uuid, mc int, jl int, js int, w int, p int, f int, ms int, hrs numeric, decd int, rejd int)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO dash_cell_days AS c (organization_id, day, department_key, track_key, modules_completed, journal_logged, journal_shared,
                                   outcome_worked, outcome_partly, outcome_failed, minutes_saved, approved_hours, decided, rejected)
  VALUES (org, d, dk, tk, mc, jl, js, w, p, f, ms, hrs, decd, rejd)
  ON CONFLICT (organization_id, day, department_key, track_key) DO UPDATE SET
    modules_completed = c.modules_completed + EXCLUDED.modules_completed,
    journal_logged = c.journal_logged + EXCLUDED.journal_logged,
    journal_shared = c.journal_shared + EXCLUDED.journal_shared,
    outcome_worked = c.outcome_worked + EXCLUDED.outcome_worked,
    outcome_partly = c.outcome_partly + EXCLUDED.outcome_partly,
    outcome_failed = c.outcome_failed + EXCLUDED.outcome_failed,
    minutes_saved = c.minutes_saved + EXCLUDED.minutes_saved,
    approved_hours = c.approved_hours + EXCLUDED.approved_hours,
    decided = c.decided + EXCLUDED.decided,
    rejected = c.rejected + EXCLUDED.rejected
$$`,
  `CREATE FUNCTION dash_lead_add(org uuid, d date, dk uuid, tk uuid, k int, b int, n int) RETURNS void LANGUAGE sql AS $$
  INSERT INTO dash_lead_times AS l (organization_id, department_key, track_key, day, kind, bucket, decisions)
  SELECT org, lv.dk, lv.tk, d, k, b, n FROM (VALUES (dk, tk), (dk, ${ALL}), (${ALL}, tk), (${ALL}, ${ALL})) lv(dk, tk)
  ON CONFLICT (organization_id, department_key, track_key, day, kind, bucket) DO UPDATE SET decisions = l.decisions + EXCLUDED.decisions
$$`,

  // A person-day changed: its figures' bits, and the sums of the person's current cell.
  `CREATE FUNCTION dash_user_days_derive() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  u record;
  was int[] := '{0,0,0,0,0,0,0,0,0}';
  now_ int[];
BEGIN
  IF ${BULK} THEN RETURN NULL; END IF;
  SELECT dash_slot AS slot, coalesce(department_id, ${NONE}) AS dk, coalesce(track_id, ${NONE}) AS tk INTO u FROM users WHERE id = NEW.user_id;
  now_ := ARRAY[NEW.learning_actions + NEW.journal_logged + NEW.freiraum_requested, NEW.modules_completed, NEW.journal_logged, NEW.journal_shared,
                NEW.outcome_worked, NEW.outcome_partly, NEW.outcome_failed, NEW.own_path_actions, NEW.minutes_saved];
  IF TG_OP = 'UPDATE' THEN
    was := ARRAY[OLD.learning_actions + OLD.journal_logged + OLD.freiraum_requested, OLD.modules_completed, OLD.journal_logged, OLD.journal_shared,
                 OLD.outcome_worked, OLD.outcome_partly, OLD.outcome_failed, OLD.own_path_actions, OLD.minutes_saved];
  END IF;
  FOR i IN 1..8 LOOP
    IF (was[i] > 0) <> (now_[i] > 0) THEN PERFORM dash_mark(NEW.organization_id, NEW.day, i - 1, u.slot, now_[i] > 0); END IF;
  END LOOP;
  IF now_[2:7] <> was[2:7] OR now_[9] <> was[9] THEN
    PERFORM dash_cell_add(NEW.organization_id, NEW.day, u.dk, u.tk, now_[2] - was[2], now_[3] - was[3], now_[4] - was[4],
                          now_[5] - was[5], now_[6] - was[6], now_[7] - was[7], now_[9] - was[9], 0, 0, 0);
  END IF;
  RETURN NULL;
END $$`,
  `CREATE TRIGGER dash_user_days_derive AFTER INSERT OR UPDATE ON dash_user_days FOR EACH ROW EXECUTE FUNCTION dash_user_days_derive()`,

  `CREATE FUNCTION dash_module_progress_derive() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE s int;
BEGIN
  IF ${BULK} THEN RETURN NULL; END IF;
  SELECT dash_slot INTO s FROM users WHERE id = NEW.user_id;
  IF TG_OP = 'INSERT' THEN PERFORM dash_module_mark(NEW.organization_id, NEW.module_id, 0, s); END IF;
  IF NEW.completed_on IS NOT NULL AND (TG_OP = 'INSERT' OR OLD.completed_on IS NULL) THEN
    PERFORM dash_module_mark(NEW.organization_id, NEW.module_id, 1, s);
  END IF;
  RETURN NULL;
END $$`,
  `CREATE TRIGGER dash_module_progress_derive AFTER INSERT OR UPDATE ON dash_module_progress FOR EACH ROW EXECUTE FUNCTION dash_module_progress_derive()`,

  // A person's counter for a day and figure (dash_person_counts) moves by delta; its bit follows when it
  // crosses zero. The counter row's lock orders concurrent changes, so the bit is never left stale.
  `CREATE FUNCTION dash_count(org uuid, uid uuid, d date, fig int, delta int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  now_n int;
  s int;
BEGIN
  INSERT INTO dash_person_counts AS c (user_id, day, figure, organization_id, n) VALUES (uid, d, fig, org, delta)
  ON CONFLICT (user_id, day, figure) DO UPDATE SET n = c.n + EXCLUDED.n
  RETURNING c.n INTO now_n;
  IF (now_n - delta > 0) <> (now_n > 0) THEN
    SELECT dash_slot INTO s FROM users WHERE id = uid;
    PERFORM dash_mark(org, d, fig, s, now_n > 0);
  END IF;
END $$`,

  // What one request adds to (sign 1) or takes from (sign -1) the sums, lead times and counters: approved
  // hours on the slot's day; a decision (approved or rejected, not cancelled) on the local day it was made.
  `CREATE FUNCTION dash_request_apply(r freiraum_requests, sgn int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  req record;
  dcd record;
  d date;
  b int;
BEGIN
  IF r.status NOT IN ('approved', 'rejected') THEN RETURN; END IF;
  SELECT coalesce(department_id, ${NONE}) AS dk, coalesce(track_id, ${NONE}) AS tk INTO req FROM users WHERE id = r.user_id;
  IF r.status = 'approved' THEN
    PERFORM dash_cell_add(r.organization_id, r.slot_date, req.dk, req.tk, 0, 0, 0, 0, 0, 0, 0, sgn * r.hours, 0, 0);
    PERFORM dash_count(r.organization_id, r.user_id, r.slot_date, 8, sgn);
  END IF;
  IF r.decided_at IS NULL THEN RETURN; END IF;
  SELECT (r.decided_at AT TIME ZONE o.time_zone)::date INTO d FROM organizations o WHERE o.id = r.organization_id;
  b := dash_lead_bucket(extract(epoch FROM r.decided_at - r.created_at) / 3600);
  PERFORM dash_cell_add(r.organization_id, d, req.dk, req.tk, 0, 0, 0, 0, 0, 0, 0, 0, sgn, CASE WHEN r.status = 'rejected' THEN sgn ELSE 0 END);
  PERFORM dash_lead_add(r.organization_id, d, req.dk, req.tk, 0, b, sgn);
  PERFORM dash_count(r.organization_id, r.user_id, d, 9, sgn);
  IF r.decided_as_manager AND r.decided_by IS NOT NULL THEN
    PERFORM dash_count(r.organization_id, r.decided_by, d, 10, sgn);
    SELECT coalesce(department_id, ${NONE}) AS dk, coalesce(track_id, ${NONE}) AS tk INTO dcd FROM users WHERE id = r.decided_by;
    PERFORM dash_lead_add(r.organization_id, d, dcd.dk, dcd.tk, 1, b, sgn);
  END IF;
END $$`,
  `CREATE FUNCTION freiraum_requests_derive() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF ${BULK} THEN RETURN NULL; END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM dash_request_apply(OLD, -1); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM dash_request_apply(NEW, 1); END IF;
  RETURN NULL;
END $$`,
  `CREATE TRIGGER freiraum_requests_derive AFTER INSERT OR DELETE OR UPDATE OF user_id, status, hours, slot_date, decided_at, decided_by, decided_as_manager, created_at
   ON freiraum_requests FOR EACH ROW EXECUTE FUNCTION freiraum_requests_derive()`,

  `CREATE FUNCTION dash_period_add(org uuid, pk text, dk uuid, tk uuid, n int, hrs numeric) RETURNS void LANGUAGE sql AS $$
  INSERT INTO dash_cell_periods AS c (organization_id, period_key, department_key, track_key, allocations, hours) VALUES (org, pk, dk, tk, n, hrs)
  ON CONFLICT (organization_id, period_key, department_key, track_key) DO UPDATE SET allocations = c.allocations + EXCLUDED.allocations, hours = c.hours + EXCLUDED.hours
$$`,
  `CREATE FUNCTION freiraum_allocations_derive() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE u record;
BEGIN
  IF ${BULK} THEN RETURN NULL; END IF;
  IF TG_OP <> 'INSERT' THEN
    SELECT active, coalesce(department_id, ${NONE}) AS dk, coalesce(track_id, ${NONE}) AS tk INTO u FROM users WHERE id = OLD.user_id;
    IF u.active THEN PERFORM dash_period_add(OLD.organization_id, OLD.period_key, u.dk, u.tk, -1, -OLD.hours); END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    SELECT active, coalesce(department_id, ${NONE}) AS dk, coalesce(track_id, ${NONE}) AS tk INTO u FROM users WHERE id = NEW.user_id;
    IF u.active THEN PERFORM dash_period_add(NEW.organization_id, NEW.period_key, u.dk, u.tk, 1, NEW.hours); END IF;
  END IF;
  RETURN NULL;
END $$`,
  `CREATE TRIGGER freiraum_allocations_derive AFTER INSERT OR DELETE OR UPDATE OF user_id, period_key, hours ON freiraum_allocations
   FOR EACH ROW EXECUTE FUNCTION freiraum_allocations_derive()`,

  // Who is where: recomputed whole (about 15 ms at 10,000 people) once per transaction in which people join,
  // move, leave, or gain or lose reports — a statement trigger marks the row stale, a deferred trigger
  // recomputes it at commit, so an import changing a thousand people pays once. The row lock comes first, so
  // that the recomputation (a new snapshot) sees every change committed before it.
  `CREATE FUNCTION dash_people_refresh(org uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dash_org_people (organization_id, cells, cell_of, active, managers) VALUES (org, '[]', ''::bytea, ''::bytea, ''::bytea)
  ON CONFLICT (organization_id) DO NOTHING;
  PERFORM 1 FROM dash_org_people WHERE organization_id = org FOR UPDATE;
  WITH u AS (SELECT id, dash_slot, active, department_id, track_id, coalesce(department_id, ${NONE}) AS dk, coalesce(track_id, ${NONE}) AS tk
               FROM users WHERE organization_id = org),
       c AS (SELECT dk, tk, department_id, track_id, (row_number() OVER (ORDER BY dk, tk) - 1)::int AS idx
               FROM (SELECT DISTINCT dk, tk, department_id, track_id FROM u) x),
       m AS (SELECT DISTINCT manager_id AS id FROM users WHERE organization_id = org AND active AND manager_id IS NOT NULL)
  UPDATE dash_org_people SET
    cells = (SELECT coalesce(jsonb_agg(jsonb_build_array(c.department_id, c.track_id) ORDER BY c.idx), '[]') FROM c),
    cell_of = (SELECT coalesce(decode(string_agg(lpad(to_hex(coalesce(c.idx, 65535)), 4, '0'), '' ORDER BY s.slot), 'hex'), ''::bytea)
                 FROM generate_series(0, (SELECT max(dash_slot) FROM u)) s(slot)
                 LEFT JOIN u ON u.dash_slot = s.slot
                 LEFT JOIN c ON c.dk = u.dk AND c.tk = u.tk),
    active = (SELECT dash_bits(coalesce(array_agg(u.dash_slot), '{}')) FROM u WHERE u.active),
    managers = (SELECT dash_bits(coalesce(array_agg(u.dash_slot), '{}')) FROM u JOIN m ON m.id = u.id WHERE u.active),
    stale = false
  WHERE organization_id = org;
END $$`,
  `CREATE FUNCTION dash_people_stale(org uuid) RETURNS void LANGUAGE sql AS $$
  INSERT INTO dash_org_people AS p (organization_id, cells, cell_of, active, managers, stale) VALUES (org, '[]', ''::bytea, ''::bytea, ''::bytea, true)
  ON CONFLICT (organization_id) DO UPDATE SET stale = true WHERE NOT p.stale
$$`,
  `CREATE FUNCTION users_dash_people_commit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE o uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.organization_id ELSE NEW.organization_id END;
BEGIN
  IF EXISTS (SELECT 1 FROM dash_org_people WHERE organization_id = o AND stale) THEN PERFORM dash_people_refresh(o); END IF;
  RETURN NULL;
END $$`,
  `CREATE CONSTRAINT TRIGGER users_dash_people_commit AFTER INSERT OR UPDATE OR DELETE ON users DEFERRABLE INITIALLY DEFERRED
   FOR EACH ROW EXECUTE FUNCTION users_dash_people_commit()`,
  `CREATE FUNCTION users_dash_people() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE o uuid;
BEGIN
  IF ${BULK} THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    FOR o IN SELECT DISTINCT organization_id FROM new_rows LOOP PERFORM dash_people_stale(o); END LOOP;
  ELSIF TG_OP = 'UPDATE' THEN
    FOR o IN SELECT DISTINCT n.organization_id FROM new_rows n JOIN old_rows p ON p.id = n.id
              WHERE (n.department_id, n.track_id, n.active, n.manager_id) IS DISTINCT FROM (p.department_id, p.track_id, p.active, p.manager_id) LOOP
      PERFORM dash_people_stale(o);
    END LOOP;
  ELSE
    FOR o IN SELECT DISTINCT organization_id FROM old_rows LOOP PERFORM dash_people_stale(o); END LOOP;
  END IF;
  RETURN NULL;
END $$`,
  `CREATE TRIGGER users_dash_people_insert AFTER INSERT ON users REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION users_dash_people()`,
  `CREATE TRIGGER users_dash_people_update AFTER UPDATE ON users REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
   FOR EACH STATEMENT EXECUTE FUNCTION users_dash_people()`,
  `CREATE TRIGGER users_dash_people_delete AFTER DELETE ON users REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION users_dash_people()`,

  // A person moved to another department or track: their sums, lead times and allocations move with them,
  // so that every figure counts people by where they are now, like the plain aggregates do. Allocations
  // count for active people only: (de)activation adds or removes them.
  `CREATE FUNCTION users_dash_move() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  od uuid := coalesce(OLD.department_id, ${NONE});
  ot uuid := coalesce(OLD.track_id, ${NONE});
  nd uuid := coalesce(NEW.department_id, ${NONE});
  nt uuid := coalesce(NEW.track_id, ${NONE});
  tz text;
  c record;
BEGIN
  IF ${BULK} THEN RETURN NULL; END IF;
  IF (OLD.active OR NEW.active) AND (od <> nd OR ot <> nt OR OLD.active <> NEW.active) THEN
    FOR c IN SELECT period_key, count(*)::int AS n, sum(hours) AS h FROM freiraum_allocations WHERE user_id = NEW.id GROUP BY 1 LOOP
      IF OLD.active THEN PERFORM dash_period_add(NEW.organization_id, c.period_key, od, ot, -c.n, -c.h); END IF;
      IF NEW.active THEN PERFORM dash_period_add(NEW.organization_id, c.period_key, nd, nt, c.n, c.h); END IF;
    END LOOP;
  END IF;
  IF od = nd AND ot = nt THEN RETURN NULL; END IF;
  SELECT time_zone INTO tz FROM organizations WHERE id = NEW.organization_id;
  -- Another track is another own path: recount the learning actions in it, as a rebuild would.
  IF ot <> nt THEN
    UPDATE dash_user_days d SET own_path_actions = x.n
      FROM (SELECT dd.day, coalesce(a.n, 0) AS n
              FROM dash_user_days dd
              LEFT JOIN (SELECT (a.created_at AT TIME ZONE tz)::date AS day, count(*) AS n
                           FROM activity_log a
                           JOIN learning_items li ON li.id::text = a.object_id
                           JOIN learning_path_modules pm ON pm.module_id = li.module_id
                           JOIN learning_paths p ON p.id = pm.path_id AND p.retired_at IS NULL
                           JOIN learning_modules m ON m.id = pm.module_id AND m.retired_at IS NULL
                           JOIN tracks t ON t.slug = p.track_slug AND t.id = NEW.track_id
                          WHERE a.user_id = NEW.id AND a.verb IN ('lesson.read', 'exercise.attempted', 'practice.submitted')
                          GROUP BY 1) a ON a.day = dd.day
             WHERE dd.user_id = NEW.id) x
     WHERE d.user_id = NEW.id AND d.day = x.day AND d.own_path_actions <> x.n;
  END IF;
  FOR c IN
    SELECT day, sum(mc)::int AS mc, sum(jl)::int AS jl, sum(js)::int AS js, sum(w)::int AS w, sum(p)::int AS p, sum(f)::int AS f,
           sum(ms)::int AS ms, sum(hrs) AS hrs, sum(ndec)::int AS ndec, sum(nrej)::int AS nrej
      FROM (SELECT day, modules_completed AS mc, journal_logged AS jl, journal_shared AS js, outcome_worked AS w, outcome_partly AS p,
                   outcome_failed AS f, minutes_saved AS ms, 0::numeric AS hrs, 0 AS ndec, 0 AS nrej
              FROM dash_user_days WHERE user_id = NEW.id
            UNION ALL
            SELECT slot_date, 0, 0, 0, 0, 0, 0, 0, hours, 0, 0 FROM freiraum_requests WHERE user_id = NEW.id AND status = 'approved'
            UNION ALL
            SELECT (decided_at AT TIME ZONE tz)::date, 0, 0, 0, 0, 0, 0, 0, 0, 1, (status = 'rejected')::int
              FROM freiraum_requests WHERE user_id = NEW.id AND status IN ('approved', 'rejected') AND decided_at IS NOT NULL) x
     GROUP BY day
  LOOP
    PERFORM dash_cell_add(NEW.organization_id, c.day, od, ot, -c.mc, -c.jl, -c.js, -c.w, -c.p, -c.f, -c.ms, -c.hrs, -c.ndec, -c.nrej);
    PERFORM dash_cell_add(NEW.organization_id, c.day, nd, nt, c.mc, c.jl, c.js, c.w, c.p, c.f, c.ms, c.hrs, c.ndec, c.nrej);
  END LOOP;
  FOR c IN
    SELECT kind, day, bucket, count(*)::int AS n
      FROM (SELECT 0 AS kind, (decided_at AT TIME ZONE tz)::date AS day, dash_lead_bucket(extract(epoch FROM decided_at - created_at) / 3600) AS bucket
              FROM freiraum_requests WHERE user_id = NEW.id AND status IN ('approved', 'rejected') AND decided_at IS NOT NULL
            UNION ALL
            SELECT 1, (decided_at AT TIME ZONE tz)::date, dash_lead_bucket(extract(epoch FROM decided_at - created_at) / 3600)
              FROM freiraum_requests WHERE decided_by = NEW.id AND decided_as_manager AND status IN ('approved', 'rejected') AND decided_at IS NOT NULL) x
     GROUP BY kind, day, bucket
  LOOP
    PERFORM dash_lead_add(NEW.organization_id, c.day, od, ot, c.kind, c.bucket, -c.n);
    PERFORM dash_lead_add(NEW.organization_id, c.day, nd, nt, c.kind, c.bucket, c.n);
  END LOOP;
  RETURN NULL;
END $$`,
  `CREATE TRIGGER users_dash_move AFTER UPDATE OF department_id, track_id, active ON users FOR EACH ROW EXECUTE FUNCTION users_dash_move()`,
];

export class DashboardTriggers1795869208557 implements MigrationInterface {
  name = 'DashboardTriggers1795869208557';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DASHBOARD_FUNCTIONS) await queryRunner.query(statement);
    // Who is where, for the organisations there are; the other tables are built at start (RollupsOnStart).
    await queryRunner.query(`SELECT dash_people_refresh(id) FROM organizations`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, trigger] of [
      ['users', 'users_dash_people_commit'],
      ['users', 'users_dash_people_delete'],
      ['users', 'users_dash_people_update'],
      ['users', 'users_dash_people_insert'],
      ['freiraum_allocations', 'freiraum_allocations_derive'],
      ['users', 'users_dash_move'],
      ['freiraum_requests', 'freiraum_requests_derive'],
      ['dash_module_progress', 'dash_module_progress_derive'],
      ['dash_user_days', 'dash_user_days_derive'],
      ['users', 'users_dash_slot'],
    ]) {
      await queryRunner.query(`DROP TRIGGER ${trigger} ON ${table}`);
    }
    for (const fn of [
      'users_dash_people()',
      'users_dash_people_commit()',
      'dash_people_stale(uuid)',
      'dash_people_refresh(uuid)',
      'freiraum_allocations_derive()',
      'dash_period_add(uuid, text, uuid, uuid, int, numeric)',
      'users_dash_move()',
      'freiraum_requests_derive()',
      'dash_request_apply(freiraum_requests, int)',
      'dash_count(uuid, uuid, date, int, int)',
      'dash_module_progress_derive()',
      'dash_user_days_derive()',
      'dash_lead_add(uuid, date, uuid, uuid, int, int, int)',
      'dash_cell_add(uuid, date, uuid, uuid, int, int, int, int, int, int, int, numeric, int, int)',
      'dash_module_mark(uuid, uuid, int, int)',
      'dash_mark(uuid, date, int, int, boolean)',
      'dash_has(bytea, int)',
      'dash_bits(int[])',
      'dash_bit(bytea, int, boolean)',
      'dash_lead_bucket(numeric)',
      'users_dash_slot()',
    ]) {
      await queryRunner.query(`DROP FUNCTION ${fn}`);
    }
  }
}
