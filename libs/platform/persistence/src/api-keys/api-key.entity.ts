import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One API key: only its SHA-256 hash is stored; the prefix finds the row without scanning hashes. */
@Entity({ name: 'api_keys' })
@Index('UQ_api_keys_key_prefix', ['keyPrefix'], { unique: true })
@Check('CHK_api_keys_role', `"role" IN ('ingest','reviewer','admin')`)
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id!: string;

  @Column({ type: 'text', name: 'name' })
  name!: string;

  @Column({ type: 'text', name: 'role' })
  role!: string;

  @Column({ type: 'text', name: 'key_prefix' })
  keyPrefix!: string;

  @Column({ type: 'text', name: 'key_hash' })
  keyHash!: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'last_used_at', nullable: true })
  lastUsedAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;
}
