import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

// Append-only log of learning and Freiraum actions (PRODUCT.md §2): dashboards and learning-record
// exports read it. A trigger rejects UPDATE and DELETE.
@Entity({ name: 'activity_log' })
@Index('IDX_activity_log_org_created', ['organizationId', 'createdAt'])
@Index('IDX_activity_log_user_created', ['userId', 'createdAt'])
export class ActivityLogEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  /** e.g. lesson.read, exercise.attempted, practice.submitted, practice.reviewed, module.completed */
  @Column({ type: 'text' })
  verb: string;

  @Column({ name: 'object_type', type: 'text' })
  objectType: string;

  @Column({ name: 'object_id', type: 'text' })
  objectId: string;

  @Column({ type: 'jsonb', default: {} })
  data: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
