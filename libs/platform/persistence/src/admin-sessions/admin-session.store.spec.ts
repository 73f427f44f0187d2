import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { migratedPgliteForSpecs } from '@jdpipe/testing';

import { ApiKeyStore } from '../api-keys/api-key.store';
import { AdminSessionStore } from './admin-session.store';

const dataSource = migratedPgliteForSpecs();
const HOUR = 3_600_000;

describe('AdminSessionStore', () => {
  test('a session is found by its id until it expires or ends; the table holds only a hash of the id', async () => {
    const store = new AdminSessionStore(dataSource());
    const sessionId = await store.open({ kind: 'login-link' }, new Date(10 * HOUR));
    assert.match(sessionId, /^[\w-]{43}$/);
    assert.deepEqual(await store.grantOf(sessionId, new Date(HOUR)), { kind: 'login-link' });
    assert.equal(await store.grantOf(sessionId, new Date(10 * HOUR)), null);
    assert.equal(await store.grantOf('forged', new Date(HOUR)), null);

    const stored = JSON.stringify(await dataSource().query('SELECT * FROM admin_sessions'));
    assert.ok(!stored.includes(sessionId), 'the session id itself is never stored');

    assert.equal(await store.end(sessionId), true);
    assert.equal(await store.end(sessionId), false);
    assert.equal(await store.grantOf(sessionId, new Date(HOUR)), null);
  });

  test('a key session names its key, and goes when the key row goes', async () => {
    const keys = new ApiKeyStore(dataSource());
    const { record } = await keys.create('reviewer for sessions', 'reviewer');
    const store = new AdminSessionStore(dataSource());
    const sessionId = await store.open({ kind: 'api-key', keyId: record.id }, new Date(Date.now() + HOUR));
    assert.deepEqual(await store.grantOf(sessionId, new Date()), { kind: 'api-key', keyId: record.id });
    await dataSource().query('DELETE FROM api_keys WHERE id = $1', [record.id]);
    assert.equal(await store.grantOf(sessionId, new Date()), null);
  });

  test('forgetExpired deletes exactly the sessions expired by then', async () => {
    const store = new AdminSessionStore(dataSource());
    await dataSource().query('DELETE FROM admin_sessions');
    const early = await store.open({ kind: 'login-link' }, new Date(2 * HOUR));
    const late = await store.open({ kind: 'login-link' }, new Date(5 * HOUR));
    assert.equal(await store.forgetExpired(new Date(3 * HOUR)), 1);
    assert.equal(await store.end(early), false);
    assert.deepEqual(await store.grantOf(late, new Date(4 * HOUR)), { kind: 'login-link' });
  });
});
