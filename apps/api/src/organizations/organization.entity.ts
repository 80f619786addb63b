import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AiPolicy, Language, PeriodKind } from '@freiraum/contracts';
import { hoursColumn } from '../database/hours-column.js';

@Entity({ name: 'organizations' })
export class Organization {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'time_zone', type: 'text', default: 'Europe/Berlin' })
  timeZone: string;

  @Column({ name: 'default_language', type: 'text', default: 'de' })
  defaultLanguage: Language;

  @Column({ name: 'privacy_threshold', type: 'int', default: 5 })
  privacyThreshold: number;

  /** Dashboard bitmap slots handed out so far (the next user's users.dash_slot; ADR 0013). */
  @Column({ name: 'dash_slots', type: 'int', default: 0, select: false, insert: false, update: false })
  dashSlots: number;

  @Column({ name: 'hr_sees_individuals', type: 'boolean', default: false })
  hrSeesIndividuals: boolean;

  @Column({ name: 'managers_see_last_activity', type: 'boolean', default: false })
  managersSeeLastActivity: boolean;

  @Column({ name: 'ai_policy', type: 'jsonb', default: { tools: [], rules: '' } })
  aiPolicy: AiPolicy;

  // The Freiraum policy (PRODUCT.md §3), kept by the admin.
  @Column({ name: 'freiraum_period_kind', type: 'text', default: 'month' })
  freiraumPeriodKind: PeriodKind;

  @Column({ name: 'freiraum_default_hours', ...hoursColumn, default: 8 })
  freiraumDefaultHours: number;

  @Column({ name: 'freiraum_max_hours', ...hoursColumn, default: 16 })
  freiraumMaxHours: number;

  @Column({ name: 'freiraum_escalation_days', type: 'int', default: 3 })
  freiraumEscalationDays: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
