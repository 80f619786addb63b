import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { FreiraumRequestStatus, PurposeType } from '@freiraum/contracts';
import { hoursColumn } from '../database/hours-column.js';
import { User } from '../users/user.entity.js';
import { FreiraumAllocation } from './freiraum-allocation.entity.js';

// A request for a Freiraum slot. It counts against the allocation of its date's period.
@Entity({ name: 'freiraum_requests' })
@Index('IDX_freiraum_requests_allocation', ['allocationId'])
@Index('IDX_freiraum_requests_org_status', ['organizationId', 'status', 'slotDate'])
@Index('IDX_freiraum_requests_user', ['userId', 'slotDate'])
// Dashboards: decisions in a date range (lead time, rejection rate).
@Index('IDX_freiraum_requests_org_decided', ['organizationId', 'decidedAt'])
// Dashboards: which days a person decided as a manager (dash_people_days figure 10).
@Index('IDX_freiraum_requests_decider', ['decidedBy', 'decidedAt'])
@Check('CK_freiraum_requests_hours', `"hours" > 0 AND "hours" * 2 = trunc("hours" * 2)`)
@Check('CK_freiraum_requests_status', `"status" IN ('pending', 'approved', 'rejected', 'cancelled')`)
export class FreiraumRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_freiraum_requests_user' })
  user?: Relation<User>;

  @Column({ name: 'allocation_id', type: 'uuid' })
  allocationId: string;

  @ManyToOne(() => FreiraumAllocation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'allocation_id', foreignKeyConstraintName: 'FK_freiraum_requests_allocation' })
  allocation?: Relation<FreiraumAllocation>;

  @Column({ name: 'slot_date', type: 'date' })
  slotDate: string;

  @Column({ ...hoursColumn })
  hours: number;

  @Column({ name: 'purpose_type', type: 'text' })
  purposeType: PurposeType;

  @Column({ name: 'exercise_id', type: 'uuid', nullable: true })
  exerciseId: string | null;

  @Column({ name: 'use_case_id', type: 'uuid', nullable: true })
  useCaseId: string | null;

  @Column({ type: 'text', default: '' })
  purpose: string;

  @Column({ type: 'text', default: 'pending' })
  status: FreiraumRequestStatus;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decision_note', type: 'text', nullable: true })
  decisionNote: string | null;

  /** When approved or rejected (or cancelled). */
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  /** Whether the decider had at least one active direct report when deciding (PRODUCT.md §4: a manager's decision). */
  @Column({ name: 'decided_as_manager', type: 'boolean', nullable: true })
  decidedAsManager: boolean | null;

  /** When it went to the manager's manager. */
  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true })
  escalatedAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
