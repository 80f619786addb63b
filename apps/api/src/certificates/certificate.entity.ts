import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

// A completed learning path. The holder's name is not copied here: after a user is erased, the public
// verification still confirms the certificate, just without a name (PRODUCT.md §6).
@Entity({ name: 'certificates' })
@Index('UQ_certificates_code', ['code'], { unique: true })
@Index('UQ_certificates_user_path', ['userId', 'pathId'], { unique: true })
export class Certificate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'path_id', type: 'uuid' })
  pathId: string;

  /** The content version of the path when it was completed. */
  @Column({ name: 'path_version', type: 'text' })
  pathVersion: string;

  /** Public verification code, e.g. FR-7KQ2-M9XD. */
  @Column({ type: 'text' })
  code: string;

  @Column({ name: 'completed_at', type: 'timestamptz' })
  completedAt: Date;
}
