import path from 'node:path';
import { loadAndCheck } from '@freiraum/content';
import { ContentImportService } from '../src/learning/content-import.service.js';
import {
  EXPORTED_PERSON_COLUMNS,
  NOT_EXPORTED_PERSON_COLUMNS,
  PERSON_COLUMN,
} from '../src/privacy/privacy-export.policy.js';
import { ERASURE_PLAN } from '../src/users/user-erasure.policy.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { bearer, createOrganization, createUser, TEST_PASSWORD, uniqueEmail } from './support/factories.js';

type Person = { id: string; email: string; auth: string };
type Rows = Record<string, unknown>[];

// PRODUCT.md §6: a person exports all their data; an admin erases a person, keeping aggregates right.
describe('privacy: export my data, and erasure by an admin', () => {
  let t: TestApp;
  let orgId: string;
  const p: Record<string, Person> = {};
  const ids: Record<string, string> = {};

  const as = (who: string) => ({
    get: (url: string) => t.http().get(url).set('authorization', p[who].auth),
    post: (url: string, body: object = {}) => t.http().post(url).set('authorization', p[who].auth).send(body),
    patch: (url: string, body: object) => t.http().patch(url).set('authorization', p[who].auth).send(body),
  });
  const itemId = async (slug: string) =>
    ((await t.ds.query(`SELECT id FROM learning_items WHERE slug = $1`, [slug])) as { id: string }[])[0].id;
  // Returning the request from an async function sends it: the status is checked here.
  const attempt = async (who: string, slug: string, answer: object) =>
    as(who)
      .post(`/api/learning/exercises/${await itemId(slug)}/attempts`, { language: 'en', answer })
      .expect(201);
  const count = async (sql: string, params: unknown[]) => ((await t.ds.query(sql, params)) as { n: number }[])[0].n;
  const journalEntry = {
    toolId: 'copilot',
    dataClass: 'internal',
    outcome: 'worked',
    minutesSaved: 30,
    learned: 'Die Vorlage spart Zeit, die Preise prüfe ich selbst.',
  };

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2026-11-02T09:00:00Z'));
    const { content } = loadAndCheck(path.resolve(__dirname, 'fixtures/content'));
    await t.ds.transaction((em) => t.app.get(ContentImportService).importContent(em, content));
    const { org, tracks, department } = await createOrganization(t, {
      name: 'Muster Maschinenbau GmbH',
      aiPolicy: {
        rules: '',
        tools: [{ id: 'copilot', name: 'Copilot', allowedDataClasses: ['public', 'internal'], note: '' }],
      },
    });
    orgId = org.id;
    const sales = tracks.find((tr) => tr.slug === 'sales')!.id;
    const add = async (key: string, attrs: Partial<Parameters<typeof createUser>[1]>) => {
      const email = uniqueEmail(key);
      const u = await createUser(t, { organizationId: orgId, email, ...attrs });
      p[key] = { id: u.id, email, auth: bearer(t, u) };
    };
    await add('admin', { roles: ['admin', 'employee'], firstName: 'Ada', lastName: 'Admin' });
    await add('hr', { roles: ['hr', 'employee'], firstName: 'Hanna', lastName: 'Personal' });
    await add('boss', { roles: ['manager', 'employee'], firstName: 'Thomas', lastName: 'Chef' });
    await add('erika', {
      firstName: 'Erika',
      lastName: 'Vergessen',
      managerId: p.boss.id,
      trackId: sales,
      departmentId: department.id,
    });
    await add('report', { firstName: 'Rita', lastName: 'Bericht', managerId: p.erika.id });
    await add('colleague', { firstName: 'Paul', lastName: 'Kollege', managerId: p.boss.id });
    // Erika manages Rita: the derived role follows the reporting line.
    await t.ds.query(`UPDATE users SET roles = '{employee,manager}' WHERE id = $1`, [p.erika.id]);
    const other = await createOrganization(t);
    const outsider = await createUser(t, { organizationId: other.org.id, roles: ['admin', 'employee'] });
    p.outsider = { id: outsider.id, email: outsider.email, auth: bearer(t, outsider) };

    // Sign-in: one wrong password (a throttle row keyed by e-mail), a session, a reset e-mail with a token.
    await t.http().post('/api/auth/login').send({ email: p.erika.email, password: 'not-the-password' }).expect(401);
    await t.http().post('/api/auth/login').send({ email: p.erika.email, password: TEST_PASSWORD }).expect(200);
    await t.http().post('/api/auth/password-reset').send({ email: p.erika.email }).expect(202);

    // Learning: a lesson, the sales path to its certificate (one prompt quoting a customer's name first),
    // a reflection, and practice work with personal data in Copilot (flagged, waiting for the boss).
    await as('erika')
      .post(`/api/learning/lessons/${await itemId('what-ai-is')}/read`)
      .expect(204);
    await attempt('erika', 'check-quiz', { answers: { confident: ['no'], data: ['names', 'prices'] } });
    await attempt('erika', 'write-prompt', { prompt: 'You are a sales engineer. Write an e-mail to Petra Klein.' });
    t.clock.advance(60_000);
    await attempt('erika', 'write-prompt', {
      prompt: 'You are a sales engineer. Write an e-mail to a customer in procurement.',
    });
    const [{ document }] = (await t.ds.query(
      `SELECT content->'document'->>'en' AS document FROM learning_items WHERE slug = 'spot-problems'`,
    )) as { document: string }[];
    const mark = (quote: string, category: string) => ({
      start: document.indexOf(quote),
      end: document.indexOf(quote) + quote.length,
      category,
    });
    await attempt('erika', 'spot-problems', {
      marks: [
        mark('900 parts per hour', 'fact'),
        mark('according to a study by the Nowhere University', 'invented_source'),
        mark('Mr Max Muster at 0171 2345678', 'data_protection'),
      ],
    });
    await attempt('erika', 'recap', { answers: { 'review-needed': ['always'] } });
    await attempt('erika', 'look-back', {
      text: 'Ich nehme mit, dass ich jede KI-Antwort selbst prüfe, bevor sie an Kunden geht.',
    });
    await attempt('erika', 'try-it', {
      whatIDid: 'Kundenliste mit Copilot nach offenen Angeboten sortiert.',
      result: 'Eine sortierte Liste.',
      howChecked: 'Stichproben gegen das CRM geprüft.',
      toolId: 'copilot',
      dataClass: 'personal',
    });
    await as('hr')
      .post('/api/learning/assignments', { pathSlug: 'sales', userIds: [p.erika.id], dueDate: '2026-12-31' })
      .expect(201);

    // Freiraum: one slot approved (its day passes), one still pending.
    const approved = await as('erika')
      .post('/api/freiraum/requests', {
        slotDate: '2026-11-05',
        hours: 1,
        purposeType: 'experiment',
        purpose: 'Besprechungsnotizen von Erika zusammenfassen',
      })
      .expect(201);
    ids.approvedRequest = approved.body.id;
    await as('boss')
      .post(`/api/freiraum/requests/${ids.approvedRequest}/decision`, {
        decision: 'approved',
        note: 'Gern, viel Erfolg!',
      })
      .expect(200);
    const pending = await as('erika')
      .post('/api/freiraum/requests', {
        slotDate: '2026-11-20',
        hours: 2,
        purposeType: 'experiment',
        purpose: 'Angebotsentwurf für Kunde Huber testen',
      })
      .expect(201);
    ids.pendingRequest = pending.body.id;
    t.clock.set(new Date('2026-11-10T09:00:00Z'));

    // Journal: a private entry, one shared with the organisation (kudos, promoted), the colleague's own.
    ids.privateEntry = (
      await as('erika')
        .post('/api/journal', { ...journalEntry, goal: 'Privat: meine Notizen ordnen' })
        .expect(201)
    ).body.id;
    t.clock.advance(60_000);
    ids.sharedEntry = (
      await as('erika')
        .post('/api/journal', { ...journalEntry, goal: 'Angebotsvorlage mit Copilot', visibility: 'organization' })
        .expect(201)
    ).body.id;
    ids.colleagueEntry = (
      await as('colleague')
        .post('/api/journal', { ...journalEntry, goal: 'Pauls Übersetzungsexperiment', visibility: 'organization' })
        .expect(201)
    ).body.id;
    await as('colleague').post(`/api/journal/${ids.sharedEntry}/kudos`).expect(200);
    await as('erika').post(`/api/journal/${ids.colleagueEntry}/kudos`).expect(200);
    ids.useCase = (
      await as('boss')
        .post('/api/use-cases', {
          entryId: ids.sharedEntry,
          title: 'Angebote schneller',
          summary: 'Eine Vorlage für Angebote.',
        })
        .expect(201)
    ).body.id;
    await as('admin').post(`/api/users/${p.erika.id}/reset-link`).expect(201);
    t.clock.set(new Date('2026-11-10T12:00:00Z'));
    // A whole working life through the real API (sign-ins hash with argon2): slower than one test's budget.
  }, 120_000);
  afterAll(() => t.close());

  describe('GET /api/me/export', () => {
    it('needs a session', async () => {
      await t.http().get('/api/me/export').expect(401);
    });

    it('is a JSON attachment with every section of the person’s data', async () => {
      const res = await as('erika').get('/api/me/export').expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['content-disposition']).toBe('attachment; filename="freiraum-export-2026-11-10.json"');
      expect(res.headers['cache-control']).toBe('private, no-store');
      const x = res.body;
      expect(x).toMatchObject({ version: 1, exportedAt: '2026-11-10T12:00:00.000Z' });
      expect(x.profile).toMatchObject({
        id: p.erika.id,
        email: p.erika.email,
        firstName: 'Erika',
        lastName: 'Vergessen',
        roles: ['employee', 'manager'],
        active: true,
        hasPassword: true,
        organization: { id: orgId, name: 'Muster Maschinenbau GmbH' },
        manager: { id: p.boss.id, name: 'Thomas Chef' },
        department: { name: 'Vertrieb' },
        track: { slug: 'sales' },
      });

      expect(x.signIn.sessions).toEqual([
        expect.objectContaining({ createdAt: expect.any(String), expiresAt: expect.any(String) }),
      ]);
      expect(x.signIn.oneTimeLinks.map((l: { purpose: string }) => l.purpose)).toEqual(['reset', 'reset']);
      expect(x.notifications.map((n: { type: string }) => n.type)).toEqual(
        expect.arrayContaining(['kudos_received', 'freiraum_request_decided']),
      );
      const resetMail = (x.emails as Rows).find((m) => String(m.text).includes('token='));
      expect(resetMail).toMatchObject({ to: p.erika.email });
      expect(String(resetMail!.text)).toMatch(/token=…/);

      const learning = x.learning;
      expect(learning.lessonReads).toEqual([expect.objectContaining({ itemSlug: 'what-ai-is', moduleSlug: 'intro' })]);
      const byItem = (slug: string) => (learning.exerciseAttempts as Rows).filter((a) => a.itemSlug === slug);
      expect(byItem('write-prompt').map((a) => a.answer)).toEqual([
        { prompt: 'You are a sales engineer. Write an e-mail to Petra Klein.' },
        { prompt: 'You are a sales engineer. Write an e-mail to a customer in procurement.' },
      ]);
      expect(byItem('try-it')[0]).toMatchObject({
        status: 'submitted',
        reviewerId: p.boss.id,
        answer: expect.objectContaining({ dataClass: 'personal' }),
      });
      expect(byItem('look-back')[0].answer).toEqual({ text: expect.stringContaining('Ich nehme mit') });
      expect((learning.moduleCompletions as Rows).map((c) => c.moduleSlug).sort()).toEqual(['advanced', 'intro']);
      expect(learning.certificates).toEqual([
        expect.objectContaining({ pathSlug: 'sales', code: expect.stringMatching(/^FR-/) }),
      ]);
      expect(learning.assignments).toEqual([
        expect.objectContaining({ pathSlug: 'sales', dueDate: '2026-12-31', assignedBy: p.hr.id }),
      ]);
      expect(x.governance.flagsOnYourWork).toEqual([
        expect.objectContaining({ subjectType: 'practice_attempt', status: 'open', dataClass: 'personal' }),
      ]);

      const freiraum = x.freiraum;
      expect(freiraum.allocations).toEqual([
        expect.objectContaining({ periodKey: '2026-11', hours: 8, committedHours: 3 }),
      ]);
      expect(freiraum.requests).toEqual([
        expect.objectContaining({
          id: ids.approvedRequest,
          slotDate: '2026-11-05',
          hours: 1,
          status: 'approved',
          decidedBy: p.boss.id,
          decisionNote: 'Gern, viel Erfolg!',
        }),
        expect.objectContaining({
          id: ids.pendingRequest,
          status: 'pending',
          purpose: 'Angebotsentwurf für Kunde Huber testen',
        }),
      ]);

      const journal = x.journal;
      expect((journal.entries as Rows).map((e) => [e.id, e.visibility])).toEqual([
        [ids.privateEntry, 'private'],
        [ids.sharedEntry, 'organization'],
      ]);
      expect(journal.kudosGiven).toEqual([expect.objectContaining({ entryId: ids.colleagueEntry })]);
      expect(journal.kudosReceived).toEqual([{ entryId: ids.sharedEntry, createdAt: expect.any(String) }]);
      expect(journal.useCasesCreditingYou).toEqual([
        expect.objectContaining({ id: ids.useCase, title: 'Angebote schneller' }),
      ]);

      expect((x.activityLog as Rows).map((a) => a.verb)).toEqual(
        expect.arrayContaining(['lesson.read', 'module.completed', 'journal.logged', 'kudos.given']),
      );
      expect(x.auditLog).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ action: 'user.reset_link_issued', actorId: p.admin.id, targetId: p.erika.id }),
        ]),
      );
    });

    it('holds nothing of anyone else and no secret', async () => {
      const res = await as('erika').get('/api/me/export').expect(200);
      const text = JSON.stringify(res.body);
      expect(text).not.toContain('Pauls Übersetzungsexperiment');
      expect(text).not.toContain(p.colleague.email);
      expect(text).not.toContain(p.report.email);
      expect(text).not.toContain(p.outsider.id);
      expect(text).not.toMatch(/password_?hash|token_?hash/i);
      const hashes = (await t.ds.query(
        `SELECT token_hash FROM refresh_tokens WHERE user_id = $1 UNION ALL SELECT token_hash FROM one_time_tokens WHERE user_id = $1`,
        [p.erika.id],
      )) as { token_hash: string }[];
      expect(hashes.length).toBeGreaterThan(0);
      for (const { token_hash } of hashes) expect(text).not.toContain(token_hash);
      expect(text).not.toMatch(/token=[\w-]{20,}/);

      // The boss's export shows the decision and the review waiting for them as ids, not Erika's content.
      const boss = (await as('boss').get('/api/me/export').expect(200)).body;
      expect(boss.freiraum.decisionsMade).toEqual([
        { requestId: ids.approvedRequest, decision: 'approved', decidedAt: expect.any(String) },
      ]);
      expect(boss.learning.reviewsGiven).toEqual([
        { attemptId: expect.any(String), status: 'submitted', submittedAt: expect.any(String), reviewedAt: null },
      ]);
      expect(boss.journal.useCasesPromoted).toEqual([expect.objectContaining({ id: ids.useCase })]);
      const bossText = JSON.stringify(boss);
      expect(bossText).not.toContain('Kundenliste mit Copilot');
      expect(bossText).not.toContain('Angebotsentwurf für Kunde Huber');
    });
  });

  it('every column that can point at a person is exported or excluded with a reason, and has an erasure rule', async () => {
    const columns = (await t.ds.query(
      `SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns WHERE table_schema = current_schema()`,
    )) as { table: string; column: string }[];
    const all = new Set(columns.map((c) => `${c.table}.${c.column}`));
    const personColumns = columns.filter((c) => PERSON_COLUMN.test(c.column)).map((c) => `${c.table}.${c.column}`);
    expect(personColumns.length).toBeGreaterThan(20);
    const exportListed = { ...EXPORTED_PERSON_COLUMNS, ...NOT_EXPORTED_PERSON_COLUMNS };
    // A new person column needs a line in privacy-export.policy.ts and in user-erasure.policy.ts.
    expect(personColumns.filter((c) => !(c in exportListed)).sort()).toEqual([]);
    expect(personColumns.filter((c) => !(c in ERASURE_PLAN)).sort()).toEqual([]);
    // And no line outlives its column.
    expect(Object.keys(exportListed).filter((c) => !all.has(c))).toEqual([]);
    expect(Object.keys(ERASURE_PLAN).filter((c) => !all.has(c))).toEqual([]);
  });

  describe('POST /api/users/:id/erase', () => {
    const erase = (who: string, id: string, body: object) => as(who).post(`/api/users/${id}/erase`, body);

    it('is for admins of the person’s organisation, confirmed with the e-mail address, never oneself', async () => {
      const confirm = { confirm: p.erika.email };
      await erase('hr', p.erika.id, confirm).expect(403);
      await erase('boss', p.erika.id, confirm).expect(403);
      await erase('outsider', p.erika.id, confirm).expect(404);
      await erase('admin', '00000000-0000-4000-8000-000000000000', confirm).expect(404);
      const badId = await erase('admin', 'nope', confirm).expect(400);
      expect(badId.body.details[0].field).toBe('id');
      const wrong = await erase('admin', p.erika.id, { confirm: p.colleague.email }).expect(400);
      expect(wrong.body.details).toEqual([{ field: 'confirm', message: "does not match the person's e-mail address" }]);
      const missing = await erase('admin', p.erika.id, {}).expect(400);
      expect(missing.body.details[0].field).toBe('confirm');
      const extra = await erase('admin', p.erika.id, { ...confirm, reason: 'x' }).expect(400);
      expect(extra.body.details[0].field).toBe('reason');
      const self = await erase('admin', p.admin.id, { confirm: p.admin.email }).expect(409);
      expect(self.body.details[0].field).toBe('id');
      expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'user.erased'`, [])).toBe(0);
      expect(
        await count(`SELECT count(*)::int AS n FROM users WHERE id = $1 AND erased_at IS NULL`, [p.erika.id]),
      ).toBe(1);
    });

    it('erases personal data in one go and keeps what the figures count', async () => {
      const countsOf = async () => ({
        attempts: await count(`SELECT count(*)::int AS n FROM exercise_attempts WHERE user_id = $1`, [p.erika.id]),
        completions: await count(`SELECT count(*)::int AS n FROM module_completions WHERE user_id = $1`, [p.erika.id]),
        reads: await count(`SELECT count(*)::int AS n FROM lesson_reads WHERE user_id = $1`, [p.erika.id]),
        requests: await count(`SELECT count(*)::int AS n FROM freiraum_requests WHERE user_id = $1`, [p.erika.id]),
        activity: await count(`SELECT count(*)::int AS n FROM activity_log WHERE user_id = $1`, [p.erika.id]),
        kudos: await count(`SELECT count(*)::int AS n FROM journal_kudos`, []),
        certificates: await count(`SELECT count(*)::int AS n FROM certificates WHERE user_id = $1`, [p.erika.id]),
      });
      const before = await countsOf();
      const [{ code }] = (await t.ds.query(`SELECT code FROM certificates WHERE user_id = $1`, [p.erika.id])) as {
        code: string;
      }[];
      expect((await t.http().get(`/api/certificates/${code}`).expect(200)).body.holderName).toBe('Erika Vergessen');
      expect(
        await count(
          `SELECT count(*)::int AS n FROM outbound_emails WHERE strpos(body_text, 'Erika Vergessen') > 0`,
          [],
        ),
      ).toBeGreaterThan(0);

      expect(
        await count(`SELECT count(*)::int AS n FROM login_throttle WHERE key LIKE $1`, [`%:${p.erika.email}`]),
      ).toBeGreaterThan(0);

      const res = await erase('admin', p.erika.id, { confirm: `  ${p.erika.email.toUpperCase()} ` }).expect(200);
      expect(res.body).toMatchObject({
        id: p.erika.id,
        email: `erased-${p.erika.id}@erased.invalid`,
        firstName: '',
        lastName: '',
        active: false,
        hasPassword: false,
        roles: ['employee'],
        departmentName: 'Vertrieb',
        trackSlug: 'sales',
        managerId: p.boss.id,
        directReportCount: 0,
        deactivatedAt: '2026-11-10T12:00:00.000Z',
        erasedAt: '2026-11-10T12:00:00.000Z',
      });

      // Sign-in counters keyed by the old address are gone (before the failed login below makes a new one).
      expect(
        await count(`SELECT count(*)::int AS n FROM login_throttle WHERE key LIKE $1`, [`%:${p.erika.email}`]),
      ).toBe(0);
      // Nobody can sign in as the person any more, with the old session or the old password.
      await t.http().post('/api/auth/login').send({ email: p.erika.email, password: TEST_PASSWORD }).expect(401);
      await as('erika').get('/api/me').expect(401);
      const [row] = (await t.ds.query(`SELECT password_hash, language FROM users WHERE id = $1`, [p.erika.id])) as {
        password_hash: string | null;
        language: string | null;
      }[];
      expect(row).toEqual({ password_hash: null, language: null });
      for (const table of ['refresh_tokens', 'one_time_tokens', 'notifications', 'idempotency_keys']) {
        expect(await count(`SELECT count(*)::int AS n FROM ${table} WHERE user_id = $1`, [p.erika.id])).toBe(0);
      }
      expect(
        await count(`SELECT count(*)::int AS n FROM outbound_emails WHERE user_id = $1 OR to_address = $2`, [
          p.erika.id,
          p.erika.email,
        ]),
      ).toBe(0);
      // E-mails to others (the boss's "Freiraum request from …") keep their text without the name.
      expect(
        await count(
          `SELECT count(*)::int AS n FROM outbound_emails WHERE strpos(subject || body_text, 'Erika Vergessen') > 0`,
          [],
        ),
      ).toBe(0);
      expect(
        await count(`SELECT count(*)::int AS n FROM outbound_emails WHERE user_id = $1 AND subject LIKE '%[…]%'`, [
          p.boss.id,
        ]),
      ).toBeGreaterThan(0);

      // Rita moved to Erika's manager; Erika no longer holds the manager role.
      expect((await as('admin').get(`/api/users/${p.report.id}`).expect(200)).body.managerId).toBe(p.boss.id);

      // The figures: every attempt, completion, read, request, activity row, kudos and certificate is still there.
      expect(await countsOf()).toEqual(before);
      const attempts = (await t.ds.query(
        `SELECT i.slug, a.answer, a.feedback, a.score, a.passed, a.status, a.reviewer_id AS "reviewerId"
           FROM exercise_attempts a JOIN learning_items i ON i.id = a.item_id WHERE a.user_id = $1 ORDER BY a.created_at`,
        [p.erika.id],
      )) as {
        slug: string;
        answer: object;
        feedback: { personalData?: object[] };
        score: number | null;
        passed: boolean;
        status: string;
        reviewerId: string | null;
      }[];
      for (const a of attempts.filter((x) => ['write-prompt', 'look-back', 'try-it'].includes(x.slug))) {
        expect(a.answer).toEqual({ erased: true });
      }
      expect(attempts.find((a) => a.slug === 'check-quiz')!.answer).toEqual({
        answers: { confident: ['no'], data: ['names', 'prices'] },
      });
      const prompts = attempts.filter((a) => a.slug === 'write-prompt');
      expect(prompts.map((a) => a.passed)).toEqual([false, true]);
      // "Petra Klein" and "Klein" were found: which kind stays, the quotes go.
      expect(prompts[0].feedback.personalData).toEqual([{ kind: 'name' }, { kind: 'name' }]);
      expect(JSON.stringify(attempts)).not.toContain('Petra Klein');
      // The submitted practice work waits for nobody.
      expect(attempts.find((a) => a.slug === 'try-it')).toMatchObject({ status: 'submitted', reviewerId: null });
      expect((await as('boss').get('/api/learning/reviews').expect(200)).body.items).toEqual([]);

      // Freiraum: the past approved slot stays, the pending request is cancelled; no purpose text is left.
      const requests = (await t.ds.query(
        `SELECT id, status, purpose, decision_note FROM freiraum_requests WHERE user_id = $1 ORDER BY slot_date`,
        [p.erika.id],
      )) as { id: string; status: string; purpose: string; decision_note: string | null }[];
      expect(requests).toEqual([
        { id: ids.approvedRequest, status: 'approved', purpose: '', decision_note: 'Gern, viel Erfolg!' },
        { id: ids.pendingRequest, status: 'cancelled', purpose: '', decision_note: null },
      ]);
      expect((await as('boss').get('/api/freiraum/inbox').expect(200)).body.items).toEqual([]);
      const [allocation] = (await t.ds.query(
        `SELECT committed_hours::float8 AS c FROM freiraum_allocations WHERE user_id = $1`,
        [p.erika.id],
      )) as { c: number }[];
      expect(allocation.c).toBe(1);

      // Journal: the private entry is gone; the shared one stays with its kudos, credited to "former colleague".
      expect(await count(`SELECT count(*)::int AS n FROM journal_entries WHERE id = $1`, [ids.privateEntry])).toBe(0);
      const feed = (await as('colleague').get('/api/journal/feed').expect(200)).body.items as {
        id: string;
        authorName: string;
        kudosCount: number;
      }[];
      expect(feed.find((e) => e.id === ids.sharedEntry)).toMatchObject({
        authorName: 'former colleague',
        kudosCount: 1,
      });
      const useCase = (await as('colleague').get(`/api/use-cases/${ids.useCase}`).expect(200)).body;
      expect(useCase).toMatchObject({ authorId: null, authorName: 'former colleague' });
      expect(await count(`SELECT count(*)::int AS n FROM journal_kudos WHERE user_id = $1`, [p.erika.id])).toBe(1);

      // The certificate is still valid, without a name.
      expect((await t.http().get(`/api/certificates/${code}`).expect(200)).body).toMatchObject({
        valid: true,
        code,
        holderName: null,
      });

      // One audit row, by the admin about the person, with ids and counts only.
      const audit = (await t.ds.query(
        `SELECT actor_id, target_type, target_id, data FROM audit_log WHERE action = 'user.erased'`,
        [],
      )) as {
        actor_id: string;
        target_type: string;
        target_id: string;
        data: Record<string, unknown>;
      }[];
      expect(audit).toEqual([
        {
          actor_id: p.admin.id,
          target_type: 'user',
          target_id: p.erika.id,
          data: expect.objectContaining({ movedReportIds: [p.report.id], cancelledRequestIds: [ids.pendingRequest] }),
        },
      ]);
      const auditText = JSON.stringify(audit[0].data);
      for (const personal of [p.erika.email, 'Erika', 'Vergessen']) expect(auditText).not.toContain(personal);
      // No activity or audit row anywhere holds the person's name or address.
      const logs = (await t.ds.query(
        `SELECT data::text AS d FROM activity_log WHERE organization_id = $1 UNION ALL SELECT data::text FROM audit_log WHERE organization_id = $1`,
        [orgId],
      )) as { d: string }[];
      for (const { d } of logs) {
        expect(d).not.toContain(p.erika.email);
        expect(d).not.toContain('Vergessen');
      }
    });

    it('refuses to erase twice, or to give the erased row a name or an account again', async () => {
      const again = await erase('admin', p.erika.id, { confirm: `erased-${p.erika.id}@erased.invalid` }).expect(409);
      expect(again.body.code).toBe('invalid_transition');
      await as('admin').post(`/api/users/${p.erika.id}/reactivate`).expect(409);
      await as('admin').patch(`/api/users/${p.erika.id}`, { firstName: 'Erika' }).expect(409);
      await as('admin').post(`/api/users/${p.erika.id}/reset-link`).expect(409);
      const list = (await as('admin').get('/api/users?active=false').expect(200)).body.items as {
        id: string;
        active: boolean;
        erasedAt: string | null;
      }[];
      expect(list.find((u) => u.id === p.erika.id)).toMatchObject({
        active: false,
        erasedAt: '2026-11-10T12:00:00.000Z',
      });
    });
  });
});
