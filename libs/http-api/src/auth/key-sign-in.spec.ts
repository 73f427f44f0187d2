import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { ApiKeyRecord, ApiKeyRole } from '@jdpipe/persistence';

import { AdminSessions } from './admin-sessions';
import { KeySignIn, type ApiKeyLookup } from './key-sign-in';
import { SignInThrottle } from './sign-in-throttle';

function keyRecord(id: string, role: ApiKeyRole, revokedAt: string | null = null): ApiKeyRecord {
  return { id, name: `${role} key`, role, prefix: id, createdAt: '2025-01-01T00:00:00.000Z', lastUsedAt: null, revokedAt };
}

const KEYS = new Map<string, ApiKeyRecord>([
  ['jdp_reviewer', keyRecord('k-reviewer', 'reviewer')],
  ['jdp_admin', keyRecord('k-admin', 'admin')],
  ['jdp_ingest', keyRecord('k-ingest', 'ingest')],
  ['jdp_revoked', keyRecord('k-revoked', 'reviewer', '2025-02-01T00:00:00.000Z')],
]);
const lookup: ApiKeyLookup = { findByKey: (key) => Promise.resolve(KEYS.get(key) ?? null) };

function signInWith(limit = 10) {
  const sessions = new AdminSessions();
  return { sessions, signIns: new KeySignIn(lookup, sessions, new SignInThrottle(limit, 60_000, () => 0)) };
}

describe('KeySignIn', () => {
  test('a reviewer key opens a session that stands for that key, with its name and role', async () => {
    const { sessions, signIns } = signInWith();
    const result = await signIns.signIn(' jdp_reviewer ', '10.0.0.1');
    assert.ok(result.signedIn);
    assert.deepEqual(result.principal, { keyId: 'k-reviewer', name: 'reviewer key', role: 'reviewer' });
    assert.deepEqual(sessions.grantOf(result.sessionId), { kind: 'api-key', key: 'jdp_reviewer' });
    assert.equal((await signIns.signIn('jdp_admin', '10.0.0.1')).signedIn, true);
  });

  test('refuses ingest keys with 403, and unknown, revoked or missing keys with 401', async () => {
    const { signIns } = signInWith();
    const refusals = await Promise.all(['jdp_ingest', 'jdp_nope', 'jdp_revoked', '  '].map((key) => signIns.signIn(key, '10.0.0.1')));
    assert.deepEqual(
      refusals.map((result) => (result.signedIn ? 'signed in' : result.status)),
      [403, 401, 401, 401],
    );
    const [ingest, unknown, revoked] = refusals;
    assert.ok(!ingest!.signedIn && /reviewer or admin/.test(ingest!.detail));
    assert.ok(!unknown!.signedIn && /unknown/.test(unknown!.detail));
    assert.ok(!revoked!.signedIn && /revoked/.test(revoked!.detail));
  });

  test('after too many refusals an address waits, even with a good key; other addresses do not', async () => {
    const { signIns } = signInWith(2);
    await signIns.signIn('jdp_wrong-1', '10.0.0.1');
    await signIns.signIn('jdp_ingest', '10.0.0.1');
    const held = await signIns.signIn('jdp_reviewer', '10.0.0.1');
    assert.ok(!held.signedIn);
    assert.equal(held.status, 429);
    assert.equal(held.retryAfterSeconds, 60);
    assert.equal((await signIns.signIn('jdp_reviewer', '10.0.0.2')).signedIn, true);
  });
});
