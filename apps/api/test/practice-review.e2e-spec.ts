import path from 'node:path';
import { loadAndCheck } from '@freiraum/content';
import { ContentImportService } from '../src/learning/content-import.service.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { bearer, createOrganization, createUser } from './support/factories.js';

const practice = {
  whatIDid: 'Ich habe mit dem Copilot eine Angebotsvorlage für Wartungsverträge entworfen.',
  result: 'Eine Vorlage mit drei Varianten.',
  howChecked: 'Preise und Laufzeiten mit der Preisliste abgeglichen.',
  toolId: 'copilot',
  dataClass: 'internal',
};

describe('practice work: human review and the AI-policy flag', () => {
  let t: TestApp;
  let orgId: string;
  let practiceId: string;
  const users: Record<string, { id: string; organizationId: string; auth: string }> = {};

  const submit = (as: string, answer: object) =>
    t.http().post(`/api/learning/exercises/${practiceId}/attempts`).set('authorization', users[as].auth).send({ language: 'de', answer });
  const queue = async (as: string, status = 'submitted') =>
    (await t.http().get(`/api/learning/reviews?status=${status}`).set('authorization', users[as].auth).expect(200)).body.items;
  const decide = (as: string, attemptId: string, body: object) =>
    t.http().post(`/api/learning/reviews/${attemptId}/decision`).set('authorization', users[as].auth).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    const { content } = loadAndCheck(path.resolve(__dirname, 'fixtures/content'));
    await t.ds.transaction((em) => t.app.get(ContentImportService).importContent(em, content));
    const { org } = await createOrganization(t, {
      aiPolicy: { rules: '', tools: [{ id: 'copilot', name: 'Copilot', allowedDataClasses: ['public', 'internal'], note: '' }] },
    });
    orgId = org.id;
    const add = async (key: string, attrs: Parameters<typeof createUser>[1]) => {
      const u = await createUser(t, attrs);
      users[key] = { id: u.id, organizationId: u.organizationId, auth: bearer(t, u) };
    };
    await add('hr', { organizationId: orgId, roles: ['hr', 'employee'] });
    await add('boss', { organizationId: orgId, roles: ['manager', 'employee'] });
    await add('otherBoss', { organizationId: orgId, roles: ['manager', 'employee'] });
    await add('learner', { organizationId: orgId, managerId: users.boss.id });
    await add('loner', { organizationId: orgId });
    practiceId = (await t.ds.query(`SELECT id FROM learning_items WHERE slug = 'try-it'`))[0].id;
  });
  afterAll(() => t.close());

  it('validates practice submissions field by field', async () => {
    const res = await submit('learner', { ...practice, dataClass: 'secret' }).expect(400);
    expect(res.body.details[0].field).toBe('answer.dataClass');
    const short = await submit('learner', { ...practice, whatIDid: 'kurz' }).expect(400);
    expect(short.body.details[0].field).toBe('answer.whatIDid');
  });

  it('goes to the manager, who asks for a revision, then accepts the resubmission', async () => {
    const first = await submit('learner', practice).expect(201);
    expect(first.body.attempt).toMatchObject({ status: 'submitted', passed: false });
    await submit('learner', practice).expect(409);

    expect(await queue('otherBoss')).toEqual([]);
    const items = await queue('boss');
    expect(items).toEqual([expect.objectContaining({ attemptId: first.body.attempt.id, learner: expect.objectContaining({ id: users.learner.id }), flag: null })]);

    await decide('otherBoss', first.body.attempt.id, { decision: 'accept' }).expect(404);
    await decide('learner', first.body.attempt.id, { decision: 'accept' }).expect(404);
    const noFeedback = await decide('boss', first.body.attempt.id, { decision: 'revise' }).expect(400);
    expect(noFeedback.body.details[0].field).toBe('feedback');
    const revised = await decide('boss', first.body.attempt.id, { decision: 'revise', feedback: 'Bitte beschreiben Sie die Prüfung genauer.' }).expect(201);
    expect(revised.body).toMatchObject({ status: 'revision_requested', reviewNote: 'Bitte beschreiben Sie die Prüfung genauer.' });
    await decide('boss', first.body.attempt.id, { decision: 'accept' }).expect(409);

    const second = await submit('learner', { ...practice, howChecked: 'Jede Position gegen die aktuelle Preisliste 2026 geprüft.' }).expect(201);
    await decide('boss', second.body.attempt.id, { decision: 'accept', feedback: '' }).expect(201);
    const attempts = await t.http().get(`/api/learning/exercises/${practiceId}/attempts`).set('authorization', users.learner.auth).expect(200);
    expect(attempts.body.items.map((a: { status: string }) => a.status)).toEqual(['accepted', 'revision_requested']);
    expect((await queue('boss', 'decided')).length).toBe(2);

    const notes = await t.ds.query(`SELECT type FROM notifications WHERE user_id = $1 ORDER BY created_at`, [users.learner.id]);
    expect(notes.map((n: { type: string }) => n.type)).toEqual(['review_result', 'review_result']);
    const bossNotes = await t.ds.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND type = 'review_requested'`, [users.boss.id]);
    expect(bossNotes[0].n).toBe(2);
    // …and by e-mail (PRODUCT.md §5), in the recipient's language (here the organisation's default, German).
    const mails = await t.ds.query(`SELECT subject FROM outbound_emails WHERE user_id IN ($1, $2) ORDER BY created_at, subject`, [users.boss.id, users.learner.id]);
    expect(mails.map((m: { subject: string }) => m.subject)).toEqual([
      'Praxisaufgabe zur Prüfung: Selbst ausprobieren',
      'Bitte überarbeiten: Selbst ausprobieren',
      'Praxisaufgabe zur Prüfung: Selbst ausprobieren',
      'Angenommen: Selbst ausprobieren',
    ]);
  });

  it('without a manager, HR reviews', async () => {
    const res = await submit('loner', practice).expect(201);
    expect(await queue('hr')).toEqual([expect.objectContaining({ attemptId: res.body.attempt.id })]);
  });

  it('flags a tool used with a data class the policy forbids; the manager decides it once, with an audit row', async () => {
    const hrSelf = await submit('hr', { ...practice, dataClass: 'personal' });
    // HR has no manager and is the only HR person: an admin would review; there is none here.
    expect(hrSelf.status).toBe(409);

    await t.ds.query(`UPDATE exercise_attempts SET status = 'revision_requested' WHERE user_id = $1`, [users.learner.id]);
    const res = await submit('learner', { ...practice, dataClass: 'personal' }).expect(201);
    expect(res.body.attempt.feedback.flag).toMatchObject({ reason: 'class_not_allowed', toolName: 'Copilot', dataClass: 'personal' });

    const [item] = await queue('boss');
    expect(item.flag).toMatchObject({ status: 'open', reason: 'class_not_allowed' });
    const flags = await t.http().get('/api/governance/flags?status=open').set('authorization', users.boss.auth).expect(200);
    expect(flags.body.items).toEqual([expect.objectContaining({ id: item.flag.id, canDecide: true, userId: users.learner.id })]);
    const mine = await t.http().get('/api/governance/flags?scope=mine').set('authorization', users.learner.auth).expect(200);
    expect(mine.body.items).toEqual([expect.objectContaining({ id: item.flag.id, canDecide: false })]);

    const url = `/api/governance/flags/${item.flag.id}/decision`;
    await t.http().post(url).set('authorization', users.hr.auth).send({ decision: 'cleared', note: 'passt schon' }).expect(404);
    await t.http().post(url).set('authorization', users.learner.auth).send({ decision: 'cleared', note: 'passt schon' }).expect(403);
    const noNote = await t.http().post(url).set('authorization', users.boss.auth).send({ decision: 'cleared' }).expect(400);
    expect(noNote.body.details[0].field).toBe('note');
    await t.http().post(url).set('authorization', users.boss.auth).send({ decision: 'maybe', note: 'hmm hmm' }).expect(400);
    const cleared = await t.http().post(url).set('authorization', users.boss.auth).send({ decision: 'cleared', note: 'Daten waren anonymisiert.' }).expect(201);
    expect(cleared.body).toMatchObject({ status: 'cleared', decisionNote: 'Daten waren anonymisiert.' });
    await t.http().post(url).set('authorization', users.boss.auth).send({ decision: 'confirmed', note: 'doch nicht' }).expect(409);

    const audit = await t.ds.query(`SELECT action, actor_id FROM audit_log WHERE target_id = $1 ORDER BY id`, [item.flag.id]);
    expect(audit).toEqual([
      { action: 'flag.raised', actor_id: null },
      { action: 'flag.cleared', actor_id: users.boss.id },
    ]);

    const { org: other } = await createOrganization(t);
    const outsider = bearer(t, await createUser(t, { organizationId: other.id, roles: ['hr', 'admin'] }));
    await t.http().post(url).set('authorization', outsider).send({ decision: 'confirmed', note: 'fremd fremd' }).expect(404);
    expect((await t.http().get('/api/governance/flags').set('authorization', outsider).expect(200)).body.items).toEqual([]);
  });

  it('when the manager leaves, waiting submissions move to the successor', async () => {
    const admin = await createUser(t, { organizationId: orgId, roles: ['admin', 'employee'] });
    expect((await queue('boss')).length).toBe(1);
    await t.http().post(`/api/users/${users.boss.id}/deactivate`).set('authorization', bearer(t, admin)).send({ successorId: users.otherBoss.id }).expect(200);
    expect(await queue('otherBoss')).toEqual([expect.objectContaining({ learner: expect.objectContaining({ id: users.learner.id }) })]);
    const note = await t.ds.query(`SELECT data FROM notifications WHERE user_id = $1 AND type = 'reviews_transferred'`, [users.otherBoss.id]);
    expect(note).toEqual([{ data: { fromUserId: users.boss.id, count: 1 } }]);
  });
});
