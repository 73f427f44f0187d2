import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { RunEntity } from './run.entity';

/** One LLM request made during a run, with what it cost. */
@Entity({ name: 'llm_calls' })
@Index('IDX_llm_calls_run_id', ['runId'])
@Index('IDX_llm_calls_model_created_at', ['model', 'createdAt'])
export class LlmCallEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id!: string;

  @Column({ type: 'uuid', name: 'run_id' })
  runId!: string;

  @ManyToOne(() => RunEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'run_id', foreignKeyConstraintName: 'FK_llm_calls_run' })
  run?: RunEntity;

  @Column({ type: 'text', name: 'stage' })
  stage!: string;

  @Column({ type: 'text', name: 'purpose' })
  purpose!: string;

  @Column({ type: 'text', name: 'model' })
  model!: string;

  @Column({ type: 'text', name: 'prompt_version' })
  promptVersion!: string;

  @Column({ type: 'jsonb', name: 'request', nullable: true })
  request!: unknown;

  @Column({ type: 'jsonb', name: 'response', nullable: true })
  response!: unknown;

  @Column({ type: 'integer', name: 'input_tokens', default: 0 })
  inputTokens!: number;

  @Column({ type: 'integer', name: 'cached_tokens', default: 0 })
  cachedTokens!: number;

  @Column({ type: 'integer', name: 'output_tokens', default: 0 })
  outputTokens!: number;

  /** numeric comes back as text (exact decimal); convert at the edge. */
  @Column({ type: 'numeric', name: 'cost_usd', precision: 14, scale: 8, nullable: true })
  costUsd!: string | null;

  @Column({ type: 'double precision', name: 'latency_ms' })
  latencyMs!: number;

  @Column({ type: 'boolean', name: 'cache_hit', default: false })
  cacheHit!: boolean;

  @Column({ type: 'text', name: 'error', nullable: true })
  error!: string | null;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;
}
