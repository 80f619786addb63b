import { seedScale, type SeedScaleResult } from '../src/scale/seed-scale.js';
import { SCALE_PASSWORD } from '../src/scale/scale-texts.js';
import { createTestApp, type TestApp } from './support/test-app.js';

// The scale seed writes bulk SQL straight into PostgreSQL, so it only runs against a real server.
const describePostgres = process.env.DATABASE_URL ? describe : describe.skip;

describePostgres('seed:scale (60 people)', () => {
  let t: TestApp;
  let first: SeedScaleResult;
  const now = new Date('2026-03-18T10:00:00Z');
  const one = async (sql: string, params: unknown[] = []) => (await t.ds.query(sql, params))[0];

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(now);
    // The test database starts without learning content: the seed imports it first.
    first = await seedScale(
      { ds: t.ds, clock: t.clock, config: t.config },
      { employees: 60, name: 'Scale Test GmbH', seed: 7 },
    );
  }, 120_000);
  afterAll(() => t?.close());

  it('creates one organisation with the people asked for, one CEO and everyone else under a manager in it', async () => {
    expect(first.emailDomain).toBe('scale-test-gmbh.example');
    expect(first.rows.users).toBe(60);
    const org = first.organizationId;
    expect(await one(`SELECT count(*)::int AS n FROM users WHERE organization_id = $1`, [org])).toEqual({ n: 60 });
    expect(
      await one(`SELECT count(*)::int AS n FROM users WHERE organization_id = $1 AND manager_id IS NULL`, [org]),
    ).toEqual({ n: 1 });
    expect(
      await one(
        `SELECT count(*)::int AS n FROM users u LEFT JOIN users m ON m.id = u.manager_id
          WHERE u.organization_id = $1 AND u.manager_id IS NOT NULL AND (m.id IS NULL OR m.organization_id <> u.organization_id)`,
        [org],
      ),
    ).toEqual({ n: 0 });
    // "manager" is exactly the people with reports; there is HR and an admin.
    expect(
      await one(
        `SELECT count(*)::int AS n FROM users u
          WHERE u.organization_id = $1
            AND ('manager' = ANY(u.roles)) <> EXISTS (SELECT 1 FROM users r WHERE r.manager_id = u.id)`,
        [org],
      ),
    ).toEqual({ n: 0 });
    const roles = await one(
      `SELECT count(*) FILTER (WHERE 'hr' = ANY(roles))::int AS hr, count(*) FILTER (WHERE 'admin' = ANY(roles))::int AS admin,
              count(*) FILTER (WHERE NOT ('employee' = ANY(roles)))::int AS not_employee
         FROM users WHERE organization_id = $1`,
      [org],
    );
    expect(roles.hr).toBeGreaterThanOrEqual(2);
    expect(roles.admin).toBeGreaterThanOrEqual(1);
    expect(roles.not_employee).toBe(0);
  });

  it('never over-commits a Freiraum allocation and leaves the commit trigger enabled', async () => {
    const org = first.organizationId;
    expect(first.rows.freiraum_requests).toBeGreaterThan(0);
    expect(
      await one(
        `SELECT count(*)::int AS n FROM freiraum_allocations a
          WHERE a.organization_id = $1
            AND (a.committed_hours > a.hours
                 OR a.committed_hours <> coalesce((SELECT sum(r.hours) FROM freiraum_requests r
                                                    WHERE r.allocation_id = a.id AND r.status IN ('pending', 'approved')), 0))`,
        [org],
      ),
    ).toEqual({ n: 0 });
    expect(await one(`SELECT tgenabled FROM pg_trigger WHERE tgname = 'freiraum_requests_commit'`)).toEqual({
      tgenabled: 'O',
    });
    // Decided requests name who decided and when; pending ones lie ahead.
    expect(
      await one(
        `SELECT count(*)::int AS n FROM freiraum_requests
          WHERE organization_id = $1
            AND ((status IN ('approved', 'rejected') AND (decided_by IS NULL OR decided_at IS NULL OR decided_by = user_id))
                 OR (status = 'pending' AND slot_date < DATE '2026-03-18'))`,
        [org],
      ),
    ).toEqual({ n: 0 });
  });

  it('writes an activity row per action, none after "now"', async () => {
    const org = first.organizationId;
    const verbs: { verb: string; n: number }[] = await t.ds.query(
      `SELECT verb, count(*)::int AS n FROM activity_log WHERE organization_id = $1 GROUP BY verb`,
      [org],
    );
    const byVerb = Object.fromEntries(verbs.map((v) => [v.verb, v.n]));
    for (const verb of [
      'lesson.read',
      'exercise.attempted',
      'module.completed',
      'freiraum.requested',
      'freiraum.approved',
      'journal.logged',
    ]) {
      expect(byVerb[verb]).toBeGreaterThan(0);
    }
    const requests = await one(`SELECT count(*)::int AS n FROM freiraum_requests WHERE organization_id = $1`, [org]);
    expect(byVerb['freiraum.requested']).toBe(requests.n);
    expect(
      await one(`SELECT count(*)::int AS n FROM activity_log WHERE organization_id = $1 AND created_at > $2`, [
        org,
        now,
      ]),
    ).toEqual({ n: 0 });
  });

  it('completes modules only where the person started them, after their prerequisites', async () => {
    const org = first.organizationId;
    expect(first.rows.module_completions).toBeGreaterThan(0);
    expect(
      await one(
        `SELECT count(*)::int AS n FROM module_completions c
          WHERE c.organization_id = $1
            AND NOT EXISTS (SELECT 1 FROM exercise_attempts a JOIN learning_items i ON i.id = a.item_id
                             WHERE a.user_id = c.user_id AND i.module_id = c.module_id AND a.created_at <= c.completed_at)`,
        [org],
      ),
    ).toEqual({ n: 0 });
    expect(
      await one(
        `SELECT count(*)::int AS n FROM module_completions c JOIN learning_modules m ON m.id = c.module_id, unnest(m.prerequisites) pre
          WHERE c.organization_id = $1
            AND NOT EXISTS (SELECT 1 FROM module_completions p JOIN learning_modules pm ON pm.id = p.module_id
                             WHERE p.user_id = c.user_id AND pm.slug = pre AND p.completed_at < c.completed_at)`,
        [org],
      ),
    ).toEqual({ n: 0 });
  });

  it('lets anyone sign in with the shared password', async () => {
    await t.http().post('/api/auth/login').send({ email: first.logins[0].email, password: SCALE_PASSWORD }).expect(200);
  });

  it('adds another organisation on a second run and leaves the first one alone', async () => {
    const before = await one(`SELECT count(*)::int AS n FROM activity_log WHERE organization_id = $1`, [
      first.organizationId,
    ]);
    const second = await seedScale(
      { ds: t.ds, clock: t.clock, config: t.config },
      { employees: 60, name: 'Scale Test GmbH', seed: 7 },
    );
    expect(second.organizationId).not.toBe(first.organizationId);
    expect(second.emailDomain).toBe('scale-test-gmbh-2.example');
    expect(
      await one(`SELECT count(*)::int AS n FROM activity_log WHERE organization_id = $1`, [first.organizationId]),
    ).toEqual(before);
    // Same seed, same organisation shape.
    expect(second.rows.users).toBe(first.rows.users);
    expect(second.rows.freiraum_requests).toBe(first.rows.freiraum_requests);
  }, 120_000);
});
