import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { DataClass } from '@freiraum/contracts';

export type FlagStatus = 'open' | 'cleared' | 'confirmed';

// A governance flag (PRODUCT.md §3): work that named an AI tool with a data class the AI policy does not
// allow it to receive. open → cleared | confirmed, decided by the author's manager with a note.
@Entity({ name: 'governance_flags' })
@Index('UQ_governance_flags_subject', ['subjectType', 'subjectId'], { unique: true })
@Index('IDX_governance_flags_org_status', ['organizationId', 'status'])
export class GovernanceFlag {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  /** Whose work was flagged. */
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  /** e.g. practice_attempt, journal_entry */
  @Column({ name: 'subject_type', type: 'text' })
  subjectType: string;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  @Column({ name: 'tool_id', type: 'text' })
  toolId: string;

  @Column({ name: 'tool_name', type: 'text' })
  toolName: string;

  @Column({ name: 'data_class', type: 'text' })
  dataClass: DataClass;

  /** unlisted_tool | class_not_allowed */
  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'text', default: 'open' })
  status: FlagStatus;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decision_note', type: 'text', nullable: true })
  decisionNote: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
