import { Injectable } from '@nestjs/common';
import type { NotificationList, UnreadCount } from '@freiraum/contracts';
import type { AuthUser } from '../common/auth/auth-user.js';
import { notFound } from '../common/errors/domain-error.js';
import { Clock } from '../common/time/clock.js';
import { Tx } from '../database/transaction.js';
import { NotificationsRepository, type Owner } from './notifications.repository.js';

/** The in-app inbox; writing notifications is NotificationService's job (inside the event's transaction). */
export const INBOX_LIMIT = 50;

const ownerOf = (user: AuthUser): Owner => ({ userId: user.id, organizationId: user.organizationId });

@Injectable()
export class NotificationInboxService {
  constructor(
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly notifications: NotificationsRepository,
  ) {}

  async list(user: AuthUser): Promise<NotificationList> {
    const em = this.tx.manager;
    const rows = await this.notifications.latest(em, ownerOf(user), INBOX_LIMIT);
    const unread = await this.notifications.countUnread(em, ownerOf(user));
    return {
      items: rows.map((n) => ({
        id: n.id,
        type: n.type,
        data: n.data,
        readAt: n.readAt ? n.readAt.toISOString() : null,
        createdAt: n.createdAt.toISOString(),
      })),
      unread,
    };
  }

  async unreadCount(user: AuthUser): Promise<UnreadCount> {
    return { unread: await this.notifications.countUnread(this.tx.manager, ownerOf(user)) };
  }

  async markRead(user: AuthUser, id: string): Promise<void> {
    const found = await this.notifications.markRead(this.tx.manager, ownerOf(user), id, this.clock.now());
    // Someone else's notification looks exactly like a missing one.
    if (!found) throw notFound('Notification');
  }

  async markAllRead(user: AuthUser): Promise<void> {
    await this.notifications.markAllRead(this.tx.manager, ownerOf(user), this.clock.now());
  }
}
