import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Organization } from './organization.entity.js';

// Tracks are rows, not an enum, so more job families can be added without a release.
@Entity({ name: 'tracks' })
@Index('UQ_tracks_org_slug', ['organizationId', 'slug'], { unique: true })
export class Track {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'FK_tracks_organization' })
  organization?: Relation<Organization>;

  @Column({ type: 'text' })
  slug: string;

  @Column({ name: 'name_de', type: 'text' })
  nameDe: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn: string;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @Column({ type: 'int', default: 0 })
  position: number;
}
