import { DemoLearningSeedService } from '../src/demo/demo-learning-seed.js';
import { DemoFreiraumSeedService } from '../src/demo/demo-freiraum-seed.js';
import * as argon2 from 'argon2';
import { aiPolicySchema } from '@freiraum/contracts';
import { AuditLogEntry } from '../src/audit/audit-log.entity.js';
import { DemoSeedOnStart } from '../src/demo/demo-seed-on-start.js';
import { DemoSeedService } from '../src/demo/demo-seed.js';
import { DEMO_ACCOUNTS, DEMO_ORGANIZATION_NAME, DEMO_PASSWORD } from '../src/demo/demo-data.js';
import { Notification } from '../src/notifications/notification.entity.js';
import { Department } from '../src/organizations/department.entity.js';
import { Organization } from '../src/organizations/organization.entity.js';
import { Track } from '../src/organizations/track.entity.js';
import { User } from '../src/users/user.entity.js';
import { createOrganization } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const EXPECTED = [
  ['chefin@muster.example', ['employee', 'manager'], 'leadership', null],
  ['manager@muster.example', ['employee', 'manager'], 'leadership', 'chefin@muster.example'],
  ['hr@muster.example', ['employee', 'hr'], 'administration', 'chefin@muster.example'],
  ['admin@muster.example', ['admin', 'employee'], 'administration', 'chefin@muster.example'],
  ['sales@muster.example', ['employee'], 'sales', 'manager@muster.example'],
  ['translation@muster.example', ['employee'], 'translation', 'manager@muster.example'],
  ['verwaltung@muster.example', ['employee'], 'administration', 'chefin@muster.example'],
] as const;

