import { Injectable } from '@nestjs/common';
import { Tx } from '../database/transaction.js';
import { NotificationService } from '../notifications/notification.service.js';
import { Scheduled, type ScheduledJob } from '../jobs/scheduled-job.js';
import { dueNotice, localDate } from './assignment.policy.js';

const TEXT = {
  due_in_7_days: {
    de: (p: string, d: string) => [`Noch 7 Tage: ${p}`, `Ihr Lernpfad „${p}“ ist bis ${d} fällig.`],
    en: (p: string, d: string) => [`7 days left: ${p}`, `Your learning path "${p}" is due on ${d}.`],
  },
  due_in_1_day: {
    de: (p: string, d: string) => [`Morgen fällig: ${p}`, `Ihr Lernpfad „${p}“ ist morgen (${d}) fällig.`],
    en: (p: string, d: string) => [`Due tomorrow: ${p}`, `Your learning path "${p}" is due tomorrow (${d}).`],
  },
  overdue: {
    de: (p: string, d: string) => [`Überfällig: ${p}`, `Ihr Lernpfad „${p}“ war bis ${d} fällig.`],
    en: (p: string, d: string) => [`Overdue: ${p}`, `Your learning path "${p}" was due on ${d}.`],
  },
};

/** Due-date notices for assigned paths: 7 days before, 1 day before, and once overdue (PRODUCT.md §5). */
@Injectable()
@Scheduled()
export class AssignmentDueJob implements ScheduledJob {
  readonly name = 'learning.assignment-due';
  readonly intervalMs = 60 * 60_000;

  constructor(
    private readonly tx: Tx,
    private readonly notifications: NotificationService,
  ) {}

  async run(now: Date): Promise<void> {
    await this.tx.run(async (em) => {
      const rows: {
        id: string; organization_id: string; user_id: string; email: string; language: string | null; org_language: string;
        time_zone: string; due_date: string; notices_sent: string[]; title: { de: string; en: string }; slug: string; complete: boolean;
      }[] = await em.query(
        `SELECT a.id, a.organization_id, a.user_id, u.email, u.language, o.default_language AS org_language, o.time_zone,
                to_char(a.due_date, 'YYYY-MM-DD') AS due_date, a.notices_sent, p.title, p.slug,
                EXISTS (SELECT 1 FROM certificates c WHERE c.user_id = a.user_id AND c.path_id = a.path_id) AS complete
           FROM learning_assignments a
           JOIN users u ON u.id = a.user_id AND u.active
           JOIN organizations o ON o.id = a.organization_id
           JOIN learning_paths p ON p.id = a.path_id
          WHERE a.due_date IS NOT NULL AND a.due_date <= ($1::timestamptz AT TIME ZONE 'UTC')::date + 8
            AND NOT ('overdue' = ANY(a.notices_sent))
          FOR UPDATE OF a`,
        [now],
      );
      for (const r of rows) {
        const notice = dueNotice({ complete: r.complete, dueDate: r.due_date, today: localDate(now, r.time_zone), sent: r.notices_sent });
        if (!notice) continue;
        const lang = (r.language ?? r.org_language) === 'en' ? 'en' : 'de';
        const [subject, text] = TEXT[notice][lang](r.title[lang], r.due_date);
        await this.notifications.notify(em, {
          organizationId: r.organization_id,
          userId: r.user_id,
          type: notice === 'overdue' ? 'assignment_overdue' : 'assignment_due',
          data: { pathSlug: r.slug, pathTitle: r.title, dueDate: r.due_date, notice },
          email: { to: r.email, subject, text },
        });
        await em.query(`UPDATE learning_assignments SET notices_sent = array_append(notices_sent, $2) WHERE id = $1`, [r.id, notice]);
      }
    });
  }
}
