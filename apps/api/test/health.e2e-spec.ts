import { createTestApp, type TestApp } from './support/test-app.js';

describe('health and API conventions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('GET /api/health answers ok when the database answers', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('GET /api/health/live answers without the database', async () => {
    const res = await t.http().get('/api/health/live').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('unknown routes give the JSON error shape with a request id', async () => {
    const res = await t.http().get('/api/nope').set('x-request-id', 'abc-123').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found', requestId: 'abc-123' });
    expect(res.headers['x-request-id']).toBe('abc-123');
  });

  it('sets security headers (helmet)', async () => {
    const res = await t.http().get('/api/health/live');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('serves a complete OpenAPI document', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/health/live']));
  });

  it('the audit log is append-only at the database level', async () => {
    const [org] = await t.ds.query(`INSERT INTO organizations (name) VALUES ('X') RETURNING id`);
    await t.ds.query(
      `INSERT INTO audit_log (organization_id, action, target_type, created_at) VALUES ($1, 'x', 'y', now())`,
      [org.id],
    );
    await expect(t.ds.query(`UPDATE audit_log SET action = 'z'`)).rejects.toThrow(/append-only/);
    await expect(t.ds.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
  });
});
