import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { AdminSessions, loginLinkPrincipal, SESSION_TTL_MS } from './admin-sessions';
import { requestCredential } from './request-credential';

describe('AdminSessions', () => {
  test('a login token opens one admin session, once', () => {
    const sessions = new AdminSessions();
    const token = sessions.issueLoginToken();
    const sessionId = sessions.redeem(token);
    assert.ok(sessionId);
    assert.deepEqual(sessions.grantOf(sessionId), { kind: 'login-link' });
    assert.equal(loginLinkPrincipal(sessionId).role, 'admin');
    assert.equal(sessions.redeem(token), null);
    assert.equal(sessions.grantOf('forged'), null);
  });

  test('a login token expires after 15 minutes, a session after its lifetime', () => {
    let now = 0;
    const sessions = new AdminSessions(() => now);
    const late = sessions.issueLoginToken();
    const onTime = sessions.issueLoginToken();
    now = 14 * 60_000;
    const sessionId = sessions.redeem(onTime)!;
    now = 15 * 60_000;
    assert.equal(sessions.redeem(late), null);
    assert.ok(sessions.grantOf(sessionId));
    now = 14 * 60_000 + SESSION_TTL_MS;
    assert.equal(sessions.grantOf(sessionId), null);
  });

  test('a key session carries its key until it is ended, and ending it leaves other sessions alone', () => {
    const sessions = new AdminSessions();
    const reviewer = sessions.open({ kind: 'api-key', key: 'jdp_reviewer' });
    const admin = sessions.open({ kind: 'api-key', key: 'jdp_admin' });
    assert.notEqual(reviewer, admin);
    assert.deepEqual(sessions.grantOf(reviewer), { kind: 'api-key', key: 'jdp_reviewer' });
    assert.equal(sessions.end(reviewer), true);
    assert.equal(sessions.grantOf(reviewer), null);
    assert.equal(sessions.end(reviewer), false);
    assert.deepEqual(sessions.grantOf(admin), { kind: 'api-key', key: 'jdp_admin' });
  });

  test('each login-link session has its own rate-limit identity', () => {
    const sessions = new AdminSessions();
    const first = sessions.redeem(sessions.issueLoginToken())!;
    const second = sessions.redeem(sessions.issueLoginToken())!;
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
