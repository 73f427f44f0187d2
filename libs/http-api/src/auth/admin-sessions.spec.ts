import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { AdminSessionStore, ApiKeyStore } from '@jdpipe/persistence';
import { migratedPgliteForSpecs } from '@jdpipe/testing';

import { AdminSessions, loginLinkPrincipal, SESSION_TTL_MS } from './admin-sessions';
import { requestCredential } from './request-credential';

const dataSource = migratedPgliteForSpecs();

function sessionsAt(clock: { now: number } = { now: Date.now() }): AdminSessions {
  return new AdminSessions(new AdminSessionStore(dataSource()), () => clock.now);
}

describe('AdminSessions', () => {
  test('a login token opens one admin session, once', async () => {
    const sessions = sessionsAt();
    const token = sessions.issueLoginToken();
    const sessionId = await sessions.redeem(token);
    assert.ok(sessionId);
    assert.deepEqual(await sessions.grantOf(sessionId), { kind: 'login-link' });
    assert.equal(loginLinkPrincipal(sessionId).role, 'admin');
    assert.equal(await sessions.redeem(token), null);
    assert.equal(await sessions.grantOf('forged'), null);
  });

  test('a login token expires after 15 minutes, a session after its lifetime', async () => {
    const clock = { now: Date.UTC(2026, 0, 1) };
    const start = clock.now;
    const sessions = sessionsAt(clock);
    const late = sessions.issueLoginToken();
    const onTime = sessions.issueLoginToken();
    clock.now = start + 14 * 60_000;
    const sessionId = (await sessions.redeem(onTime))!;
    clock.now = start + 15 * 60_000;
    assert.equal(await sessions.redeem(late), null);
    assert.ok(await sessions.grantOf(sessionId));
    clock.now = start + 14 * 60_000 + SESSION_TTL_MS;
    assert.equal(await sessions.grantOf(sessionId), null);
  });

  test('a session opened by one process is known to another on the same database, and ends for both', async () => {
    const { record } = await new ApiKeyStore(dataSource()).create('reviewer on two replicas', 'reviewer');
    const replicaA = sessionsAt();
    const replicaB = sessionsAt();
    const sessionId = await replicaA.open({ kind: 'api-key', keyId: record.id });
    assert.deepEqual(await replicaB.grantOf(sessionId), { kind: 'api-key', keyId: record.id });
    assert.equal(await replicaB.end(sessionId), true);
    assert.equal(await replicaA.grantOf(sessionId), null);
  });

  test('each login-link session has its own rate-limit identity', async () => {
    const sessions = sessionsAt();
    const first = (await sessions.redeem(sessions.issueLoginToken()))!;
    const second = (await sessions.redeem(sessions.issueLoginToken()))!;
    assert.notEqual(loginLinkPrincipal(first).keyId, loginLinkPrincipal(second).keyId);
  });
});

describe('requestCredential', () => {
  test('prefers the Bearer key, then X-API-Key, then the session cookie', () => {
    const cookie = 'theme=dark; jdpipe_session=abc%3D; other=1';
    assert.deepEqual(requestCredential({ authorization: 'Bearer k1', 'x-api-key': 'k2', cookie }), { kind: 'api-key', key: 'k1' });
    assert.deepEqual(requestCredential({ 'x-api-key': ' k2 ', cookie }), { kind: 'api-key', key: 'k2' });
    assert.deepEqual(requestCredential({ cookie }), { kind: 'session', sessionId: 'abc=' });
    assert.equal(requestCredential({ authorization: 'Basic dXNlcjpwdw==' }), null);
    assert.equal(requestCredential({ cookie: 'jdpipe_sessionx=1' }), null);
  });
});
