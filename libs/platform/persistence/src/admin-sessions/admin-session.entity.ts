import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { ApiKeyEntity } from '../api-keys/api-key.entity';

/**
 * A browser session of the web admin. Only a hash of the session id is stored, so the table never holds a
 * usable cookie; a key session names its key, and goes when the key row goes.
 */
@Entity({ name: 'admin_sessions' })
@Index('IDX_admin_sessions_expires_at', ['expiresAt'])
@Check(
  'CHK_admin_sessions_grant',
  `("grant_kind" = 'login-link' AND "api_key_id" IS NULL) OR ("grant_kind" = 'api-key' AND "api_key_id" IS NOT NULL)`,
)
export class AdminSessionEntity {
  @PrimaryColumn({ type: 'text', name: 'id_hash' })
  idHash!: string;

  @Column({ type: 'text', name: 'grant_kind' })
  grantKind!: string;

  @Column({ type: 'uuid', name: 'api_key_id', nullable: true })
  apiKeyId!: string | null;

  @ManyToOne(() => ApiKeyEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'api_key_id', foreignKeyConstraintName: 'FK_admin_sessions_api_key' })
  apiKey?: ApiKeyEntity | null;

  @Column({ type: 'timestamptz', name: 'expires_at' })
  expiresAt!: Date;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;
}
