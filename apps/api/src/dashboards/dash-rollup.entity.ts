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
// The funnel "by the range's end" subtracts what started or completed after it (ADR 0013).
@Index('IDX_dash_module_progress_org_started', ['organizationId', 'startedOn'])
@Index('IDX_dash_module_progress_org_completed', ['organizationId', 'completedOn'])
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

// Derived from the two tables above and from freiraum_requests by database triggers (ADR 0013), so that the
// HR dashboard reads a few hundred rows per request instead of one row per person-day. `rollups:rebuild`
// recomputes them too. The keys use two sentinel ids: NONE for a person without department or track, and
// ALL in dash_lead_times' roll-up levels.

/**
 * Which people did something on one day: one bitmap per figure, bit n = the person with users.dash_slot n.
 * Figures: 0 active, 1 completed a module, 2 logged an experiment, 3 shared one, 4–6 outcome worked / partly /
 * failed, 7 learned in their own path, 8 had approved Freiraum on that day (slot), 9 had a request decided,
 * 10 decided a request as a manager.
 */
@Entity({ name: 'dash_people_days' })
export class DashPeopleDay {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @PrimaryColumn({ type: 'date' })
  day: string;

  @PrimaryColumn({ type: 'smallint' })
  figure: number;

  @Column({ type: 'bytea' })
  bits: Buffer;
}

/** The same bitmaps per ISO week (Monday): the OR of its days, so that long ranges read weeks, not days. */
@Entity({ name: 'dash_people_weeks' })
export class DashPeopleWeek {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @PrimaryColumn({ type: 'date' })
  week: string;

  @PrimaryColumn({ type: 'smallint' })
  figure: number;

  @Column({ type: 'bytea' })
  bits: Buffer;
}

/**
 * Counters behind the Freiraum bits of dash_people_days (figures 8–10): a person's approved requests with a
 * slot on the day, requests decided on the day, and decisions made as a manager on the day. The bit flips
 * when a count moves between zero and non-zero, under this row's lock, so concurrent changes stay exact.
 */
@Entity({ name: 'dash_person_counts' })
export class DashPersonCount {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'date' })
  day: string;

  @PrimaryColumn({ type: 'smallint' })
  figure: number;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ type: 'int', default: 0 })
  n: number;
}

/** Sums per day and (current) department and track: the additive figures of the range and the weeks. */
@Entity({ name: 'dash_cell_days' })
export class DashCellDay {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @PrimaryColumn({ type: 'date' })
  day: string;

  @PrimaryColumn({ name: 'department_key', type: 'uuid' })
  departmentKey: string;

  @PrimaryColumn({ name: 'track_key', type: 'uuid' })
  trackKey: string;

  @Column({ name: 'modules_completed', type: 'int', default: 0 })
  modulesCompleted: number;

  @Column({ name: 'journal_logged', type: 'int', default: 0 })
  journalLogged: number;

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

  /** Approved Freiraum hours whose slot is this day. */
  @Column({ name: 'approved_hours', type: 'numeric', precision: 12, scale: 1, default: 0 })
  approvedHours: string;

  /** Requests decided (approved or rejected) on this day, by the requester's cell. */
  @Column({ type: 'int', default: 0 })
  decided: number;

  @Column({ type: 'int', default: 0 })
  rejected: number;
}

/**
 * Decisions per day and lead-time bucket (dash_lead_bucket): kind 0 by the requester's cell, kind 1 decisions
 * made as a manager by the decider's cell. Kept at four levels — (department, track), (department, ALL),
 * (ALL, track), (ALL, ALL) — so that any filter reads one level.
 */
@Entity({ name: 'dash_lead_times' })
export class DashLeadTime {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @PrimaryColumn({ name: 'department_key', type: 'uuid' })
  departmentKey: string;

  @PrimaryColumn({ name: 'track_key', type: 'uuid' })
  trackKey: string;

  @PrimaryColumn({ type: 'date' })
  day: string;

  @PrimaryColumn({ type: 'smallint' })
  kind: number;

  @PrimaryColumn({ type: 'smallint' })
  bucket: number;

  @Column({ type: 'int', default: 0 })
  decisions: number;
}

/** Who ever started (figure 0) or completed (figure 1) a module, as a bitmap over users.dash_slot. */
@Entity({ name: 'dash_module_people' })
export class DashModulePeople {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @PrimaryColumn({ name: 'module_id', type: 'uuid' })
  moduleId: string;

  @PrimaryColumn({ type: 'smallint' })
  figure: number;

  @Column({ type: 'bytea' })
  bits: Buffer;
}

/**
 * Who is where now, one row per organisation, recomputed once per transaction in which someone joins, moves,
 * leaves or gets or loses reports: the dashboards map bitmap slots to cells with it.
 */
@Entity({ name: 'dash_org_people' })
export class DashOrgPeople {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  /** The cells, [department id or null, track id or null], in index order. */
  @Column({ type: 'jsonb' })
  cells: [string | null, string | null][];

  /** Two bytes per slot (big-endian): the slot's cell index, 65535 for none. */
  @Column({ name: 'cell_of', type: 'bytea' })
  cellOf: Buffer;

  /** Bitmap of active people. */
  @Column({ type: 'bytea' })
  active: Buffer;

  /** Bitmap of managers: active people with at least one active direct report (PRODUCT.md §4). */
  @Column({ type: 'bytea' })
  managers: Buffer;

  /** People changed in the running transaction: recomputed once, when it commits. */
  @Column({ type: 'boolean', default: false })
  stale: boolean;
}

/** Freiraum allocation rows of active people per period and (current) cell: "allocated" without a join per person. */
@Entity({ name: 'dash_cell_periods' })
export class DashCellPeriod {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @PrimaryColumn({ name: 'period_key', type: 'text' })
  periodKey: string;

  @PrimaryColumn({ name: 'department_key', type: 'uuid' })
  departmentKey: string;

  @PrimaryColumn({ name: 'track_key', type: 'uuid' })
  trackKey: string;

  @Column({ type: 'int', default: 0 })
  allocations: number;

  @Column({ type: 'numeric', precision: 12, scale: 1, default: 0 })
  hours: string;
}
