import type { DataSource } from 'typeorm';

import { apiKeyMatches, apiKeyPrefixOf, generateApiKey } from './api-key-format';

export type ApiKeyRole = 'ingest' | 'reviewer' | 'admin';

export const API_KEY_ROLES: readonly ApiKeyRole[] = ['ingest', 'reviewer', 'admin'];

/** What is known of a key; never its plaintext. */
export interface ApiKeyRecord {
  id: string;
  name: string;
  role: ApiKeyRole;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A key just created: the plaintext exists only here, once. */
export interface CreatedApiKey {
  key: string;
  record: ApiKeyRecord;
}

interface ApiKeyRow {
  id: string;
  name: string;
  role: ApiKeyRole;
  key_prefix: string;
  key_hash: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const COLUMNS = 'id, name, role, key_prefix, key_hash, created_at, last_used_at, revoked_at';
/** last_used_at is a hint for people, not an audit log: one write a minute per key is plenty. */
const TOUCH_INTERVAL_MS = 60_000;

/** The API keys table. */
export class ApiKeyStore {
  private readonly lastTouched = new Map<string, number>();

  constructor(private readonly dataSource: DataSource) {}

  async create(name: string, role: ApiKeyRole): Promise<CreatedApiKey> {
    const trimmed = name.trim();
    if (!trimmed) throw new Error('an API key needs a name');
    if (!API_KEY_ROLES.includes(role)) throw new Error(`unknown role "${role}"; one of ${API_KEY_ROLES.join(', ')}`);
    const generated = generateApiKey();
    const [row] = (await this.dataSource.query(
      `INSERT INTO api_keys (name, role, key_prefix, key_hash) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
      [trimmed, role, generated.prefix, generated.hash],
    )) as ApiKeyRow[];
    return { key: generated.key, record: toRecord(row!) };
  }

  /** The key's record when the key exists and matches; revoked keys are returned too (the caller decides). */
  async findByKey(key: string): Promise<ApiKeyRecord | null> {
    const prefix = apiKeyPrefixOf(key);
    if (!prefix) return null;
    const [row] = (await this.dataSource.query(`SELECT ${COLUMNS} FROM api_keys WHERE key_prefix = $1`, [prefix])) as ApiKeyRow[];
    return row && apiKeyMatches(key, row.key_hash) ? toRecord(row) : null;
  }

  /** The key's record by id (as a key session names it); revoked keys are returned too. */
  async findById(id: string): Promise<ApiKeyRecord | null> {
    const [row] = (await this.dataSource.query(`SELECT ${COLUMNS} FROM api_keys WHERE id = $1::uuid`, [id])) as ApiKeyRow[];
    return row ? toRecord(row) : null;
  }

  /** Every key, newest first. */
  async list(): Promise<ApiKeyRecord[]> {
    const rows = (await this.dataSource.query(`SELECT ${COLUMNS} FROM api_keys ORDER BY created_at DESC, id`)) as ApiKeyRow[];
    return rows.map(toRecord);
  }

  /** Revokes by id or by the public prefix; null when no such key. Revoking twice keeps the first time. */
  async revoke(idOrPrefix: string): Promise<ApiKeyRecord | null> {
    const byId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrPrefix);
    const [rows] = (await this.dataSource.query(
      `UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE ${byId ? 'id = $1::uuid' : 'key_prefix = $1'} RETURNING ${COLUMNS}`,
      [idOrPrefix],
    )) as [ApiKeyRow[], number];
    const row = rows[0];
    return row ? toRecord(row) : null;
  }

  /** Records that the key was used, at most once a minute per key and process. */
  async touch(id: string, now = Date.now()): Promise<void> {
    const last = this.lastTouched.get(id);
    if (last !== undefined && now - last < TOUCH_INTERVAL_MS) return;
    this.lastTouched.set(id, now);
    await this.dataSource.query(`UPDATE api_keys SET last_used_at = $2 WHERE id = $1`, [id, new Date(now)]);
  }
}

function toRecord(row: ApiKeyRow): ApiKeyRecord {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    prefix: row.key_prefix,
    createdAt: new Date(row.created_at).toISOString(),
    lastUsedAt: row.last_used_at ? new Date(row.last_used_at).toISOString() : null,
    revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
  };
}
