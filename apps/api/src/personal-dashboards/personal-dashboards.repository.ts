import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

type Bilingual = { de: string; en: string };

export interface FeedbackRow {
  id: string;
  kind: 'review_accepted' | 'review_revision' | 'graded' | 'flag';
  subject: 'exercise' | 'journal_entry';
  title: Bilingual | null;
  goal: string | null;
  module_slug: string | null;
  passed: boolean | null;
  flag_status: 'open' | 'cleared' | 'confirmed' | null;
  note: string | null;
  at: Date;
}

export interface JournalRow {
  id: string;
  goal: string;
  outcome: 'worked' | 'partly' | 'failed';
  visibility: 'private' | 'team' | 'organization';
  kudos_count: number;
  created_at: Date;
}

export interface ReportRow {
  id: string;
  name: string;
  track_slug: string | null;
}

export interface PathRow {
  id: string;
  slug: string;
  trackSlug: string;
  title: Bilingual;
}

export interface AssignmentRow {
  user_id: string;
  path_id: string;
  due_date: string | null;
  complete: boolean;
}

export interface PathModuleRow {
  path_id: string;
  module_id: string;
  slug: string;
  prerequisites: string[];
}

// All SQL of the personal dashboards. Each method is one query and scoped by organisation, so a dashboard's
// query count does not grow with the team's size.
@Injectable()
export class PersonalDashboardsRepository {
  async organization(
    em: EntityManager,
    organizationId: string,
  ): Promise<{ timeZone: string; managersSeeLastActivity: boolean }> {
    const [row] = await em.query(`SELECT time_zone, managers_see_last_activity FROM organizations WHERE id = $1`, [
      organizationId,
    ]);
    return { timeZone: row.time_zone, managersSeeLastActivity: row.managers_see_last_activity };
  }

  /**
   * The learner's latest feedback of every kind, newest first: review decisions on practice work, graded
   * attempts, and governance flags on their work (practice or journal) with their decision.
   */
  async recentFeedback(
    em: EntityManager,
    organizationId: string,
    userId: string,
    limit: number,
  ): Promise<FeedbackRow[]> {
    return em.query(
      `SELECT * FROM (
         SELECT a.id, CASE a.status WHEN 'accepted' THEN 'review_accepted' ELSE 'review_revision' END AS kind,
                'exercise' AS subject, i.content->'title' AS title, NULL AS goal, m.slug AS module_slug,
                NULL::boolean AS passed, NULL AS flag_status, a.review_note AS note, a.reviewed_at AS at
           FROM exercise_attempts a
           JOIN learning_items i ON i.id = a.item_id
           JOIN learning_modules m ON m.id = i.module_id
          WHERE a.organization_id = $1 AND a.user_id = $2 AND a.status IN ('accepted', 'revision_requested') AND a.reviewed_at IS NOT NULL
         UNION ALL
         SELECT a.id, 'graded', 'exercise', i.content->'title', NULL, m.slug, a.passed, NULL, NULL, a.created_at
           FROM exercise_attempts a
           JOIN learning_items i ON i.id = a.item_id
           JOIN learning_modules m ON m.id = i.module_id
          WHERE a.organization_id = $1 AND a.user_id = $2 AND a.status = 'graded'
         UNION ALL
         SELECT f.id, 'flag', CASE WHEN f.subject_type = 'journal_entry' THEN 'journal_entry' ELSE 'exercise' END,
                i.content->'title', j.goal, m.slug, NULL, f.status, f.decision_note, coalesce(f.decided_at, f.created_at)
           FROM governance_flags f
           LEFT JOIN exercise_attempts a ON f.subject_type = 'practice_attempt' AND a.id = f.subject_id
           LEFT JOIN learning_items i ON i.id = a.item_id
           LEFT JOIN learning_modules m ON m.id = i.module_id
           LEFT JOIN journal_entries j ON f.subject_type = 'journal_entry' AND j.id = f.subject_id
          WHERE f.organization_id = $1 AND f.user_id = $2
       ) feedback
       ORDER BY at DESC, id DESC
       LIMIT $3`,
      [organizationId, userId, limit],
    );
  }

  async recentJournal(em: EntityManager, organizationId: string, userId: string, limit: number): Promise<JournalRow[]> {
    return em.query(
      `SELECT j.id, j.goal, j.outcome, j.visibility, j.created_at,
              (SELECT count(*)::int FROM journal_kudos k WHERE k.entry_id = j.id) AS kudos_count
         FROM journal_entries j
        WHERE j.organization_id = $1 AND j.user_id = $2
        ORDER BY j.created_at DESC, j.id DESC
        LIMIT $3`,
      [organizationId, userId, limit],
    );
  }

  /** Active direct reports only: reports' reports belong to their own manager's dashboard. */
  async directReports(em: EntityManager, organizationId: string, managerId: string): Promise<ReportRow[]> {
    return em.query(
      `SELECT u.id, u.first_name || ' ' || u.last_name AS name, t.slug AS track_slug
         FROM users u LEFT JOIN tracks t ON t.id = u.track_id
        WHERE u.organization_id = $1 AND u.manager_id = $2 AND u.active
        ORDER BY u.last_name, u.first_name, u.id`,
      [organizationId, managerId],
    );
  }

