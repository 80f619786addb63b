import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

// A manager names a delegate to decide their reports' Freiraum requests during an absence.
@Entity({ name: 'freiraum_delegations' })
@Index('IDX_freiraum_delegations_manager', ['managerId', 'endsOn'])
@Index('IDX_freiraum_delegations_delegate', ['delegateId', 'endsOn'])
export class FreiraumDelegation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'manager_id', type: 'uuid' })
  managerId: string;

  @Column({ name: 'delegate_id', type: 'uuid' })
  delegateId: string;

  /** Inclusive dates in the organisation's time zone. */
  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
