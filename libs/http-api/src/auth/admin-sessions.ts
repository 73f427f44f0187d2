import { randomBytes } from 'node:crypto';

import type { AdminSessionGrant } from '@jdpipe/persistence';

import type { ApiPrincipal } from './current-principal.decorator';

const LOGIN_TOKEN_TTL_MS = 15 * 60_000;
export const SESSION_TTL_MS = 12 * 60 * 60_000;
/** Expired sessions are swept when a session opens, at most this often. */
const SWEEP_INTERVAL_MS = 60 * 60_000;

/**
 * Who a session opened by a one-time login link acts as: `jdpipe serve` prints the link to its owner. Each such
 * session has its own rate-limit bucket, named after the start of its id.
 */
export function loginLinkPrincipal(sessionId: string): ApiPrincipal {
  return { keyId: `session:${sessionId.slice(0, 8)}`, name: 'admin (login link)', role: 'admin' };
}

/** Where sessions live (the database, so that every gateway replica knows every session). */
export interface AdminSessionStorage {
  open(grant: AdminSessionGrant, expiresAt: Date): Promise<string>;
  grantOf(sessionId: string, now: Date): Promise<AdminSessionGrant | null>;
  end(sessionId: string): Promise<boolean>;
  forgetExpired(now: Date): Promise<number>;
}

/**
 * Browser sessions of the web admin, opened by a one-time login link (as a notebook server does: a token works
 * once and within 15 minutes) or by signing in with an API key; each lasts 12 hours. Sessions are stored, so
 * they survive a restart and work on every replica. Login tokens stay in the memory of the process that
 * printed them: only its owner has the link, and it must come back to the same `jdpipe serve`.
 */
export class AdminSessions {
  private readonly loginTokens = new Map<string, number>();
  private nextSweepAt = 0;

  constructor(
    private readonly storage: AdminSessionStorage,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new single-use login token. */
  issueLoginToken(): string {
    const token = randomBytes(24).toString('base64url');
    this.loginTokens.set(token, this.now() + LOGIN_TOKEN_TTL_MS);
    return token;
  }

  /** Consumes a login token: the new admin session id, or null when the token is unknown, used or expired. */
  async redeem(token: string): Promise<string | null> {
    const expiresAt = this.loginTokens.get(token);
    this.loginTokens.delete(token);
    if (expiresAt === undefined || expiresAt <= this.now()) return null;
    return this.open({ kind: 'login-link' });
  }

  /** Opens a session for a grant the caller has verified; answers the new session id. */
  async open(grant: AdminSessionGrant): Promise<string> {
    await this.sweepNowAndThen();
    return this.storage.open(grant, new Date(this.now() + SESSION_TTL_MS));
  }

  /** What a live session stands for, or null when it is unknown, ended or expired. */
  grantOf(sessionId: string): Promise<AdminSessionGrant | null> {
    return this.storage.grantOf(sessionId, new Date(this.now()));
  }

  /** Ends a session (sign-out); false when there was none. */
  end(sessionId: string): Promise<boolean> {
    return this.storage.end(sessionId);
  }

  /** Sessions and tokens nobody used before they expired would otherwise stay for good. */
  private async sweepNowAndThen(): Promise<void> {
    const now = this.now();
    if (now < this.nextSweepAt) return;
    this.nextSweepAt = now + SWEEP_INTERVAL_MS;
    for (const [token, expiresAt] of this.loginTokens) if (expiresAt <= now) this.loginTokens.delete(token);
    await this.storage.forgetExpired(new Date(now));
  }
}
