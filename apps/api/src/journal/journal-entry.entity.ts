import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { DataClass, Outcome, Visibility } from '@freiraum/contracts';
import { User } from '../users/user.entity.js';

// What someone tried in their Freiraum (PRODUCT.md §3). Failed outcomes are first-class entries.
@Entity({ name: 'journal_entries' })
@Index('IDX_journal_entries_user', ['userId', 'createdAt'])
@Index('IDX_journal_entries_feed', ['organizationId', 'visibility', 'createdAt'])
@Index('UQ_journal_entries_request', ['requestId'], { unique: true, where: '"request_id" IS NOT NULL' })
@Check('CK_journal_entries_outcome', `"outcome" IN ('worked', 'partly', 'failed')`)
@Check('CK_journal_entries_visibility', `"visibility" IN ('private', 'team', 'organization')`)
@Check('CK_journal_entries_minutes', `"minutes_saved" >= 0`)
export class JournalEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_journal_entries_user' })
  user?: Relation<User>;

  /** The Freiraum request this entry reports on, if any (one entry per request). */
  @Column({ name: 'request_id', type: 'uuid', nullable: true })
  requestId: string | null;

  @Column({ type: 'text' })
  goal: string;

  /** An AI-policy tool id, or "other". */
  @Column({ name: 'tool_id', type: 'text' })
  toolId: string;

  @Column({ name: 'tool_name', type: 'text' })
  toolName: string;

  @Column({ name: 'data_class', type: 'text' })
  dataClass: DataClass;

  @Column({ type: 'text' })
  outcome: Outcome;

  @Column({ name: 'minutes_saved', type: 'int' })
  minutesSaved: number;

  @Column({ type: 'text' })
  learned: string;

  @Column({ type: 'text', default: 'private' })
  visibility: Visibility;

  /** When it was first shared beyond its author. */
  @Column({ name: 'shared_at', type: 'timestamptz', nullable: true })
  sharedAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

// Recognition for a shared entry: one per person per entry, never on one's own.
@Entity({ name: 'journal_kudos' })
@Index('UQ_journal_kudos_entry_user', ['entryId', 'userId'], { unique: true })
export class JournalKudos {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'entry_id', type: 'uuid' })
  entryId: string;

  @ManyToOne(() => JournalEntry, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'entry_id', foreignKeyConstraintName: 'FK_journal_kudos_entry' })
  entry?: Relation<JournalEntry>;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_journal_kudos_user' })
  user?: Relation<User>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

// A shared entry promoted to the use-case library by a manager or HR. Track and department are the
// author's at promotion time, so the library stays searchable after people move.
@Entity({ name: 'use_cases' })
@Index('UQ_use_cases_entry', ['entryId'], { unique: true })
@Index('IDX_use_cases_org', ['organizationId', 'createdAt'])
export class UseCase {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'entry_id', type: 'uuid' })
  entryId: string;

  @ManyToOne(() => JournalEntry, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'entry_id', foreignKeyConstraintName: 'FK_use_cases_entry' })
  entry?: Relation<JournalEntry>;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ name: 'track_id', type: 'uuid', nullable: true })
  trackId: string | null;

  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId: string | null;

  @Column({ name: 'promoted_by', type: 'uuid' })
  promotedBy: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
