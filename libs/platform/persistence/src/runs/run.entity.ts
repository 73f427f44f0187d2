import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

import type { RunDocument } from '@jdpipe/contracts';

/** One posting's run: the columns an admin filters on, plus the whole run document. */
@Entity({ name: 'runs' })
@Index('IDX_runs_posting_id', ['postingId'])
@Index('IDX_runs_created_at', ['createdAt'])
@Index('IDX_runs_status_created_at', ['status', 'createdAt'])
@Index('IDX_runs_role_slug_created_at', ['roleSlug', 'createdAt'])
@Check('CHK_runs_status', `"status" IN ('completed','rejected','failed')`)
@Check('CHK_runs_mode', `"mode" IN ('offline','llm','hybrid')`)
@Check('CHK_runs_decision_case', `"decision_case" IN ('ALIAS','KRA','SKILL','DOMAIN','NEW')`)
export class RunEntity {
  @PrimaryColumn({ type: 'uuid', name: 'run_id' })
  runId!: string;

  @Column({ type: 'text', name: 'posting_id' })
  postingId!: string;

  @Column({ type: 'text', name: 'status' })
  status!: string;

  @Column({ type: 'text', name: 'rejection_code', nullable: true })
  rejectionCode!: string | null;

  @Column({ type: 'text', name: 'rejection_reason', nullable: true })
  rejectionReason!: string | null;

  @Column({ type: 'integer', name: 'catalog_version' })
  catalogVersion!: number;

  @Column({ type: 'text', name: 'mode' })
  mode!: string;

  @Column({ type: 'text', name: 'title', nullable: true })
  title!: string | null;

  @Column({ type: 'text', name: 'role_slug', nullable: true })
  roleSlug!: string | null;

  @Column({ type: 'text', name: 'decision_case', nullable: true })
  decisionCase!: string | null;

  @Column({ type: 'double precision', name: 'confidence', nullable: true })
  confidence!: number | null;

  @Column({ type: 'text', name: 'trace_id', nullable: true })
  traceId!: string | null;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'completed_at', nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'jsonb', name: 'document' })
  document!: RunDocument;
}
