import { createTestApp, type TestApp } from './support/test-app.js';
import { bearer, createOrganization, createUser, uniqueEmail } from './support/factories.js';
import type { User } from '../src/users/user.entity.js';

describe('audit log API', () => {
  let t: TestApp;
  let admin: User;
  let hr: User;
  let employee: User;
  let otherAdmin: User;
  let createdId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const a = await createOrganization(t);
    admin = await createUser(t, { organizationId: a.org.id, roles: ['admin', 'employee'] });
    hr = await createUser(t, { organizationId: a.org.id, roles: ['hr', 'employee'] });
    employee = await createUser(t, { organizationId: a.org.id });
    const b = await createOrganization(t);
    otherAdmin = await createUser(t, { organizationId: b.org.id, roles: ['admin'] });

    // Real actions through the API write the rows, one second apart.
    t.clock.set(new Date('2026-02-01T10:00:00Z'));
    await t
      .http()
      .patch('/api/organization/settings')
      .set('Authorization', bearer(t, admin))
      .send({ privacyThreshold: 6 })
      .expect(200);
    t.clock.advance(1000);
    const created = await t
      .http()
      .post('/api/users')
      .set('Authorization', bearer(t, admin))
      .send({ email: uniqueEmail('audited'), firstName: 'Paula', lastName: 'Privat', roles: ['employee'] })
      .expect(201);
    createdId = created.body.user.id;
    t.clock.advance(1000);
    await t
      .http()
      .patch(`/api/users/${employee.id}`)
      .set('Authorization', bearer(t, admin))
      .send({ roles: ['employee', 'hr'] })
      .expect(200);
    t.clock.advance(1000);
    await t
      .http()
      .post(`/api/users/${employee.id}/deactivate`)
      .set('Authorization', bearer(t, admin))
      .send({})
      .expect(200);
    t.clock.advance(1000);
    await t
      .http()
      .patch('/api/organization/settings')
      .set('Authorization', bearer(t, otherAdmin))
      .send({ privacyThreshold: 9 })
      .expect(200);
    // Boot plus several requests: generous for a busy CI machine.
  }, 120_000);
  afterAll(() => t.close());

  const list = (query: Record<string, string | number> = {}, caller = admin) =>
    t.http().get('/api/audit').set('Authorization', bearer(t, caller)).query(query);

  it('an admin reads their organisation’s log, newest first', async () => {
    const res = await list().expect(200);
    expect(res.body.total).toBe(4);
    expect(res.body.items.map((e: { action: string }) => e.action)).toEqual([
      'user.deactivated',
      'user.roles_changed',
      'user.created',
      'organization.settings_changed',
    ]);
    expect(res.body.items[1]).toEqual({
      id: expect.any(String),
      actorId: admin.id,
      action: 'user.roles_changed',
      targetType: 'user',
      targetId: employee.id,
      data: { before: ['employee'], after: ['employee', 'hr'] },
      createdAt: '2026-02-01T10:00:02.000Z',
    });
  });

  it('keeps people out of the log except by id', async () => {
    const res = await list().expect(200);
    expect(JSON.stringify(res.body)).not.toMatch(/Paula|Privat|audited-|@test\.example/);
  });

  it('filters by action (or an action family), target, actor and time, and pages', async () => {
    expect(
      (await list({ action: 'user.created' }).expect(200)).body.items.map((e: { targetId: string }) => e.targetId),
    ).toEqual([createdId]);
    expect((await list({ action: 'user.' }).expect(200)).body.total).toBe(3);
    expect((await list({ targetId: employee.id }).expect(200)).body.total).toBe(2);
    expect((await list({ targetType: 'organization' }).expect(200)).body.total).toBe(1);
    expect((await list({ actorId: hr.id }).expect(200)).body.total).toBe(0);
    const window = await list({ from: '2026-02-01T10:00:01Z', to: '2026-02-01T10:00:03Z' }).expect(200);
    expect(window.body.items.map((e: { action: string }) => e.action)).toEqual(['user.roles_changed', 'user.created']);
    const page = await list({ limit: 2, offset: 1 }).expect(200);
    expect(page.body.total).toBe(4);
    expect(page.body.items.map((e: { action: string }) => e.action)).toEqual(['user.roles_changed', 'user.created']);
  });

  it('other organisations see only their own rows', async () => {
    const res = await list({}, otherAdmin).expect(200);
    expect(res.body.items.map((e: { action: string }) => e.action)).toEqual(['organization.settings_changed']);
    expect((await list({ targetId: employee.id }, otherAdmin).expect(200)).body.total).toBe(0);
  });

  it('HR and employees may not read it (403); signed-out callers get 401', async () => {
    await list({}, hr).expect(403);
    await list({}, employee).expect(401); // deactivated above: the token stopped working
    const member = await createUser(t, { organizationId: admin.organizationId });
    await list({}, member).expect(403);
    await t.http().get('/api/audit').expect(401);
  });

  it('rejects bad filters naming the parameter', async () => {
    expect((await list({ limit: 500 }).expect(400)).body.details[0].field).toBe('limit');
    expect((await list({ actorId: 'nobody' }).expect(400)).body.details[0].field).toBe('actorId');
    expect((await list({ from: 'yesterday' }).expect(400)).body.details[0].field).toBe('from');
    expect((await list({ user: 'x' }).expect(400)).body.details).toEqual([
      { field: 'user', message: 'is not an allowed field' },
    ]);
  });
});
