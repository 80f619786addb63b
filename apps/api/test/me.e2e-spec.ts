import type { Response } from 'supertest';
import { createTestApp, type TestApp } from './support/test-app.js';
import { bearer, createOrganization, createUser, TEST_PASSWORD } from './support/factories.js';

const refreshCookie = (res: Response) =>
  ([] as string[])
    .concat(res.headers['set-cookie'] ?? [])
    .find((l) => l.startsWith('freiraum_refresh='))
    ?.split(';')[0];

describe('me: profile, password change, privacy', () => {
  let t: TestApp;
  let orgId: string;

  beforeAll(async () => {
    t = await createTestApp();
    orgId = (
      await createOrganization(t, {
        name: 'Beispiel AG',
        defaultLanguage: 'de',
        privacyThreshold: 7,
        hrSeesIndividuals: true,
      })
    ).org.id;
  });
  afterAll(() => t.close());

  const login = (email: string, password = TEST_PASSWORD) => t.http().post('/api/auth/login').send({ email, password });

  describe('GET /api/me', () => {
    it('describes the signed-in user with organisation, track, department, manager and direct reports', async () => {
      const { org, tracks, department } = await createOrganization(t, { name: 'Zweite GmbH', defaultLanguage: 'en' });
      const boss = await createUser(t, {
        organizationId: org.id,
        firstName: 'Bea',
        lastName: 'Boss',
        roles: ['manager', 'employee'],
      });
      const me = await createUser(t, {
        organizationId: org.id,
        managerId: boss.id,
        trackId: tracks.find((tr) => tr.slug === 'translation')!.id,
        departmentId: department.id,
      });

      const res = await t.http().get('/api/me').set('Authorization', bearer(t, me)).expect(200);
      expect(res.body).toEqual({
        id: me.id,
        organizationId: org.id,
        organizationName: 'Zweite GmbH',
        email: me.email,
        firstName: 'Erika',
        lastName: 'Mustermann',
        roles: ['employee'],
        trackSlug: 'translation',
        departmentName: 'Vertrieb',
        managerId: boss.id,
        managerName: 'Bea Boss',
        language: null,
        organizationLanguage: 'en',
        hasDirectReports: false,
      });

      const bossView = await t.http().get('/api/me').set('Authorization', bearer(t, boss)).expect(200);
      expect(bossView.body).toMatchObject({
        hasDirectReports: true,
        managerId: null,
        managerName: null,
        trackSlug: null,
        departmentName: null,
      });
    });

    it('does not count deactivated people as direct reports', async () => {
      const boss = await createUser(t, { organizationId: orgId, roles: ['manager'] });
      await createUser(t, { organizationId: orgId, managerId: boss.id, active: false });
      const res = await t.http().get('/api/me').set('Authorization', bearer(t, boss)).expect(200);
      expect(res.body.hasDirectReports).toBe(false);
    });
  });

  describe('PATCH /api/me', () => {
    it('sets and clears the preferred language', async () => {
      const user = await createUser(t, { organizationId: orgId });
      const auth = bearer(t, user);
      expect(
        (await t.http().patch('/api/me').set('Authorization', auth).send({ language: 'en' }).expect(200)).body.language,
      ).toBe('en');
      expect((await t.http().get('/api/me').set('Authorization', auth).expect(200)).body.language).toBe('en');
      // An empty patch changes nothing.
      expect((await t.http().patch('/api/me').set('Authorization', auth).send({}).expect(200)).body.language).toBe(
        'en',
      );
      const cleared = await t.http().patch('/api/me').set('Authorization', auth).send({ language: null }).expect(200);
      expect(cleared.body).toMatchObject({ language: null, organizationLanguage: 'de' });
    });

    it('rejects an unknown language and fields that are not allowed', async () => {
      const user = await createUser(t, { organizationId: orgId });
      const auth = bearer(t, user);
      const bad = await t.http().patch('/api/me').set('Authorization', auth).send({ language: 'fr' }).expect(400);
      expect(bad.body.details).toEqual([expect.objectContaining({ field: 'language' })]);
      const extra = await t
        .http()
        .patch('/api/me')
        .set('Authorization', auth)
        .send({ roles: ['admin'] })
        .expect(400);
      expect(extra.body.details).toEqual([{ field: 'roles', message: 'is not an allowed field' }]);
      expect((await t.http().get('/api/me').set('Authorization', auth)).body.roles).toEqual(['employee']);
    });

    it('needs a signed-in user', async () => {
      await t.http().patch('/api/me').send({ language: 'en' }).expect(401);
    });
  });

  describe('POST /api/me/password', () => {
    const change = (auth: string, body: object) =>
      t.http().post('/api/me/password').set('Authorization', auth).send(body);

    it('refuses a wrong current password, naming the field', async () => {
      const user = await createUser(t, { organizationId: orgId });
      const res = await change(bearer(t, user), {
        currentPassword: 'not-my-password',
        newPassword: 'a-new-passphrase-1',
      }).expect(400);
      expect(res.body.details).toEqual([{ field: 'currentPassword', message: 'is not your current password' }]);
      await login(user.email).expect(200);
    });

    it('refuses a new password shorter than 12 characters, or equal to the current one', async () => {
      const user = await createUser(t, { organizationId: orgId });
      const short = await change(bearer(t, user), {
        currentPassword: TEST_PASSWORD,
        newPassword: 'elevenchars',
      }).expect(400);
      expect(short.body.details).toEqual([{ field: 'newPassword', message: 'must be at least 12 characters' }]);
      const same = await change(bearer(t, user), { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }).expect(
        400,
      );
      expect(same.body.details).toEqual([{ field: 'newPassword', message: 'must differ from the current password' }]);
      const missing = await change(bearer(t, user), { newPassword: 'a-new-passphrase-1' }).expect(400);
      expect(missing.body.details).toEqual([expect.objectContaining({ field: 'currentPassword' })]);
    });

    it('changes the password, signs out other sessions, keeps this browser signed in and writes an audit row', async () => {
      const user = await createUser(t, { organizationId: orgId });
      const otherDevice = await login(user.email).expect(200);
      const thisBrowser = await login(user.email).expect(200);

      const res = await change(`Bearer ${thisBrowser.body.accessToken}`, {
        currentPassword: TEST_PASSWORD,
        newPassword: 'a-new-passphrase-1',
      }).expect(204);
      const renewed = refreshCookie(res);
      expect(renewed).toBeDefined();

      await t.http().post('/api/auth/refresh').set('Cookie', refreshCookie(otherDevice)!).expect(401);
      await t.http().post('/api/auth/refresh').set('Cookie', refreshCookie(thisBrowser)!).expect(401);
      await t.http().post('/api/auth/refresh').set('Cookie', renewed!).expect(200);

      await login(user.email).expect(401);
      await login(user.email, 'a-new-passphrase-1').expect(200);

      const audit = await t.ds.query(
        `SELECT actor_id, target_type, target_id FROM audit_log WHERE action = 'user.password_changed'`,
      );
      expect(audit).toEqual([{ actor_id: user.id, target_type: 'user', target_id: user.id }]);
    });

    it('counts wrong current passwords against the account like failed sign-ins', async () => {
      const user = await createUser(t, { organizationId: orgId });
      for (let i = 0; i < 5; i++) {
        await change(bearer(t, user), { currentPassword: `guess-${i}`, newPassword: 'a-new-passphrase-1' }).expect(400);
      }
      const res = await change(bearer(t, user), {
        currentPassword: TEST_PASSWORD,
        newPassword: 'a-new-passphrase-1',
      }).expect(429);
      expect(res.headers['retry-after']).toBeDefined();
    });

    it('needs a signed-in user', async () => {
      await t
        .http()
        .post('/api/me/password')
        .send({ currentPassword: TEST_PASSWORD, newPassword: 'a-new-passphrase-1' })
        .expect(401);
    });
  });

  describe('GET /api/me/privacy', () => {
    it("lists what is stored and who sees it, with the organisation's privacy settings", async () => {
      const user = await createUser(t, { organizationId: orgId });
      const res = await t.http().get('/api/me/privacy').set('Authorization', bearer(t, user)).expect(200);
      expect(res.body.settings).toEqual({
        privacyThreshold: 7,
        hrSeesIndividuals: true,
        managersSeeLastActivity: false,
      });
      const byKey = Object.fromEntries(res.body.categories.map((c: { key: string }) => [c.key, c]));
      expect(Object.keys(byKey)).toEqual([
        'profile',
        'rolesAndReportingLine',
        'signIn',
        'notifications',
        'learningProgress',
        'freiraumTime',
        'experimentJournal',
        'activity',
        'auditEntries',
      ]);
      expect(byKey.profile.visibleTo).toEqual(['self', 'manager', 'hr', 'admin']);
      expect(byKey.signIn).toEqual({ key: 'signIn', fields: expect.arrayContaining(['passwordHash']), visibleTo: [] });
      expect(byKey.auditEntries.visibleTo).toEqual(['admin']);
    });

    it('reads the settings of the caller\u2019s own organisation', async () => {
      const { org } = await createOrganization(t, { privacyThreshold: 5 });
      const stranger = await createUser(t, { organizationId: org.id });
      const res = await t.http().get('/api/me/privacy').set('Authorization', bearer(t, stranger)).expect(200);
      expect(res.body.settings).toEqual({
        privacyThreshold: 5,
        hrSeesIndividuals: false,
        managersSeeLastActivity: false,
      });
    });

    it('needs a signed-in user', async () => {
      await t.http().get('/api/me/privacy').expect(401);
    });
  });
});
