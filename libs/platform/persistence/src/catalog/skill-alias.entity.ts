import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';

import { SkillEntity } from './skill.entity';

@Entity({ name: 'skill_aliases' })
@Unique('UQ_skill_aliases_skill_text', ['skillId', 'text'])
@Index('IDX_skill_aliases_lower_text', { synchronize: false })
@Check('CHK_skill_aliases_type', `"alias_type" IN ('canonical','synonym','abbreviation','misspelling')`)
@Check('CHK_skill_aliases_match', `"match_strategy" IN ('case_insensitive','case_sensitive')`)
export class SkillAliasEntity {
  @PrimaryGeneratedColumn({ type: 'integer', name: 'id' })
  id!: number;

  @Column({ type: 'integer', name: 'skill_id' })
  skillId!: number;

  @ManyToOne(() => SkillEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'skill_id', foreignKeyConstraintName: 'FK_skill_aliases_skill' })
  skill?: SkillEntity;

  @Column({ type: 'text', name: 'text' })
  text!: string;

  @Column({ type: 'text', name: 'alias_type' })
  aliasType!: string;

  @Column({ type: 'text', name: 'match_strategy' })
  matchStrategy!: string;

  /** Words of which one must occur in the posting for the alias to count; empty = always counts. */
  @Column({ type: 'text', name: 'context', array: true, default: () => "'{}'" })
  context!: string[];

  @Column({ type: 'integer', name: 'position', default: 0 })
  position!: number;

  @Column({ type: 'text', name: 'source', default: 'seed' })
  source!: string;
}
