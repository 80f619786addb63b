import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type OutboundEmailStatus = 'pending' | 'sent' | 'logged' | 'failed';

// The mail outbox: written in the same transaction as the event, delivered by a job (SMTP, or logged).
@Entity({ name: 'outbound_emails' })
@Index('IDX_outbound_emails_status', ['status', 'nextAttemptAt'])
export class OutboundEmail {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ name: 'to_address', type: 'text' })
  toAddress: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ name: 'body_text', type: 'text' })
  bodyText: string;

  @Column({ type: 'text', default: 'pending' })
  status: OutboundEmailStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt: Date;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;
}
