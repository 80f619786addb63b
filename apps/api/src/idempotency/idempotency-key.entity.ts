import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

// A client's Idempotency-Key for a POST that creates something or decides (ADR 0011). The row is claimed
// before the handler runs ('running'), then holds the outcome to replay ('done').
@Entity({ name: 'idempotency_keys' })
@Index('UQ_idempotency_keys_user_key', ['userId', 'key'], { unique: true })
@Index('IDX_idempotency_keys_created', ['createdAt'])
export class IdempotencyKey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  key: string;

  /** sha256 of method, path and body: the same key with another request is refused. */
  @Column({ name: 'request_hash', type: 'text' })
  requestHash: string;

  @Column({ type: 'text', default: 'running' })
  status: 'running' | 'done';

  /** The handler's result, or a domain error as {error: {code, message, details}}. */
  @Column({ name: 'response', type: 'jsonb', nullable: true })
  response: unknown;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
