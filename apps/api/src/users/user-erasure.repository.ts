import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { throttleKey } from '../auth/login-throttle.policy.js';
import {
  ERASED_ANSWER,
  erasedEmail,
  feedbackWithoutQuotes,
  FREE_TEXT_EXERCISE_TYPES,
  REDACTED_NAME,
} from './user-erasure.policy.js';

export interface ErasureSubject {
  organizationId: string;
  userId: string;
  /** The address before erasure: outbox rows and sign-in counters are keyed by it. */
  email: string;
}

// The SQL of erasing a person's data (PRODUCT.md §6). Runs inside the erasure's transaction; every query is
// scoped by organisation and person. Row counts come back through a CTE, alike on pg and PGlite.
@Injectable()
export class UserErasureRepository {
  /** Cancels Freiraum time the person can no longer take (cancelsOnErasure in the policy); returns the ids. */
  async cancelOpenRequests(em: EntityManager, s: ErasureSubject, today: string, now: Date): Promise<string[]> {
    const rows: { id: string }[] = await em.query(
      `WITH c AS (
         UPDATE freiraum_requests SET status = 'cancelled', decided_at = $4
          WHERE organization_id = $1 AND user_id = $2
            AND (status = 'pending' OR (status = 'approved' AND slot_date > $3::date))
          RETURNING id)
       SELECT id FROM c ORDER BY id`,
      [s.organizationId, s.userId, today, now],
    );
    return rows.map((r) => r.id);
  }

  /** The purpose is the person's own text; the request itself stays for the Freiraum figures. */
  async blankRequestPurposes(em: EntityManager, s: ErasureSubject): Promise<number> {
    return this.count(
      em,
      `UPDATE freiraum_requests SET purpose = '' WHERE organization_id = $1 AND user_id = $2 AND purpose <> '' RETURNING 1`,
      [s.organizationId, s.userId],
    );
  }

  /** Free-text answers become {"erased": true}; score, passed and status stay. */
  async eraseFreeTextAnswers(em: EntityManager, s: ErasureSubject): Promise<number> {
    const attempts: { id: string; feedback: Record<string, unknown> }[] = await em.query(
      `SELECT a.id, a.feedback FROM exercise_attempts a JOIN learning_items i ON i.id = a.item_id
        WHERE a.organization_id = $1 AND a.user_id = $2 AND i.exercise_type = ANY($3::text[])`,
      [s.organizationId, s.userId, [...FREE_TEXT_EXERCISE_TYPES]],
    );
    for (const a of attempts) {
      await em.query(`UPDATE exercise_attempts SET answer = $2::jsonb, feedback = $3::jsonb WHERE id = $1`, [
        a.id,
        JSON.stringify(ERASED_ANSWER),
        JSON.stringify(feedbackWithoutQuotes(a.feedback ?? {})),
      ]);
    }
    return attempts.length;
  }

  /**
   * Submitted practice work of the person leaves every review queue: nobody is left to revise it, and a
   * reviewer should not wait on it. It stays `submitted` (never accepted), so the figures do not change.
   */
  async withdrawSubmissions(em: EntityManager, s: ErasureSubject): Promise<number> {
    return this.count(
      em,
      `UPDATE exercise_attempts SET reviewer_id = NULL
        WHERE organization_id = $1 AND user_id = $2 AND status = 'submitted' AND reviewer_id IS NOT NULL RETURNING 1`,
      [s.organizationId, s.userId],
    );
  }

  /** Private entries go (with their kudos, by cascade); shared ones stay, credited to "former colleague". */
  async deletePrivateEntries(em: EntityManager, s: ErasureSubject): Promise<number> {
    return this.count(
      em,
      `DELETE FROM journal_entries WHERE organization_id = $1 AND user_id = $2 AND visibility = 'private' RETURNING 1`,
      [s.organizationId, s.userId],
    );
  }

  async deleteNotifications(em: EntityManager, s: ErasureSubject): Promise<number> {
    return this.count(em, `DELETE FROM notifications WHERE organization_id = $1 AND user_id = $2 RETURNING 1`, [
      s.organizationId,
      s.userId,
    ]);
  }

  /** E-mails to the person, queued or sent: a queued one is never delivered now. */
  async deleteEmails(em: EntityManager, s: ErasureSubject): Promise<number> {
    return this.count(
      em,
      `DELETE FROM outbound_emails WHERE organization_id = $1 AND (user_id = $2 OR lower(to_address) = $3) RETURNING 1`,
      [s.organizationId, s.userId, s.email.toLowerCase()],
    );
  }

  /** E-mails to others that name the person (e.g. "… asks for Freiraum") keep their text, not the name. */
  async redactNameInEmails(em: EntityManager, s: ErasureSubject, name: string): Promise<number> {
    return this.count(
      em,
      `UPDATE outbound_emails SET subject = replace(subject, $2, $3), body_text = replace(body_text, $2, $3)
        WHERE organization_id = $1 AND (strpos(subject, $2) > 0 OR strpos(body_text, $2) > 0) RETURNING 1`,
      [s.organizationId, name, REDACTED_NAME],
    );
  }

  /** Sessions, one-time links, replay cache and sign-in counters: nothing left to sign in with. */
  async deleteSignInData(em: EntityManager, s: ErasureSubject): Promise<void> {
    await em.query(`DELETE FROM refresh_tokens WHERE organization_id = $1 AND user_id = $2`, [
      s.organizationId,
      s.userId,
    ]);
    await em.query(`DELETE FROM one_time_tokens WHERE organization_id = $1 AND user_id = $2`, [
      s.organizationId,
      s.userId,
    ]);
    await em.query(`DELETE FROM idempotency_keys WHERE user_id = $1`, [s.userId]);
    const email = s.email.toLowerCase();
    await em.query(`DELETE FROM login_throttle WHERE key = ANY($1::text[])`, [
      [throttleKey('account', email), throttleKey('reset', email)],
    ]);
  }

  /**
   * The row stays (ids in learning, Freiraum and logs keep pointing at it; department, track and manager
   * keep the counts right) but says nothing about who the person was.
   */
  async anonymiseUser(em: EntityManager, s: ErasureSubject, now: Date): Promise<void> {
    await em.query(
      `UPDATE users SET email = $3, first_name = '', last_name = '', password_hash = NULL, language = NULL,
              active = false, deactivated_at = coalesce(deactivated_at, $4), erased_at = $4, updated_at = $4
        WHERE organization_id = $1 AND id = $2`,
      [s.organizationId, s.userId, erasedEmail(s.userId), now],
    );
  }

  private async count(em: EntityManager, statement: string, params: unknown[]): Promise<number> {
    const [{ n }]: { n: number }[] = await em.query(
      `WITH x AS (${statement}) SELECT count(*)::int AS n FROM x`,
      params,
    );
    return n;
  }
}
