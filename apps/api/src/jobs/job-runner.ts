import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Clock } from '../common/time/clock.js';
import { Tx } from '../database/transaction.js';
import { JobLeaseRepository } from './job-lease.repository.js';
import { DEFAULT_LEASE_MS, Scheduled, type ScheduledJob } from './scheduled-job.js';

/** The runner wakes at least this often; each job still runs only when its own interval has passed. */
const MAX_TICK_MS = 15_000;
const MIN_TICK_MS = 1_000;

/**
 * Runs the @Scheduled() jobs inside the app process. Safe with several instances: a job runs only on the
 * instance that wins its row in job_leases, and "due" is judged from the row, not from local memory.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, OnModuleDestroy {
  readonly owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private readonly jobs = new Map<string, ScheduledJob>();
  private readonly log = new Logger('JobRunner');
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;

  constructor(
    private readonly tx: Tx,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly discovery: DiscoveryService,
    private readonly leases: JobLeaseRepository,
  ) {}

  register(job: ScheduledJob): void {
    if (this.jobs.has(job.name)) throw new Error(`Scheduled job "${job.name}" is registered twice`);
    if (!(job.intervalMs > 0)) throw new Error(`Scheduled job "${job.name}" needs a positive intervalMs`);
    this.jobs.set(job.name, job);
  }

  get jobNames(): string[] {
    return [...this.jobs.keys()];
  }

  onApplicationBootstrap(): void {
    for (const wrapper of this.discovery.getProviders({ metadataKey: Scheduled.KEY })) {
      if (wrapper.instance && !this.jobs.has((wrapper.instance as ScheduledJob).name)) {
        this.register(wrapper.instance as ScheduledJob);
      }
    }
    if (!this.config.jobsEnabled || this.jobs.size === 0) return;
    const shortest = Math.min(...[...this.jobs.values()].map((j) => j.intervalMs));
    this.timer = setInterval(() => this.tick(), Math.max(MIN_TICK_MS, Math.min(MAX_TICK_MS, shortest)));
    // The HTTP server keeps the process alive; the timer alone must not.
    this.timer.unref();
    this.tick();
  }

  /** Stops the timer and waits for a running job, before the database connection closes. */
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.inFlight;
  }

  /**
   * Runs every due job (or just `name`) whose lease this instance wins, one after another.
   * Returns the names of the jobs that ran. A failing job does not stop the others; its error is rethrown.
   */
  async runDue(name?: string): Promise<string[]> {
    let jobs = [...this.jobs.values()];
    if (name !== undefined) {
      const job = this.jobs.get(name);
      if (!job) throw new Error(`No scheduled job named "${name}" (known: ${this.jobNames.join(', ') || 'none'})`);
      jobs = [job];
    }
    const ran: string[] = [];
    const errors: unknown[] = [];
    for (const job of jobs) {
      try {
        if (await this.runIfDue(job)) ran.push(job.name);
      } catch (err) {
        ran.push(job.name);
        errors.push(err);
      }
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, `${errors.length} scheduled jobs failed`);
    return ran;
  }

  private async runIfDue(job: ScheduledJob): Promise<boolean> {
    const now = this.clock.now();
    const won = await this.leases.tryAcquire(this.tx.manager, {
      name: job.name,
      owner: this.owner,
      now,
      until: new Date(now.getTime() + (job.leaseMs ?? DEFAULT_LEASE_MS)),
      dueBefore: new Date(now.getTime() - job.intervalMs),
    });
    if (!won) return false;
    try {
      await job.run(now);
    } finally {
      await this.leases.release(this.tx.manager, job.name, this.owner, this.clock.now());
    }
    return true;
  }

  private tick(): void {
    // One pass at a time per instance; a slow job simply delays the next pass.
    if (this.inFlight) return;
    this.inFlight = this.runDue()
      .then(() => undefined)
      .catch((err: unknown) => this.log.error({ msg: 'Scheduled job failed', err }))
      .finally(() => {
        this.inFlight = undefined;
      });
  }
}
