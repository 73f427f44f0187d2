import type { ApiKeyRecord } from '@jdpipe/persistence';

import type { AdminSessions } from './admin-sessions';
import type { ApiPrincipal } from './current-principal.decorator';
import type { SignInThrottle } from './sign-in-throttle';

/** The part of the key store a sign-in needs. */
export interface ApiKeyLookup {
  findByKey(key: string): Promise<ApiKeyRecord | null>;
}

/** A session opened with the key's name and role, or why not, as the HTTP status and detail to answer. */
export type SignInResult =
  | { signedIn: true; sessionId: string; principal: ApiPrincipal }
  | { signedIn: false; status: 401 | 403 | 429; detail: string; retryAfterSeconds?: number };

/**
 * Signing in to the web admin with an API key: the key is checked in the same store as on every API call, and
 * the session acts with that key's role. Ingest keys stay machine credentials: they may not open the admin.
 * Every refusal counts against the client address, which is held back after too many.
 */
export class KeySignIn {
  constructor(
    private readonly keys: ApiKeyLookup,
    private readonly sessions: AdminSessions,
    private readonly throttle: SignInThrottle,
  ) {}

  async signIn(key: string, clientAddress: string): Promise<SignInResult> {
    const waitSeconds = this.throttle.waitSeconds(clientAddress);
    if (waitSeconds > 0) {
      return {
        signedIn: false,
        status: 429,
        detail: `too many refused sign-ins from this address; try again in ${waitSeconds} s`,
        retryAfterSeconds: waitSeconds,
      };
    }
    const presented = key.trim();
    const record = presented ? await this.keys.findByKey(presented) : null;
    const verdict = verdictOf(presented, record);
    if ('refused' in verdict) {
      this.throttle.recordFailure(clientAddress);
      return { signedIn: false, status: verdict.refused, detail: verdict.detail };
    }
    const { id, name, role } = verdict.accepted;
    return { signedIn: true, sessionId: await this.sessions.open({ kind: 'api-key', keyId: id }), principal: { keyId: id, name, role } };
  }
}

type KeyVerdict = { accepted: ApiKeyRecord } | { refused: 401 | 403; detail: string };

function verdictOf(key: string, record: ApiKeyRecord | null): KeyVerdict {
  if (!key) return { refused: 401, detail: 'paste an API key to sign in' };
  if (!record) return { refused: 401, detail: 'unknown API key' };
  if (record.revokedAt) return { refused: 401, detail: 'this API key was revoked' };
  if (record.role === 'ingest')
    return { refused: 403, detail: 'an ingest key only submits postings; sign in with a reviewer or admin key' };
  return { accepted: record };
}
