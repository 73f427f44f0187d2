import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import { AdminSessionStore, ApiKeyStore } from '@jdpipe/persistence';
import { migratedPgliteForSpecs } from '@jdpipe/testing';

import { AdminSessions } from './admin-sessions';
import { KeySignIn } from './key-sign-in';
import { SignInThrottle } from './sign-in-throttle';

const dataSource = migratedPgliteForSpecs();
const keys: Record<'reviewer' | 'admin' | 'ingest' | 'revoked', { key: string; id: string }> = {
  reviewer: { key: '', id: '' },
  admin: { key: '', id: '' },
  ingest: { key: '', id: '' },
  revoked: { key: '', id: '' },
};

function signInWith(limit = 10) {
  const sessions = new AdminSessions(new AdminSessionStore(dataSource()));
  return { sessions, signIns: new KeySignIn(new ApiKeyStore(dataSource()), sessions, new SignInThrottle(limit, 60_000, () => 0)) };
}

describe('KeySignIn', () => {
  before(async () => {
    const store = new ApiKeyStore(dataSource());
    for (const [name, role] of [
      ['reviewer', 'reviewer'],
      ['admin', 'admin'],
      ['ingest', 'ingest'],
      ['revoked', 'reviewer'],
    ] as const) {
      const created = await store.create(`${name} key`, role);
      keys[name] = { key: created.key, id: created.record.id };
    }
    await store.revoke(keys.revoked.id);
  });

  test('a reviewer key opens a session that stands for that key, with its name and role', async () => {
    const { sessions, signIns } = signInWith();
    const result = await signIns.signIn(` ${keys.reviewer.key} `, '10.0.0.1');
    assert.ok(result.signedIn);
    assert.deepEqual(result.principal, { keyId: keys.reviewer.id, name: 'reviewer key', role: 'reviewer' });
    assert.deepEqual(await sessions.grantOf(result.sessionId), { kind: 'api-key', keyId: keys.reviewer.id });
    assert.equal((await signIns.signIn(keys.admin.key, '10.0.0.1')).signedIn, true);
  });

  test('refuses ingest keys with 403, and unknown, revoked or missing keys with 401', async () => {
    const { signIns } = signInWith();
    const presented = [keys.ingest.key, 'jdp_nope', keys.revoked.key, '  '];
    const refusals = await Promise.all(presented.map((key) => signIns.signIn(key, '10.0.0.1')));
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
    await signIns.signIn(keys.ingest.key, '10.0.0.1');
    const held = await signIns.signIn(keys.reviewer.key, '10.0.0.1');
    assert.ok(!held.signedIn);
    assert.equal(held.status, 429);
    assert.equal(held.retryAfterSeconds, 60);
    assert.equal((await signIns.signIn(keys.reviewer.key, '10.0.0.2')).signedIn, true);
  });
});
