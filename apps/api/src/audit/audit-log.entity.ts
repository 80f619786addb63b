import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

// Append-only (a trigger rejects UPDATE and DELETE). People appear by id only, never by name (PRODUCT.md §6).
@Entity({ name: 'audit_log' })
@Index('IDX_audit_log_org_created', ['organizationId', 'createdAt'])
export class AuditLogEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'target_type', type: 'text' })
  targetType: string;

  @Column({ name: 'target_id', type: 'text', nullable: true })
  targetId: string | null;

  @Column({ type: 'jsonb', default: {} })
  data: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
