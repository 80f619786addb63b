import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Notification } from './notification.entity.js';

/** The reader's own notifications: every query is scoped by user AND organisation. */
export interface Owner {
  userId: string;
  organizationId: string;
}

@Injectable()
export class NotificationsRepository {
  latest(em: EntityManager, owner: Owner, limit: number): Promise<Notification[]> {
    return em.find(Notification, {
      where: { userId: owner.userId, organizationId: owner.organizationId },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: limit,
    });
  }

  async countUnread(em: EntityManager, owner: Owner): Promise<number> {
    return em
      .createQueryBuilder(Notification, 'n')
      .where('n.user_id = :userId AND n.organization_id = :organizationId AND n.read_at IS NULL', owner)
      .getCount();
  }

  /** Marks one as read (keeps the first read time). Returns false when it is not the owner's. */
  async markRead(em: EntityManager, owner: Owner, id: string, now: Date): Promise<boolean> {
    const result = await em
      .createQueryBuilder()
      .update(Notification)
      .set({ readAt: () => 'COALESCE(read_at, :now)' })
      .where('id = :id AND user_id = :userId AND organization_id = :organizationId', { ...owner, id })
      .setParameter('now', now)
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async markAllRead(em: EntityManager, owner: Owner, now: Date): Promise<void> {
    await em
      .createQueryBuilder()
      .update(Notification)
      .set({ readAt: now })
      .where('user_id = :userId AND organization_id = :organizationId AND read_at IS NULL', owner)
      .execute();
  }
}
