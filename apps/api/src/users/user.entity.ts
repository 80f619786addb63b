import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import type { Language, Role } from '@freiraum/contracts';
import { Organization } from '../organizations/organization.entity.js';
import { Track } from '../organizations/track.entity.js';
import { Department } from '../organizations/department.entity.js';

@Entity({ name: 'users' })
// Sign-in is by e-mail alone, so an address identifies one account across all organisations.
@Index('UQ_users_email', ['email'], { unique: true })
@Index('IDX_users_org_manager', ['organizationId', 'managerId'])
// The person's position in the dashboards' people bitmaps (dash_people_days), dense per organisation.
@Index('UQ_users_org_dash_slot', ['organizationId', 'dashSlot'], { unique: true })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'FK_users_organization' })
  organization?: Relation<Organization>;

  /** Always stored lower-case. */
  @Column({ type: 'text' })
  email: string;

  @Column({ name: 'first_name', type: 'text' })
  firstName: string;

  @Column({ name: 'last_name', type: 'text' })
  lastName: string;

  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash: string | null;

  @Column({ type: 'text', array: true, default: () => "'{employee}'" })
  roles: Role[];

  @Column({ name: 'track_id', type: 'uuid', nullable: true })
  trackId: string | null;

  @ManyToOne(() => Track, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'track_id', foreignKeyConstraintName: 'FK_users_track' })
  track?: Relation<Track> | null;

  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId: string | null;

  @ManyToOne(() => Department, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'FK_users_department' })
  department?: Relation<Department> | null;

  @Column({ name: 'manager_id', type: 'uuid', nullable: true })
  managerId: string | null;

  /** Set by the database on insert (trigger users_dash_slot, ADR 0013); never written by the app. */
  @Column({ name: 'dash_slot', type: 'int', insert: false, update: false })
  dashSlot: number;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'manager_id', foreignKeyConstraintName: 'FK_users_manager' })
  manager?: Relation<User> | null;

  @Column({ type: 'text', nullable: true })
  language: Language | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt: Date | null;

  /** When an admin erased the person's data; the row stays so aggregates and references stay correct. */
  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
