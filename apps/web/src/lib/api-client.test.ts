import { userListSchema } from '@freiraum/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorBody, on, stubFetch } from '../testing/fetch-stub';
import { buildSession } from '../testing/factories';
import {
  api,
  ApiError,
  apiRequest,
  getAccessToken,
  onSessionChange,
  refreshSession,
  setAccessToken,
} from './api-client';

const emptyList = { items: [], total: 0 };

describe('api client', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the in-memory access token as a bearer header', async () => {
    setAccessToken('abc');
    const { calls } = stubFetch([on.get('/api/users', { body: emptyList })]);
    await api.get('/api/users', userListSchema, { q: 'anna', limit: 25, role: undefined });
    expect(calls[0].headers.authorization).toBe('Bearer abc');
    expect(calls[0].query.get('q')).toBe('anna');
    expect(calls[0].query.get('limit')).toBe('25');
    expect(calls[0].query.has('role')).toBe(false);
  });

  it('on 401 refreshes once through the cookie and retries with the new token', async () => {
    setAccessToken('expired');
    const session = buildSession();
    const { calls } = stubFetch([
      on.get('/api/users', (req) =>
        req.headers.authorization === `Bearer ${session.accessToken}`
          ? { body: emptyList }
          : { status: 401, body: errorBody(401, 'unauthenticated', 'Token expired') },
      ),
      on.post('/api/auth/refresh', { body: session }),
    ]);
    const seen: unknown[] = [];
    const unsubscribe = onSessionChange((s) => seen.push(s?.user.email ?? null));

    await expect(api.get('/api/users', userListSchema)).resolves.toEqual(emptyList);

    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /api/users',
      'POST /api/auth/refresh',
      'GET /api/users',
    ]);
    expect(getAccessToken()).toBe(session.accessToken);
    expect(seen).toEqual([session.user.email]);
    unsubscribe();
  });

  it('shares one refresh between requests that fail at the same time (the refresh token rotates)', async () => {
    setAccessToken('expired');
    const session = buildSession();
    const { callsTo } = stubFetch([
      on.get('/api/users', (req) =>
        req.headers.authorization === `Bearer ${session.accessToken}`
          ? { body: emptyList }
          : { status: 401, body: errorBody(401, 'unauthenticated', 'x') },
      ),
      on.post('/api/auth/refresh', { body: session }),
    ]);
    await Promise.all([
      api.get('/api/users', userListSchema),
      api.get('/api/users', userListSchema),
      api.get('/api/users', userListSchema),
    ]);
    expect(callsTo('POST', '/api/auth/refresh')).toHaveLength(1);
    expect(callsTo('GET', '/api/users')).toHaveLength(6);
  });

  it('gives up after one refresh: a failed refresh ends the session and the 401 surfaces', async () => {
    setAccessToken('expired');
    const { calls } = stubFetch([
      on.get('/api/users', { status: 401, body: errorBody(401, 'unauthenticated', 'Token expired') }),
      on.post('/api/auth/refresh', { status: 401, body: errorBody(401, 'unauthenticated', 'Refresh token reused') }),
    ]);
    const seen: unknown[] = [];
    const unsubscribe = onSessionChange((s) => seen.push(s));

    const error = await api.get('/api/users', userListSchema).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /api/users', 'POST /api/auth/refresh']);
    expect(getAccessToken()).toBeNull();
    expect(seen).toEqual([null]);
    unsubscribe();
  });

  it('does not retry twice when the retried request is refused again', async () => {
    setAccessToken('old');
    const { calls } = stubFetch([
      on.get('/api/users', { status: 401, body: errorBody(401, 'unauthenticated', 'Deactivated') }),
      on.post('/api/auth/refresh', { body: buildSession() }),
    ]);
    await expect(api.get('/api/users', userListSchema)).rejects.toMatchObject({ status: 401 });
    expect(calls).toHaveLength(3);
  });

  it('never refreshes for the sign-in request itself', async () => {
    const { calls } = stubFetch([
      on.post('/api/auth/login', {
        status: 401,
        body: errorBody(401, 'invalid_credentials', 'E-mail or password is wrong'),
      }),
    ]);
    await expect(apiRequest('/api/auth/login', { method: 'POST', body: {}, noRefresh: true })).rejects.toMatchObject({
      status: 401,
      code: 'invalid_credentials',
    });
    expect(calls).toHaveLength(1);
  });

  it('parses the API error body into field errors and reads Retry-After', async () => {
    stubFetch([
      on.post('/api/users', {
        status: 400,
        body: errorBody(400, 'validation_failed', 'Invalid body', [
          { field: 'email', message: 'must be a valid e-mail address' },
          { field: 'roles', message: 'must contain at least one role' },
        ]),
      }),
      on.post('/api/auth/login', {
        status: 429,
        headers: { 'retry-after': '600' },
        body: errorBody(429, 'too_many_requests', 'Slow down'),
      }),
    ]);
    const error = (await api.post('/api/users', {}).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('validation_failed');
    expect(error.fieldErrors()).toEqual({
      email: 'must be a valid e-mail address',
      roles: 'must contain at least one role',
    });

    const throttled = (await apiRequest('/api/auth/login', { method: 'POST', body: {}, noRefresh: true }).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(throttled.status).toBe(429);
    expect(throttled.retryAfterSeconds).toBe(600);
  });

  it('turns a network failure into an ApiError with status 0', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(api.get('/api/users', userListSchema)).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });

  it('sends raw bytes with the given content type (CSV upload)', async () => {
    const { calls } = stubFetch([on.post('/api/users/import', { status: 204 })]);
    const file = new Blob(['email;first_name\n'], { type: 'text/csv' });
    await apiRequest('/api/users/import', {
      method: 'POST',
      body: file,
      contentType: 'text/csv',
      query: { dryRun: 'true' },
    });
    expect(calls[0].headers['content-type']).toBe('text/csv');
    expect(calls[0].body).toBe(file);
    expect(calls[0].query.get('dryRun')).toBe('true');
  });

  it('refreshSession resolves null without a cookie', async () => {
    stubFetch([
      on.post('/api/auth/refresh', { status: 401, body: errorBody(401, 'unauthenticated', 'No refresh token') }),
    ]);
    await expect(refreshSession()).resolves.toBeNull();
  });
});
