import { createHash } from 'node:crypto';
import { JobRunner } from '../src/jobs/job-runner.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { bearer, createOrganization, createUser } from './support/factories.js';

type Person = { id: string; auth: string };

describe('Freiraum time: requests, decisions, allocations, delegation, escalation, ICS', () => {
  let t: TestApp;
  let orgId: string;
  const p: Record<string, Person> = {};

  const as = (who: string) => ({
    get: (url: string) => t.http().get(url).set('authorization', p[who].auth),
    post: (url: string, body: object = {}, key?: string) => {
      const req = t.http().post(url).set('authorization', p[who].auth);
      return (key ? req.set('idempotency-key', key) : req).send(body);
    },
    put: (url: string, body: object) => t.http().put(url).set('authorization', p[who].auth).send(body),
    del: (url: string) => t.http().delete(url).set('authorization', p[who].auth),
  });
  const request = (who: string, body: object) => as(who).post('/api/freiraum/requests', { purposeType: 'experiment', purpose: 'Try meeting summaries with Copilot', ...body });
  const balance = async (who: string, period = '2026-11') => (await as(who).get(`/api/freiraum/me?period=${period}`).expect(200)).body.balance;
  const auditCount = async (action: string, targetId: string) =>
    Number((await t.ds.query(`SELECT count(*) AS n FROM audit_log WHERE action = $1 AND target_id = $2`, [action, targetId]))[0].n);

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2026-11-10T09:00:00Z'));
    const { org } = await createOrganization(t);
    orgId = org.id;
    const add = async (key: string, attrs: Partial<Parameters<typeof createUser>[1]> = {}) => {
      const u = await createUser(t, { organizationId: orgId, firstName: key, ...attrs });
      p[key] = { id: u.id, auth: bearer(t, u) };
    };
    await add('ceo', { roles: ['manager', 'employee'] });
    await add('hr', { roles: ['hr', 'employee'], managerId: p.ceo.id });
    await add('admin', { roles: ['admin', 'employee'] });
    await add('boss', { roles: ['manager', 'employee'], managerId: p.ceo.id });
    await add('otherBoss', { roles: ['manager', 'employee'], managerId: p.ceo.id });
    await add('sales', { managerId: p.boss.id });
    await add('peer', { managerId: p.boss.id });
    await add('stranger', { managerId: p.otherBoss.id });
    await add('loner');
    const other = await createOrganization(t);
    const outsider = await createUser(t, { organizationId: other.org.id, roles: ['manager', 'hr', 'admin', 'employee'] });
    p.outsider = { id: outsider.id, auth: bearer(t, outsider) };
  });
  afterAll(() => t.close());

  it('shows the default balance and refuses bad input naming the field', async () => {
    expect(await balance('sales')).toEqual({ allocated: 8, pending: 0, approved: 0, used: 0, left: 8 });
    const bad = async (body: object, field: string) => {
      const res = await request('sales', body).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    };
    await bad({ slotDate: '2026-11-20', hours: 1.25 }, 'hours');
    await bad({ slotDate: '2026-11-20', hours: 0 }, 'hours');
    await bad({ slotDate: '2026-11-20', hours: 9 }, 'hours');
    await bad({ slotDate: '20.11.2026', hours: 1 }, 'slotDate');
    await bad({ slotDate: '2026-11-09', hours: 1 }, 'slotDate');
    await bad({ slotDate: '2026-11-20', hours: 1, purpose: 'x' }, 'purpose');
    await bad({ slotDate: '2026-11-20', hours: 1, purposeType: 'exercise' }, 'exerciseId');
    await bad({ slotDate: '2026-11-20', hours: 1, purposeType: 'use_case', useCaseId: '00000000-0000-4000-8000-000000000000' }, 'useCaseId');
    // Nobody sets the status or the approver through the body.
    await bad({ slotDate: '2026-11-20', hours: 1, status: 'approved' }, 'status');
    await bad({ slotDate: '2026-11-20', hours: 1, approvedBy: p.boss.id }, 'approvedBy');
    expect(Number((await t.ds.query(`SELECT count(*) AS n FROM freiraum_requests`))[0].n)).toBe(0);
  });

  it('counts a request against its period and refuses more than is left, saying how much is left', async () => {
    const first = await request('sales', { slotDate: '2026-11-20', hours: 6 }).expect(201);
    expect(first.body).toMatchObject({ status: 'pending', hours: 6, periodKey: '2026-11', canCancel: true, canDecide: false, userName: 'sales Mustermann' });
    expect(await balance('sales')).toEqual({ allocated: 8, pending: 6, approved: 0, used: 0, left: 2 });
    const over = await request('sales', { slotDate: '2026-11-21', hours: 2.5 }).expect(409);
    expect(over.body.message).toMatch(/Only 2 of 8 hours are left in 2026-11/);
    expect(over.body.details[0]).toMatchObject({ field: 'hours' });
    // December is another period with its own allocation.
    await request('sales', { slotDate: '2026-12-01', hours: 2.5 }).expect(201);
    expect(await balance('sales', '2026-12')).toMatchObject({ pending: 2.5, left: 5.5 });
    expect((await as('sales').get('/api/freiraum/requests?period=2026-11').expect(200)).body.items).toHaveLength(1);
    // The manager was told, in-app and by e-mail.
    const notes = await t.ds.query(`SELECT user_id FROM notifications WHERE type = 'freiraum_request_to_decide' AND data->>'requestId' = $1`, [first.body.id]);
    expect(notes).toEqual([{ user_id: p.boss.id }]);
  });

  it('lets only the manager decide; others get 403 or 404; rejection needs a reason', async () => {
    const req = (await request('peer', { slotDate: '2026-11-24', hours: 2 }).expect(201)).body;
    await as('peer').post(`/api/freiraum/requests/${req.id}/decision`, { decision: 'approved' }).expect(403);
    for (const who of ['otherBoss', 'hr', 'admin', 'sales', 'outsider']) {
      await as(who).post(`/api/freiraum/requests/${req.id}/decision`, { decision: 'approved' }).expect(404);
    }
    // The manager's manager may read it and learns why not: it has not been escalated.
    await as('ceo').post(`/api/freiraum/requests/${req.id}/decision`, { decision: 'approved' }).expect(403);
    expect((await as('ceo').get(`/api/freiraum/requests/${req.id}`).expect(200)).body.canDecide).toBe(false);
    const noReason = await as('boss').post(`/api/freiraum/requests/${req.id}/decision`, { decision: 'rejected', note: '' }).expect(400);
    expect(noReason.body.details[0].field).toBe('note');
    await as('boss').post(`/api/freiraum/requests/${req.id}/decision`, { decision: 'approved', decidedBy: p.ceo.id }).expect(400);
    await as('otherBoss').get(`/api/freiraum/requests/${req.id}`).expect(404);

    const inbox = (await as('boss').get('/api/freiraum/inbox').expect(200)).body.items;
    const item = inbox.find((i: { id: string }) => i.id === req.id);
    expect(item).toMatchObject({ canDecide: true, context: { requesterBalance: { allocated: 8, pending: 2, left: 6 } } });
    expect((await as('otherBoss').get('/api/freiraum/inbox').expect(200)).body.items).toEqual([]);

    const approved = await as('boss').post(`/api/freiraum/requests/${req.id}/decision`, { decision: 'approved', note: 'Viel Erfolg' }).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedBy: p.boss.id, decidedByName: 'boss Mustermann', decisionNote: 'Viel Erfolg' });
    expect(await auditCount('freiraum.request.approved', req.id)).toBe(1);
    const again = await as('boss').post(`/api/freiraum/requests/${req.id}/decision`, { decision: 'rejected', note: 'changed my mind' }).expect(409);
    expect(again.body.message).toMatch(/a approved request cannot become rejected|cannot become rejected/);
    expect(await balance('peer')).toEqual({ allocated: 8, pending: 0, approved: 2, used: 0, left: 6 });
    const decided = await t.ds.query(`SELECT type FROM notifications WHERE user_id = $1 AND type = 'freiraum_request_decided'`, [p.peer.id]);
    expect(decided).toHaveLength(1);
  });

  it('shows teammates away on the same day in the inbox', async () => {
    const mine = (await request('sales', { slotDate: '2026-11-24', hours: 1 }).expect(201)).body;
    const inbox = (await as('boss').get('/api/freiraum/inbox').expect(200)).body.items;
    const item = inbox.find((i: { id: string }) => i.id === mine.id);
    expect(item.context.teammatesAway).toEqual([{ userId: p.peer.id, name: 'peer Mustermann', hours: 2, status: 'approved' }]);
    const rejected = await as('boss').post(`/api/freiraum/requests/${mine.id}/decision`, { decision: 'rejected', note: 'Team offsite that day' }).expect(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionNote: 'Team offsite that day' });
    expect(await auditCount('freiraum.request.rejected', mine.id)).toBe(1);
  });

  it('cancels pending and future approved requests, returning the hours; not after the day', async () => {
    const req = (await request('peer', { slotDate: '2026-11-12', hours: 3 }).expect(201)).body;
    await as('boss').post(`/api/freiraum/requests/${req.id}/decision`, { decision: 'approved' }).expect(200);
    expect(await balance('peer')).toMatchObject({ approved: 5, left: 3 });
    await as('boss').post(`/api/freiraum/requests/${req.id}/cancel`).expect(404);
    const cancelled = await as('peer').post(`/api/freiraum/requests/${req.id}/cancel`).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', canCancel: false });
    expect(await balance('peer')).toMatchObject({ approved: 2, left: 6 });
    expect(await auditCount('freiraum.request.cancelled', req.id)).toBe(1);
    await as('peer').post(`/api/freiraum/requests/${req.id}/cancel`).expect(409);

    // The 24th has passed a week later: the approved slot counts as used and can no longer be cancelled.
    const approved = (await as('peer').get('/api/freiraum/requests?status=approved').expect(200)).body.items[0];
    t.clock.set(new Date('2026-11-25T09:00:00Z'));
    try {
      expect(await balance('peer')).toMatchObject({ approved: 2, used: 2 });
      const late = await as('peer').post(`/api/freiraum/requests/${approved.id}/cancel`).expect(409);
      expect(late.body.message).toMatch(/before its day/);
    } finally {
      t.clock.set(new Date('2026-11-10T09:00:00Z'));
    }
  });

  it('sends people without a manager to HR, and HR without a manager to another HR person or an admin', async () => {
    const req = (await request('loner', { slotDate: '2026-11-18', hours: 1 }).expect(201)).body;
    await as('admin').post(`/api/freiraum/requests/${req.id}/decision`, { decision: 'approved' }).expect(404);
    await as('hr').post(`/api/freiraum/requests/${req.id}/decision`, { decision: 'approved' }).expect(200);
    // hr's own request goes to hr's manager (ceo), never to hr.
    const own = (await request('hr', { slotDate: '2026-11-18', hours: 1 }).expect(201)).body;
    await as('hr').post(`/api/freiraum/requests/${own.id}/decision`, { decision: 'approved' }).expect(403);
    await as('ceo').post(`/api/freiraum/requests/${own.id}/decision`, { decision: 'approved' }).expect(200);
    // The ceo has no manager: HR decides.
    const top = (await request('ceo', { slotDate: '2026-11-18', hours: 1 }).expect(201)).body;
    expect((await as('hr').get('/api/freiraum/inbox').expect(200)).body.items.map((i: { id: string }) => i.id)).toContain(top.id);
    await as('hr').post(`/api/freiraum/requests/${top.id}/decision`, { decision: 'approved' }).expect(200);
  });

  it('lets a manager set a report’s allocation within the limit, never below what is committed', async () => {
    const put = (who: string, userId: string, body: object) => as(who).put(`/api/freiraum/team/${userId}/allocation`, body);
    await put('otherBoss', p.sales.id, { period: '2026-11', hours: 10 }).expect(404);
    await put('sales', p.sales.id, { period: '2026-11', hours: 10 }).expect(404);
    const tooMuch = await put('boss', p.sales.id, { period: '2026-11', hours: 17 }).expect(400);
    expect(tooMuch.body.details[0]).toMatchObject({ field: 'hours', message: expect.stringMatching(/at most 16/) });
    const below = await put('boss', p.sales.id, { period: '2026-11', hours: 4 }).expect(409);
    expect(below.body.message).toMatch(/is 2 hours below what is already pending or approved \(6 hours\)/);
    await put('boss', p.sales.id, { period: '2026-10', hours: 10 }).expect(400);
    const ok = await put('boss', p.sales.id, { period: '2026-11', hours: 12 }).expect(200);
    expect(ok.body).toMatchObject({ customAllocation: true, balance: { allocated: 12, pending: 6, left: 6 } });
    const team = (await as('boss').get('/api/freiraum/team?period=2026-11').expect(200)).body;
    expect(team.members.map((m: { name: string }) => m.name)).toEqual(['peer Mustermann', 'sales Mustermann']);
    expect(team.totals).toMatchObject({ allocated: 20, pending: 6, approved: 2 });
    expect(Number((await t.ds.query(`SELECT count(*) AS n FROM audit_log WHERE action = 'freiraum.allocation.set'`))[0].n)).toBe(1);
  });

  it('lets an admin change the policy; others may only read it', async () => {
    await as('sales').put('/api/freiraum/policy', { defaultHours: 4 }).expect(403);
    expect((await as('sales').get('/api/freiraum/policy').expect(200)).body).toEqual({ periodKind: 'month', defaultHours: 8, maxHours: 16, escalationDays: 3 });
    const bad = await as('admin').put('/api/freiraum/policy', { defaultHours: 20 }).expect(400);
    expect(bad.body.details[0].field).toBe('defaultHours');
    await as('admin').put('/api/freiraum/policy', { escalationDays: 0 }).expect(400);
    const saved = await as('admin').put('/api/freiraum/policy', { defaultHours: 10, escalationDays: 2 }).expect(200);
    expect(saved.body).toEqual({ periodKind: 'month', defaultHours: 10, maxHours: 16, escalationDays: 2 });
    // Allocations nobody set follow the new default; the one the manager set stays.
    expect(await balance('peer')).toMatchObject({ allocated: 10 });
    expect(await balance('sales')).toMatchObject({ allocated: 12 });
    expect(Number((await t.ds.query(`SELECT count(*) AS n FROM audit_log WHERE action = 'freiraum.policy.updated'`))[0].n)).toBe(1);
    await as('admin').put('/api/freiraum/policy', { defaultHours: 8, escalationDays: 3 }).expect(200);
  });

  it('lets a delegate decide during the absence, and not afterwards', async () => {
    const bad = await as('boss').post('/api/freiraum/delegations', { delegateId: p.boss.id, startsOn: '2026-11-10', endsOn: '2026-11-12' }).expect(400);
    expect(bad.body.details[0].field).toBe('delegateId');
    await as('boss').post('/api/freiraum/delegations', { delegateId: p.otherBoss.id, startsOn: '2026-11-12', endsOn: '2026-11-10' }).expect(400);
    await as('sales').post('/api/freiraum/delegations', { delegateId: p.peer.id, startsOn: '2026-11-10', endsOn: '2026-11-12' }).expect(403);
    await as('boss').post('/api/freiraum/delegations', { delegateId: p.outsider.id, startsOn: '2026-11-10', endsOn: '2026-11-12' }).expect(400);
    const delegation = (await as('boss').post('/api/freiraum/delegations', { delegateId: p.otherBoss.id, startsOn: '2026-11-10', endsOn: '2026-11-12' }).expect(201)).body;
    expect(delegation).toMatchObject({ managerName: 'boss Mustermann', delegateName: 'otherBoss Mustermann' });
    expect((await as('otherBoss').get('/api/freiraum/delegations').expect(200)).body.received).toHaveLength(1);

    const req = (await request('peer', { slotDate: '2026-11-26', hours: 1 }).expect(201)).body;
    // As delegate, otherBoss sees every pending request of boss's team, beside their own team's.
    expect((await as('otherBoss').get('/api/freiraum/inbox').expect(200)).body.items.map((i: { id: string }) => i.id)).toContain(req.id);
    const toDecide = await t.ds.query(`SELECT user_id FROM notifications WHERE type = 'freiraum_request_to_decide' AND data->>'requestId' = $1 ORDER BY user_id`, [req.id]);
    expect(toDecide.map((n: { user_id: string }) => n.user_id).sort()).toEqual([p.boss.id, p.otherBoss.id].sort());

    t.clock.set(new Date('2026-11-13T09:00:00Z'));
    try {
      await as('otherBoss').post(`/api/freiraum/requests/${req.id}/decision`, { decision: 'approved' }).expect(404);
    } finally {
      t.clock.set(new Date('2026-11-10T09:00:00Z'));
    }
    await as('otherBoss').post(`/api/freiraum/requests/${req.id}/decision`, { decision: 'approved' }).expect(200);
    await as('otherBoss').del(`/api/freiraum/delegations/${delegation.id}`).expect(404);
    await as('boss').del(`/api/freiraum/delegations/${delegation.id}`).expect(200);
    expect((await as('boss').get('/api/freiraum/delegations').expect(200)).body.given).toEqual([]);
  });

  it('escalates requests pending past the escalation days to the manager’s manager', async () => {
    const req = (await request('sales', { slotDate: '2026-11-27', hours: 0.5 }).expect(201)).body;
    const runner = t.app.get(JobRunner);
    // The job runs at most every 15 minutes: the first look is 21 minutes before the second.
    t.clock.set(new Date('2026-11-13T08:40:00Z'));
    await runner.runDue('freiraum.escalation');
    expect((await as('ceo').get('/api/freiraum/inbox').expect(200)).body.items.map((i: { id: string }) => i.id)).not.toContain(req.id);
    t.clock.set(new Date('2026-11-13T09:01:00Z'));
    try {
      await runner.runDue('freiraum.escalation');
      const inbox = (await as('ceo').get('/api/freiraum/inbox').expect(200)).body.items;
      expect(inbox.find((i: { id: string }) => i.id === req.id)).toMatchObject({ canDecide: true, escalatedAt: '2026-11-13T09:01:00.000Z' });
      const notes = await t.ds.query(`SELECT user_id FROM notifications WHERE type = 'freiraum_request_escalated' AND data->>'requestId' = $1`, [req.id]);
      expect(notes).toEqual([{ user_id: p.ceo.id }]);
      expect(await auditCount('freiraum.request.escalated', req.id)).toBe(1);
      // Running again changes nothing; the manager may still decide too.
      t.clock.set(new Date('2026-11-13T09:30:00Z'));
      await runner.runDue('freiraum.escalation');
      expect(await auditCount('freiraum.request.escalated', req.id)).toBe(1);
      await as('ceo').post(`/api/freiraum/requests/${req.id}/decision`, { decision: 'approved' }).expect(200);
    } finally {
      t.clock.set(new Date('2026-11-10T09:00:00Z'));
    }
  });

  it('exports an approved slot as an all-day calendar event, only to the requester', async () => {
    const approved = (await as('peer').get('/api/freiraum/requests?status=approved').expect(200)).body.items.find((r: { slotDate: string }) => r.slotDate === '2026-11-24');
    const res = await as('peer').get(`/api/freiraum/requests/${approved.id}/calendar.ics`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="freiraum-2026-11-24.ics"');
    expect(res.text).toMatch(/DTSTART;VALUE=DATE:20261124/);
    expect(res.text).toMatch(/DTEND;VALUE=DATE:20261125/);
    expect(res.text).toMatch(/SUMMARY:Freiraum: 2 h/);
    await as('boss').get(`/api/freiraum/requests/${approved.id}/calendar.ics`).expect(404);
    const pending = (await request('peer', { slotDate: '2026-11-30', hours: 0.5 }).expect(201)).body;
    await as('peer').get(`/api/freiraum/requests/${pending.id}/calendar.ics`).expect(409);
  });

  it('approves in bulk, reporting each request on its own', async () => {
    const a = (await request('peer', { slotDate: '2026-11-19', hours: 0.5 }).expect(201)).body;
    const b = (await request('sales', { slotDate: '2026-11-19', hours: 0.5 }).expect(201)).body;
    const foreign = (await request('stranger', { slotDate: '2026-11-19', hours: 0.5 }).expect(201)).body;
    const res = await as('boss').post('/api/freiraum/requests/decisions', { ids: [a.id, b.id, foreign.id], decision: 'approved' }).expect(200);
    expect(res.body.results.map((r: { ok: boolean }) => r.ok)).toEqual([true, true, false]);
    expect(res.body.results[2].error.code).toBe('not_found');
    await as('boss').post('/api/freiraum/requests/decisions', { ids: [], decision: 'approved' }).expect(400);
    await as('boss').post('/api/freiraum/requests/decisions', { ids: [a.id], decision: 'rejected' }).expect(400);
  });

  describe('Idempotency-Key', () => {
    it('replays the first response for the same key and body', async () => {
      const body = { slotDate: '2026-11-16', hours: 0.5, purposeType: 'experiment', purpose: 'Idempotent retry test' };
      const first = await as('stranger').post('/api/freiraum/requests', body, 'key-1').expect(201);
      const second = await as('stranger').post('/api/freiraum/requests', body, 'key-1').expect(201);
      expect(second.body.id).toBe(first.body.id);
      expect(second.headers['idempotent-replayed']).toBe('true');
      const rows = await t.ds.query(`SELECT count(*) AS n FROM freiraum_requests WHERE user_id = $1 AND slot_date = '2026-11-16'`, [p.stranger.id]);
      expect(Number(rows[0].n)).toBe(1);
      // The key is the caller's own: another person may use the same string.
      await as('peer').post('/api/freiraum/requests', body, 'key-1').expect(201);
    });

    it('refuses the same key with a different body (422) and while the first is still running (409)', async () => {
      const body = { slotDate: '2026-11-17', hours: 0.5, purposeType: 'experiment', purpose: 'Idempotent retry test' };
      await as('stranger').post('/api/freiraum/requests', body, 'key-2').expect(201);
      const other = await as('stranger').post('/api/freiraum/requests', { ...body, hours: 1 }, 'key-2').expect(422);
      expect(other.body.details[0].field).toBe('Idempotency-Key');
      // A first call still running holds its claim: the same request again gets 409.
      const hash = createHash('sha256').update(`POST /api/freiraum/requests\n${JSON.stringify(body)}`).digest('hex');
      await t.ds.query(`INSERT INTO idempotency_keys (user_id, key, request_hash, status, created_at) VALUES ($1, 'key-3', $2, 'running', now())`, [p.stranger.id, hash]);
      const running = await as('stranger').post('/api/freiraum/requests', body, 'key-3').expect(409);
      expect(running.body.message).toMatch(/still being processed/);
      await as('stranger').post('/api/freiraum/requests', body, 'x'.repeat(201)).expect(400);
    });

    it('replays a refusal too, and covers decisions', async () => {
      const big = { slotDate: '2026-11-17', hours: 8, purposeType: 'experiment', purpose: 'Too much for what is left' };
      await as('stranger').post('/api/freiraum/requests', big, 'key-4').expect(409);
      const replay = await as('stranger').post('/api/freiraum/requests', big, 'key-4').expect(409);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      const req = (await as('stranger').get('/api/freiraum/requests?status=pending').expect(200)).body.items[0];
      const d1 = await as('otherBoss').post(`/api/freiraum/requests/${req.id}/decision`, { decision: 'approved' }, 'decide-1').expect(200);
      const d2 = await as('otherBoss').post(`/api/freiraum/requests/${req.id}/decision`, { decision: 'approved' }, 'decide-1').expect(200);
      expect(d2.body).toEqual(d1.body);
      expect(await auditCount('freiraum.request.approved', req.id)).toBe(1);
    });
  });

  it('moves what waits on a departing manager to the successor: pending requests follow the reports', async () => {
    const req = (await request('stranger', { slotDate: '2026-11-23', hours: 0.5 }).expect(201)).body;
    await as('admin').post(`/api/users/${p.otherBoss.id}/deactivate`, {}).expect(200);
    // stranger now reports to otherBoss's manager, the ceo, who may decide at once.
    const inbox = (await as('ceo').get('/api/freiraum/inbox').expect(200)).body.items;
    expect(inbox.find((i: { id: string }) => i.id === req.id)).toMatchObject({ canDecide: true });
    await as('ceo').post(`/api/freiraum/requests/${req.id}/decision`, { decision: 'approved' }).expect(200);
  });

  it('keeps committed hours equal to pending + approved, whatever happened', async () => {
    const rows = await t.ds.query(
      `SELECT a.id, a.hours, a.committed_hours, coalesce(sum(r.hours) FILTER (WHERE r.status IN ('pending', 'approved')), 0) AS sum
         FROM freiraum_allocations a LEFT JOIN freiraum_requests r ON r.allocation_id = a.id GROUP BY a.id`,
    );
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) {
      expect(Number(r.committed_hours)).toBe(Number(r.sum));
      expect(Number(r.committed_hours)).toBeLessThanOrEqual(Number(r.hours));
    }
  });
});
