import { Injectable } from '@nestjs/common';
import { Tx } from '../database/transaction.js';
import { Scheduled, type ScheduledJob } from '../jobs/scheduled-job.js';
import { windowStaleBefore } from './login-throttle.policy.js';

/** Counters of windows long past mean nothing any more; without this the table only grows. */
@Injectable()
@Scheduled()
export class LoginThrottleCleanupJob implements ScheduledJob {
  readonly name = 'auth.login-throttle-cleanup';
  readonly intervalMs = 60 * 60_000;

  constructor(private readonly tx: Tx) {}

  async run(now: Date): Promise<void> {
    await this.tx.manager.query(`DELETE FROM login_throttle WHERE window_started_at < $1`, [windowStaleBefore(now)]);
  }
}
