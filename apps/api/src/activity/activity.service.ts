import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/time/clock.js';
import { DashboardRollups } from '../dashboards/dashboard-rollups.js';
import { ActivityLogEntry } from './activity-log.entity.js';

export interface ActivityRecord {
  organizationId: string;
  userId: string;
  verb: string;
  objectType: string;
  objectId: string;
  data?: Record<string, unknown>;
}

@Injectable()
export class ActivityService {
  constructor(
    private readonly clock: Clock,
    private readonly rollups: DashboardRollups,
  ) {}

  /** Written in the caller's transaction, together with the action it records and the dashboards' read model. */
  async record(em: EntityManager, entry: ActivityRecord): Promise<void> {
    const createdAt = this.clock.now();
    await em.insert(ActivityLogEntry, { ...entry, data: (entry.data ?? {}) as never, createdAt });
    await this.rollups.apply(em, { ...entry, createdAt });
  }
}
