import { createHash, randomBytes } from 'node:crypto';

import type { DataSource } from 'typeorm';

/** What a session stands for: the admin of a one-time login link, or the API key it was signed in with. */
export type AdminSessionGrant = { kind: 'login-link' } | { kind: 'api-key'; keyId: string };

interface SessionRow {
  grant_kind: AdminSessionGrant['kind'];
  api_key_id: string | null;
  expires_at: Date | string;
}

/**
 * The web admin's sessions, shared by every process on the database (gateway replicas need no sticky
 * sessions). The id is 256 random bits handed to the browser once; the table keeps only its SHA-256.
 */
export class AdminSessionStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Opens a session for a grant the caller has verified; answers the new session id. */
  async open(grant: AdminSessionGrant, expiresAt: Date): Promise<string> {
    const sessionId = randomBytes(32).toString('base64url');
    await this.dataSource.query(`INSERT INTO admin_sessions (id_hash, grant_kind, api_key_id, expires_at) VALUES ($1, $2, $3, $4)`, [
      hashOf(sessionId),
      grant.kind,
      grant.kind === 'api-key' ? grant.keyId : null,
      expiresAt,
    ]);
    return sessionId;
  }

  /** What a live session stands for; null when it is unknown, ended or expired at `now`. */
  async grantOf(sessionId: string, now: Date): Promise<AdminSessionGrant | null> {
    const [row] = (await this.dataSource.query(`SELECT grant_kind, api_key_id, expires_at FROM admin_sessions WHERE id_hash = $1`, [
      hashOf(sessionId),
    ])) as SessionRow[];
    if (!row || new Date(row.expires_at).getTime() <= now.getTime()) return null;
    return row.grant_kind === 'api-key' && row.api_key_id ? { kind: 'api-key', keyId: row.api_key_id } : { kind: 'login-link' };
  }

  /** Ends a session (sign-out); false when there was none. */
  async end(sessionId: string): Promise<boolean> {
    return (await this.deleted(`DELETE FROM admin_sessions WHERE id_hash = $1 RETURNING id_hash`, [hashOf(sessionId)])) > 0;
  }

  /** Deletes the sessions that expired at or before `now`; answers how many. */
  forgetExpired(now: Date): Promise<number> {
    return this.deleted(`DELETE FROM admin_sessions WHERE expires_at <= $1 RETURNING id_hash`, [now]);
  }

  // TypeORM answers a DELETE … RETURNING with [rows, count] on both drivers.
  private async deleted(sql: string, params: unknown[]): Promise<number> {
    const [rows] = (await this.dataSource.query(sql, params)) as [unknown[], number];
    return rows.length;
  }
}

function hashOf(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('hex');
}
