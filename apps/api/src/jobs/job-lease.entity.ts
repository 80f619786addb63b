import { Column, Entity, PrimaryColumn } from 'typeorm';

// One row per scheduled job. An instance runs a job only after winning the lease with a conditional
// UPDATE, so two app instances never run the same job at once.
@Entity({ name: 'job_leases' })
export class JobLease {
  @PrimaryColumn({ type: 'text' })
  name: string;

  @Column({ name: 'locked_by', type: 'text', nullable: true })
  lockedBy: string | null;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'last_started_at', type: 'timestamptz', nullable: true })
  lastStartedAt: Date | null;

  @Column({ name: 'last_finished_at', type: 'timestamptz', nullable: true })
  lastFinishedAt: Date | null;
}
