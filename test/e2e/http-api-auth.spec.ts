import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { ApiKeyStore } from '@jdpipe/persistence';

import { startAdminServer, type RunningAdminServer } from '../../apps/jdpipe/src/serve/admin-server';
import { SIGN_IN_FAILURE_LIMIT } from '../../libs/http-api/src/auth/sign-in-throttle';

const RATE_LIMIT = 5;

// The embedded server over real HTTP: who may call what, and how errors look.
describe('HTTP API: keys, roles, sessions and errors', () => {
  let server: RunningAdminServer;
  let adminWebDir: string;

  before(async () => {
    adminWebDir = mkdtempSync(join(tmpdir(), 'jdpipe-admin-web-'));
    writeFileSync(join(adminWebDir, 'index.html'), '<!doctype html><title>jdpipe admin</title>');
    server = await startAdminServer({
      port: 0,
      config: { dataDir: null, seedDir: null, runTimeoutMs: 30_000 },
      rateLimitPerMinute: RATE_LIMIT,
      adminWebDir,
    });
  });
  after(async () => {
    await server?.close();
    rmSync(adminWebDir, { recursive: true, force: true });
  });

  const call = (path: string, init: RequestInit = {}) => fetch(`${server.url}${path}`, { redirect: 'manual', ...init });
  const withKey = (key: string, init: RequestInit = {}): RequestInit => ({
    ...init,
    headers: { ...init.headers, authorization: `Bearer ${key}` },
  });
  const postJson = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const posting = { postingId: 'auth-e2e-1', title: 'Data Analyst', description: 'We need a data analyst with SQL and Python.' };

  async function problemOf(response: Response, status: number): Promise<Record<string, unknown>> {
    assert.equal(response.status, status, `expected ${status}, got ${response.status}`);
    assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const problem = (await response.json()) as Record<string, unknown>;
    assert.equal(problem.status, status);
    assert.equal(typeof problem.title, 'string');
    assert.match(String(problem.instance), /^urn:jdpipe:request:/);
    return problem;
  }

  it('answers /health, /ready and the API documentation without a key', async () => {
    assert.equal((await call('/health')).status, 200);
    assert.equal((await call('/ready')).status, 200);
    const docs = await call('/docs');
    assert.equal(docs.status, 200);
    assert.match(await docs.text(), /swagger/i);
    const document = (await (await call('/docs/openapi.json')).json()) as {
      components: { securitySchemes: Record<string, unknown> };
      paths: object;
    };
    assert.deepEqual(Object.keys(document.components.securitySchemes).sort(), ['apiKey', 'bearer']);
    assert.ok('/v1/postings' in document.paths);
  });

  it('refuses a request without a key, with an unknown key and with a revoked key', async () => {
    const missing = await call('/v1/me');
    assert.equal(missing.headers.get('www-authenticate'), 'Bearer realm="jdpipe"');
    await problemOf(missing, 401);
    await problemOf(await call('/v1/me', withKey('jdp_ABCDEFGH_' + 'x'.repeat(40))), 401);
    await problemOf(await call('/v1/me', { headers: { 'x-api-key': 'not-a-key' } }), 401);

    const key = await server.createApiKey('soon revoked', 'admin');
    assert.equal((await call('/v1/me', withKey(key))).status, 200);
    const [prefix] = key.split('_').slice(1);
    await server.app.get(ApiKeyStore).revoke(prefix!);
    const revoked = await problemOf(await call('/v1/me', withKey(key)), 401);
    assert.match(String(revoked.detail), /revoked/);
  });

  it('an ingest key ingests but cannot approve; a reviewer cannot ingest; admin passes both', async () => {
    const ingest = await server.createApiKey('ats', 'ingest');
    const reviewer = await server.createApiKey('reviewer', 'reviewer');
    const admin = await server.createApiKey('admin', 'admin');

    const accepted = await call('/v1/postings', withKey(ingest, postJson(posting)));
    assert.equal(accepted.status, 202);
    const { runs } = (await accepted.json()) as { runs: Array<{ runId: string; postingId: string }> };
    assert.equal(runs.length, 1);
    assert.equal(runs[0]!.postingId, 'auth-e2e-1');

    await problemOf(await call('/v1/review/1/approve', withKey(ingest, postJson({}))), 403);
    const refused = await problemOf(await call('/v1/postings', withKey(reviewer, postJson(posting))), 403);
    assert.match(String(refused.detail), /ingest/);

    assert.equal((await call('/v1/postings', withKey(admin, postJson(posting)))).status, 202);
    const approveAsAdmin = await call('/v1/review/999999/approve', withKey(admin, postJson({})));
    assert.ok(![401, 403].includes(approveAsAdmin.status), `admin was refused: ${approveAsAdmin.status}`);
    assert.deepEqual(await (await call('/v1/me', { headers: { 'x-api-key': reviewer } })).json(), { name: 'reviewer', role: 'reviewer' });
  });

  it('a login link opens one admin session, once; the cookie needs the CSRF header to change data', async () => {
    const loginUrl = server.newLoginUrl().replace(server.url, '');
    const login = await call(loginUrl);
    assert.equal(login.status, 303);
    assert.equal(login.headers.get('location'), '/admin/');
    const setCookie = login.headers.get('set-cookie') ?? '';
    assert.match(setCookie, /^jdpipe_session=[^;]+;/);
    assert.match(setCookie, /HttpOnly/i);
    assert.match(setCookie, /SameSite=Strict/i);
    const cookie = setCookie.split(';')[0]!;

    await problemOf(await call(loginUrl), 401);
    assert.deepEqual(await (await call('/v1/me', { headers: { cookie } })).json(), { name: 'admin (login link)', role: 'admin' });
    const withoutHeader = await problemOf(await call('/v1/postings', postJson(posting, { cookie })), 403);
    assert.match(String(withoutHeader.detail), /X-Requested-With/);
    assert.equal((await call('/v1/postings', postJson(posting, { cookie, 'x-requested-with': 'jdpipe-admin' }))).status, 202);
    await problemOf(await call('/v1/me', { headers: { cookie: 'jdpipe_session=forged' } }), 401);
  });

  const signIn = (key: string, headers: Record<string, string> = {}) => call('/admin/session', postJson({ key }, headers));
  const cookieOf = (response: Response) => (response.headers.get('set-cookie') ?? '').split(';')[0]!;
  const asSession = (cookie: string, init: RequestInit = {}): RequestInit => ({
    ...init,
    headers: { ...init.headers, cookie, 'x-requested-with': 'jdpipe-admin' },
  });

  it('shows the sign-in page at /admin/login without a token', async () => {
    const page = await call('/admin/login?next=%23%2Freview');
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(page.headers.get('referrer-policy'), 'same-origin', 'so that its form names its origin');
    const html = await page.text();
    assert.match(html, /<form class="sign-in-form" method="post" action="\/admin\/session">/);
    assert.match(html, /name="next" value="#\/review"/);
  });

  it('a reviewer key signs in to a session that approves but may not ingest; logout ends it', async () => {
    const reviewer = await server.createApiKey('sign-in reviewer', 'reviewer');
    const signedIn = await signIn(reviewer);
    assert.equal(signedIn.status, 200);
    assert.deepEqual(await signedIn.json(), { name: 'sign-in reviewer', role: 'reviewer' });
    const setCookie = signedIn.headers.get('set-cookie') ?? '';
    assert.match(setCookie, /^jdpipe_session=[^;]+;/);
    assert.match(setCookie, /HttpOnly/i);
    assert.match(setCookie, /SameSite=Strict/i);
    const cookie = cookieOf(signedIn);

    assert.deepEqual(await (await call('/v1/me', { headers: { cookie } })).json(), { name: 'sign-in reviewer', role: 'reviewer' });
    const approve = await call('/v1/review/999999/approve', asSession(cookie, postJson({})));
    assert.equal(approve.status, 404, 'the reviewer session reaches the review action');
    const ingest = await problemOf(await call('/v1/postings', asSession(cookie, postJson(posting))), 403);
    assert.match(String(ingest.detail), /ingest/);

    const loggedOut = await call('/admin/logout', { method: 'POST', headers: { cookie } });
    assert.equal(loggedOut.status, 204);
    assert.match(loggedOut.headers.get('set-cookie') ?? '', /^jdpipe_session=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/i);
    await problemOf(await call('/v1/me', { headers: { cookie } }), 401);
  });

  it('refuses an ingest key (403), a wrong key (401) and a sign-in posted from another site', async () => {
    const ingest = await problemOf(await signIn(await server.createApiKey('sign-in ats', 'ingest')), 403);
    assert.match(String(ingest.detail), /reviewer or admin/);
    const wrong = await signIn('jdp_ABCDEFGH_' + 'x'.repeat(40));
    assert.equal(wrong.headers.get('set-cookie'), null);
    assert.match(String((await problemOf(wrong, 401)).detail), /unknown API key/);
    const admin = await server.createApiKey('sign-in admin', 'admin');
    await problemOf(await signIn(admin, { origin: 'https://elsewhere.example' }), 403);
    await problemOf(await signIn(admin, { origin: 'null' }), 403);
    await problemOf(await signIn(admin, { 'sec-fetch-site': 'cross-site', origin: server.url }), 403);
    assert.equal((await signIn(admin, { 'sec-fetch-site': 'same-origin', origin: 'null' })).status, 200);
  });

  it('signs in from the form, returning to the page route, and ends a key session when the key is revoked', async () => {
    const key = await server.createApiKey('form reviewer', 'reviewer');
    const form = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
      call('/admin/session', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url, ...headers },
        body: new URLSearchParams(fields).toString(),
      });
    const refused = await form({ key: 'not-a-key', next: '#/review' });
    assert.equal(refused.status, 401);
    const page = await refused.text();
    assert.match(page, /role="alert">unknown API key</);
    assert.match(page, /name="next" value="#\/review"/);

    const signedIn = await form({ key, next: '#/review' });
    assert.equal(signedIn.status, 303);
    assert.equal(signedIn.headers.get('location'), '/admin/#/review');
    const cookie = cookieOf(signedIn);
    assert.equal((await call('/v1/me', { headers: { cookie } })).status, 200);
    const loggedOut = await call('/admin/logout', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(loggedOut.headers.get('location'), '/admin/login?signed-out');

    const again = cookieOf(await form({ key }));
    const [prefix] = key.split('_').slice(1);
    await server.app.get(ApiKeyStore).revoke(prefix!);
    assert.match(String((await problemOf(await call('/v1/me', { headers: { cookie: again } }), 401)).detail), /revoked/);
  });

  it('reports invalid postings as problem+json with the path of each failing field', async () => {
    const key = await server.createApiKey('validation', 'ingest');
    const body = { postings: [posting, { title: 7 }, { description: 'ok', unexpected: true }] };
    const problem = await problemOf(await call('/v1/postings', withKey(key, postJson(body))), 400);
    const errors = problem.errors as Array<{ field: string; messages: string[] }>;
    const fields = errors.map((error) => error.field).sort();
    assert.deepEqual(fields, ['postings.1.description', 'postings.1.title', 'postings.2.unexpected']);
    assert.ok(errors.every((error) => error.messages.length > 0));
    await problemOf(await call('/v1/postings', withKey(key, postJson('{"description": '))), 400);
  });

  it('refuses a body over 32 MB with 413', async () => {
    const key = await server.createApiKey('big sender', 'ingest');
    const huge = JSON.stringify({ description: 'x'.repeat(33 * 1024 * 1024) });
    await problemOf(await call('/v1/postings', withKey(key, postJson(huge))), 413);
  });

  it('limits each key to its rate and says when to retry', async () => {
    const key = await server.createApiKey('busy client', 'reviewer');
    const other = await server.createApiKey('quiet client', 'reviewer');
    for (let i = 0; i < RATE_LIMIT; i += 1) assert.equal((await call('/v1/me', withKey(key))).status, 200);
    const limited = await call('/v1/me', withKey(key));
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    await problemOf(limited, 429);
    assert.equal((await call('/v1/me', withKey(other))).status, 200, 'another key has its own bucket');
  });

  it('serves the web admin without a key, with security headers, and its page for unknown paths below /admin', async () => {
    const page = await call('/admin/');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /jdpipe admin/);
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'self'.*frame-ancestors 'none'/);
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    const deepLink = await call('/admin/runs/some-run');
    assert.equal(deepLink.status, 200);
    assert.match(await deepLink.text(), /jdpipe admin/);
  });

  // Last: it leaves this client address held back from signing in.
  it('holds back an address after too many refused sign-ins, even with a good key', async () => {
    const admin = await server.createApiKey('patient admin', 'admin');
    let attempts = 0;
    let refused = await signIn('jdp_GUESSING_' + 'x'.repeat(40));
    while (refused.status === 401 && attempts < SIGN_IN_FAILURE_LIMIT) {
      attempts += 1;
      refused = await signIn('jdp_GUESSING_' + 'x'.repeat(40));
    }
    assert.ok(Number(refused.headers.get('retry-after')) >= 1);
    await problemOf(refused, 429);
    await problemOf(await signIn(admin), 429);
  });
});
