import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/time/clock.js';
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
  constructor(private readonly clock: Clock) {}

  /** Written in the caller's transaction, together with the action it records. */
  async record(em: EntityManager, entry: ActivityRecord): Promise<void> {
    await em.insert(ActivityLogEntry, { ...entry, data: (entry.data ?? {}) as never, createdAt: this.clock.now() });
  }
}