describe('demo organisation seed', () => {
  let t: TestApp;
  let users: User[];
  let org: Organization;

  const counts = async () => ({
    organizations: await t.ds.getRepository(Organization).count(),
    users: await t.ds.getRepository(User).count(),
    departments: await t.ds.getRepository(Department).count(),
    tracks: await t.ds.getRepository(Track).count(),
    notifications: await t.ds.getRepository(Notification).count(),
    audit: await t.ds.getRepository(AuditLogEntry).count(),
  });

  beforeAll(async () => {
    t = await createTestApp();
    const result = await t.app.get(DemoSeedService).seed();
    expect(result).toMatchObject({ created: true });
    org = await t.ds.getRepository(Organization).findOneByOrFail({ name: DEMO_ORGANIZATION_NAME });
    users = await t.ds
      .getRepository(User)
      .find({ where: { organizationId: org.id }, relations: { track: true, department: true } });
    // Boot plus seeding (one argon2 hash, ~60 rows) can exceed the default 30 s on a busy CI machine.
  }, 90_000);
  afterAll(() => t.close());

  it('creates Muster Maschinenbau GmbH in Europe/Berlin with the four tracks', async () => {
    expect(org).toMatchObject({ timeZone: 'Europe/Berlin', defaultLanguage: 'de' });
    const tracks = await t.ds
      .getRepository(Track)
      .find({ where: { organizationId: org.id }, order: { position: 'ASC' } });
    expect(tracks.map((tr) => [tr.slug, tr.nameDe, tr.nameEn, tr.enabled])).toEqual([
      ['leadership', 'Führung', 'Leadership', true],
      ['sales', 'Vertrieb', 'Sales', true],
      ['translation', 'Übersetzung', 'Translation', true],
      ['administration', 'Verwaltung', 'Administration', true],
    ]);
  });

  it('has the seven demo accounts with the right roles, track and manager', () => {
    const byId = new Map(users.map((u) => [u.id, u]));
    const byEmail = new Map(users.map((u) => [u.email, u]));
    for (const [email, roles, track, manager] of EXPECTED) {
      const user = byEmail.get(email);
      expect(user).toBeDefined();
      expect({
        email,
        roles: [...user!.roles].sort(),
        track: user!.track?.slug,
        manager: user!.managerId ? byId.get(user!.managerId)!.email : null,
        active: user!.active,
      }).toEqual({
        email,
        roles,
        track,
        manager,
        active: true,
      });
    }
    expect(DEMO_ACCOUNTS).toEqual(EXPECTED.map(([email]) => email));
  });

  it('has at least 24 people in at least 4 departments, every track used, German names with umlauts', () => {
    expect(users.length).toBeGreaterThanOrEqual(24);
    expect(users.filter((u) => u.active).length).toBeGreaterThanOrEqual(24);
    const departments = new Set(users.map((u) => u.department?.name));
    expect(departments.size).toBeGreaterThanOrEqual(4);
    expect([...departments]).toEqual(expect.arrayContaining(['Geschäftsführung', 'Vertrieb', 'Verwaltung']));
    expect(new Set(users.map((u) => u.track?.slug))).toEqual(
      new Set(['leadership', 'sales', 'translation', 'administration']),
    );
    expect(users.some((u) => /[äöüÄÖÜß]/.test(`${u.firstName}${u.lastName}`))).toBe(true);
    expect(users.every((u) => u.departmentId && u.trackId && u.email === u.email.toLowerCase())).toBe(true);
  });

  it('gives the manager role to exactly the people with reports, and has one deactivated user', () => {
    const withReports = new Set(users.map((u) => u.managerId).filter(Boolean));
    for (const u of users)
      expect({ email: u.email, manager: u.roles.includes('manager') }).toEqual({
        email: u.email,
        manager: withReports.has(u.id),
      });
    expect(withReports.size).toBeGreaterThan(2);
    const inactive = users.filter((u) => !u.active);
    expect(inactive).toHaveLength(1);
    expect(inactive[0].deactivatedAt).toBeInstanceOf(Date);
    expect(users.filter((u) => u.managerId === null).map((u) => u.email)).toEqual(['chefin@muster.example']);
  });

  it('all accounts share the demo password', async () => {
    const hashes = new Set(users.map((u) => u.passwordHash));
    expect(hashes.size).toBe(1);
    expect(await argon2.verify([...hashes][0]!, DEMO_PASSWORD)).toBe(true);
    expect(await argon2.verify([...hashes][0]!, 'something-else-entirely')).toBe(false);
  });

  it('has a valid AI policy with realistic tools and German rules', () => {
    const policy = aiPolicySchema.parse(org.aiPolicy);
    const classesOf = (id: string) => policy.tools.find((tool) => tool.id === id)?.allowedDataClasses;
    expect(classesOf('chatgpt-free')).toEqual(['public']);
    expect(classesOf('deepl-pro')).toEqual(['public', 'internal', 'confidential']);
    expect(classesOf('local-llm')).toContain('personal');
    expect(policy.rules).toMatch(/Personenbezogene Daten/);
  });

  it('leaves a welcome notification for each demo account and some audit rows', async () => {
    const notes = await t.ds.getRepository(Notification).find({ where: { organizationId: org.id } });
    const emailOf = new Map(users.map((u) => [u.id, u.email]));
    expect(
      notes
        .filter((n) => n.type === 'welcome')
        .map((n) => emailOf.get(n.userId))
        .sort(),
    ).toEqual([...DEMO_ACCOUNTS].sort());
    const audit = await t.ds.getRepository(AuditLogEntry).find({ where: { organizationId: org.id } });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['organization.created', 'user.deactivated']));
    // Ids only, never names or e-mails (PRODUCT.md §6).
    expect(JSON.stringify(audit.map((a) => a.data))).not.toMatch(/@|Müller|Brenner/);
  });

  it('a second run changes nothing', async () => {
    const before = await counts();
    const again = await t.app.get(DemoSeedService).seed();
    expect(again).toEqual({ created: false, reason: expect.stringContaining('exists already') });
    expect(await counts()).toEqual(before);
  });

  // Each of these boots an app of its own (a few seconds each on a busy machine).
  describe('on start', () => {
    it('seeds an empty embedded database when SEED_DEMO=auto', async () => {
      const auto = await createTestApp({ seedDemo: 'auto' });
      try {
        expect(await auto.ds.getRepository(Organization).findOneBy({ name: DEMO_ORGANIZATION_NAME })).not.toBeNull();
        // Learning history made through the real services (issue 3): a certificate, reviews waiting for
        // manager@, a revision asked for, an open governance flag, HR assignments.
        const one = async (sql: string) => (await auto.ds.query(sql))[0];
        const byEmail = (email: string) => `(SELECT id FROM users WHERE email = '${email}')`;
        expect(await one(`SELECT count(*)::int AS n FROM certificates WHERE user_id = ${byEmail('verwaltung@muster.example')}`)).toEqual({ n: 1 });
        const waiting = await auto.ds.query(
          `SELECT u.email FROM exercise_attempts a JOIN users u ON u.id = a.user_id WHERE a.status = 'submitted' AND a.reviewer_id = ${byEmail('manager@muster.example')} ORDER BY u.email`,
        );
        expect(waiting.map((w: { email: string }) => w.email)).toEqual(['andreas.vogel@muster.example', 'translation@muster.example']);
        expect(await one(`SELECT count(*)::int AS n FROM exercise_attempts WHERE status = 'revision_requested'`)).toEqual({ n: 1 });
        // One on practice work, one on a journal entry (issue 4).
        expect(await auto.ds.query(`SELECT subject_type FROM governance_flags WHERE status = 'open' ORDER BY 1`)).toEqual([
          { subject_type: 'journal_entry' },
          { subject_type: 'practice_attempt' },
        ]);
        expect((await one(`SELECT count(*)::int AS n FROM module_completions`)).n).toBeGreaterThan(20);
        expect((await one(`SELECT count(*)::int AS n FROM learning_assignments WHERE due_date IS NOT NULL`)).n).toBeGreaterThan(5);
        // Freiraum history (issue 4): used, approved and pending hours, an escalation, a rejection with its
        // reason, shared entries including failed ones, kudos, use cases, a delegation.
        const statuses = await auto.ds.query(`SELECT status, count(*)::int AS n FROM freiraum_requests GROUP BY 1 ORDER BY 1`);
        expect(statuses).toEqual([
          { status: 'approved', n: expect.any(Number) },
          { status: 'pending', n: 5 },
          { status: 'rejected', n: 1 },
        ]);
        const pendingForManager = await auto.ds.query(
          `SELECT u.email, r.escalated_at IS NOT NULL AS escalated FROM freiraum_requests r JOIN users u ON u.id = r.user_id
            WHERE r.status = 'pending' AND (u.manager_id = ${byEmail('manager@muster.example')} OR r.escalated_at IS NOT NULL) ORDER BY u.email`,
        );
        expect(pendingForManager).toEqual([
          { email: 'andreas.vogel@muster.example', escalated: false },
          { email: 'miriam.yilmaz@muster.example', escalated: true },
          { email: 'stefan.krueger@muster.example', escalated: false },
        ]);
        // 13 used slots, plus one of sales@ in the current period unless it is the period's first day.
        expect((await one(`SELECT count(*)::int AS n FROM freiraum_requests WHERE status = 'approved' AND slot_date < current_date`)).n).toBeGreaterThanOrEqual(13);
        const outcomes = await auto.ds.query(`SELECT outcome, count(*)::int AS n FROM journal_entries WHERE visibility <> 'private' GROUP BY 1 ORDER BY 1`);
        expect(outcomes).toEqual([{ outcome: 'failed', n: 6 }, { outcome: 'partly', n: 5 }, { outcome: 'worked', n: 8 }]);
        // The dashboards' read model was kept while the history was made.
        expect((await one(`SELECT count(*)::int AS n FROM dash_user_days`)).n).toBeGreaterThan(50);
        expect(await one(`SELECT count(*)::int AS n FROM journal_kudos`)).toEqual({ n: 12 });
        expect(await one(`SELECT count(*)::int AS n FROM use_cases`)).toEqual({ n: 2 });
        expect(await one(`SELECT count(*)::int AS n FROM freiraum_delegations`)).toEqual({ n: 1 });
        const spread = await one(`SELECT (max(created_at) - min(created_at)) > interval '20 days' AS spread FROM activity_log`);
        expect(spread.spread).toBe(true);
      } finally {
        await auto.close();
      }
    }, 60_000);

    it('never seeds when DATABASE_URL is set', async () => {
      const onPostgres = await createTestApp({
        seedDemo: 'auto',
        databaseUrl: 'postgres://configured.example/freiraum',
      });
      try {
        expect(await onPostgres.ds.getRepository(Organization).count()).toBe(0);
      } finally {
        await onPostgres.close();
      }
    }, 60_000);

    it('never seeds a database that has an organisation already', async () => {
      const used = await createTestApp({ seedDemo: 'never' });
      try {
        await createOrganization(used);
        const hook = new DemoSeedOnStart({ ...used.config, seedDemo: 'auto' }, used.app.get(DemoSeedService), used.app.get(DemoLearningSeedService), used.app.get(DemoFreiraumSeedService));
        await hook.onApplicationBootstrap();
        expect(await used.ds.getRepository(Organization).count()).toBe(1);
      } finally {
        await used.close();
      }
    }, 60_000);
  });
});
