import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/time/clock.js';
import { Notification } from './notification.entity.js';
import { OutboundEmail } from './outbound-email.entity.js';

export interface NotifyInput {
  organizationId: string;
  userId: string;
  type: string;
  /** Ids and short values the SPA renders in the reader's language. */
  data?: Record<string, unknown>;
  /** Also send an e-mail (queued in the outbox, delivered by the mail job). */
  email?: { to: string; subject: string; text: string };
}

@Injectable()
export class NotificationService {
  constructor(private readonly clock: Clock) {}

  /** Runs in the caller's transaction: the notification exists exactly when its event does. */
  async notify(em: EntityManager, input: NotifyInput): Promise<void> {
    const now = this.clock.now();
    await em.insert(Notification, {
      organizationId: input.organizationId,
      userId: input.userId,
      type: input.type,
      data: (input.data ?? {}) as never,
      readAt: null,
      createdAt: now,
    });
    if (input.email) await this.queueEmail(em, { ...input.email, organizationId: input.organizationId, userId: input.userId });
  }

  /**
   * In-app notification plus an e-mail in the recipient's language (their own, else the organisation's).
   * `mail` returns subject and text for a language; the link points into the app.
   */
  async notifyWithEmail(
    em: EntityManager,
    input: Omit<NotifyInput, 'email'> & { mail: (lang: 'de' | 'en') => { subject: string; text: string } },
  ): Promise<void> {
    const [recipient]: { email: string; lang: string }[] = await em.query(
      `SELECT u.email, coalesce(u.language, o.default_language) AS lang
         FROM users u JOIN organizations o ON o.id = u.organization_id
        WHERE u.id = $1 AND u.organization_id = $2 AND u.active`,
      [input.userId, input.organizationId],
    );
    const { mail, ...rest } = input;
    if (!recipient) return this.notify(em, rest);
    const { subject, text } = mail(recipient.lang === 'en' ? 'en' : 'de');
    await this.notify(em, { ...rest, email: { to: recipient.email, subject, text } });
  }

  async queueEmail(
    em: EntityManager,
    mail: { organizationId: string; userId: string | null; to: string; subject: string; text: string },
  ): Promise<void> {
    const now = this.clock.now();
    await em.insert(OutboundEmail, {
      organizationId: mail.organizationId,
      userId: mail.userId,
      toAddress: mail.to,
      subject: mail.subject,
      bodyText: mail.text,
      status: 'pending',
      attempts: 0,
      lastError: null,
      nextAttemptAt: now,
      createdAt: now,
      deliveredAt: null,
    });
  }
}
