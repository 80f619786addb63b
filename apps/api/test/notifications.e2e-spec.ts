import { randomUUID } from 'node:crypto';
import { NotificationService } from '../src/notifications/notification.service.js';
import { Notification } from '../src/notifications/notification.entity.js';
import { bearer, createOrganization, createUser } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import type { User } from '../src/users/user.entity.js';

describe('notifications API', () => {
  let t: TestApp;
  let alice: User;
  let bob: User;
  let carol: User; // another organisation

  const notify = (user: User, type: string, data: Record<string, unknown> = {}) =>
    t.ds.transaction((em) =>
      t.app.get(NotificationService).notify(em, { organizationId: user.organizationId, userId: user.id, type, data }),
    );
  const idsOf = async (user: User) =>
    (await t.ds.getRepository(Notification).find({ where: { userId: user.id }, order: { createdAt: 'ASC' } })).map(
      (n) => n.id,
    );

  beforeAll(async () => {
    t = await createTestApp();
    const { org } = await createOrganization(t);
    const { org: other } = await createOrganization(t);
    alice = await createUser(t, { organizationId: org.id });
    bob = await createUser(t, { organizationId: org.id });
    carol = await createUser(t, { organizationId: other.id });
    t.clock.set(new Date('2026-03-02T08:00:00Z'));
    for (const [i, type] of ['welcome', 'role_changed', 'manager_changed'].entries()) {
      await notify(alice, type, { n: i });
      t.clock.advance(60_000);
    }
    await notify(bob, 'welcome');
    await notify(carol, 'welcome');
  });
  afterAll(() => t.close());

  it('needs sign-in', async () => {
    await t.http().get('/api/notifications').expect(401);
    await t.http().get('/api/notifications/unread-count').expect(401);
    await t.http().post('/api/notifications/read-all').expect(401);
  });

  it('lists only the caller’s own notifications, newest first, with the unread count', async () => {
    const res = await t.http().get('/api/notifications').set('Authorization', bearer(t, alice)).expect(200);
    expect(res.body.unread).toBe(3);
    expect(res.body.items.map((n: { type: string }) => n.type)).toEqual(['manager_changed', 'role_changed', 'welcome']);
    expect(res.body.items[0]).toEqual({
      id: expect.any(String),
      type: 'manager_changed',
      data: { n: 2 },
      readAt: null,
      createdAt: '2026-03-02T08:02:00.000Z',
    });
    const own = await idsOf(alice);
    expect(res.body.items.map((n: { id: string }) => n.id).sort()).toEqual([...own].sort());
  });

  it('returns at most the 50 newest', async () => {
    const { org } = await createOrganization(t);
    const busy = await createUser(t, { organizationId: org.id });
    for (let i = 0; i < 55; i++) {
      await notify(busy, 'welcome', { i });
      t.clock.advance(1000);
    }
    const res = await t.http().get('/api/notifications').set('Authorization', bearer(t, busy)).expect(200);
    expect(res.body.items).toHaveLength(50);
    expect(res.body.items[0].data).toEqual({ i: 54 });
    expect(res.body.items[49].data).toEqual({ i: 5 });
    expect(res.body.unread).toBe(55);
  });

  it('marks one of the caller’s own as read, keeping the first read time', async () => {
    const [first] = await idsOf(alice);
    t.clock.set(new Date('2026-03-02T09:00:00Z'));
    await t.http().post(`/api/notifications/${first}/read`).set('Authorization', bearer(t, alice)).expect(204);
    t.clock.advance(3600_000);
    await t.http().post(`/api/notifications/${first}/read`).set('Authorization', bearer(t, alice)).expect(204);

    const count = await t
      .http()
      .get('/api/notifications/unread-count')
      .set('Authorization', bearer(t, alice))
      .expect(200);
    expect(count.body).toEqual({ unread: 2 });
    const list = await t.http().get('/api/notifications').set('Authorization', bearer(t, alice)).expect(200);
    expect(list.body.items.find((n: { id: string }) => n.id === first).readAt).toBe('2026-03-02T09:00:00.000Z');
  });

  it('answers 404 for someone else’s notification (same or other organisation) and leaves it unread', async () => {
    const [bobs] = await idsOf(bob);
    const [carols] = await idsOf(carol);
    for (const id of [bobs, carols, randomUUID()]) {
      const res = await t
        .http()
        .post(`/api/notifications/${id}/read`)
        .set('Authorization', bearer(t, alice))
        .expect(404);
      expect(res.body).toMatchObject({ statusCode: 404, code: 'not_found' });
    }
    const bobCount = await t
      .http()
      .get('/api/notifications/unread-count')
      .set('Authorization', bearer(t, bob))
      .expect(200);
    expect(bobCount.body).toEqual({ unread: 1 });
  });

  it('rejects an id that is not a uuid, naming the field', async () => {
    const res = await t
      .http()
      .post('/api/notifications/not-a-uuid/read')
      .set('Authorization', bearer(t, alice))
      .expect(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'id' })]);
  });

  it('read-all marks only the caller’s notifications', async () => {
    await t.http().post('/api/notifications/read-all').set('Authorization', bearer(t, alice)).expect(204);
    const alices = await t
      .http()
      .get('/api/notifications/unread-count')
      .set('Authorization', bearer(t, alice))
      .expect(200);
    expect(alices.body).toEqual({ unread: 0 });
    const list = await t.http().get('/api/notifications').set('Authorization', bearer(t, alice)).expect(200);
    expect(list.body.items.every((n: { readAt: string | null }) => n.readAt !== null)).toBe(true);
    for (const other of [bob, carol]) {
      const res = await t
        .http()
        .get('/api/notifications/unread-count')
        .set('Authorization', bearer(t, other))
        .expect(200);
      expect(res.body).toEqual({ unread: 1 });
    }
  });

  it('is documented in OpenAPI', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/notifications',
        '/api/notifications/unread-count',
        '/api/notifications/read-all',
        '/api/notifications/{id}/read',
      ]),
    );
    expect(
      res.body.paths['/api/notifications'].get.responses['200'].content['application/json'].schema.properties,
    ).toHaveProperty('unread');
  });
});
