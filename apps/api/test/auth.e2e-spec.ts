import { createHmac } from 'node:crypto';
import type { Response } from 'supertest';
import { createTestApp, type TestApp } from './support/test-app.js';
import { bearer, createOrganization, createUser, TEST_PASSWORD, uniqueEmail } from './support/factories.js';
import { User } from '../src/users/user.entity.js';

const COOKIE = 'freiraum_refresh';
const GENERIC = 'E-mail or password is wrong';

/** The raw Set-Cookie line of the refresh cookie, if the response set one. */
function refreshCookieLine(res: Response): string | undefined {
  const lines = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  return lines.find((l) => l.startsWith(`${COOKIE}=`));
}
function refreshCookie(res: Response): string {
  const line = refreshCookieLine(res);
  if (!line) throw new Error('no refresh cookie set');
  return line.split(';')[0]!;
}

const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
function handMadeJwt(alg: string, payload: object, secret: string): string {
  const head = `${b64({ alg, typ: 'JWT' })}.${b64(payload)}`;
  if (alg === 'none') return `${head}.`;
  const digest = alg === 'HS512' ? 'sha512' : 'sha256';
  return `${head}.${createHmac(digest, secret).update(head).digest('base64url')}`;
}

describe('auth: sign-in, sessions, throttling', () => {
  let t: TestApp;
  let orgId: string;
  let trackId: string;
  let departmentId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const { org, tracks, department } = await createOrganization(t, { name: 'Muster GmbH', defaultLanguage: 'en' });
    orgId = org.id;
    trackId = tracks.find((tr) => tr.slug === 'sales')!.id;
    departmentId = department.id;
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.reset());

  const login = (email: string, password = TEST_PASSWORD, ip?: string) => {
    const req = t.http().post('/api/auth/login');
    if (ip) void req.set('X-Forwarded-For', ip);
    return req.send({ email, password });
  };

  describe('login', () => {
    it('signs in with the right password: access token, current user and a strict HttpOnly refresh cookie', async () => {
      const manager = await createUser(t, {
        organizationId: orgId,
        roles: ['manager', 'employee'],
        trackId,
        departmentId,
      });
      await createUser(t, { organizationId: orgId, managerId: manager.id });

      const res = await login(manager.email.toUpperCase()).expect(200);

      expect(res.body).toEqual({
        accessToken: expect.any(String),
        expiresIn: 900,
        user: expect.objectContaining({
          id: manager.id,
          organizationId: orgId,
          organizationName: 'Muster GmbH',
          email: manager.email,
          roles: ['manager', 'employee'],
          trackSlug: 'sales',
          departmentName: 'Vertrieb',
          managerId: null,
          language: null,
          organizationLanguage: 'en',
          hasDirectReports: true,
        }),
      });
      expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|\$argon2/);
      const line = refreshCookieLine(res)!;
      expect(line).toMatch(/HttpOnly/i);
      expect(line).toMatch(/SameSite=Strict/i);
      expect(line).toMatch(/Path=\/api\/auth(;|$)/);
      expect(line).toMatch(new RegExp(`Max-Age=${14 * 86400}`));
      expect(line).not.toMatch(/Secure/i); // appUrl is http in tests; see the https case below
      expect(refreshCookie(res)).toMatch(/^freiraum_refresh=[\w-]{43}$/);

      const payload = JSON.parse(Buffer.from(res.body.accessToken.split('.')[1], 'base64url').toString());
      expect(payload).toMatchObject({ sub: manager.id, org: orgId });
      expect(JSON.parse(Buffer.from(res.body.accessToken.split('.')[0], 'base64url').toString()).alg).toBe('HS256');
      expect(payload.exp - payload.iat).toBe(900);

      const me = await t.http().get('/api/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
      expect(me.body.id).toBe(manager.id);
    });

    it('answers a wrong password, an unknown e-mail, an inactive and a password-less account identically', async () => {
      const user = await createUser(t, { organizationId: orgId });
      const inactive = await createUser(t, { organizationId: orgId, active: false });
      const invited = await createUser(t, { organizationId: orgId, withPassword: false });

      const answers = [
        await login(user.email, 'wrong-password-123'),
        await login(uniqueEmail('nobody'), TEST_PASSWORD),
        await login(inactive.email, TEST_PASSWORD),
        await login(invited.email, TEST_PASSWORD),
      ];
      for (const res of answers) {
        expect(res.status).toBe(401);
        expect(res.body).toEqual({
          statusCode: 401,
          error: 'Unauthorized',
          code: 'invalid_credentials',
          message: GENERIC,
          requestId: expect.any(String),
        });
        expect(refreshCookieLine(res)).toBeUndefined();
      }
    });

    it.each([
      // The shared e-mail schema words a missing address like an invalid one; the field is named either way.
      [{ password: TEST_PASSWORD }, 'email', /required|valid e-mail/],
      [{ email: 'someone@test.example' }, 'password', /required/],
      [{ email: 'not-an-email', password: TEST_PASSWORD }, 'email', /valid e-mail/],
      [{ email: 'a@test.example', password: '' }, 'password', /required/],
      [{ email: 'a@test.example', password: TEST_PASSWORD, remember: true }, 'remember', /not an allowed field/],
    ])('rejects an invalid body %j naming the field', async (body, field, message) => {
      const res = await t.http().post('/api/auth/login').send(body).expect(400);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.details).toEqual(expect.arrayContaining([{ field, message: expect.stringMatching(message) }]));
    });

    it('rejects an empty body and malformed JSON with 400, never 500', async () => {
      const empty = await t.http().post('/api/auth/login').expect(400);
      expect(empty.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['email', 'password']);
      await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send('{"email":').expect(400);
    });
  });

  describe('deactivation', () => {
    it("stops a deactivated user's existing access token at once and refuses a new sign-in", async () => {
      const user = await createUser(t, { organizationId: orgId });
      const res = await login(user.email).expect(200);
      const auth = `Bearer ${res.body.accessToken}`;
      await t.http().get('/api/me').set('Authorization', auth).expect(200);

      await t.ds.getRepository(User).update(user.id, { active: false, deactivatedAt: new Date() });

      const me = await t.http().get('/api/me').set('Authorization', auth).expect(401);
      expect(me.body.code).toBe('unauthenticated');
      await t.http().post('/api/auth/refresh').set('Cookie', refreshCookie(res)).expect(401);
      expect((await login(user.email)).body.message).toBe(GENERIC);
    });
  });

  describe('access tokens', () => {
    let user: User;
    const secret = 'test-secret-test-secret-test-secret-0123456789';
    beforeAll(async () => {
      user = await createUser(t, { organizationId: orgId });
    });
    const now = () => Math.floor(Date.now() / 1000);
    const claims = () => ({ sub: user.id, org: orgId, iat: now(), exp: now() + 600 });

    it('accepts a correctly signed HS256 token (control)', async () => {
      await t
        .http()
        .get('/api/me')
        .set('Authorization', `Bearer ${handMadeJwt('HS256', claims(), secret)}`)
        .expect(200);
    });

    it.each([
      ['alg none', () => handMadeJwt('none', claims(), secret)],
      ['HS512 with the right secret', () => handMadeJwt('HS512', claims(), secret)],
      ['HS256 with another secret', () => handMadeJwt('HS256', claims(), 'another-secret-another-secret-another')],
      ['an expired token', () => handMadeJwt('HS256', { ...claims(), iat: now() - 1000, exp: now() - 10 }, secret)],
      ['a token whose org does not match the user', () => handMadeJwt('HS256', { ...claims(), org: user.id }, secret)],
      ['garbage', () => 'not.a.token'],
    ])('rejects %s', async (_name, make) => {
      const res = await t.http().get('/api/me').set('Authorization', `Bearer ${make()}`).expect(401);
      expect(res.body.code).toBe('unauthenticated');
    });

    it('rejects a request without a token', async () => {
      await t.http().get('/api/me').expect(401);
    });
  });

  describe('throttling failed sign-ins', () => {
    it('refuses the account with 429 and Retry-After after 5 failures, even with the right password, until the window ends', async () => {
      const user = await createUser(t, { organizationId: orgId });
      t.clock.set(new Date('2026-03-02T09:00:00Z'));
      for (let i = 0; i < 5; i++) await login(user.email, `wrong-password-${i}`).expect(401);

      t.clock.advance(60_000);
      const blocked = await login(user.email).expect(429);
      expect(blocked.headers['retry-after']).toBe(String(14 * 60));
      expect(blocked.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests', code: 'too_many_requests' });
      expect(blocked.body.message).toMatch(/try again in 14 minutes/i);
      expect(refreshCookieLine(blocked)).toBeUndefined();

      // Another account behind the same address is not affected.
      const colleague = await createUser(t, { organizationId: orgId });
      await login(colleague.email).expect(200);

      t.clock.set(new Date('2026-03-02T09:15:00Z'));
      await login(user.email).expect(200);
    });

    it('counts unknown e-mails the same way, so a 429 reveals nothing', async () => {
      const email = uniqueEmail('ghost');
      for (let i = 0; i < 5; i++) await login(email).expect(401);
      await login(email).expect(429);
    });

    it('resets the account counter after a successful sign-in', async () => {
      const user = await createUser(t, { organizationId: orgId });
      for (let i = 0; i < 4; i++) await login(user.email, 'wrong-password-x').expect(401);
      await login(user.email).expect(200);
      for (let i = 0; i < 5; i++) await login(user.email, 'wrong-password-y').expect(401);
      await login(user.email).expect(429);
    });

    it('limits per IP address generously, across accounts', async () => {
      const ip = '203.0.113.9';
      await t.ds.query(`INSERT INTO login_throttle (key, failures, window_started_at) VALUES ($1, 99, $2)`, [
        `ip:${ip}`,
        t.clock.now(),
      ]);
      const user = await createUser(t, { organizationId: orgId });
      await login(uniqueEmail('guess'), 'wrong-password-1', ip).expect(401); // the 100th failure
      const res = await login(user.email, TEST_PASSWORD, ip).expect(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      // The same account from another address is fine.
      await login(user.email, TEST_PASSWORD, '198.51.100.4').expect(200);
    });
  });

  describe('refresh tokens', () => {
    it('rotates the refresh token and detects reuse of an old one by revoking the whole family', async () => {
      const user = await createUser(t, { organizationId: orgId });
      const first = await login(user.email).expect(200);
      const cookieA = refreshCookie(first);

      const second = await t.http().post('/api/auth/refresh').set('Cookie', cookieA).expect(200);
      const cookieB = refreshCookie(second);
      expect(cookieB).not.toBe(cookieA);
      expect(refreshCookieLine(second)).toMatch(/HttpOnly/i);
      expect(refreshCookieLine(second)).toMatch(/SameSite=Strict/i);
      expect(second.body.user.id).toBe(user.id);
      await t.http().get('/api/me').set('Authorization', `Bearer ${second.body.accessToken}`).expect(200);

      const third = await t.http().post('/api/auth/refresh').set('Cookie', cookieB).expect(200);
      const cookieC = refreshCookie(third);

      // cookieA was already used: someone copied it. The family dies, including the newest token.
      const reuse = await t.http().post('/api/auth/refresh').set('Cookie', cookieA).expect(401);
      expect(reuse.body.code).toBe('unauthenticated');
      await t.http().post('/api/auth/refresh').set('Cookie', cookieC).expect(401);

      // A separate sign-in (another family) is untouched.
      const other = await login(user.email).expect(200);
      await t.http().post('/api/auth/refresh').set('Cookie', refreshCookie(other)).expect(200);
    });

    it('lets only one of two concurrent refreshes with the same token succeed', async () => {
      const user = await createUser(t, { organizationId: orgId });
      const cookie = refreshCookie(await login(user.email).expect(200));
      const results = await Promise.all([
        t.http().post('/api/auth/refresh').set('Cookie', cookie),
        t.http().post('/api/auth/refresh').set('Cookie', cookie),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
      const rows: { used: number; revoked: number }[] = await t.ds.query(
        `SELECT count(used_at)::int AS used, count(revoked_at)::int AS revoked FROM refresh_tokens WHERE user_id = $1`,
        [user.id],
      );
      expect(rows[0]).toEqual({ used: 1, revoked: 2 });
    });

    it('refuses a missing, unknown or expired refresh token', async () => {
      await t.http().post('/api/auth/refresh').expect(401);
      await t
        .http()
        .post('/api/auth/refresh')
        .set('Cookie', `${COOKIE}=${'x'.repeat(43)}`)
        .expect(401);
      const user = await createUser(t, { organizationId: orgId });
      const cookie = refreshCookie(await login(user.email).expect(200));
      t.clock.advance(14 * 86_400_000 + 1000);
      await t.http().post('/api/auth/refresh').set('Cookie', cookie).expect(401);
    });

    it('stores only a hash of the refresh token', async () => {
      const user = await createUser(t, { organizationId: orgId });
      const token = refreshCookie(await login(user.email).expect(200)).split('=')[1]!;
      const rows: { token_hash: string }[] = await t.ds.query(
        `SELECT token_hash FROM refresh_tokens WHERE user_id = $1`,
        [user.id],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(rows[0]!.token_hash).not.toContain(token);
    });
  });

  describe('logout', () => {
    it('revokes the session and clears the cookie', async () => {
      const user = await createUser(t, { organizationId: orgId });
      const res = await login(user.email).expect(200);
      const cookie = refreshCookie(res);
      const out = await t.http().post('/api/auth/logout').set('Cookie', cookie).expect(204);
      const cleared = refreshCookieLine(out)!;
      expect(cleared).toMatch(/^freiraum_refresh=;/);
      expect(cleared).toMatch(/Path=\/api\/auth/);
      expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/);
      await t.http().post('/api/auth/refresh').set('Cookie', cookie).expect(401);
    });

    it('answers 204 without a cookie too', async () => {
      await t.http().post('/api/auth/logout').expect(204);
    });
  });

  it('documents the auth and me routes in OpenAPI', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/auth/refresh',
        '/api/auth/logout',
        '/api/auth/password-reset',
        '/api/auth/tokens/{token}',
        '/api/auth/password/set',
        '/api/me',
        '/api/me/password',
        '/api/me/privacy',
      ]),
    );
    const loginOp = res.body.paths['/api/auth/login'].post;
    expect(loginOp.requestBody.content['application/json'].schema.required).toEqual(['email', 'password']);
    expect(Object.keys(loginOp.responses)).toEqual(expect.arrayContaining(['200', '401', '429']));
  });

  it('bearer() from the factories is accepted (tokens other features use in tests)', async () => {
    const user = await createUser(t, { organizationId: orgId });
    await t.http().get('/api/me').set('Authorization', bearer(t, user)).expect(200);
  });
});

describe('auth over https', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ appUrl: 'https://freiraum.example' });
  });
  afterAll(() => t.close());

  it('marks the refresh cookie Secure when the app is served over https', async () => {
    const { org } = await createOrganization(t);
    const user = await createUser(t, { organizationId: org.id });
    const res = await t.http().post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(200);
    expect(refreshCookieLine(res)).toMatch(/; Secure/);
  });
});
