import type { Response } from 'supertest';
import { createTestApp, type TestApp } from './support/test-app.js';
import { createOrganization, createUser, TEST_PASSWORD, uniqueEmail } from './support/factories.js';
import { OneTimeTokenService } from '../src/auth/one-time-token.service.js';
import type { User } from '../src/users/user.entity.js';

// Password reset and invitation links, end to end.

const NEW_PASSWORD = 'a-brand-new-passphrase';

const refreshCookie = (res: Response) =>
  ([] as string[])
    .concat(res.headers['set-cookie'] ?? [])
    .find((l) => l.startsWith('freiraum_refresh='))
    ?.split(';')[0];

describe('auth: reset and invitation links', () => {
  let t: TestApp;
  let orgId: string;

  beforeAll(async () => {
    t = await createTestApp();
    orgId = (await createOrganization(t)).org.id;
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.reset());

  const emailsTo = (
    to: string,
  ): Promise<{ subject: string; body_text: string; user_id: string; organization_id: string }[]> =>
    t.ds.query(
      `SELECT subject, body_text, user_id, organization_id FROM outbound_emails WHERE to_address = $1 ORDER BY created_at`,
      [to],
    );
  const auditRows = (
    action: string,
    userId: string,
  ): Promise<{ actor_id: string; target_id: string; data: object }[]> =>
    t.ds.query(`SELECT actor_id, target_id, data FROM audit_log WHERE action = $1 AND target_id = $2`, [
      action,
      userId,
    ]);
  const requestReset = (email: string) => t.http().post('/api/auth/password-reset').send({ email });
  const tokenFromMail = (text: string) => /reset-password\?token=([\w-]+)/.exec(text)![1]!;
  const issueInvite = (user: User) =>
    t.ds.transaction((em) =>
      t.app
        .get(OneTimeTokenService)
        .issue(em, { userId: user.id, organizationId: user.organizationId, purpose: 'invite' }),
    );

  describe('password reset', () => {
    it('e-mails a one-time link in German and English, and setting the password with it signs in', async () => {
      const user = await createUser(t, { organizationId: orgId, firstName: 'Jana' });
      const oldSession = await t
        .http()
        .post('/api/auth/login')
        .send({ email: user.email, password: TEST_PASSWORD })
        .expect(200);

      const res = await requestReset(user.email.toUpperCase()).expect(202);
      expect(res.body).toEqual({ ok: true });

      const mails = await emailsTo(user.email);
      expect(mails).toHaveLength(1);
      expect(mails[0]).toMatchObject({ user_id: user.id, organization_id: orgId });
      expect(mails[0]!.subject).toMatch(/Passwort.*Reset/);
      expect(mails[0]!.body_text).toMatch(/Hallo Jana/);
      expect(mails[0]!.body_text).toMatch(/Hello Jana/);
      expect(mails[0]!.body_text).toContain('http://freiraum.test/reset-password?token=');
      const token = tokenFromMail(mails[0]!.body_text);

      const info = await t.http().get(`/api/auth/tokens/${token}`).expect(200);
      expect(info.body).toEqual({
        purpose: 'reset',
        email: user.email,
        firstName: 'Jana',
        expiresAt: expect.any(String),
      });
      expect(new Date(info.body.expiresAt).getTime()).toBeGreaterThan(Date.now());

      const set = await t.http().post('/api/auth/password/set').send({ token, newPassword: NEW_PASSWORD }).expect(200);
      expect(set.body.user.id).toBe(user.id);
      expect(refreshCookie(set)).toBeDefined();
      await t.http().get('/api/me').set('Authorization', `Bearer ${set.body.accessToken}`).expect(200);

      // The new password works, the old one does not, and sessions from before the reset are gone.
      await t.http().post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(401);
      await t.http().post('/api/auth/login').send({ email: user.email, password: NEW_PASSWORD }).expect(200);
      await t.http().post('/api/auth/refresh').set('Cookie', refreshCookie(oldSession)!).expect(401);
      await t.http().post('/api/auth/refresh').set('Cookie', refreshCookie(set)!).expect(200);

      expect(await auditRows('user.password_reset', user.id)).toEqual([
        { actor_id: user.id, target_id: user.id, data: {} },
      ]);

      // Single use.
      const again = await t
        .http()
        .post('/api/auth/password/set')
        .send({ token, newPassword: 'yet-another-passphrase' })
        .expect(400);
      expect(again.body.message).toMatch(/already been used/);
      const gone = await t.http().get(`/api/auth/tokens/${token}`).expect(404);
      expect(gone.body.message).toMatch(/already been used/);
    });

    it('answers 202 for unknown and inactive accounts without sending anything', async () => {
      const unknown = uniqueEmail('unknown');
      const inactive = await createUser(t, { organizationId: orgId, active: false });
      expect((await requestReset(unknown).expect(202)).body).toEqual({ ok: true });
      expect((await requestReset(inactive.email).expect(202)).body).toEqual({ ok: true });
      expect(await emailsTo(unknown)).toHaveLength(0);
      expect(await emailsTo(inactive.email)).toHaveLength(0);
    });

    it('validates the request body', async () => {
      const res = await t.http().post('/api/auth/password-reset').send({ email: 'nope', extra: 1 }).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['email', 'extra']);
    });

    it('sends at most 3 reset e-mails per quarter hour, and the newest link voids the older ones', async () => {
      const user = await createUser(t, { organizationId: orgId });
      for (let i = 0; i < 5; i++) await requestReset(user.email).expect(202);
      const mails = await emailsTo(user.email);
      expect(mails).toHaveLength(3);
      const [first, , last] = mails.map((m) => tokenFromMail(m.body_text));
      await t.http().get(`/api/auth/tokens/${first}`).expect(404);
      await t.http().get(`/api/auth/tokens/${last}`).expect(200);

      t.clock.advance(15 * 60_000);
      await requestReset(user.email).expect(202);
      expect(await emailsTo(user.email)).toHaveLength(4);
    });

    it('refuses an expired link with a clear message', async () => {
      const user = await createUser(t, { organizationId: orgId });
      await requestReset(user.email).expect(202);
      const token = tokenFromMail((await emailsTo(user.email))[0]!.body_text);
      t.clock.advance(2 * 3600_000 + 1000);
      const info = await t.http().get(`/api/auth/tokens/${token}`).expect(404);
      expect(info.body.message).toMatch(/expired/);
      const set = await t.http().post('/api/auth/password/set').send({ token, newPassword: NEW_PASSWORD }).expect(400);
      expect(set.body.message).toMatch(/expired/);
      await t.http().post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(200);
    });

    it('refuses unknown tokens and a too-short new password', async () => {
      const unknown = 'x'.repeat(43);
      const info = await t.http().get(`/api/auth/tokens/${unknown}`).expect(404);
      expect(info.body.message).toMatch(/not valid/);
      await t.http().post('/api/auth/password/set').send({ token: unknown, newPassword: NEW_PASSWORD }).expect(404);

      const user = await createUser(t, { organizationId: orgId });
      await requestReset(user.email).expect(202);
      const token = tokenFromMail((await emailsTo(user.email))[0]!.body_text);
      const short = await t.http().post('/api/auth/password/set').send({ token, newPassword: 'short-pw' }).expect(400);
      expect(short.body.details).toEqual([{ field: 'newPassword', message: 'must be at least 12 characters' }]);
      // A rejected attempt does not use the link up.
      await t.http().get(`/api/auth/tokens/${token}`).expect(200);
    });

    it('lets the owner of the mailbox in even while failed guesses throttle the account', async () => {
      const user = await createUser(t, { organizationId: orgId });
      for (let i = 0; i < 5; i++)
        await t.http().post('/api/auth/login').send({ email: user.email, password: 'wrong-password-1' });
      await t.http().post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(429);
      await requestReset(user.email).expect(202);
      const token = tokenFromMail((await emailsTo(user.email))[0]!.body_text);
      await t.http().post('/api/auth/password/set').send({ token, newPassword: NEW_PASSWORD }).expect(200);
      await t.http().post('/api/auth/login').send({ email: user.email, password: NEW_PASSWORD }).expect(200);
    });
  });

  describe('invitation', () => {
    it('an invited user without a password sets one through the link and is signed in', async () => {
      const user = await createUser(t, { organizationId: orgId, withPassword: false, firstName: 'Ole' });
      const link = await issueInvite(user);
      expect(link.url).toBe(`http://freiraum.test/welcome?token=${link.token}`);

      const info = await t.http().get(`/api/auth/tokens/${link.token}`).expect(200);
      expect(info.body).toMatchObject({ purpose: 'invite', email: user.email, firstName: 'Ole' });

      const set = await t
        .http()
        .post('/api/auth/password/set')
        .send({ token: link.token, newPassword: NEW_PASSWORD })
        .expect(200);
      expect(set.body.user).toMatchObject({ id: user.id, email: user.email });
      expect(refreshCookie(set)).toBeDefined();
      expect(await auditRows('user.invitation_accepted', user.id)).toEqual([
        { actor_id: user.id, target_id: user.id, data: {} },
      ]);
      await t.http().post('/api/auth/login').send({ email: user.email, password: NEW_PASSWORD }).expect(200);
    });

    it('two submissions of the same link: only one wins', async () => {
      const user = await createUser(t, { organizationId: orgId, withPassword: false });
      const { token } = await issueInvite(user);
      const results = await Promise.all([
        t.http().post('/api/auth/password/set').send({ token, newPassword: 'first-passphrase-1' }),
        t.http().post('/api/auth/password/set').send({ token, newPassword: 'second-passphrase-2' }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
    });

    it("a deactivated user's invitation no longer works", async () => {
      const user = await createUser(t, { organizationId: orgId, withPassword: false, active: false });
      const { token } = await issueInvite(user);
      await t.http().get(`/api/auth/tokens/${token}`).expect(404);
      await t.http().post('/api/auth/password/set').send({ token, newPassword: NEW_PASSWORD }).expect(404);
    });
  });
});
