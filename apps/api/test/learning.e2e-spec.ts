import path from 'node:path';
import { loadAndCheck, type LoadedContent } from '@freiraum/content';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner.js';
import { ContentImportService } from '../src/learning/content-import.service.js';
import { Organization } from '../src/organizations/organization.entity.js';
import { Track } from '../src/organizations/track.entity.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { bearer, createOrganization, createUser } from './support/factories.js';

const FIXTURES = path.resolve(__dirname, 'fixtures/content');

function fixtureContent(): LoadedContent {
  const { content, problems } = loadAndCheck(FIXTURES);
  if (problems.length) throw new Error(JSON.stringify(problems));
  return content;
}

describe('learning: content import, paths, modules, graded attempts', () => {
  let t: TestApp;
  let importer: ContentImportService;
  let org: Organization;
  let auth: string;
  let userId: string;

  const importContent = (content: LoadedContent) => t.ds.transaction((em) => importer.importContent(em, content));
  const moduleDetail = async (slug: string, as = auth) => (await t.http().get(`/api/learning/modules/${slug}`).set('authorization', as).expect(200)).body;
  const exerciseId = async (module: string, slug: string) =>
    (await moduleDetail(module)).items.find((i: { slug: string }) => i.slug === slug).id as string;
  const attempt = (id: string, answer: unknown, language = 'en', as = auth) =>
    t.http().post(`/api/learning/exercises/${id}/attempts`).set('authorization', as).send({ language, answer });

  beforeAll(async () => {
    t = await createTestApp();
    importer = t.app.get(ContentImportService);
    await importContent(fixtureContent());
    const created = await createOrganization(t, {
      aiPolicy: { tools: [{ id: 'deepl', name: 'DeepL Pro', allowedDataClasses: ['public', 'internal'], note: '' }], rules: 'Im Zweifel fragen.' },
    });
    org = created.org;
    const sales = created.tracks.find((tr) => tr.slug === 'sales')!;
    const user = await createUser(t, { organizationId: org.id, trackId: sales.id });
    userId = user.id;
    auth = bearer(t, user);
  });
  afterAll(() => t.close());

  it('re-importing the same content changes nothing', async () => {
    const stats = await importContent(fixtureContent());
    expect(stats).toEqual({ created: 0, updated: 0, unchanged: expect.any(Number), retired: 0 });
  });

  it('lists the path of the learner’s track with progress, and one overview request has a bounded query count', async () => {
    const list = await t.http().get('/api/learning/paths').set('authorization', auth).expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ slug: 'sales', isOwnTrack: true, completed: 0, total: 2, status: 'not_started', nextModule: 'intro' }),
    ]);
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    const res = await t.http().get('/api/learning/paths/sales').set('authorization', auth).expect(200);
    const queries = spy.mock.calls.length;
    spy.mockRestore();
    expect(res.body.modules.map((m: { slug: string; status: string }) => [m.slug, m.status])).toEqual([
      ['intro', 'not_started'],
      ['advanced', 'locked'],
    ]);
    // Sign-in check, paths, track, modules, items, learner state (2), completions, completed slugs.
    expect(queries).toBeLessThanOrEqual(10);
  });

  it('shows exercises without answers and lessons with the organisation’s AI policy', async () => {
    const detail = await moduleDetail('intro');
    const json = JSON.stringify(detail);
    for (const secret of ['"correct"', '"explanation"', '"patterns"', '"examples"', '"problems"', '"quote"']) expect(json).not.toContain(secret);
    const lesson = detail.items.find((i: { kind: string }) => i.kind === 'lesson').lesson;
    expect(lesson.body.de).toContain('**DeepL Pro** — darf erhalten: öffentlich, intern');
    expect(lesson.body.en).toContain('Im Zweifel fragen.');
    expect(lesson.body.en).not.toContain('{{ai-policy}}');
  });

  it('grades a quiz with per-option explanations, and keeps every attempt with its content version', async () => {
    const quiz = await exerciseId('intro', 'check-quiz');
    const wrong = await attempt(quiz, { answers: { confident: ['yes'], data: ['names'] } }).expect(201);
    expect(wrong.body.attempt).toMatchObject({ passed: false, score: 0, status: 'graded' });
    expect(wrong.body.attempt.feedback.questions[0].options[0].explanation).toMatch(/confident tone/);
    const right = await attempt(quiz, { answers: { confident: ['no'], data: ['names', 'prices'] } }).expect(201);
    expect(right.body.attempt).toMatchObject({ passed: true, score: 1 });
    const list = await t.http().get(`/api/learning/exercises/${quiz}/attempts`).set('authorization', auth).expect(200);
    expect(list.body.items).toHaveLength(2);
    expect(list.body.items[0].contentVersion).toMatch(/^[0-9a-f]{12}$/);
  });

  it('rejects malformed answers with a 400 naming the field', async () => {
    const quiz = await exerciseId('intro', 'check-quiz');
    const bad = await attempt(quiz, { answers: { confident: ['maybe'] } }).expect(400);
    expect(bad.body.details).toEqual([{ field: 'answers.confident', message: 'option maybe does not exist' }]);
    const extra = await attempt(quiz, { answers: {}, cheat: true }).expect(400);
    expect(extra.body.details[0].field).toBe('answer');
    const noLang = await t.http().post(`/api/learning/exercises/${quiz}/attempts`).set('authorization', auth).send({ answer: {} }).expect(400);
    expect(noLang.body.details[0]).toEqual({ field: 'language', message: expect.any(String) });
    const reflection = await exerciseId('intro', 'look-back');
    const short = await attempt(reflection, { text: 'Zu kurz.' }).expect(400);
    expect(short.body.details[0].field).toBe('answer.text');
  });

  it('grades a prompt by rubric and refuses personal data', async () => {
    const prompt = await exerciseId('intro', 'write-prompt');
    const leak = await attempt(prompt, { prompt: 'You are a sales engineer. Write an e-mail to the customer Petra Klein.' }).expect(201);
    expect(leak.body.attempt.passed).toBe(false);
    expect(leak.body.attempt.feedback.personalData).toContainEqual({ kind: 'name', match: 'Petra Klein' });
    const good = await attempt(prompt, { prompt: 'Du bist Vertriebsmitarbeiter. Schreibe eine E-Mail an einen Kunden im Einkauf.' }, 'de').expect(201);
    expect(good.body.attempt.passed).toBe(true);
    expect(good.body.attempt.feedback.criteria.every((c: { passed: boolean }) => c.passed)).toBe(true);
  });

  it('grades a review: found, missed, false alarms; then completes the module and unlocks the next', async () => {
    const review = await exerciseId('intro', 'spot-problems');
    const doc: string = (await moduleDetail('intro')).items.find((i: { slug: string }) => i.slug === 'spot-problems').exercise.body.document.en;
    const mark = (quote: string, category: string) => ({ start: doc.indexOf(quote), end: doc.indexOf(quote) + quote.length, category });
    const partial = await attempt(review, { marks: [mark('900 parts per hour', 'fact'), mark('Our', 'tone')] }).expect(201);
    expect(partial.body.attempt.feedback.found.map((f: { id: string }) => f.id)).toEqual(['speed']);
    expect(partial.body.attempt.feedback.falseAlarms).toHaveLength(1);
    expect(partial.body.moduleStatus).toBe('in_progress');

    const outOfRange = await attempt(review, { marks: [{ start: 0, end: doc.length + 5, category: 'fact' }] }).expect(400);
    expect(outOfRange.body.details[0].field).toBe('marks.0');

    const advancedQuiz = (await t.ds.query(`SELECT id FROM learning_items WHERE slug = 'recap'`))[0].id;
    const locked = await attempt(advancedQuiz, { answers: { 'review-needed': ['always'] } }).expect(409);
    expect(locked.body.message).toMatch(/locked until .*intro/);

    const full = await attempt(review, {
      marks: [
        mark('900 parts per hour', 'fact'),
        mark('according to a study by the Nowhere University', 'invented_source'),
        mark('Mr Max Muster at 0171 2345678', 'data_protection'),
      ],
    }).expect(201);
    expect(full.body).toMatchObject({ moduleStatus: 'complete', moduleCompletedNow: true });

    const overview = await t.http().get('/api/learning/paths/sales').set('authorization', auth).expect(200);
    expect(overview.body).toMatchObject({ completed: 1, status: 'in_progress', nextModule: 'advanced' });
    await attempt(advancedQuiz, { answers: { 'review-needed': ['always'] } }).expect(201);

    const verbs = await t.ds.query(`SELECT verb, count(*)::int AS n FROM activity_log WHERE user_id = $1 GROUP BY verb ORDER BY verb`, [userId]);
    expect(verbs).toEqual(
      expect.arrayContaining([
        { verb: 'exercise.attempted', n: expect.any(Number) },
        { verb: 'module.completed', n: 2 },
      ]),
    );
  });

  it('records lesson reads once, in the activity log too', async () => {
    const lesson = (await moduleDetail('intro')).items.find((i: { kind: string }) => i.kind === 'lesson');
    await t.http().post(`/api/learning/lessons/${lesson.id}/read`).set('authorization', auth).expect(204);
    await t.http().post(`/api/learning/lessons/${lesson.id}/read`).set('authorization', auth).expect(204);
    const rows = await t.ds.query(`SELECT count(*)::int AS n FROM activity_log WHERE verb = 'lesson.read' AND user_id = $1`, [userId]);
    expect(rows[0].n).toBe(1);
    expect((await moduleDetail('intro')).items.find((i: { kind: string }) => i.kind === 'lesson').lesson.read).toBe(true);
  });

  it('content added later does not reopen a completed module; a retired exercise takes no attempts', async () => {
    const content = fixtureContent();
    const intro = content.modules.find((m) => m.slug === 'intro')!;
    const quiz = content.exercises.find((e) => e.slug === 'check-quiz')!;
    content.exercises.push({ ...quiz, slug: 'new-quiz', version: 'x' });
    intro.items = [...intro.items.filter((i) => i !== 'write-prompt'), 'new-quiz'];
    const stats = await importContent(content);
    expect(stats.created).toBe(1);
    expect(stats.retired).toBe(1);
    const detail = await moduleDetail('intro');
    expect(detail).toMatchObject({ status: 'complete' });
    expect(detail.items.map((i: { slug: string }) => i.slug)).not.toContain('write-prompt');
    const retired = (await t.ds.query(`SELECT id FROM learning_items WHERE slug = 'write-prompt'`))[0].id;
    await attempt(retired, { prompt: 'You are …' }).expect(409);
    // The old attempts stay, with the version they answered.
    const kept = await t.ds.query(`SELECT count(*)::int AS n FROM exercise_attempts WHERE item_id = $1`, [retired]);
    expect(kept[0].n).toBe(2);
    await importContent(fixtureContent());
  });

  it('learners see only their own attempts; other organisations and disabled tracks see nothing', async () => {
    const other = await createUser(t, { organizationId: org.id });
    const quiz = await exerciseId('intro', 'check-quiz');
    const list = await t.http().get(`/api/learning/exercises/${quiz}/attempts`).set('authorization', bearer(t, other)).expect(200);
    expect(list.body.items).toEqual([]);

    const { org: org2 } = await createOrganization(t);
    await t.ds.getRepository(Track).update({ organizationId: org2.id, slug: 'sales' }, { enabled: false });
    const outsider = bearer(t, await createUser(t, { organizationId: org2.id }));
    await t.http().get('/api/learning/modules/intro').set('authorization', outsider).expect(404);
    await attempt(quiz, { answers: {} }, 'en', outsider).expect(404);
    const paths = await t.http().get('/api/learning/paths').set('authorization', outsider).expect(200);
    expect(paths.body.items).toEqual([]);
    await t.http().get('/api/learning/paths').expect(401);
  });
});
