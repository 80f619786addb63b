import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Scheduled, type ScheduledJob } from '../jobs/scheduled-job.js';
import { IDEMPOTENCY_TTL_MS } from './idempotency.js';

// Keys are only needed for the window in which a client may retry.
@Scheduled()
@Injectable()
export class IdempotencyCleanupJob implements ScheduledJob {
  readonly name = 'idempotency.cleanup';
  readonly intervalMs = 60 * 60 * 1000;

  constructor(private readonly dataSource: DataSource) {}

  async run(now: Date): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_keys WHERE created_at < $1`, [new Date(now.getTime() - IDEMPOTENCY_TTL_MS)]);
  }
}
