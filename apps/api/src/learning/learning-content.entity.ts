import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type { Bilingual } from '@freiraum/content';

// Learning content is the product's, shared by every organisation, so these tables carry no
// organization_id. They are written only by the content import (slugs are the stable keys).

@Entity({ name: 'learning_paths' })
@Index('UQ_learning_paths_slug', ['slug'], { unique: true })
export class LearningPath {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  slug: string;

  @Column({ name: 'track_slug', type: 'text' })
  trackSlug: string;

  @Column({ type: 'jsonb' })
  title: Bilingual;

  @Column({ type: 'jsonb' })
  summary: Bilingual;

  @Column({ type: 'text' })
  version: string;

  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt: Date | null;
}

@Entity({ name: 'learning_modules' })
@Index('UQ_learning_modules_slug', ['slug'], { unique: true })
export class LearningModule {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  slug: string;

  @Column({ type: 'jsonb' })
  title: Bilingual;

  @Column({ type: 'jsonb' })
  summary: Bilingual;

  @Column({ type: 'jsonb' })
  why: Bilingual;

  @Column({ type: 'text' })
  level: string;

  @Column({ type: 'int' })
  minutes: number;

  /** Module slugs. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  prerequisites: string[];

  @Column({ type: 'text' })
  version: string;

  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt: Date | null;
}

@Entity({ name: 'learning_path_modules' })
export class LearningPathModule {
  @PrimaryColumn({ name: 'path_id', type: 'uuid' })
  pathId: string;

  @PrimaryColumn({ name: 'module_id', type: 'uuid' })
  moduleId: string;

  @ManyToOne(() => LearningPath, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'path_id', foreignKeyConstraintName: 'FK_learning_path_modules_path' })
  path?: Relation<LearningPath>;

  @ManyToOne(() => LearningModule, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'module_id', foreignKeyConstraintName: 'FK_learning_path_modules_module' })
  module?: Relation<LearningModule>;

  @Column({ type: 'int' })
  position: number;
}

export type LearningItemKind = 'lesson' | 'exercise';

/** A lesson or an exercise of a module. `content` holds the full item, answers included: never send it raw. */
@Entity({ name: 'learning_items' })
@Index('UQ_learning_items_module_slug', ['moduleId', 'slug'], { unique: true })
export class LearningItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'module_id', type: 'uuid' })
  moduleId: string;

  @ManyToOne(() => LearningModule, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'module_id', foreignKeyConstraintName: 'FK_learning_items_module' })
  module?: Relation<LearningModule>;

  @Column({ type: 'text' })
  slug: string;

  @Column({ type: 'text' })
  kind: LearningItemKind;

  /** quiz | prompt | review | practice | reflection; null for lessons. */
  @Column({ name: 'exercise_type', type: 'text', nullable: true })
  exerciseType: string | null;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'boolean', default: true })
  required: boolean;

  @Column({ type: 'jsonb' })
  content: Record<string, unknown>;

  @Column({ type: 'text' })
  version: string;

  /** Set when the item left the content; its attempts stay, it no longer counts. */
  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt: Date | null;
}
