import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JobLease } from './job-lease.entity.js';

export interface LeaseRequest {
  name: string;
  owner: string;
  now: Date;
  /** The lease ends here unless released earlier. */
  until: Date;
  /** The job is due only if its last start was at or before this time. */
  dueBefore: Date;
}

@Injectable()
export class JobLeaseRepository {
  /**
   * Wins the lease only if nobody holds it (or their lease ran out) and the job is due. The UPDATE's
   * WHERE is re-checked by PostgreSQL after a concurrent update commits, so exactly one instance wins.
   */
  async tryAcquire(em: EntityManager, req: LeaseRequest): Promise<boolean> {
    await em
      .createQueryBuilder()
      .insert()
      .into(JobLease)
      .values({ name: req.name, lockedBy: null, lockedUntil: null, lastStartedAt: null, lastFinishedAt: null })
      .orIgnore()
      .execute();
    const result = await em
      .createQueryBuilder()
      .update(JobLease)
      .set({ lockedBy: req.owner, lockedUntil: req.until, lastStartedAt: req.now })
      .where('name = :name', { name: req.name })
      .andWhere('(locked_until IS NULL OR locked_until < :now)', { now: req.now })
      .andWhere('(last_started_at IS NULL OR last_started_at <= :dueBefore)', { dueBefore: req.dueBefore })
      .execute();
    return result.affected === 1;
  }

  /** Only the holder releases: if its lease expired and another instance took over, that one keeps it. */
  async release(em: EntityManager, name: string, owner: string, now: Date): Promise<void> {
    await em
      .createQueryBuilder()
      .update(JobLease)
      .set({ lockedBy: null, lockedUntil: null, lastFinishedAt: now })
      .where('name = :name AND locked_by = :owner', { name, owner })
      .execute();
  }

  find(em: EntityManager, name: string): Promise<JobLease | null> {
    return em.findOneBy(JobLease, { name });
  }
}
