import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

// What learners did. Every row carries its organisation; user ids reference users (erasure anonymises
// the user row, so these rows and the aggregates built on them stay correct).

@Entity({ name: 'lesson_reads' })
@Index('UQ_lesson_reads_user_item', ['userId', 'itemId'], { unique: true })
export class LessonRead {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId: string;

  @Column({ name: 'content_version', type: 'text' })
  contentVersion: string;

  @Column({ name: 'read_at', type: 'timestamptz' })
  readAt: Date;
}

export type AttemptStatus = 'graded' | 'submitted' | 'accepted' | 'revision_requested';

@Entity({ name: 'exercise_attempts' })
@Index('IDX_exercise_attempts_user_item', ['userId', 'itemId', 'createdAt'])
@Index('IDX_exercise_attempts_reviewer_status', ['reviewerId', 'status'])
export class ExerciseAttempt {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId: string;

  /** The version of the exercise this attempt answered. */
  @Column({ name: 'content_version', type: 'text' })
  contentVersion: string;

  @Column({ type: 'jsonb' })
  answer: Record<string, unknown>;

  @Column({ type: 'real', nullable: true })
  score: number | null;

  @Column({ type: 'boolean' })
  passed: boolean;

  /** The grader's result as the learner saw it. */
  @Column({ type: 'jsonb', default: {} })
  feedback: Record<string, unknown>;

  @Column({ type: 'text' })
  status: AttemptStatus;

  @Column({ name: 'reviewer_id', type: 'uuid', nullable: true })
  reviewerId: string | null;

  @Column({ name: 'review_note', type: 'text', nullable: true })
  reviewNote: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity({ name: 'module_completions' })
@Index('UQ_module_completions_user_module', ['userId', 'moduleId'], { unique: true })
export class ModuleCompletion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'module_id', type: 'uuid' })
  moduleId: string;

  @Column({ name: 'module_version', type: 'text' })
  moduleVersion: string;

  @Column({ name: 'completed_at', type: 'timestamptz' })
  completedAt: Date;
}