  /** Paths of the organisation's enabled tracks, in track order (as the learning page lists them). */
  async enabledPaths(em: EntityManager, organizationId: string): Promise<PathRow[]> {
    return em.query(
      `SELECT p.id, p.slug, p.track_slug AS "trackSlug", p.title
         FROM learning_paths p
         JOIN tracks t ON t.slug = p.track_slug AND t.organization_id = $1 AND t.enabled
        WHERE p.retired_at IS NULL
        ORDER BY t.position, p.slug`,
      [organizationId],
    );
  }

  /** HR's explicit assignments of these people; a path is complete once its certificate was issued. */
  async assignments(em: EntityManager, organizationId: string, userIds: string[]): Promise<AssignmentRow[]> {
    return em.query(
      `SELECT a.user_id, a.path_id, to_char(a.due_date, 'YYYY-MM-DD') AS due_date,
              EXISTS (SELECT 1 FROM certificates c WHERE c.user_id = a.user_id AND c.path_id = a.path_id) AS complete
         FROM learning_assignments a
        WHERE a.organization_id = $1 AND a.user_id = ANY($2)`,
      [organizationId, userIds],
    );
  }

  async pathModules(em: EntityManager, pathIds: string[]): Promise<PathModuleRow[]> {
    if (!pathIds.length) return [];
    return em.query(
      `SELECT pm.path_id, m.id AS module_id, m.slug, m.prerequisites
         FROM learning_path_modules pm JOIN learning_modules m ON m.id = pm.module_id
        WHERE pm.path_id = ANY($1)
        ORDER BY pm.path_id, pm.position`,
      [pathIds],
    );
  }

  /** Current (not retired) required exercises of these modules. */
  async requiredExercises(em: EntityManager, moduleIds: string[]): Promise<{ id: string; module_id: string }[]> {
    if (!moduleIds.length) return [];
    return em.query(
      `SELECT id, module_id FROM learning_items
        WHERE module_id = ANY($1) AND kind = 'exercise' AND required AND retired_at IS NULL`,
      [moduleIds],
    );
  }

  /** Which of these exercises each person has passed (or had accepted). */
  async passedExercises(
    em: EntityManager,
    organizationId: string,
    userIds: string[],
    itemIds: string[],
  ): Promise<{ user_id: string; item_id: string }[]> {
    if (!userIds.length || !itemIds.length) return [];
    return em.query(
      `SELECT DISTINCT user_id, item_id FROM exercise_attempts
        WHERE organization_id = $1 AND user_id = ANY($2) AND item_id = ANY($3) AND passed`,
      [organizationId, userIds, itemIds],
    );
  }

  /** Every recorded module completion of these people (prerequisites may lie outside their path). */
  async completions(
    em: EntityManager,
    organizationId: string,
    userIds: string[],
  ): Promise<{ user_id: string; module_id: string; slug: string; completed_at: Date }[]> {
    if (!userIds.length) return [];
    return em.query(
      `SELECT c.user_id, c.module_id, m.slug, c.completed_at
         FROM module_completions c JOIN learning_modules m ON m.id = c.module_id
        WHERE c.organization_id = $1 AND c.user_id = ANY($2)`,
      [organizationId, userIds],
    );
  }

  /** Per person, the time of their latest activity-log row with one of these verbs. */
  async lastActivity(
    em: EntityManager,
    organizationId: string,
    userIds: string[],
    verbs: readonly string[],
  ): Promise<Map<string, Date>> {
    if (!userIds.length) return new Map();
    const rows: { user_id: string; at: Date }[] = await em.query(
      `SELECT user_id, max(created_at) AS at FROM activity_log
        WHERE organization_id = $1 AND user_id = ANY($2) AND verb = ANY($3)
        GROUP BY user_id`,
      [organizationId, userIds, verbs],
    );
    return new Map(rows.map((r) => [r.user_id, new Date(r.at)]));
  }

  /** Practice work waiting for this reviewer, and open flags on the work of this manager's reports. */
  async waitingForManager(
    em: EntityManager,
    organizationId: string,
    managerId: string,
  ): Promise<{ pendingReviews: number; openFlags: number }> {
    const [row] = await em.query(
      `SELECT (SELECT count(*)::int FROM exercise_attempts a
                WHERE a.organization_id = $1 AND a.reviewer_id = $2 AND a.status = 'submitted') AS pending_reviews,
              (SELECT count(*)::int FROM governance_flags f JOIN users u ON u.id = f.user_id
                WHERE f.organization_id = $1 AND f.status = 'open' AND u.manager_id = $2 AND f.user_id <> $2) AS open_flags`,
      [organizationId, managerId],
    );
    return { pendingReviews: row.pending_reviews, openFlags: row.open_flags };
  }
}
