import { JobRunner } from '../src/jobs/job-runner.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('login throttle cleanup job', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('deletes counters whose window is over and keeps current ones', async () => {
    t.clock.set(new Date('2026-12-01T12:00:00Z'));
    await t.ds.query(
      `INSERT INTO login_throttle (key, failures, window_started_at) VALUES ('account:old@x.test', 3, '2026-12-01T10:00:00Z'), ('account:new@x.test', 2, '2026-12-01T11:55:00Z')`,
    );
    await t.app.get(JobRunner).runDue('auth.login-throttle-cleanup');
    const keys = await t.ds.query(`SELECT key FROM login_throttle ORDER BY key`);
    expect(keys).toEqual([{ key: 'account:new@x.test' }]);
  });
});
