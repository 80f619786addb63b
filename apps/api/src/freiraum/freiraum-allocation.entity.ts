import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { hoursColumn } from '../database/hours-column.js';
import { User } from '../users/user.entity.js';

// One person's Freiraum hours for one period (PRODUCT.md §3). `committedHours` is pending + approved,
// kept by a trigger on freiraum_requests (migration FreiraumBudgetTrigger); the check constraint is the
// backstop behind the service's row lock: the database refuses any state where more is committed than
// allocated, whatever the application does.
@Entity({ name: 'freiraum_allocations' })
@Index('UQ_freiraum_allocations_user_period', ['userId', 'periodKey'], { unique: true })
@Index('IDX_freiraum_allocations_org_period', ['organizationId', 'periodKey'])
@Check('CK_freiraum_allocations_within_budget', `"committed_hours" >= 0 AND "committed_hours" <= "hours"`)
export class FreiraumAllocation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_freiraum_allocations_user' })
  user?: Relation<User>;

  /** 2026-11 or 2026-Q4 */
  @Column({ name: 'period_key', type: 'text' })
  periodKey: string;

  @Column({ name: 'period_start', type: 'date' })
  periodStart: string;

  @Column({ name: 'period_end', type: 'date' })
  periodEnd: string;

  @Column({ ...hoursColumn })
  hours: number;

  /** pending + approved, maintained by the database trigger; never written by the application. */
  @Column({ name: 'committed_hours', ...hoursColumn, default: 0 })
  committedHours: number;

  /** Whoever set the hours; null while the policy default applies. */
  @Column({ name: 'set_by', type: 'uuid', nullable: true })
  setBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
