import { DiscoveryService } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../src/config/app-config.js';
import { Tx } from '../src/database/transaction.js';
import { JobLease } from '../src/jobs/job-lease.entity.js';
import { JobLeaseRepository } from '../src/jobs/job-lease.repository.js';
import { JobRunner } from '../src/jobs/job-runner.js';
import type { ScheduledJob } from '../src/jobs/scheduled-job.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** A job whose runs can be held open, to see what a second instance does meanwhile. */
class GatedJob implements ScheduledJob {
  runs: Date[] = [];
  private gate: Promise<void> = Promise.resolve();
  private open: () => void = () => {};
  started: Promise<void> = Promise.resolve();
  private markStarted: () => void = () => {};
  constructor(
    readonly name: string,
    readonly intervalMs = 60_000,
    readonly leaseMs = 5 * 60_000,
  ) {}
  hold(): void {
    this.gate = new Promise((r) => (this.open = r));
    this.started = new Promise((r) => (this.markStarted = r));
  }
  release(): void {
    this.open();
  }
  async run(now: Date): Promise<void> {
    this.runs.push(now);
    this.markStarted();
    await this.gate;
  }
}

describe('job runner', () => {
  let t: TestApp;
  let a: JobRunner;
  let b: JobRunner;
  const lease = (name: string) => t.ds.getRepository(JobLease).findOneBy({ name });

  /** A second app instance on the same database: its own runner, same tables. */
  const secondRunner = () =>
    new JobRunner(
      t.app.get(Tx),
      t.clock,
      t.app.get<AppConfig>(APP_CONFIG),
      t.app.get(DiscoveryService),
      t.app.get(JobLeaseRepository),
    );

  beforeAll(async () => {
    t = await createTestApp();
    a = t.app.get(JobRunner);
    b = secondRunner();
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.set(new Date('2026-03-02T08:00:00Z')));

  it('collects the @Scheduled() providers of every module', () => {
    expect(a.jobNames).toContain('mail-delivery');
  });

  it('while one instance runs a job, the other does not run it', async () => {
    const job = new GatedJob('exclusive');
    a.register(job);
    b.register(job);
    job.hold();
    const runningOnA = a.runDue('exclusive');
    await job.started;
    expect(await lease('exclusive')).toMatchObject({ lockedBy: a.owner });

    expect(await b.runDue('exclusive')).toEqual([]);
    expect(job.runs).toHaveLength(1);

    job.release();
    expect(await runningOnA).toEqual(['exclusive']);
    expect(await lease('exclusive')).toMatchObject({
      lockedBy: null,
      lockedUntil: null,
      lastFinishedAt: t.clock.now(),
    });
  });

  it('runs a job once per interval across instances', async () => {
    const job = new GatedJob('interval', 60_000);
    a.register(job);
    b.register(job);
    expect(await a.runDue('interval')).toEqual(['interval']);
    expect(await b.runDue('interval')).toEqual([]);
    t.clock.advance(59_999);
    expect(await b.runDue('interval')).toEqual([]);
    t.clock.advance(1);
    expect(await b.runDue('interval')).toEqual(['interval']);
    expect(await a.runDue('interval')).toEqual([]);
    expect(job.runs).toEqual([new Date('2026-03-02T08:00:00Z'), new Date('2026-03-02T08:01:00Z')]);
  });

  it('two instances racing for the same due job: exactly one runs it', async () => {
    const job = new GatedJob('race');
    a.register(job);
    b.register(job);
    const results = await Promise.all([a.runDue('race'), b.runDue('race'), a.runDue('race'), b.runDue('race')]);
    expect(results.flat()).toEqual(['race']);
    expect(job.runs).toHaveLength(1);
  });

  it('a lease held by a crashed instance expires', async () => {
    const job = new GatedJob('crash', 60_000, 5 * 60_000);
    b.register(job);
    // The dead instance took the lease at 08:00 and never released it.
    await t.ds.getRepository(JobLease).save({
      name: 'crash',
      lockedBy: 'dead-host:1:cafe',
      lockedUntil: new Date('2026-03-02T08:05:00Z'),
      lastStartedAt: new Date('2026-03-02T08:00:00Z'),
      lastFinishedAt: null,
    });
    t.clock.set(new Date('2026-03-02T08:04:59Z'));
    expect(await b.runDue('crash')).toEqual([]);
    t.clock.set(new Date('2026-03-02T08:05:01Z'));
    expect(await b.runDue('crash')).toEqual(['crash']);
    expect(await lease('crash')).toMatchObject({ lockedBy: null, lastStartedAt: new Date('2026-03-02T08:05:01Z') });
  });

  it('a late finisher whose lease was taken over does not release the new holder’s lease', async () => {
    const job = new GatedJob('slow', 60_000, 60_000);
    a.register(job);
    job.hold();
    const slowOnA = a.runDue('slow');
    await job.started;
    t.clock.advance(2 * 60_000); // A's lease (1 min) ran out while it still works
    // Another instance takes the job over and is still running when A finally finishes.
    const bJob = new GatedJob('slow', 60_000, 60_000);
    bJob.hold();
    const bRunner = secondRunner();
    bRunner.register(bJob);
    const onB = bRunner.runDue('slow');
    await bJob.started;
    job.release();
    await slowOnA;
    expect(await lease('slow')).toMatchObject({ lockedBy: bRunner.owner });
    bJob.release();
    await onB;
    expect(await lease('slow')).toMatchObject({ lockedBy: null });
  });

  it('a failing job releases its lease, does not stop the others, and its error reaches the caller', async () => {
    const failing: ScheduledJob = {
      name: 'failing',
      intervalMs: 60_000,
      run: async () => {
        throw new Error('boom');
      },
    };
    const fine = new GatedJob('fine-after-failing');
    const runner = secondRunner();
    runner.register(failing);
    runner.register(fine);
    await expect(runner.runDue()).rejects.toThrow('boom');
    expect(fine.runs).toHaveLength(1);
    expect(await lease('failing')).toMatchObject({ lockedBy: null, lockedUntil: null });
  });

  it('rejects unknown and duplicate jobs', async () => {
    await expect(a.runDue('no-such-job')).rejects.toThrow(/No scheduled job named "no-such-job"/);
    expect(() => a.register(new GatedJob('mail-delivery'))).toThrow(/registered twice/);
  });

  it('with jobs enabled, the app starts its timer and stops it on shutdown', async () => {
    const app = await createTestApp({ jobsEnabled: true });
    const runner = app.app.get(JobRunner);
    expect((runner as unknown as { timer?: NodeJS.Timeout }).timer).toBeDefined();
    await app.close();
    expect((runner as unknown as { timer?: NodeJS.Timeout }).timer).toBeUndefined();
  });
});
