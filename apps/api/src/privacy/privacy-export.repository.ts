import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PrivacyExport } from '@freiraum/contracts';
import { withIsoInstants, withoutTokens } from './privacy-export.policy.js';

type Row = Record<string, unknown>;

// Every query takes the person's id ($1) and organisation ($2) and selects only what ties to that person.
// Rows come back as JSON built by PostgreSQL, so dates, numerics and jsonb arrive alike on pg and PGlite.
@Injectable()
export class PrivacyExportRepository {
  async profile(em: EntityManager, userId: string, organizationId: string): Promise<PrivacyExport['profile'] | null> {
    const [row] = await this.rows(
      em,
      `SELECT u.id, u.email, u.first_name AS "firstName", u.last_name AS "lastName", u.language, u.roles, u.active,
              u.password_hash IS NOT NULL AS "hasPassword", u.deactivated_at AS "deactivatedAt",
              u.created_at AS "createdAt", u.updated_at AS "updatedAt",
              json_build_object('id', o.id, 'name', o.name) AS organization,
              CASE WHEN m.id IS NULL THEN NULL
                   ELSE json_build_object('id', m.id, 'name', m.first_name || ' ' || m.last_name) END AS manager,
              CASE WHEN d.id IS NULL THEN NULL ELSE json_build_object('id', d.id, 'name', d.name) END AS department,
              CASE WHEN t.id IS NULL THEN NULL
                   ELSE json_build_object('id', t.id, 'slug', t.slug, 'name',
                          CASE WHEN coalesce(u.language, o.default_language) = 'en' THEN t.name_en ELSE t.name_de END)
              END AS track
         FROM users u
         JOIN organizations o ON o.id = u.organization_id
         LEFT JOIN users m ON m.id = u.manager_id AND m.organization_id = u.organization_id
         LEFT JOIN departments d ON d.id = u.department_id AND d.organization_id = u.organization_id
         LEFT JOIN tracks t ON t.id = u.track_id AND t.organization_id = u.organization_id
        WHERE u.id = $1 AND u.organization_id = $2`,
      userId,
      organizationId,
    );
    return (row as PrivacyExport['profile'] | undefined) ?? null;
  }

  async signIn(em: EntityManager, userId: string, organizationId: string): Promise<PrivacyExport['signIn']> {
    return {
      // Token hashes stay out: the file must not help anyone sign in.
      sessions: await this.rows(
        em,
        `SELECT id, family_id AS "familyId", created_at AS "createdAt", expires_at AS "expiresAt",
                used_at AS "usedAt", revoked_at AS "revokedAt"
           FROM refresh_tokens WHERE user_id = $1 AND organization_id = $2 ORDER BY created_at, id`,
        userId,
        organizationId,
      ),
      oneTimeLinks: await this.rows(
        em,
        `SELECT id, purpose, created_at AS "createdAt", expires_at AS "expiresAt", used_at AS "usedAt"
           FROM one_time_tokens WHERE user_id = $1 AND organization_id = $2 ORDER BY created_at, id`,
        userId,
        organizationId,
      ),
    };
  }

  notifications(em: EntityManager, userId: string, organizationId: string): Promise<Row[]> {
    return this.rows(
      em,
      `SELECT id, type, data, read_at AS "readAt", created_at AS "createdAt"
         FROM notifications WHERE user_id = $1 AND organization_id = $2 ORDER BY created_at, id`,
      userId,
      organizationId,
    );
  }

  async emails(em: EntityManager, userId: string, organizationId: string): Promise<Row[]> {
    const rows = await this.rows(
      em,
      `SELECT e.id, e.to_address AS "to", e.subject, e.body_text AS "text", e.status,
              e.created_at AS "createdAt", e.delivered_at AS "deliveredAt"
         FROM outbound_emails e
        WHERE e.organization_id = $2
          AND (e.user_id = $1 OR (e.user_id IS NULL AND e.to_address = (SELECT email FROM users WHERE id = $1)))
        ORDER BY e.created_at, e.id`,
      userId,
      organizationId,
    );
    return rows.map((r) => ({ ...r, subject: withoutTokens(String(r.subject)), text: withoutTokens(String(r.text)) }));
  }

