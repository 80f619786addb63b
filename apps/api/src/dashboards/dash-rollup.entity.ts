import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

// Read models of the HR dashboard (ADR 0012, docs/dashboards.md), kept current from the activity log as
// events happen (DashboardRollups.apply) and recomputable from it (`npm run rollups:rebuild`).

/** One person's countable actions on one day (organisation time zone). */
@Entity({ name: 'dash_user_days' })
@Index('IDX_dash_user_days_org_day', ['organizationId', 'day'])
export class DashUserDay {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'date' })
  day: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  /** Lessons read, exercises attempted, practice submitted. */
  @Column({ name: 'learning_actions', type: 'int', default: 0 })
  learningActions: number;

  /** Learning actions in a module of the person's own track's path (leadership participation). */
  @Column({ name: 'own_path_actions', type: 'int', default: 0 })
  ownPathActions: number;

  @Column({ name: 'modules_completed', type: 'int', default: 0 })
  modulesCompleted: number;

  @Column({ name: 'journal_logged', type: 'int', default: 0 })
  journalLogged: number;

  /** Journal entries shared for the first time. */
  @Column({ name: 'journal_shared', type: 'int', default: 0 })
  journalShared: number;

  @Column({ name: 'outcome_worked', type: 'int', default: 0 })
  outcomeWorked: number;

  @Column({ name: 'outcome_partly', type: 'int', default: 0 })
  outcomePartly: number;

  @Column({ name: 'outcome_failed', type: 'int', default: 0 })
  outcomeFailed: number;

  @Column({ name: 'minutes_saved', type: 'int', default: 0 })
  minutesSaved: number;

  @Column({ name: 'freiraum_requested', type: 'int', default: 0 })
  freiraumRequested: number;
}

/** When a person first touched, and completed, a learning module: the funnel. */
@Entity({ name: 'dash_module_progress' })
@Index('IDX_dash_module_progress_org_module', ['organizationId', 'moduleId'])
export class DashModuleProgress {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ name: 'module_id', type: 'uuid' })
  moduleId: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'started_on', type: 'date' })
  startedOn: string;

  @Column({ name: 'completed_on', type: 'date', nullable: true })
  completedOn: string | null;
}
