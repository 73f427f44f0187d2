import { randomBytes } from 'node:crypto';

import type { ApiPrincipal } from './current-principal.decorator';

const LOGIN_TOKEN_TTL_MS = 15 * 60_000;
export const SESSION_TTL_MS = 12 * 60 * 60_000;

/**
 * Who a session opened by a one-time login link acts as: `jdpipe serve` prints the link to its owner. Each such
 * session has its own rate-limit bucket, named after the start of its id.
 */
export function loginLinkPrincipal(sessionId: string): ApiPrincipal {
  return { keyId: `session:${sessionId.slice(0, 8)}`, name: 'admin (login link)', role: 'admin' };
}

/**
 * What a live session stands for: the admin of a login link, or the API key it was signed in with. A key
 * session is checked against the key store on every request, like the key itself, so revoking the key ends it.
 */
export type SessionGrant = { kind: 'login-link' } | { kind: 'api-key'; key: string };

interface Session {
  grant: SessionGrant;
  expiresAt: number;
}

/**
 * Browser sessions of one server process, opened by a one-time login link (as a notebook server does: a token
 * works once and within 15 minutes) or by signing in with an API key. Each lasts 12 hours. Kept in memory:
 * restarting the server signs everyone out, and several gateway replicas need sticky sessions.
 */
export class AdminSessions {
  private readonly loginTokens = new Map<string, number>();
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A new single-use login token. */
  issueLoginToken(): string {
    const token = randomBytes(24).toString('base64url');
    this.loginTokens.set(token, this.now() + LOGIN_TOKEN_TTL_MS);
    return token;
  }

  /** Consumes a login token: the new admin session id, or null when the token is unknown, used or expired. */
  redeem(token: string): string | null {
    const expiresAt = this.loginTokens.get(token);
    this.loginTokens.delete(token);
    if (expiresAt === undefined || expiresAt <= this.now()) return null;
    return this.open({ kind: 'login-link' });
  }

  /** Opens a session for a grant the caller has verified; answers the new session id. */
  open(grant: SessionGrant): string {
    this.forgetExpired();
    const sessionId = randomBytes(32).toString('base64url');
    this.sessions.set(sessionId, { grant, expiresAt: this.now() + SESSION_TTL_MS });
    return sessionId;
  }

  /** What a live session stands for, or null when it is unknown, ended or expired. */
  grantOf(sessionId: string): SessionGrant | null {
    const session = this.sessions.get(sessionId);
    if (!session) return null;
    if (session.expiresAt <= this.now()) {
      this.sessions.delete(sessionId);
      return null;
    }
    return session.grant;
  }

  /** Ends a session (sign-out); false when there was none. */
  end(sessionId: string): boolean {
    return this.sessions.delete(sessionId);
  }

  /** Sessions and tokens nobody used before they expired would otherwise stay until the process ends. */
  private forgetExpired(): void {
    const now = this.now();
    for (const [id, session] of this.sessions) if (session.expiresAt <= now) this.sessions.delete(id);
    for (const [token, expiresAt] of this.loginTokens) if (expiresAt <= now) this.loginTokens.delete(token);
  }
}