  async learning(em: EntityManager, userId: string, organizationId: string): Promise<PrivacyExport['learning']> {
    const q = (sql: string) => this.rows(em, sql, userId, organizationId);
    return {
      lessonReads: await q(
        `SELECT r.id, r.item_id AS "itemId", i.slug AS "itemSlug", m.slug AS "moduleSlug",
                r.content_version AS "contentVersion", r.read_at AS "readAt"
           FROM lesson_reads r
           LEFT JOIN learning_items i ON i.id = r.item_id
           LEFT JOIN learning_modules m ON m.id = i.module_id
          WHERE r.user_id = $1 AND r.organization_id = $2 ORDER BY r.read_at, r.id`,
      ),
      exerciseAttempts: await q(
        `SELECT a.id, a.item_id AS "itemId", i.slug AS "itemSlug", m.slug AS "moduleSlug",
                i.exercise_type AS "exerciseType", a.content_version AS "contentVersion", a.answer, a.score, a.passed,
                a.feedback, a.status, a.reviewer_id AS "reviewerId", a.review_note AS "reviewNote",
                a.reviewed_at AS "reviewedAt", a.created_at AS "createdAt"
           FROM exercise_attempts a
           LEFT JOIN learning_items i ON i.id = a.item_id
           LEFT JOIN learning_modules m ON m.id = i.module_id
          WHERE a.user_id = $1 AND a.organization_id = $2 ORDER BY a.created_at, a.id`,
      ),
      moduleCompletions: await q(
        `SELECT c.id, c.module_id AS "moduleId", m.slug AS "moduleSlug", c.module_version AS "moduleVersion",
                c.completed_at AS "completedAt"
           FROM module_completions c
           LEFT JOIN learning_modules m ON m.id = c.module_id
          WHERE c.user_id = $1 AND c.organization_id = $2 ORDER BY c.completed_at, c.id`,
      ),
      certificates: await q(
        `SELECT c.id, c.path_id AS "pathId", p.slug AS "pathSlug", c.path_version AS "pathVersion", c.code,
                c.completed_at AS "completedAt"
           FROM certificates c
           LEFT JOIN learning_paths p ON p.id = c.path_id
          WHERE c.user_id = $1 AND c.organization_id = $2 ORDER BY c.completed_at, c.id`,
      ),
      assignments: await q(
        `SELECT a.id, a.path_id AS "pathId", p.slug AS "pathSlug", a.due_date AS "dueDate",
                a.assigned_by AS "assignedBy", a.created_at AS "createdAt"
           FROM learning_assignments a
           LEFT JOIN learning_paths p ON p.id = a.path_id
          WHERE a.user_id = $1 AND a.organization_id = $2 ORDER BY a.created_at, a.id`,
      ),
      // Someone else's work: which attempt, its state and when, not its content.
      reviewsGiven: await q(
        `SELECT id AS "attemptId", status, created_at AS "submittedAt", reviewed_at AS "reviewedAt"
           FROM exercise_attempts
          WHERE reviewer_id = $1 AND organization_id = $2 AND user_id <> $1 ORDER BY created_at, id`,
      ),
    };
  }

  async governance(em: EntityManager, userId: string, organizationId: string): Promise<PrivacyExport['governance']> {
    const q = (sql: string) => this.rows(em, sql, userId, organizationId);
    return {
      flagsOnYourWork: await q(
        `SELECT id, subject_type AS "subjectType", subject_id AS "subjectId", tool_id AS "toolId",
                tool_name AS "toolName", data_class AS "dataClass", reason, status, decided_by AS "decidedBy",
                decision_note AS "decisionNote", decided_at AS "decidedAt", created_at AS "createdAt"
           FROM governance_flags WHERE user_id = $1 AND organization_id = $2 ORDER BY created_at, id`,
      ),
      flagDecisionsMade: await q(
        `SELECT id AS "flagId", status AS decision, decided_at AS "decidedAt"
           FROM governance_flags
          WHERE decided_by = $1 AND organization_id = $2 AND user_id <> $1 ORDER BY decided_at, id`,
      ),
    };
  }

