import path from 'node:path';
import { loadAndCheck } from '@freiraum/content';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner.js';
import { ContentImportService } from '../src/learning/content-import.service.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { bearer, createOrganization, createUser } from './support/factories.js';

type Person = { id: string; auth: string };

const practice = {
  whatIDid: 'Ich habe mit dem Copilot eine Angebotsvorlage für Wartungsverträge entworfen.',
  result: 'Eine Vorlage mit drei Varianten.',
  howChecked: 'Preise und Laufzeiten mit der Preisliste abgeglichen.',
  toolId: 'copilot',
  dataClass: 'internal',
};
const journalEntry = {
  goal: 'Protokoll einer Besprechung zusammenfassen',
  toolId: 'other',
  // Another tool needs a name of at least two characters.
  toolName: 'XY',
  dataClass: 'public',
  outcome: 'failed',
  minutesSaved: 0,
  learned: 'Ohne Vorlage wird die Zusammenfassung zu lang.',
  visibility: 'private',
};

describe('personal dashboards: the employee’s home and the manager’s team', () => {
  let t: TestApp;
  let orgId: string;
  let adminAuth: string;
  let hrAuth: string;
  const p: Record<string, Person> = {};
  const item: Record<string, string> = {};

  const get = (who: string, url: string) => t.http().get(url).set('authorization', p[who].auth);
  const home = async (who: string) => (await get(who, '/api/dashboards/me').expect(200)).body;
  const team = async (who: string) => (await get(who, '/api/dashboards/team').expect(200)).body;
  const attempt = (who: string, slug: string, answer: object, language = 'en') =>
    t
      .http()
      .post(`/api/learning/exercises/${item[slug]}/attempts`)
      .set('authorization', p[who].auth)
      .send({ language, answer });
  const decideReview = (who: string, attemptId: string, body: object) =>
    t.http().post(`/api/learning/reviews/${attemptId}/decision`).set('authorization', p[who].auth).send(body);
  const journal = (who: string, body: object = {}) =>
    t
      .http()
      .post('/api/journal')
      .set('authorization', p[who].auth)
      .send({ ...journalEntry, ...body });
  const tick = () => t.clock.advance(60_000);

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2026-11-10T09:00:00Z'));
    const { content, problems } = loadAndCheck(path.resolve(__dirname, 'fixtures/content'));
    if (problems.length) throw new Error(JSON.stringify(problems));
    // The fixtures have a sales path only; managers follow the leadership track, which shares the introduction.
    content.paths.push({
      slug: 'leading-with-ai',
      track: 'leadership',
      title: { de: 'Führen mit KI', en: 'Leading with AI' },
      summary: { de: 'Für Führungskräfte.', en: 'For leaders.' },
      modules: ['intro'],
    });
    await t.ds.transaction((em) => t.app.get(ContentImportService).importContent(em, content));
    for (const row of await t.ds.query(`SELECT id, slug FROM learning_items`)) item[row.slug] = row.id;

    const created = await createOrganization(t, {
      aiPolicy: {
        rules: '',
        tools: [{ id: 'copilot', name: 'Copilot', allowedDataClasses: ['public', 'internal'], note: '' }],
      },
    });
    orgId = created.org.id;
    const track = (slug: string) => created.tracks.find((tr) => tr.slug === slug)!.id;
    const add = async (key: string, attrs: Partial<Parameters<typeof createUser>[1]> = {}) => {
      const u = await createUser(t, { organizationId: orgId, firstName: key, ...attrs });
      p[key] = { id: u.id, auth: bearer(t, u) };
    };
    await add('boss', { roles: ['manager', 'employee'], trackId: track('leadership'), lastName: 'Chef' });
    await add('otherBoss', { roles: ['manager', 'employee'], trackId: track('leadership') });
    await add('learner', { managerId: p.boss.id, trackId: track('sales'), lastName: 'Adler' });
    await add('quiet', { managerId: p.boss.id, trackId: track('sales'), lastName: 'Berg' });
    await add('gone', { managerId: p.boss.id, trackId: track('sales'), active: false });
    // A report's report belongs on their own manager's dashboard, not on the boss's.
    await add('grandchild', { managerId: p.learner.id, trackId: track('sales') });
    await add('stranger', { managerId: p.otherBoss.id, trackId: track('sales') });
    await add('loner', { trackId: track('sales') });
    const admin = await createUser(t, { organizationId: orgId, roles: ['admin', 'employee'] });
    adminAuth = bearer(t, admin);
    const hr = await createUser(t, { organizationId: orgId, roles: ['hr', 'employee'] });
    hrAuth = bearer(t, hr);

    const other = await createOrganization(t);
    const outsiderBoss = await createUser(t, {
      organizationId: other.org.id,
      roles: ['manager', 'employee'],
      firstName: 'outsiderBoss',
    });
    p.outsiderBoss = { id: outsiderBoss.id, auth: bearer(t, outsiderBoss) };
    const outsider = await createUser(t, {
      organizationId: other.org.id,
      managerId: outsiderBoss.id,
      trackId: other.tracks.find((tr) => tr.slug === 'sales')!.id,
      firstName: 'outsider',
    });
    p.outsider = { id: outsider.id, auth: bearer(t, outsider) };
  });
  afterAll(() => t.close());

  it('needs a sign-in', async () => {
    await t.http().get('/api/dashboards/me').expect(401);
    await t.http().get('/api/dashboards/team').expect(401);
  });

  it('shows a new employee their path, the first step, their balance and empty lists', async () => {
    expect(await home('learner')).toEqual({
      path: {
        pathId: expect.any(String),
        slug: 'sales',
        titleDe: 'KI im Vertrieb',
        titleEn: 'AI in sales',
        modulesDone: 0,
        modulesTotal: 2,
      },
      nextStep: { moduleSlug: 'intro', titleDe: 'Einführung', titleEn: 'Introduction', started: false, minutes: 20 },
      freiraum: {
        period: { key: '2026-11', kind: 'month', start: '2026-11-01', end: '2026-12-01' },
        balance: { allocated: 8, pending: 0, approved: 0, used: 0, left: 8 },
      },
      recentFeedback: [],
      recentJournal: [],
    });
    // Someone whose track has no path sees no path and no next step, but still their hours.
    const boss = await home('otherBoss');
    expect(boss.path).toMatchObject({ slug: 'leading-with-ai', modulesTotal: 1 });
    const hrHome = (await t.http().get('/api/dashboards/me').set('authorization', hrAuth).expect(200)).body;
    expect(hrHome).toMatchObject({ path: null, nextStep: null, recentFeedback: [], recentJournal: [] });
    expect(hrHome.freiraum.balance.allocated).toBe(8);
  });

  it('a lesson read starts the next step; graded attempts and review decisions become feedback, newest first', async () => {
    await t
      .http()
      .post(`/api/learning/lessons/${item['what-ai-is']}/read`)
      .set('authorization', p.learner.auth)
      .expect(204);
    expect((await home('learner')).nextStep).toMatchObject({ moduleSlug: 'intro', started: true });

    tick();
    await attempt('learner', 'check-quiz', { answers: { confident: ['yes'], data: ['names'] } }).expect(201);
    tick();
    await attempt('learner', 'check-quiz', { answers: { confident: ['no'], data: ['names', 'prices'] } }).expect(201);
    tick();
    const submitted = await attempt('learner', 'try-it', practice, 'de').expect(201);
    tick();
    await decideReview('boss', submitted.body.attempt.id, {
      decision: 'revise',
      feedback: 'Bitte beschreiben Sie die Prüfung genauer.',
    }).expect(201);

    const feedback = (await home('learner')).recentFeedback;
    expect(feedback).toEqual([
      {
        id: submitted.body.attempt.id,
        kind: 'review_revision',
        subject: 'exercise',
        titleDe: 'Selbst ausprobieren',
        titleEn: 'Try it yourself',
        moduleSlug: 'intro',
        passed: null,
        flagStatus: null,
        note: 'Bitte beschreiben Sie die Prüfung genauer.',
        at: '2026-11-10T09:04:00.000Z',
      },
      expect.objectContaining({
        kind: 'graded',
        titleEn: 'Quick check',
        passed: true,
        note: null,
        at: '2026-11-10T09:02:00.000Z',
      }),
      expect.objectContaining({
        kind: 'graded',
        titleEn: 'Quick check',
        passed: false,
        at: '2026-11-10T09:01:00.000Z',
      }),
    ]);
    // The reviewer's own dashboard shows none of it.
    expect((await home('boss')).recentFeedback).toEqual([]);
  });

  it('shows flags on one’s work with their decision, and at most the five latest feedback items', async () => {
    tick();
    const flagged = await attempt('learner', 'try-it', { ...practice, dataClass: 'personal' }, 'de').expect(201);
    const flagId = flagged.body.attempt.feedback.flag.id as string;
    tick();
    await t
      .http()
      .post(`/api/governance/flags/${flagId}/decision`)
      .set('authorization', p.boss.auth)
      .send({ decision: 'cleared', note: 'Daten waren anonymisiert.' })
      .expect(201);
    tick();
    // An unlisted tool with internal data flags the journal entry too.
    await journal('learner', {
      goal: 'Angebot mit einem neuen Werkzeug',
      dataClass: 'internal',
      toolName: 'Neues Tool',
    }).expect(201);

    const feedback = (await home('learner')).recentFeedback;
    expect(feedback).toHaveLength(5);
    expect(feedback[0]).toMatchObject({
      kind: 'flag',
      subject: 'journal_entry',
      titleDe: 'Angebot mit einem neuen Werkzeug',
      titleEn: 'Angebot mit einem neuen Werkzeug',
      moduleSlug: null,
      flagStatus: 'open',
      note: null,
    });
    expect(feedback[1]).toMatchObject({
      id: flagId,
      kind: 'flag',
      subject: 'exercise',
      titleEn: 'Try it yourself',
      moduleSlug: 'intro',
      flagStatus: 'cleared',
      note: 'Daten waren anonymisiert.',
      at: '2026-11-10T09:06:00.000Z',
    });
    expect(feedback.map((f: { kind: string }) => f.kind)).toEqual([
      'flag',
      'flag',
      'review_revision',
      'graded',
      'graded',
    ]);
  });

  it('counts a completed module and moves the next step on', async () => {
    await attempt(
      'learner',
      'write-prompt',
      { prompt: 'Du bist Vertriebsmitarbeiter. Schreibe eine E-Mail an einen Kunden im Einkauf.' },
      'de',
    ).expect(201);
    const detail = (await get('learner', '/api/learning/modules/intro').expect(200)).body;
    const doc: string = detail.items.find((i: { slug: string }) => i.slug === 'spot-problems').exercise.body.document
      .en;
    const mark = (quote: string, category: string) => ({
      start: doc.indexOf(quote),
      end: doc.indexOf(quote) + quote.length,
      category,
    });
    const done = await attempt('learner', 'spot-problems', {
      marks: [
        mark('900 parts per hour', 'fact'),
        mark('according to a study by the Nowhere University', 'invented_source'),
        mark('Mr Max Muster at 0171 2345678', 'data_protection'),
      ],
    }).expect(201);
    expect(done.body.moduleCompletedNow).toBe(true);
    const dashboard = await home('learner');
    expect(dashboard.path).toMatchObject({ modulesDone: 1, modulesTotal: 2 });
    expect(dashboard.nextStep).toEqual({
      moduleSlug: 'advanced',
      titleDe: 'Vertiefung',
      titleEn: 'Going further',
      started: false,
      minutes: 15,
    });
  });

  it('lists the three latest journal entries with their kudos', async () => {
    tick();
    await journal('learner', { goal: 'Erster Versuch mit Zusammenfassungen' }).expect(201);
    tick();
    const shared = await journal('learner', {
      goal: 'Zweiter Versuch mit Vorlage',
      outcome: 'worked',
      visibility: 'team',
    }).expect(201);
    await t.http().post(`/api/journal/${shared.body.id}/kudos`).set('authorization', p.boss.auth).expect(200);
    await t.http().post(`/api/journal/${shared.body.id}/kudos`).set('authorization', p.quiet.auth).expect(200);
    tick();
    const latest = await journal('learner', { goal: 'Dritter Versuch mit Stichpunkten', outcome: 'partly' }).expect(
      201,
    );

    const entries = (await home('learner')).recentJournal;
    expect(entries).toEqual([
      {
        id: latest.body.id,
        goal: 'Dritter Versuch mit Stichpunkten',
        outcome: 'partly',
        visibility: 'private',
        kudosCount: 0,
        createdAt: expect.any(String),
      },
      {
        id: shared.body.id,
        goal: 'Zweiter Versuch mit Vorlage',
        outcome: 'worked',
        visibility: 'team',
        kudosCount: 2,
        createdAt: expect.any(String),
      },
      expect.objectContaining({ goal: 'Erster Versuch mit Zusammenfassungen', outcome: 'failed', kudosCount: 0 }),
    ]);
    // Colleagues' entries never show on someone else's home.
    expect((await home('quiet')).recentJournal).toEqual([]);
  });

  it('shows a pending request in the employee’s balance', async () => {
    await t
      .http()
      .post('/api/freiraum/requests')
      .set('authorization', p.learner.auth)
      .send({
        slotDate: '2026-11-20',
        hours: 2,
        purposeType: 'experiment',
        purpose: 'Angebote mit Copilot vorbereiten',
      })
      .expect(201);
    expect((await home('learner')).freiraum.balance).toEqual({
      allocated: 8,
      pending: 2,
      approved: 0,
      used: 0,
      left: 6,
    });
  });

  it('shows a manager their active direct reports only, with progress, hours and what waits for them', async () => {
    // Waiting for the boss: the learner's request, their flagged resubmission (its flag cleared) and the
    // open flag on their journal entry.
    const dashboard = await team('boss');
    expect(dashboard.members.map((m: { userId: string }) => m.userId)).toEqual([p.learner.id, p.quiet.id]);
    expect(dashboard).toMatchObject({
      period: { key: '2026-11' },
      showsLastActivity: false,
      pendingApprovals: 1,
      pendingReviews: 1,
      openFlags: 1,
      freiraum: { allocated: 16, pending: 2, approved: 0, used: 0, left: 14 },
      own: {
        pathSlug: 'leading-with-ai',
        pathTitleDe: 'Führen mit KI',
        pathTitleEn: 'Leading with AI',
        modulesDone: 0,
        modulesTotal: 1,
      },
      teamCompletion: 0.25,
    });
    expect(dashboard.members[0]).toEqual({
      userId: p.learner.id,
      name: 'learner Adler',
      pathTitleDe: 'KI im Vertrieb',
      pathTitleEn: 'AI in sales',
      modulesDone: 1,
      modulesTotal: 2,
      overdueAssignments: 0,
      lastActiveAt: null,
      freiraum: { allocated: 8, pending: 2, approved: 0, used: 0, left: 6 },
    });
    expect(dashboard.members[1]).toMatchObject({
      name: 'quiet Berg',
      modulesDone: 0,
      modulesTotal: 2,
      lastActiveAt: null,
    });

    // The other manager sees their own report only; the learner, who has a report too, sees just them.
    expect((await team('otherBoss')).members.map((m: { userId: string }) => m.userId)).toEqual([p.stranger.id]);
    const learnersTeam = await team('learner');
    expect(learnersTeam.members.map((m: { userId: string }) => m.userId)).toEqual([p.grandchild.id]);
    expect(learnersTeam).toMatchObject({ pendingApprovals: 0, pendingReviews: 0, openFlags: 0, teamCompletion: 0 });
  });

  it('counts overdue assignments the day after their due date, not once the path is complete', async () => {
    await t
      .http()
      .post('/api/learning/assignments')
      .set('authorization', hrAuth)
      .send({ pathSlug: 'leading-with-ai', userIds: [p.quiet.id, p.learner.id], dueDate: '2026-11-12' })
      .expect(201);
    t.clock.set(new Date('2026-11-12T20:00:00Z'));
    expect((await team('boss')).members.map((m: { overdueAssignments: number }) => m.overdueAssignments)).toEqual([
      0, 0,
    ]);
    // 23:30 UTC is already the 13th in Berlin, the organisation's time zone.
    t.clock.set(new Date('2026-11-12T23:30:00Z'));
    expect((await team('boss')).members.map((m: { overdueAssignments: number }) => m.overdueAssignments)).toEqual([
      0, 1,
    ]);
    // The learner's finished introduction is the whole leadership path: its certificate means nothing is overdue.
    const [certificate] = await t.ds.query(
      `SELECT 1 FROM certificates c JOIN learning_paths p ON p.id = c.path_id WHERE c.user_id = $1 AND p.slug = 'leading-with-ai'`,
      [p.learner.id],
    );
    expect(certificate).toBeDefined();
  });

  it('shows last-activity times only when the organisation allows it', async () => {
    const newcomer = await createUser(t, { organizationId: orgId, managerId: p.boss.id, lastName: 'Neu' });
    await t
      .http()
      .patch('/api/organization/settings')
      .set('authorization', adminAuth)
      .send({ managersSeeLastActivity: true })
      .expect(200);
    const dashboard = await team('boss');
    expect(dashboard.showsLastActivity).toBe(true);
    const byId = new Map(
      dashboard.members.map((m: { userId: string; lastActiveAt: string | null }) => [m.userId, m.lastActiveAt]),
    );
    // The learner's latest activity: the Freiraum request made at 09:10.
    expect(byId.get(p.learner.id)).toBe('2026-11-10T09:10:00.000Z');
    // Giving kudos is logged, but is not activity (PRODUCT.md §4).
    expect(await t.ds.query(`SELECT verb FROM activity_log WHERE user_id = $1`, [p.quiet.id])).toEqual([
      { verb: 'kudos.given' },
    ]);
    expect(byId.get(p.quiet.id)).toBeNull();
    expect(byId.get(newcomer.id)).toBeNull();

    await t
      .http()
      .patch('/api/organization/settings')
      .set('authorization', adminAuth)
      .send({ managersSeeLastActivity: false })
      .expect(200);
    const hidden = await team('boss');
    expect(hidden.showsLastActivity).toBe(false);
    expect(hidden.members.every((m: { lastActiveAt: string | null }) => m.lastActiveAt === null)).toBe(true);
  });

  it('refuses the team dashboard to anyone without an active direct report, whatever their roles', async () => {
    const res = await get('loner', '/api/dashboards/team').expect(403);
    expect(res.body.code).toBe('forbidden');
    await t.http().get('/api/dashboards/team').set('authorization', hrAuth).expect(403);
    await t.http().get('/api/dashboards/team').set('authorization', adminAuth).expect(403);
  });

  it('never shows another organisation’s people or data', async () => {
    const outsiderTeam = await team('outsiderBoss');
    expect(outsiderTeam.members.map((m: { userId: string }) => m.userId)).toEqual([p.outsider.id]);
    expect(outsiderTeam).toMatchObject({ pendingApprovals: 0, pendingReviews: 0, openFlags: 0 });
    // The same content, but the outsiders' own progress and hours.
    expect(outsiderTeam.members[0]).toMatchObject({ modulesDone: 0, overdueAssignments: 0, freiraum: { pending: 0 } });
    const outsiderHome = await home('outsider');
    expect(outsiderHome).toMatchObject({ path: { modulesDone: 0 }, recentFeedback: [], recentJournal: [] });
    expect(outsiderHome.freiraum.balance.pending).toBe(0);
    const json = JSON.stringify({ outsiderTeam, outsiderHome });
    for (const id of [p.learner.id, p.boss.id, p.quiet.id]) expect(json).not.toContain(id);
  });

  it('keeps the team dashboard to a fixed number of queries, however large the team', async () => {
    const count = async () => {
      const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
      await team('boss');
      const n = spy.mock.calls.length;
      spy.mockRestore();
      return n;
    };
    const before = await count();
    const sales = (await t.ds.query(`SELECT id FROM tracks WHERE organization_id = $1 AND slug = 'sales'`, [orgId]))[0]
      .id;
    for (let i = 0; i < 4; i++)
      await createUser(t, { organizationId: orgId, managerId: p.boss.id, trackId: sales, lastName: `Zander${i}` });
    const after = await count();
    expect((await team('boss')).members).toHaveLength(7);
    expect(after).toBe(before);
    // Sign-in, reports, settings, learning roll-up, the Freiraum team and inbox, the waiting counts, own path.
    expect(after).toBeLessThanOrEqual(32);
  });
});
