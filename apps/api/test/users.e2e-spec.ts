import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from './support/test-app.js';
import { bearer, createOrganization, createUser, uniqueEmail, type UserAttrs } from './support/factories.js';
import { User } from '../src/users/user.entity.js';
import { AuditLogEntry } from '../src/audit/audit-log.entity.js';
import { Notification } from '../src/notifications/notification.entity.js';
import { OutboundEmail } from '../src/notifications/outbound-email.entity.js';
import { RefreshToken } from '../src/auth/refresh-token.entity.js';

describe('users: administration, reporting lines, deactivation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** A fresh organisation with an admin, HR and an employee, and a second organisation beside it. */
  async function world() {
    const a = await createOrganization(t, { name: 'Muster GmbH' });
    const admin = await createUser(t, {
      organizationId: a.org.id,
      roles: ['admin', 'employee'],
      firstName: 'Ada',
      lastName: 'Admin',
    });
    const hr = await createUser(t, { organizationId: a.org.id, roles: ['hr', 'employee'] });
    const employee = await createUser(t, { organizationId: a.org.id });
    const b = await createOrganization(t, { name: 'Andere AG' });
    const stranger = await createUser(t, { organizationId: b.org.id, roles: ['admin', 'employee'] });
    const user = (attrs: Omit<UserAttrs, 'organizationId'> = {}) =>
      createUser(t, { organizationId: a.org.id, ...attrs });
    return { org: a.org, tracks: a.tracks, department: a.department, admin, hr, employee, stranger, otherOrg: b, user };
  }

  const reload = (id: string) => t.ds.getRepository(User).findOneByOrFail({ id });
  const auditRows = (organizationId: string, action: string, targetId?: string) =>
    t.ds
      .getRepository(AuditLogEntry)
      .find({ where: { organizationId, action, ...(targetId ? { targetId } : {}) }, order: { id: 'ASC' } });
  const as = (user: User) => ({ Authorization: bearer(t, user) });

  describe('GET /api/users', () => {
    it('lists the users of the caller’s organisation only, for admin and HR', async () => {
      const w = await world();
      for (const caller of [w.admin, w.hr]) {
        const res = await t.http().get('/api/users').set(as(caller)).expect(200);
        expect(res.body.total).toBe(3);
        expect(res.body.items.map((u: { id: string }) => u.id).sort()).toEqual(
          [w.admin.id, w.hr.id, w.employee.id].sort(),
        );
      }
      const item = (await t.http().get('/api/users').set(as(w.admin)).query({ q: 'ada' }).expect(200)).body.items[0];
      expect(item).toEqual({
        id: w.admin.id,
        email: w.admin.email,
        firstName: 'Ada',
        lastName: 'Admin',
        roles: ['admin', 'employee'],
        active: true,
        trackSlug: null,
        departmentId: null,
        departmentName: null,
        managerId: null,
        managerName: null,
        directReportCount: 0,
        hasPassword: true,
        deactivatedAt: null,
        erasedAt: null,
        createdAt: expect.any(String),
      });
    });

    it('filters by search, role, department and active state, and pages', async () => {
      const w = await world();
      const boss = await w.user({
        roles: ['employee', 'manager'],
        firstName: 'Bea',
        lastName: 'Boss',
        departmentId: w.department.id,
      });
      await w.user({ managerId: boss.id, firstName: 'Carl', lastName: 'Zander_1', departmentId: w.department.id });
      await w.user({ active: false, firstName: 'Dora', lastName: 'Gone' });
      const list = (query: Record<string, string | number>) =>
        t.http().get('/api/users').set(as(w.admin)).query(query).expect(200);

      expect((await list({ q: 'bea boss' })).body.items.map((u: { id: string }) => u.id)).toEqual([boss.id]);
      expect((await list({ q: 'zander_' })).body.total).toBe(1);
      expect((await list({ q: 'ander_1' })).body.total).toBe(1);
      expect((await list({ q: '%' })).body.total).toBe(0);
      expect((await list({ role: 'manager' })).body.items[0].directReportCount).toBe(1);
      expect((await list({ departmentId: w.department.id })).body.total).toBe(2);
      expect((await list({ active: 'false' })).body.items.map((u: { lastName: string }) => u.lastName)).toEqual([
        'Gone',
      ]);
      expect((await list({ active: 'all' })).body.total).toBe(6);
      const page = await list({ limit: 2, offset: 2 });
      expect(page.body).toMatchObject({ total: 5 });
      expect(page.body.items).toHaveLength(2);
      const carl = (await list({ q: 'carl' })).body.items[0];
      expect(carl).toMatchObject({ managerId: boss.id, managerName: 'Bea Boss', departmentName: 'Vertrieb' });
    });

    it('employees and managers may not list users (403); bad queries are 400 naming the parameter', async () => {
      const w = await world();
      await t.http().get('/api/users').set(as(w.employee)).expect(403);
      await t.http().get('/api/users').expect(401);
      const bad = await t.http().get('/api/users').set(as(w.admin)).query({ limit: 0 }).expect(400);
      expect(bad.body.details[0].field).toBe('limit');
      const unknown = await t.http().get('/api/users').set(as(w.admin)).query({ sort: 'x' }).expect(400);
      expect(unknown.body.details).toEqual([{ field: 'sort', message: 'is not an allowed field' }]);
    });
  });

  describe('GET /api/users/:id', () => {
    it('an admin reads a user; another organisation’s user is 404; HR gets 403', async () => {
      const w = await world();
      await t.http().get(`/api/users/${w.employee.id}`).set(as(w.admin)).expect(200);
      const res = await t.http().get(`/api/users/${w.stranger.id}`).set(as(w.admin)).expect(404);
      expect(res.body).toMatchObject({ statusCode: 404, code: 'not_found' });
      await t.http().get(`/api/users/${randomUUID()}`).set(as(w.admin)).expect(404);
      await t.http().get(`/api/users/${w.employee.id}`).set(as(w.hr)).expect(403);
      const bad = await t.http().get('/api/users/123').set(as(w.admin)).expect(400);
      expect(bad.body.details[0].field).toBe('id');
    });
  });

  describe('POST /api/users', () => {
    it('creates a user with an invitation link and a queued bilingual e-mail; audit row without personal data', async () => {
      const w = await world();
      const boss = await w.user();
      const email = uniqueEmail('Neu').toUpperCase();
      const res = await t
        .http()
        .post('/api/users')
        .set(as(w.admin))
        .send({
          email,
          firstName: 'Jürgen',
          lastName: 'Größe',
          roles: ['employee', 'manager'],
          trackSlug: 'sales',
          departmentId: w.department.id,
          managerId: boss.id,
        })
        .expect(201);
      expect(res.body.user).toMatchObject({
        email: email.toLowerCase(),
        firstName: 'Jürgen',
        lastName: 'Größe',
        // `manager` is derived from having reports: a new user has none.
        roles: ['employee'],
        trackSlug: 'sales',
        departmentName: 'Vertrieb',
        managerId: boss.id,
        hasPassword: false,
        active: true,
      });
      expect(res.body.invitation.url).toMatch(/^http:\/\/freiraum\.test\/welcome\?token=[\w-]{20,}$/);
      expect(new Date(res.body.invitation.expiresAt).getTime()).toBeGreaterThan(Date.now());

      // The manager gains the derived role in the same transaction.
      expect((await reload(boss.id)).roles).toEqual(['employee', 'manager']);

      const mails = await t.ds.getRepository(OutboundEmail).find({ where: { toAddress: email.toLowerCase() } });
      expect(mails).toHaveLength(1);
      expect(mails[0]!.bodyText).toContain(res.body.invitation.url);
      expect(mails[0]!.bodyText).toMatch(/Hallo Jürgen[\s\S]*Hello Jürgen/);

      const [created] = await auditRows(w.org.id, 'user.created', res.body.user.id);
      expect(created).toMatchObject({
        actorId: w.admin.id,
        data: { roles: ['employee'], managerId: boss.id, departmentId: w.department.id },
      });
      const serialized = JSON.stringify(
        await t.ds.getRepository(AuditLogEntry).find({ where: { organizationId: w.org.id } }),
      );
      expect(serialized).not.toMatch(/Jürgen|Größe|@test\.example/i);
      const [derived] = await auditRows(w.org.id, 'user.roles_changed', boss.id);
      expect(derived!.data).toEqual({ before: ['employee'], after: ['employee', 'manager'], reason: 'direct_reports' });

      // The invitation link works with the auth feature.
      const token = new URL(res.body.invitation.url).searchParams.get('token');
      await t.http().get(`/api/auth/tokens/${token}`).expect(200);
    });

    it('an admin may create HR and admin users', async () => {
      const w = await world();
      const res = await t
        .http()
        .post('/api/users')
        .set(as(w.admin))
        .send({ email: uniqueEmail(), firstName: 'H', lastName: 'R', roles: ['hr', 'admin'] })
        .expect(201);
      expect(res.body.user.roles).toEqual(['admin', 'hr']);
    });

    it('rejects a taken e-mail (409, also from another organisation), and bad references (400 naming the field)', async () => {
      const w = await world();
      const base = { firstName: 'A', lastName: 'B', roles: ['employee'] };
      const post = (body: object) => t.http().post('/api/users').set(as(w.admin)).send(body);
      const taken = await post({ ...base, email: w.employee.email.toUpperCase() }).expect(409);
      expect(taken.body.details).toEqual([{ field: 'email', message: 'is already in use' }]);
      await post({ ...base, email: w.stranger.email }).expect(409);

      const cases: Array<[object, string]> = [
        [{ managerId: w.stranger.id }, 'managerId'],
        [{ managerId: randomUUID() }, 'managerId'],
        [{ departmentId: w.otherOrg.department.id }, 'departmentId'],
        [{ trackSlug: 'marketing' }, 'trackSlug'],
        [{ email: 'not-an-email' }, 'email'],
        [{ roles: [] }, 'roles'],
        [{ roles: ['king'] }, 'roles.0'],
        [{ firstName: '' }, 'firstName'],
        [{ password: 'x' }, 'password'],
      ];
      for (const [override, field] of cases) {
        const res = await post({ ...base, email: uniqueEmail(), ...override }).expect(400);
        expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      }
      const gone = await w.user({ active: false });
      const inactive = await post({ ...base, email: uniqueEmail(), managerId: gone.id }).expect(400);
      expect(inactive.body.details).toEqual([{ field: 'managerId', message: 'is deactivated' }]);
    });

    it('a disabled track cannot be assigned', async () => {
      const w = await world();
      await t.http().patch(`/api/tracks/${w.tracks[2]!.id}`).set(as(w.admin)).send({ enabled: false }).expect(200);
      const res = await t
        .http()
        .post('/api/users')
        .set(as(w.admin))
        .send({ email: uniqueEmail(), firstName: 'A', lastName: 'B', roles: ['employee'], trackSlug: 'translation' })
        .expect(400);
      expect(res.body.details).toEqual([{ field: 'trackSlug', message: 'is disabled' }]);
    });

    it('HR and employees may not create users (403)', async () => {
      const w = await world();
      const body = { email: uniqueEmail(), firstName: 'A', lastName: 'B', roles: ['employee'] };
      await t.http().post('/api/users').set(as(w.hr)).send(body).expect(403);
      await t.http().post('/api/users').set(as(w.employee)).send(body).expect(403);
    });
  });

  describe('PATCH /api/users/:id', () => {
    it('an admin edits a user; role and other changes are audit-logged with ids only', async () => {
      const w = await world();
      const res = await t
        .http()
        .patch(`/api/users/${w.employee.id}`)
        .set(as(w.admin))
        .send({ firstName: 'Neu', roles: ['employee', 'hr'], trackSlug: 'leadership', departmentId: w.department.id })
        .expect(200);
      expect(res.body).toMatchObject({
        firstName: 'Neu',
        roles: ['employee', 'hr'],
        trackSlug: 'leadership',
        departmentId: w.department.id,
      });
      const [roles] = await auditRows(w.org.id, 'user.roles_changed', w.employee.id);
      expect(roles).toMatchObject({ actorId: w.admin.id, data: { before: ['employee'], after: ['employee', 'hr'] } });
      const [note] = await t.ds
        .getRepository(Notification)
        .find({ where: { userId: w.employee.id, type: 'role_changed' } });
      expect(note!.data).toEqual({ before: ['employee'], after: ['employee', 'hr'] });
      const [updated] = await auditRows(w.org.id, 'user.updated', w.employee.id);
      expect(updated!.data).toEqual({
        fields: ['firstName'],
        trackId: { from: null, to: w.tracks[0]!.id },
        departmentId: { from: null, to: w.department.id },
      });
    });

    it('HR may not change users at all, so never grant admin (403)', async () => {
      const w = await world();
      const res = await t
        .http()
        .patch(`/api/users/${w.employee.id}`)
        .set(as(w.hr))
        .send({ roles: ['employee', 'admin'] })
        .expect(403);
      expect(res.body.code).toBe('forbidden');
      expect((await reload(w.employee.id)).roles).toEqual(['employee']);
      await t.http().patch(`/api/users/${w.employee.id}`).set(as(w.employee)).send({ firstName: 'X' }).expect(403);
    });

    it('another organisation’s user is 404', async () => {
      const w = await world();
      await t.http().patch(`/api/users/${w.stranger.id}`).set(as(w.admin)).send({ firstName: 'X' }).expect(404);
      expect((await reload(w.stranger.id)).firstName).toBe('Erika');
    });

    it('rejects unknown fields and bad values naming the field', async () => {
      const w = await world();
      const extra = await t
        .http()
        .patch(`/api/users/${w.employee.id}`)
        .set(as(w.admin))
        .send({ active: false })
        .expect(400);
      expect(extra.body.details).toEqual([{ field: 'active', message: 'is not an allowed field' }]);
      const email = await t
        .http()
        .patch(`/api/users/${w.employee.id}`)
        .set(as(w.admin))
        .send({ email: w.hr.email })
        .expect(409);
      expect(email.body.details).toEqual([{ field: 'email', message: 'is already in use' }]);
    });

    it('manager: same organisation, active, not the user, no cycles', async () => {
      const w = await world();
      const top = await w.user();
      const middle = await w.user({ managerId: top.id });
      const bottom = await w.user({ managerId: middle.id });
      const patch = (id: string, managerId: string | null) =>
        t.http().patch(`/api/users/${id}`).set(as(w.admin)).send({ managerId });

      const cycle = await patch(top.id, bottom.id).expect(409);
      expect(cycle.body).toMatchObject({
        code: 'conflict',
        details: [{ field: 'managerId', message: expect.stringMatching(/reports/) }],
      });
      const direct = await patch(top.id, middle.id).expect(409);
      expect(direct.body.details[0].field).toBe('managerId');
      const self = await patch(top.id, top.id).expect(400);
      expect(self.body.details).toEqual([{ field: 'managerId', message: 'cannot be the person themself' }]);
      const foreign = await patch(top.id, w.stranger.id).expect(400);
      expect(foreign.body.details).toEqual([{ field: 'managerId', message: 'is not a user of this organisation' }]);
      expect((await reload(top.id)).managerId).toBeNull();

      await patch(bottom.id, top.id).expect(200);
      await patch(bottom.id, null).expect(200);
      expect((await reload(bottom.id)).managerId).toBeNull();
    });

    it('keeps the derived manager role in sync and notifies the user', async () => {
      const w = await world();
      const first = await w.user();
      const second = await w.user();
      const member = await w.user();
      const move = (managerId: string | null) =>
        t.http().patch(`/api/users/${member.id}`).set(as(w.admin)).send({ managerId }).expect(200);

      await move(first.id);
      expect((await reload(first.id)).roles).toEqual(['employee', 'manager']);
      await move(second.id);
      expect((await reload(first.id)).roles).toEqual(['employee']);
      expect((await reload(second.id)).roles).toEqual(['employee', 'manager']);
      const detail = await t.http().get(`/api/users/${second.id}`).set(as(w.admin)).expect(200);
      expect(detail.body.directReportCount).toBe(1);

      const changes = await auditRows(w.org.id, 'user.manager_changed', member.id);
      expect(changes.map((c) => c.data)).toEqual([
        { from: null, to: first.id },
        { from: first.id, to: second.id },
      ]);
      const notes = await t.ds
        .getRepository(Notification)
        .find({ where: { userId: member.id, type: 'manager_changed' } });
      expect(notes).toHaveLength(2);
      const promoted = await t.ds
        .getRepository(Notification)
        .find({ where: { userId: second.id, type: 'role_changed' } });
      expect(promoted.map((n) => n.data)).toEqual([
        { before: ['employee'], after: ['employee', 'manager'], reason: 'direct_reports' },
      ]);

      // Asking for `manager` without reports does not make someone a manager; removing it from one who has reports does not either.
      const ask = await t
        .http()
        .patch(`/api/users/${first.id}`)
        .set(as(w.admin))
        .send({ roles: ['manager'] })
        .expect(200);
      expect(ask.body.roles).toEqual(['employee']);
      const drop = await t
        .http()
        .patch(`/api/users/${second.id}`)
        .set(as(w.admin))
        .send({ roles: ['employee'] })
        .expect(200);
      expect(drop.body.roles).toEqual(['employee', 'manager']);
    });

    it('the last active admin cannot remove their own admin role (409); with a second admin they can', async () => {
      const w = await world();
      const res = await t
        .http()
        .patch(`/api/users/${w.admin.id}`)
        .set(as(w.admin))
        .send({ roles: ['employee'] })
        .expect(409);
      expect(res.body.details).toEqual([
        { field: 'roles', message: 'would leave the organisation without an active admin' },
      ]);
      const second = await w.user({ roles: ['admin'] });
      await t
        .http()
        .patch(`/api/users/${w.admin.id}`)
        .set(as(w.admin))
        .send({ roles: ['employee'] })
        .expect(200);
      // The change applies at once: the former admin is refused.
      expect((await reload(w.admin.id)).roles).toEqual(['employee']);
      await t.http().get(`/api/users/${second.id}`).set(as(w.admin)).expect(403);
    });
  });

  describe('concurrent changes', () => {
    it('two simultaneous manager changes cannot close a loop together', async () => {
      const w = await world();
      const a = await w.user();
      const b = await w.user();
      const patch = (id: string, managerId: string) =>
        t
          .http()
          .patch(`/api/users/${id}`)
          .set(as(w.admin))
          .send({ managerId })
          .then((res) => res.status);
      const statuses = await Promise.all([patch(a.id, b.id), patch(b.id, a.id)]);
      expect(statuses.sort()).toEqual([200, 409]);
      const managers = [(await reload(a.id)).managerId, (await reload(b.id)).managerId];
      expect(managers.filter(Boolean)).toHaveLength(1);
    });

    it('two admins deactivating each other at once leave one active admin', async () => {
      const w = await world();
      const second = await w.user({ roles: ['admin'] });
      const deactivate = (actor: User, target: User) =>
        t
          .http()
          .post(`/api/users/${target.id}/deactivate`)
          .set(as(actor))
          .send({})
          .then((res) => res.status);
      const statuses = await Promise.all([deactivate(w.admin, second), deactivate(second, w.admin)]);
      // The loser is refused: 409 (last admin) if it got past sign-in before the winner committed, else 401.
      expect(statuses.sort()[0]).toBe(200);
      expect([401, 409]).toContain(statuses[1]);
      const admins = await t.ds.query(
        `SELECT count(*)::int AS n FROM users WHERE organization_id = $1 AND active AND 'admin' = ANY(roles)`,
        [w.org.id],
      );
      expect(admins[0].n).toBe(1);
    });
  });

  describe('deactivation and handover', () => {
    async function team() {
      const w = await world();
      const boss = await w.user({ roles: ['employee', 'manager'] });
      const manager = await w.user({ roles: ['employee', 'manager'], managerId: boss.id });
      const r1 = await w.user({ managerId: manager.id });
      const r2 = await w.user({ managerId: manager.id });
      const grand = await w.user({ managerId: r2.id });
      await t.ds.getRepository(User).update({ id: r2.id }, { roles: ['employee', 'manager'] });
      return { ...w, boss, manager, r1, r2, grand };
    }

    async function refreshTokenOf(user: User) {
      return t.ds.getRepository(RefreshToken).save({
        organizationId: user.organizationId,
        userId: user.id,
        tokenHash: randomUUID(),
        familyId: randomUUID(),
        expiresAt: new Date(Date.now() + 86_400_000),
        usedAt: null,
        revokedAt: null,
      });
    }

    it('without a successor the reports go to the manager’s own manager; sessions end; notifications and audit rows', async () => {
      const w = await team();
      const token = await refreshTokenOf(w.manager);
      const res = await t.http().post(`/api/users/${w.manager.id}/deactivate`).set(as(w.admin)).send({}).expect(200);
      expect(res.body).toMatchObject({ id: w.manager.id, active: false, roles: ['employee'], directReportCount: 0 });
      expect(res.body.deactivatedAt).toEqual(expect.any(String));

      expect((await reload(w.r1.id)).managerId).toBe(w.boss.id);
      expect((await reload(w.r2.id)).managerId).toBe(w.boss.id);
      expect((await reload(w.grand.id)).managerId).toBe(w.r2.id);
      expect((await reload(w.boss.id)).roles).toEqual(['employee', 'manager']);

      const revoked = await t.ds.getRepository(RefreshToken).findOneByOrFail({ id: token.id });
      expect(revoked.revokedAt).not.toBeNull();
      await t.http().get('/api/me').set(as(w.manager)).expect(401);

      const notes = await t.ds.getRepository(Notification).find({ where: { organizationId: w.org.id } });
      const transferred = notes.find((n) => n.type === 'reports_transferred');
      expect(transferred).toMatchObject({ userId: w.boss.id, data: { fromUserId: w.manager.id, count: 2 } });
      expect((transferred!.data.reportIds as string[]).sort()).toEqual([w.r1.id, w.r2.id].sort());
      expect(
        notes
          .filter((n) => n.type === 'manager_changed')
          .map((n) => n.userId)
          .sort(),
      ).toEqual([w.r1.id, w.r2.id].sort());

      const [deactivated] = await auditRows(w.org.id, 'user.deactivated', w.manager.id);
      expect(deactivated).toMatchObject({ actorId: w.admin.id, data: { successorId: w.boss.id } });
      const moved = await auditRows(w.org.id, 'user.manager_changed');
      expect(moved.map((m) => m.data)).toEqual(
        expect.arrayContaining([{ from: w.manager.id, to: w.boss.id, reason: 'handover' }]),
      );
      expect(moved).toHaveLength(2);
    });

    it('with a successor the reports go to them, who becomes a manager', async () => {
      const w = await team();
      const successor = await w.user();
      await t
        .http()
        .post(`/api/users/${w.manager.id}/deactivate`)
        .set(as(w.admin))
        .send({ successorId: successor.id })
        .expect(200);
      expect((await reload(w.r1.id)).managerId).toBe(successor.id);
      expect((await reload(successor.id)).roles).toEqual(['employee', 'manager']);
      // The boss lost their only active report.
      expect((await reload(w.boss.id)).roles).toEqual(['employee']);
    });

    it('a successor from within the team is promoted: they move up to the boss, the others report to them', async () => {
      const w = await team();
      await t
        .http()
        .post(`/api/users/${w.manager.id}/deactivate`)
        .set(as(w.admin))
        .send({ successorId: w.r1.id })
        .expect(200);
      expect((await reload(w.r1.id)).managerId).toBe(w.boss.id);
      expect((await reload(w.r2.id)).managerId).toBe(w.r1.id);
      expect((await reload(w.r1.id)).roles).toEqual(['employee', 'manager']);
    });

    it('refuses a successor below the user (409), outside the organisation or inactive (400), and changes nothing', async () => {
      const w = await team();
      const deactivate = (successorId: string) =>
        t.http().post(`/api/users/${w.manager.id}/deactivate`).set(as(w.admin)).send({ successorId });
      const below = await deactivate(w.grand.id).expect(409);
      expect(below.body.details).toEqual([
        { field: 'successorId', message: 'is below this user in the reporting line' },
      ]);
      const foreign = await deactivate(w.stranger.id).expect(400);
      expect(foreign.body.details[0].field).toBe('successorId');
      const gone = await w.user({ active: false });
      expect((await deactivate(gone.id).expect(400)).body.details).toEqual([
        { field: 'successorId', message: 'is deactivated' },
      ]);
      expect((await deactivate(w.manager.id).expect(400)).body.details[0].field).toBe('successorId');
      expect((await reload(w.manager.id)).active).toBe(true);
      expect((await reload(w.r1.id)).managerId).toBe(w.manager.id);
      const bad = await t
        .http()
        .post(`/api/users/${w.manager.id}/deactivate`)
        .set(as(w.admin))
        .send({ successor: 'x' })
        .expect(400);
      expect(bad.body.details).toEqual([{ field: 'successor', message: 'is not an allowed field' }]);
    });

    it('with neither successor nor own manager the reports are left without a manager', async () => {
      const w = await team();
      await t.http().post(`/api/users/${w.boss.id}/deactivate`).set(as(w.admin)).send({}).expect(200);
      expect((await reload(w.manager.id)).managerId).toBeNull();
    });

    it('the last active admin cannot deactivate themselves (409); already inactive is 409; others 404/403', async () => {
      const w = await world();
      const self = await t.http().post(`/api/users/${w.admin.id}/deactivate`).set(as(w.admin)).send({}).expect(409);
      expect(self.body.details[0].message).toMatch(/active admin/);
      await t.http().post(`/api/users/${w.stranger.id}/deactivate`).set(as(w.admin)).send({}).expect(404);
      await t.http().post(`/api/users/${w.employee.id}/deactivate`).set(as(w.hr)).send({}).expect(403);
      await t.http().post(`/api/users/${w.employee.id}/deactivate`).set(as(w.admin)).expect(200);
      const again = await t.http().post(`/api/users/${w.employee.id}/deactivate`).set(as(w.admin)).send({}).expect(409);
      expect(again.body.code).toBe('invalid_transition');
    });

    it('reactivation restores the account and the derived role of their manager; audit-logged', async () => {
      const w = await team();
      await t.http().post(`/api/users/${w.r1.id}/deactivate`).set(as(w.admin)).send({}).expect(200);
      expect((await reload(w.manager.id)).roles).toEqual(['employee', 'manager']); // r2 remains
      await t.http().post(`/api/users/${w.r2.id}/deactivate`).set(as(w.admin)).send({}).expect(200);
      // r2's own report moved up to the manager, who therefore stays a manager.
      expect((await reload(w.grand.id)).managerId).toBe(w.manager.id);
      await t.http().patch(`/api/users/${w.grand.id}`).set(as(w.admin)).send({ managerId: w.boss.id }).expect(200);
      expect((await reload(w.manager.id)).roles).toEqual(['employee']);

      const back = await t.http().post(`/api/users/${w.r1.id}/reactivate`).set(as(w.admin)).expect(200);
      expect(back.body).toMatchObject({ active: true, deactivatedAt: null, managerId: w.manager.id });
      expect((await reload(w.manager.id)).roles).toEqual(['employee', 'manager']);
      await t.http().post(`/api/users/${w.r1.id}/reactivate`).set(as(w.admin)).expect(409);
      await t.http().post(`/api/users/${w.stranger.id}/reactivate`).set(as(w.admin)).expect(404);
      await t.http().post(`/api/users/${w.r2.id}/reactivate`).set(as(w.hr)).expect(403);
      expect(await auditRows(w.org.id, 'user.reactivated', w.r1.id)).toHaveLength(1);

      await t.http().post(`/api/users/${w.manager.id}/deactivate`).set(as(w.admin)).send({}).expect(200);
      // r2 was inactive, yet handed over too: nobody points at a manager who is gone.
      expect((await reload(w.r2.id)).managerId).toBe(w.boss.id);
    });

    it('a reactivated user whose manager left meanwhile comes back without a manager', async () => {
      const w = await world();
      const left = await w.user({ active: false });
      const returning = await w.user({ active: false, managerId: left.id });
      const back = await t.http().post(`/api/users/${returning.id}/reactivate`).set(as(w.admin)).expect(200);
      expect(back.body.managerId).toBeNull();
      const [entry] = await auditRows(w.org.id, 'user.manager_changed', returning.id);
      expect(entry!.data).toEqual({ from: left.id, to: null, reason: 'manager_inactive' });
    });
  });

  describe('POST /api/users/:id/reset-link', () => {
    it('gives a reset link for a user with a password and an invitation link for one without', async () => {
      const w = await world();
      const reset = await t.http().post(`/api/users/${w.employee.id}/reset-link`).set(as(w.admin)).expect(201);
      expect(reset.body.url).toMatch(/\/reset-password\?token=/);
      const invitee = await w.user({ withPassword: false });
      const invite = await t.http().post(`/api/users/${invitee.id}/reset-link`).set(as(w.admin)).expect(201);
      expect(invite.body.url).toMatch(/\/welcome\?token=/);
      const [entry] = await auditRows(w.org.id, 'user.reset_link_issued', invitee.id);
      expect(entry!.data).toEqual({ purpose: 'invite' });
    });

    it('404 for another organisation, 403 for HR, 409 for a deactivated user', async () => {
      const w = await world();
      await t.http().post(`/api/users/${w.stranger.id}/reset-link`).set(as(w.admin)).expect(404);
      await t.http().post(`/api/users/${w.employee.id}/reset-link`).set(as(w.hr)).expect(403);
      const gone = await w.user({ active: false });
      await t.http().post(`/api/users/${gone.id}/reset-link`).set(as(w.admin)).expect(409);
    });
  });

  it('documents every users route in OpenAPI', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/users',
        '/api/users/{id}',
        '/api/users/{id}/deactivate',
        '/api/users/{id}/reactivate',
        '/api/users/{id}/reset-link',
        '/api/users/import',
      ]),
    );
    expect(res.body.paths['/api/users/import'].post.requestBody.content['text/csv']).toBeDefined();
  });
});
