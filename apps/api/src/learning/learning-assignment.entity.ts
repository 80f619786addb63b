import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

// An explicit assignment of a path by HR (the track's path is assigned implicitly). A department
// assignment is expanded to its active members at that moment; people who join later are assigned anew.
@Entity({ name: 'learning_assignments' })
@Index('UQ_learning_assignments_user_path', ['userId', 'pathId'], { unique: true })
@Index('IDX_learning_assignments_org_due', ['organizationId', 'dueDate'])
export class LearningAssignment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'path_id', type: 'uuid' })
  pathId: string;

  /** A calendar date in the organisation's time zone (YYYY-MM-DD). */
  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate: string | null;

  @Column({ name: 'assigned_by', type: 'uuid' })
  assignedBy: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** Which due-date notices went out (7 days, 1 day, overdue), so each is sent once per due date. */
  @Column({ name: 'notices_sent', type: 'text', array: true, default: () => "'{}'" })
  noticesSent: string[];
}