  async freiraum(em: EntityManager, userId: string, organizationId: string): Promise<PrivacyExport['freiraum']> {
    const q = (sql: string) => this.rows(em, sql, userId, organizationId);
    return {
      allocations: await q(
        `SELECT id, period_key AS "periodKey", period_start AS "periodStart", period_end AS "periodEnd",
                hours::float8 AS hours, committed_hours::float8 AS "committedHours", set_by AS "setBy",
                updated_at AS "updatedAt"
           FROM freiraum_allocations WHERE user_id = $1 AND organization_id = $2 ORDER BY period_start, id`,
      ),
      requests: await q(
        `SELECT id, slot_date AS "slotDate", hours::float8 AS hours, purpose_type AS "purposeType",
                exercise_id AS "exerciseId", use_case_id AS "useCaseId", purpose, status, decided_by AS "decidedBy",
                decision_note AS "decisionNote", decided_at AS "decidedAt", escalated_at AS "escalatedAt",
                created_at AS "createdAt"
           FROM freiraum_requests WHERE user_id = $1 AND organization_id = $2 ORDER BY slot_date, created_at, id`,
      ),
      // Another person's request: which one, the decision and when (PRODUCT.md §3 audit-logs the rest).
      decisionsMade: await q(
        `SELECT id AS "requestId", status AS decision, decided_at AS "decidedAt"
           FROM freiraum_requests
          WHERE decided_by = $1 AND organization_id = $2 AND user_id <> $1 ORDER BY decided_at, id`,
      ),
      delegationsGiven: await q(
        `SELECT id, delegate_id AS "delegateId", starts_on AS "startsOn", ends_on AS "endsOn", created_at AS "createdAt"
           FROM freiraum_delegations WHERE manager_id = $1 AND organization_id = $2 ORDER BY starts_on, id`,
      ),
      delegationsReceived: await q(
        `SELECT id, manager_id AS "managerId", starts_on AS "startsOn", ends_on AS "endsOn", created_at AS "createdAt"
           FROM freiraum_delegations WHERE delegate_id = $1 AND organization_id = $2 ORDER BY starts_on, id`,
      ),
    };
  }

  async journal(em: EntityManager, userId: string, organizationId: string): Promise<PrivacyExport['journal']> {
    const q = (sql: string) => this.rows(em, sql, userId, organizationId);
    return {
      entries: await q(
        `SELECT id, request_id AS "requestId", goal, tool_id AS "toolId", tool_name AS "toolName",
                data_class AS "dataClass", outcome, minutes_saved AS "minutesSaved", learned, visibility,
                shared_at AS "sharedAt", created_at AS "createdAt"
           FROM journal_entries WHERE user_id = $1 AND organization_id = $2 ORDER BY created_at, id`,
      ),
      kudosGiven: await q(
        `SELECT id, entry_id AS "entryId", created_at AS "createdAt"
           FROM journal_kudos WHERE user_id = $1 AND organization_id = $2 ORDER BY created_at, id`,
      ),
      // Who gave it is the giver's data; the person sees on which entry and when.
      kudosReceived: await q(
        `SELECT k.entry_id AS "entryId", k.created_at AS "createdAt"
           FROM journal_kudos k
           JOIN journal_entries e ON e.id = k.entry_id AND e.organization_id = k.organization_id
          WHERE e.user_id = $1 AND k.organization_id = $2 ORDER BY k.created_at, k.id`,
      ),
      useCasesCreditingYou: await q(
        `SELECT uc.id, uc.entry_id AS "entryId", uc.title, uc.summary, uc.created_at AS "createdAt"
           FROM use_cases uc
           JOIN journal_entries e ON e.id = uc.entry_id AND e.organization_id = uc.organization_id
          WHERE e.user_id = $1 AND uc.organization_id = $2 ORDER BY uc.created_at, uc.id`,
      ),
      useCasesPromoted: await q(
        `SELECT id, entry_id AS "entryId", created_at AS "createdAt"
           FROM use_cases WHERE promoted_by = $1 AND organization_id = $2 ORDER BY created_at, id`,
      ),
    };
  }

  activityLog(em: EntityManager, userId: string, organizationId: string): Promise<Row[]> {
    return this.rows(
      em,
      `SELECT id, verb, object_type AS "objectType", object_id AS "objectId", data, created_at AS "createdAt"
         FROM activity_log WHERE user_id = $1 AND organization_id = $2 ORDER BY id`,
      userId,
      organizationId,
    );
  }

  auditLog(em: EntityManager, userId: string, organizationId: string): Promise<Row[]> {
    return this.rows(
      em,
      `SELECT id, actor_id AS "actorId", action, target_type AS "targetType", target_id AS "targetId", data,
              created_at AS "createdAt"
         FROM audit_log
        WHERE organization_id = $2 AND (actor_id = $1 OR (target_type = 'user' AND target_id = $1::text))
        ORDER BY id`,
      userId,
      organizationId,
    );
  }

  private async rows(em: EntityManager, select: string, userId: string, organizationId: string): Promise<Row[]> {
    const [{ rows }]: { rows: string }[] = await em.query(
      `SELECT coalesce(json_agg(x), '[]'::json)::text AS rows FROM (${select}) x`,
      [userId, organizationId],
    );
    return (JSON.parse(rows) as Row[]).map(withIsoInstants);
  }
}
