import { Injectable } from '@nestjs/common';
import { Scheduled, type ScheduledJob } from '../jobs/scheduled-job.js';
import { FreiraumService } from './freiraum.service.js';

// Requests left pending past the organisation's escalation days go to the manager's manager (PRODUCT.md §3).
@Scheduled()
@Injectable()
export class FreiraumEscalationJob implements ScheduledJob {
  readonly name = 'freiraum.escalation';
  readonly intervalMs = 15 * 60_000;

  constructor(private readonly freiraum: FreiraumService) {}

  async run(now: Date): Promise<void> {
    await this.freiraum.escalate(now);
  }
}
