import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { OutboundEmail, type OutboundEmailStatus } from '../outbound-email.entity.js';

@Injectable()
export class OutboundEmailRepository {
  /**
   * Claims up to `limit` due mails by pushing their next attempt to `claimUntil`. FOR UPDATE SKIP LOCKED
   * keeps two instances from claiming the same row; if this instance dies while sending, the claim
   * simply runs out and the mail is tried again (at least once, never lost).
   */
  async claimDue(em: EntityManager, now: Date, limit: number, claimUntil: Date): Promise<OutboundEmail[]> {
    const due = await em
      .createQueryBuilder(OutboundEmail, 'm')
      .where('m.status = :status AND m.next_attempt_at <= :now', { status: 'pending', now })
      .orderBy('m.next_attempt_at', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    if (due.length) await em.update(OutboundEmail, { id: In(due.map((m) => m.id)) }, { nextAttemptAt: claimUntil });
    return due;
  }

  async markDelivered(
    em: EntityManager,
    id: string,
    status: Extract<OutboundEmailStatus, 'sent' | 'logged'>,
    now: Date,
  ) {
    await em.update(
      OutboundEmail,
      { id },
      { status, deliveredAt: now, attempts: () => 'attempts + 1', lastError: null },
    );
  }

  async markFailedAttempt(
    em: EntityManager,
    id: string,
    change: { attempts: number; lastError: string; status: 'pending' | 'failed'; nextAttemptAt?: Date },
  ) {
    await em.update(OutboundEmail, { id }, change);
  }
}
