import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AssignmentOverview, CreateAssignments } from '@freiraum/contracts';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/time/clock.js';
import { badField } from '../common/errors/domain-error.js';
import { Tx } from '../database/transaction.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationService } from '../notifications/notification.service.js';
import { Organization } from '../organizations/organization.entity.js';
import { assignmentStatus, localDate, type AssignmentStatus } from './assignment.policy.js';

interface AssignmentRow {
  user_id: string;
  name: string;
  department_name: string | null;
  path_slug: string;
  path_title: { de: string; en: string };
  due_date: string | null;
  complete: boolean;
  started: boolean;
}

@Injectable()
export class AssignmentsService {
  constructor(
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
  ) {}

  /** HR assigns a path to people and/or a department, optionally with a due date. Re-assigning updates the date. */
  async assign(actor: AuthUser, input: CreateAssignments & { userIds: string[]; departmentId: string | null; dueDate: string | null }) {
    return this.tx.run(async (em) => {
      const [path] = await em.query(`SELECT id, title FROM learning_paths WHERE slug = $1 AND retired_at IS NULL`, [input.pathSlug]);
      if (!path) throw badField('pathSlug', 'is not a learning path');
      if (input.departmentId) {
        const dept = await em.query(`SELECT 1 FROM departments WHERE id = $1 AND organization_id = $2`, [input.departmentId, actor.organizationId]);
        if (!dept.length) throw badField('departmentId', 'is not a department of your organisation');
      }
      const people: { id: string }[] = await em.query(
        `SELECT id FROM users WHERE organization_id = $1 AND active AND (id = ANY($2) OR ($3::uuid IS NOT NULL AND department_id = $3))`,
        [actor.organizationId, input.userIds, input.departmentId],
      );
      const found = new Set(people.map((p) => p.id));
      const unknown = input.userIds.filter((id) => !found.has(id));
      // Ids of other organisations look exactly like unknown ones.
      if (unknown.length) throw badField('userIds', `unknown or inactive: ${unknown.join(', ')}`);
      const now = this.clock.now();
      const rows: { inserted: boolean; user_id: string }[] = await em.query(
        `INSERT INTO learning_assignments (organization_id, user_id, path_id, due_date, assigned_by, created_at)
         SELECT $1, u, $2, $3, $4, $5 FROM unnest($6::uuid[]) AS u
         ON CONFLICT (user_id, path_id) DO UPDATE SET due_date = EXCLUDED.due_date, assigned_by = EXCLUDED.assigned_by,
           notices_sent = CASE WHEN learning_assignments.due_date IS DISTINCT FROM EXCLUDED.due_date THEN '{}' ELSE learning_assignments.notices_sent END
         RETURNING (xmax = 0) AS inserted, user_id`,
        [actor.organizationId, path.id, input.dueDate, actor.id, now, [...found]],
      );
      for (const row of rows.filter((r) => r.inserted)) {
        await this.notifications.notify(em, {
          organizationId: actor.organizationId,
          userId: row.user_id,
          type: 'path_assigned',
          data: { pathSlug: input.pathSlug, pathTitle: path.title, dueDate: input.dueDate },
        });
      }
      const created = rows.filter((r) => r.inserted).length;
      await this.audit.record(em, {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: 'learning.assigned',
        targetType: 'learning_path',
        targetId: path.id,
        data: { userIds: [...found], departmentId: input.departmentId, dueDate: input.dueDate, created, updated: rows.length - created },
      });
      return { created, updated: rows.length - created };
    });
  }

  /** Per person where the organisation allows HR to see individuals; otherwise counts per department. */
  async overview(actor: AuthUser): Promise<AssignmentOverview> {
    const em = this.tx.manager;
    const org = await em.findOneByOrFail(Organization, { id: actor.organizationId });
    const today = localDate(this.clock.now(), org.timeZone);
    const rows = await this.rows(em, actor.organizationId);
    const withStatus = rows.map((r) => ({ ...r, status: assignmentStatus({ complete: r.complete, started: r.started, dueDate: r.due_date, today }) }));
    const groups = new Map<string, { departmentName: string | null; pathSlug: string; pathTitle: { de: string; en: string }; statuses: AssignmentStatus[] }>();
    for (const r of withStatus) {
      const key = `${r.department_name ?? ''}|${r.path_slug}`;
      const g = groups.get(key) ?? { departmentName: r.department_name, pathSlug: r.path_slug, pathTitle: r.path_title, statuses: [] };
      g.statuses.push(r.status);
      groups.set(key, g);
    }
    return {
      individualsVisible: org.hrSeesIndividuals,
      privacyThreshold: org.privacyThreshold,
      people: org.hrSeesIndividuals
        ? withStatus.map((r) => ({ userId: r.user_id, name: r.name, departmentName: r.department_name, pathSlug: r.path_slug, pathTitle: r.path_title, dueDate: r.due_date, status: r.status }))
        : null,
      // A group smaller than the privacy threshold is shown without any figure (works-council rule, PRODUCT.md §6).
      departments: [...groups.values()].map((g) => {
        const visible = g.statuses.length >= org.privacyThreshold;
        const counts = { not_started: 0, in_progress: 0, complete: 0, overdue: 0 };
        for (const s of g.statuses) counts[s]++;
        return { departmentName: g.departmentName, pathSlug: g.pathSlug, pathTitle: g.pathTitle, total: visible ? g.statuses.length : null, counts: visible ? counts : null };
      }),
    };
  }

  private rows(em: EntityManager, organizationId: string): Promise<AssignmentRow[]> {
    return em.query(
      `SELECT a.user_id, u.first_name || ' ' || u.last_name AS name, d.name AS department_name,
              p.slug AS path_slug, p.title AS path_title, to_char(a.due_date, 'YYYY-MM-DD') AS due_date,
              EXISTS (SELECT 1 FROM certificates c WHERE c.user_id = a.user_id AND c.path_id = a.path_id) AS complete,
              EXISTS (SELECT 1 FROM activity_log l WHERE l.user_id = a.user_id AND l.organization_id = a.organization_id
                        AND l.verb IN ('lesson.read', 'exercise.attempted', 'practice.submitted')
                        AND EXISTS (SELECT 1 FROM learning_items i JOIN learning_path_modules pm ON pm.module_id = i.module_id
                                     WHERE pm.path_id = a.path_id AND i.id::text = l.object_id)) AS started
         FROM learning_assignments a
         JOIN users u ON u.id = a.user_id AND u.active
         JOIN learning_paths p ON p.id = a.path_id
         LEFT JOIN departments d ON d.id = u.department_id
        WHERE a.organization_id = $1
        ORDER BY d.name NULLS LAST, u.last_name, u.first_name`,
      [organizationId],
    );
  }
}
