import { createTestApp, type TestApp } from './support/test-app.js';
import { bearer, createOrganization, createUser } from './support/factories.js';

const entry = {
  goal: 'Angebotsentwurf für einen Wartungsvertrag mit KI vorbereiten',
  toolId: 'copilot',
  dataClass: 'internal',
  outcome: 'worked',
  minutesSaved: 45,
  learned: 'Mit einer klaren Gliederung im Prompt wird der Entwurf brauchbar.',
};

interface Person {
  id: string;
  organizationId: string;
  auth: string;
}

describe('Freiraum journal, kudos, feed and use-case library', () => {
  let t: TestApp;
  let orgId: string;
  let tracks: { id: string; slug: string }[];
  let departmentId: string;
  const p: Record<string, Person> = {};

  const log = (as: string, body: object, key?: string) => {
    const req = t.http().post('/api/journal').set('authorization', p[as].auth);
    if (key) void req.set('idempotency-key', key);
    return req.send(body);
  };
  const share = (as: string, id: string, visibility: string) =>
    t.http().patch(`/api/journal/${id}/visibility`).set('authorization', p[as].auth).send({ visibility });
  const feed = async (as: string, query = '') =>
    (await t.http().get(`/api/journal/feed${query}`).set('authorization', p[as].auth).expect(200)).body as {
      items: { id: string }[];
      total: number;
    };
  const ids = (list: { items: { id: string }[] }) => list.items.map((i) => i.id);
  const kudos = (as: string, id: string, method: 'post' | 'delete' = 'post') =>
    t.http()[method](`/api/journal/${id}/kudos`).set('authorization', p[as].auth);
  const promote = (as: string, body: object) =>
    t.http().post('/api/use-cases').set('authorization', p[as].auth).send(body);
  const library = async (as: string, query = '') =>
    (await t.http().get(`/api/use-cases${query}`).set('authorization', p[as].auth).expect(200)).body as {
      items: Record<string, unknown>[];
      total: number;
    };

  beforeAll(async () => {
    t = await createTestApp();
    const created = await createOrganization(t, {
      aiPolicy: {
        rules: '',
        tools: [
          { id: 'copilot', name: 'Copilot', allowedDataClasses: ['public', 'internal'], note: '' },
          { id: 'chatgpt-free', name: 'ChatGPT Free', allowedDataClasses: ['public'], note: '' },
        ],
      },
    });
    orgId = created.org.id;
    tracks = created.tracks;
    departmentId = created.department.id;
    const add = async (key: string, attrs: Parameters<typeof createUser>[1]) => {
      const u = await createUser(t, { firstName: key, lastName: 'Test', ...attrs });
      p[key] = { id: u.id, organizationId: u.organizationId, auth: bearer(t, u) };
    };
    const sales = tracks.find((tr) => tr.slug === 'sales')!.id;
    await add('hr', { organizationId: orgId, roles: ['hr', 'employee'] });
    await add('boss', { organizationId: orgId, roles: ['manager', 'employee'] });
    await add('otherBoss', { organizationId: orgId, roles: ['manager', 'employee'] });
    await add('author', {
      organizationId: orgId,
      roles: ['manager', 'employee'],
      managerId: p.boss.id,
      trackId: sales,
      departmentId,
    });
    await add('peer', { organizationId: orgId, managerId: p.boss.id });
    await add('report', { organizationId: orgId, managerId: p.author.id });
    await add('stranger', { organizationId: orgId, managerId: p.otherBoss.id });
    const { org: other } = await createOrganization(t);
    await add('outsider', { organizationId: other.id, roles: ['hr', 'admin', 'employee'] });
  });
  afterAll(() => t.close());

  describe('logging an entry', () => {
    it('names the field of bad input', async () => {
      const unknownTool = await log('author', { ...entry, toolId: 'gemini' }).expect(400);
      expect(unknownTool.body.details).toEqual([{ field: 'toolId', message: expect.stringContaining('chatgpt-free') }]);
      const noName = await log('author', { ...entry, toolId: 'other' }).expect(400);
      expect(noName.body.details[0].field).toBe('toolName');
      const negative = await log('author', { ...entry, minutesSaved: -5 }).expect(400);
      expect(negative.body.details[0].field).toBe('minutesSaved');
      const extra = await log('author', { ...entry, mood: 'great' }).expect(400);
      expect(extra.body.details).toEqual([{ field: 'mood', message: 'is not an allowed field' }]);
      const badClass = await log('author', { ...entry, dataClass: 'secret' }).expect(400);
      expect(badClass.body.details[0].field).toBe('dataClass');
      expect((await t.ds.query(`SELECT count(*)::int AS n FROM journal_entries`))[0].n).toBe(0);
    });

    it('stores the policy tool’s name, or the given name for another tool, and logs the activity', async () => {
      const listed = await log('author', entry).expect(201);
      expect(listed.body).toMatchObject({
        userId: p.author.id,
        authorName: 'author Test',
        toolId: 'copilot',
        toolName: 'Copilot',
        visibility: 'private',
        flag: null,
        shareBlockedReason: null,
        kudosCount: 0,
        kudosByMe: false,
        useCaseId: null,
        canGiveKudos: false,
        canPromote: false,
      });
      const other = await log('author', {
        ...entry,
        toolId: 'other',
        toolName: 'Perplexity',
        dataClass: 'public',
        outcome: 'failed',
      }).expect(201);
      expect(other.body).toMatchObject({ toolId: 'other', toolName: 'Perplexity', outcome: 'failed', flag: null });

      const own = await t.http().get('/api/journal?limit=1').set('authorization', p.author.auth).expect(200);
      expect(own.body.total).toBe(2);
      expect(ids(own.body)).toEqual([other.body.id]);
      const activity = await t.ds.query(`SELECT verb, object_type, data FROM activity_log WHERE object_id = $1`, [
        listed.body.id,
      ]);
      expect(activity).toEqual([
        {
          verb: 'journal.logged',
          object_type: 'journal_entry',
          data: expect.objectContaining({ toolId: 'copilot', flagged: false }),
        },
      ]);
      // Nobody else reads a private entry.
      await t.http().get(`/api/journal/${listed.body.id}`).set('authorization', p.boss.auth).expect(404);
    });

    it('links only the caller’s own approved Freiraum request, once', async () => {
      const request = async (userId: string, status: string) => {
        const [alloc] = await t.ds.query(
          `INSERT INTO freiraum_allocations (organization_id, user_id, period_key, period_start, period_end, hours, updated_at)
           VALUES ($1, $2, '2026-11', '2026-11-01', '2026-12-01', 8, now())
           ON CONFLICT DO NOTHING RETURNING id`,
          [orgId, userId],
        );
        const allocationId =
          alloc?.id ?? (await t.ds.query(`SELECT id FROM freiraum_allocations WHERE user_id = $1`, [userId]))[0].id;
        const [req] = await t.ds.query(
          `INSERT INTO freiraum_requests (organization_id, user_id, allocation_id, slot_date, hours, purpose_type, purpose, status, created_at)
           VALUES ($1, $2, $3, '2026-11-10', 2, 'experiment', 'Angebote mit KI entwerfen', $4, now()) RETURNING id`,
          [orgId, userId, allocationId, status],
        );
        return req.id as string;
      };
      const mine = await request(p.author.id, 'approved');
      const pending = await request(p.author.id, 'pending');
      const peers = await request(p.peer.id, 'approved');

      const notMine = await log('author', { ...entry, requestId: peers }).expect(400);
      expect(notMine.body.details).toEqual([{ field: 'requestId', message: 'is not one of your Freiraum requests' }]);
      await log('author', { ...entry, requestId: '00000000-0000-4000-8000-000000000000' }).expect(400);
      const notApproved = await log('author', { ...entry, requestId: pending }).expect(409);
      expect(notApproved.body.details[0]).toEqual({
        field: 'requestId',
        message: 'must be an approved request (it is pending)',
      });

      const linked = await log('author', { ...entry, requestId: mine }).expect(201);
      expect(linked.body.requestId).toBe(mine);
      const twice = await log('author', { ...entry, requestId: mine }).expect(409);
      expect(twice.body.details[0].field).toBe('requestId');
    });
  });

  describe('the AI-policy flag', () => {
    it('keeps a flagged entry private until the manager clears the flag', async () => {
      const res = await log('author', {
        ...entry,
        toolId: 'chatgpt-free',
        dataClass: 'personal',
        visibility: 'team',
      }).expect(201);
      expect(res.body).toMatchObject({
        visibility: 'private',
        flag: { status: 'open', reason: 'class_not_allowed', decisionNote: null },
        shareBlockedReason:
          'ChatGPT Free may not receive personal data under the AI policy; your manager must clear the flag before you can share this entry',
      });
      const id = res.body.id as string;

      const blocked = await share('author', id, 'organization').expect(409);
      expect(blocked.body.message).toMatch(/ChatGPT Free may not receive personal data.*manager must clear the flag/);
      expect(blocked.body.details).toEqual([{ field: 'visibility', message: expect.stringContaining('ChatGPT Free') }]);
      await share('author', id, 'team').expect(409);
      expect((await share('author', id, 'private').expect(200)).body.visibility).toBe('private');
      expect(ids(await feed('peer'))).not.toContain(id);

      // Nobody but the author changes visibility: a colleague who cannot see it gets 404.
      await share('peer', id, 'private').expect(404);
      await share('outsider', id, 'private').expect(404);

      const url = `/api/governance/flags/${res.body.flag.id}/decision`;
      await t
        .http()
        .post(url)
        .set('authorization', p.boss.auth)
        .send({ decision: 'cleared', note: 'Die Daten waren vorher anonymisiert.' })
        .expect(201);
      const mine = await t.http().get(`/api/journal/${id}`).set('authorization', p.author.auth).expect(200);
      expect(mine.body).toMatchObject({
        flag: { status: 'cleared', decisionNote: 'Die Daten waren vorher anonymisiert.' },
        shareBlockedReason: null,
      });

      const shared = await share('author', id, 'team').expect(200);
      expect(shared.body.visibility).toBe('team');
      const [{ shared_at: firstShared }] = await t.ds.query(`SELECT shared_at FROM journal_entries WHERE id = $1`, [
        id,
      ]);
      expect(firstShared).not.toBeNull();
      expect(ids(await feed('peer'))).toContain(id);
      // The audience sees the entry, not the flag or the manager's note.
      const asPeer = await t.http().get(`/api/journal/${id}`).set('authorization', p.peer.auth).expect(200);
      expect(asPeer.body).toMatchObject({ flag: null, shareBlockedReason: null, canGiveKudos: true });

      // sharedAt stays the first time it was shared.
      t.clock.advance(60_000);
      await share('author', id, 'private').expect(200);
      await share('author', id, 'organization').expect(200);
      const [{ shared_at: later }] = await t.ds.query(`SELECT shared_at FROM journal_entries WHERE id = $1`, [id]);
      expect(new Date(later).getTime()).toBe(new Date(firstShared).getTime());

      const audit = await t.ds.query(`SELECT action, actor_id, data FROM audit_log WHERE target_id = $1 ORDER BY id`, [
        id,
      ]);
      expect(audit).toEqual([
        { action: 'journal.visibility_changed', actor_id: p.author.id, data: { from: 'private', to: 'team' } },
        { action: 'journal.visibility_changed', actor_id: p.author.id, data: { from: 'team', to: 'private' } },
        { action: 'journal.visibility_changed', actor_id: p.author.id, data: { from: 'private', to: 'organization' } },
      ]);
      const verbs = await t.ds.query(`SELECT verb FROM activity_log WHERE object_id = $1 ORDER BY id`, [id]);
      expect(verbs.map((v: { verb: string }) => v.verb)).toEqual([
        'journal.logged',
        'journal.shared',
        'journal.unshared',
        'journal.shared',
      ]);
      await share('author', id, 'private').expect(200);
    });

    it('a confirmed flag keeps the entry private for good', async () => {
      const res = await log('peer', {
        ...entry,
        toolId: 'other',
        toolName: 'Some Chatbot',
        dataClass: 'confidential',
      }).expect(201);
      expect(res.body.flag).toMatchObject({ status: 'open', reason: 'unlisted_tool' });
      expect(res.body.shareBlockedReason).toMatch(/^Some Chatbot is not an approved tool/);
      await t
        .http()
        .post(`/api/governance/flags/${res.body.flag.id}/decision`)
        .set('authorization', p.boss.auth)
        .send({ decision: 'confirmed', note: 'Vertrauliche Daten gehören nicht dorthin.' })
        .expect(201);
      const blocked = await share('peer', res.body.id, 'team').expect(409);
      expect(blocked.body.message).toMatch(/confirmed, so this entry stays private/);
    });
  });

  describe('sharing and the feed', () => {
    const shared: Record<string, string> = {};

    beforeAll(async () => {
      for (const [key, visibility, outcome] of [
        ['private', 'private', 'worked'],
        ['team', 'team', 'partly'],
        ['org', 'organization', 'failed'],
      ] as const) {
        t.clock.advance(1000);
        const res = await log('author', {
          ...entry,
          goal: `Feed-Eintrag ${key} ausprobieren`,
          visibility,
          outcome,
        }).expect(201);
        expect(res.body.visibility).toBe(visibility);
        shared[key] = res.body.id;
      }
      shared.peers = (
        await log('peer', {
          ...entry,
          goal: 'Protokoll einer Teamrunde zusammenfassen',
          visibility: 'organization',
        }).expect(201)
      ).body.id;
    });

    it('shows team entries to the manager, peers and direct reports; organisation entries to everyone', async () => {
      for (const who of ['boss', 'peer', 'report']) {
        const list = await feed(who);
        expect(ids(list)).toEqual(expect.arrayContaining([shared.team, shared.org]));
        expect(ids(list)).not.toContain(shared.private);
      }
      const strangers = await feed('stranger');
      expect(ids(strangers)).toContain(shared.org);
      expect(ids(strangers)).not.toContain(shared.team);
      await t.http().get(`/api/journal/${shared.team}`).set('authorization', p.stranger.auth).expect(404);
      await t.http().get(`/api/journal/${shared.org}`).set('authorization', p.stranger.auth).expect(200);
      // HR sees organisation entries, not a team's.
      expect(ids(await feed('hr'))).not.toContain(shared.team);
    });

    it('lists newest first, never the caller’s own, and filters by scope and outcome — failures included', async () => {
      const peers = await feed('peer');
      expect(ids(peers).indexOf(shared.org)).toBeLessThan(ids(peers).indexOf(shared.team));
      expect(peers.total).toBe(peers.items.length);
      expect(ids(peers)).not.toContain(shared.peers);
      const authors = await feed('author');
      expect(authors.items.map((i) => (i as unknown as { userId: string }).userId)).toEqual([p.peer.id]);

      expect(ids(await feed('peer', '?outcome=failed'))).toEqual([shared.org]);
      expect(ids(await feed('stranger', '?scope=team'))).toEqual([]);
      expect(ids(await feed('peer', '?scope=team'))).toEqual(expect.arrayContaining([shared.team, shared.org]));
      const paged = await feed('peer', '?limit=1&offset=1');
      expect(paged.items).toHaveLength(1);
      expect(paged.total).toBe(peers.total);
      const bad = await t.http().get('/api/journal/feed?scope=everyone').set('authorization', p.peer.auth).expect(400);
      expect(bad.body.details[0].field).toBe('scope');
    });

    it('another organisation sees nothing', async () => {
      expect(await feed('outsider')).toEqual({ items: [], total: 0 });
      await t.http().get(`/api/journal/${shared.org}`).set('authorization', p.outsider.auth).expect(404);
      await kudos('outsider', shared.org).expect(404);
      await share('outsider', shared.org, 'private').expect(404);
    });

    it('only the author changes visibility', async () => {
      const res = await share('peer', shared.team, 'private').expect(403);
      expect(res.body.message).toMatch(/Only the author/);
      const bad = await share('author', shared.team, 'everyone').expect(400);
      expect(bad.body.details[0].field).toBe('visibility');
    });

    it('kudos: one per person, never on one’s own entry, only on entries shared with the giver', async () => {
      await kudos('author', shared.team).expect(403);
      await kudos('stranger', shared.team).expect(404);
      await kudos('peer', shared.private).expect(404);

      expect((await kudos('peer', shared.team).expect(200)).body).toEqual({ kudosCount: 1, kudosByMe: true });
      expect((await kudos('peer', shared.team).expect(200)).body).toEqual({ kudosCount: 1, kudosByMe: true });
      expect((await kudos('report', shared.team).expect(200)).body).toEqual({ kudosCount: 2, kudosByMe: true });
      const asAuthor = await t
        .http()
        .get(`/api/journal/${shared.team}`)
        .set('authorization', p.author.auth)
        .expect(200);
      expect(asAuthor.body).toMatchObject({ kudosCount: 2, kudosByMe: false, canGiveKudos: false });

      expect((await kudos('peer', shared.team, 'delete').expect(200)).body).toEqual({
        kudosCount: 1,
        kudosByMe: false,
      });
      expect((await kudos('peer', shared.team, 'delete').expect(200)).body).toEqual({
        kudosCount: 1,
        kudosByMe: false,
      });
      await kudos('author', shared.team, 'delete').expect(403);

      const notes = await t.ds.query(
        `SELECT data FROM notifications WHERE user_id = $1 AND type = 'kudos_received' ORDER BY created_at`,
        [p.author.id],
      );
      expect(notes).toEqual([
        { data: { entryId: shared.team, fromUserId: p.peer.id } },
        { data: { entryId: shared.team, fromUserId: p.report.id } },
      ]);
      const verbs = await t.ds.query(
        `SELECT verb, user_id FROM activity_log WHERE object_id = $1 AND verb LIKE 'kudos.%' ORDER BY id`,
        [shared.team],
      );
      expect(verbs).toEqual([
        { verb: 'kudos.given', user_id: p.peer.id },
        { verb: 'kudos.given', user_id: p.report.id },
        { verb: 'kudos.withdrawn', user_id: p.peer.id },
      ]);
    });

    it('promotion: the author’s manager or HR, shared and unflagged entries, once', async () => {
      const body = (entryId: string) => ({
        entryId,
        title: 'Angebote mit Copilot vorbereiten',
        summary: 'Gliederung vorgeben, Preise selbst prüfen.',
      });
      await promote('peer', body(shared.team)).expect(403);
      await promote('otherBoss', body(shared.org)).expect(403);
      await promote('author', body(shared.org)).expect(403);
      await promote('stranger', body(shared.team)).expect(404);
      await promote('outsider', body(shared.org)).expect(404);
      const unshared = await promote('boss', body(shared.private)).expect(409);
      expect(unshared.body.details[0].field).toBe('entryId');
      const short = await promote('boss', { ...body(shared.team), title: 'kurz' }).expect(400);
      expect(short.body.details[0].field).toBe('title');

      const asBoss = await t.http().get(`/api/journal/${shared.team}`).set('authorization', p.boss.auth).expect(200);
      expect(asBoss.body.canPromote).toBe(true);
      expect(
        (await t.http().get(`/api/journal/${shared.team}`).set('authorization', p.peer.auth).expect(200)).body
          .canPromote,
      ).toBe(false);

      const byBoss = await promote('boss', body(shared.team)).expect(201);
      const sales = tracks.find((tr) => tr.slug === 'sales')!.id;
      expect(byBoss.body).toMatchObject({
        entryId: shared.team,
        outcome: 'partly',
        toolId: 'copilot',
        toolName: 'Copilot',
        trackId: sales,
        trackName: 'sales',
        departmentId,
        departmentName: 'Vertrieb',
        authorId: p.author.id,
        authorName: 'author Test',
        promotedByName: 'boss Test',
      });
      await promote('hr', body(shared.team)).expect(409);
      const byHr = await promote('hr', { ...body(shared.org), title: 'Wenn die KI Preise erfindet' }).expect(201);
      expect(byHr.body.outcome).toBe('failed');

      const after = await t.http().get(`/api/journal/${shared.team}`).set('authorization', p.boss.auth).expect(200);
      expect(after.body).toMatchObject({ useCaseId: byBoss.body.id, canPromote: false });

      const notes = await t.ds.query(
        `SELECT data FROM notifications WHERE user_id = $1 AND type = 'use_case_promoted' ORDER BY created_at`,
        [p.author.id],
      );
      expect(notes).toEqual([
        { data: { useCaseId: byBoss.body.id, entryId: shared.team, fromUserId: p.boss.id } },
        { data: { useCaseId: byHr.body.id, entryId: shared.org, fromUserId: p.hr.id } },
      ]);
      const audit = await t.ds.query(`SELECT action, actor_id, data FROM audit_log WHERE target_id = $1`, [
        byBoss.body.id,
      ]);
      expect(audit).toEqual([
        {
          action: 'use_case.promoted',
          actor_id: p.boss.id,
          data: { entryId: shared.team, authorId: p.author.id, trackId: sales, departmentId },
        },
      ]);
    });

    it('the library is searchable by tool, track, department and text, and readable by everyone in the organisation', async () => {
      const all = await library('stranger');
      expect(all.total).toBe(2);
      expect(all.items.map((u) => u.title)).toEqual([
        'Wenn die KI Preise erfindet',
        'Angebote mit Copilot vorbereiten',
      ]);

      const sales = tracks.find((tr) => tr.slug === 'sales')!.id;
      const leadership = tracks.find((tr) => tr.slug === 'leadership')!.id;
      expect((await library('peer', `?trackId=${sales}`)).total).toBe(2);
      expect((await library('peer', `?trackId=${leadership}`)).total).toBe(0);
      expect((await library('peer', `?departmentId=${departmentId}`)).total).toBe(2);
      expect((await library('peer', '?toolId=copilot')).total).toBe(2);
      expect((await library('peer', '?toolId=chatgpt-free')).total).toBe(0);
      expect((await library('peer', `?q=${encodeURIComponent('erfindet')}`)).items.map((u) => u.title)).toEqual([
        'Wenn die KI Preise erfindet',
      ]);
      // q also searches the entry's goal and what was learned; LIKE wildcards are taken literally.
      expect((await library('peer', `?q=${encodeURIComponent('Feed-Eintrag team')}`)).total).toBe(1);
      expect((await library('peer', `?q=${encodeURIComponent('klaren Gliederung')}`)).total).toBe(2);
      expect((await library('peer', '?q=%25')).total).toBe(0);
      const page = await library('peer', '?limit=1&offset=1');
      expect(page).toMatchObject({
        total: 2,
        items: [expect.objectContaining({ title: 'Angebote mit Copilot vorbereiten' })],
      });

      const bad = await t.http().get('/api/use-cases?trackId=sales').set('authorization', p.peer.auth).expect(400);
      expect(bad.body.details[0].field).toBe('trackId');
      expect(await library('outsider')).toEqual({ items: [], total: 0 });
      const one = all.items[0].id as string;
      await t.http().get(`/api/use-cases/${one}`).set('authorization', p.report.auth).expect(200);
      await t.http().get(`/api/use-cases/${one}`).set('authorization', p.outsider.auth).expect(404);
    });

    it('credits an erased author as "former colleague"', async () => {
      // Erasure (PRODUCT.md §6) anonymises the user row; shared entries and use cases stay, without the name.
      await t.ds.query(
        `UPDATE users SET email = 'erased-' || id || '@invalid', first_name = '', last_name = '' WHERE id = $1`,
        [p.author.id],
      );
      const items = (await library('peer')).items;
      expect(items.map((u) => [u.authorId, u.authorName])).toEqual([
        [null, 'former colleague'],
        [null, 'former colleague'],
      ]);
      const seen = await t.http().get(`/api/journal/${shared.org}`).set('authorization', p.stranger.auth).expect(200);
      expect(seen.body.authorName).toBe('former colleague');
    });
  });

  describe('idempotency', () => {
    it('replays POST /journal for the same key and body, and refuses the key for another body', async () => {
      const key = 'journal-retry-1';
      const body = { ...entry, goal: 'Ein Experiment, das genau einmal gespeichert wird' };
      const first = await log('peer', body, key).expect(201);
      const replay = await log('peer', body, key).expect(201);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body.id).toBe(first.body.id);
      expect(
        (
          await t.ds.query(`SELECT count(*)::int AS n FROM journal_entries WHERE user_id = $1 AND goal = $2`, [
            p.peer.id,
            body.goal,
          ])
        )[0].n,
      ).toBe(1);
      const other = await log('peer', { ...body, minutesSaved: 10 }, key).expect(422);
      expect(other.body.details[0].field).toBe('Idempotency-Key');
    });
  });
});
