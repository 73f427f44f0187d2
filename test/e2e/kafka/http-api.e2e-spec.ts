import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { RunDocument } from '@jdpipe/contracts';
import { ApiKeyStore } from '@jdpipe/persistence';
import { type RunningStack, startStack } from '@jdpipe/testing';

// Black-box: the gateway hosts the HTTP API over Kafka and PostgreSQL, with the keys of the stack's database.
describe('service deployment: the HTTP API on the gateway', () => {
  let stack: RunningStack;

  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack?.stop();
  });

  it('refuses postings without an ingest key, runs them with one, and serves the run document', () =>
    stack.reportingFailures(async () => {
      const posting = {
        postingId: 'e2e-http-api-1',
        title: 'Data Analyst',
        description: 'We are hiring a data analyst. You will build dashboards with SQL, Python and Tableau.',
      };
      const post = (headers: Record<string, string>) =>
        fetch(`${stack.gatewayUrl}/v1/postings`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify(posting),
        });
      const anonymous = await post({});
      assert.equal(anonymous.status, 401);
      assert.match(anonymous.headers.get('content-type') ?? '', /^application\/problem\+json/);
      const reviewer = (await new ApiKeyStore(stack.dataSource).create('e2e reviewer', 'reviewer')).key;
      assert.equal((await post({ authorization: `Bearer ${reviewer}` })).status, 403);

      const [accepted] = await stack.postPostings([posting]);
      await stack.waitForRuns([accepted!.runId], { timeoutMs: 60_000 });
      const response = await fetch(`${stack.gatewayUrl}/v1/runs/${accepted!.runId}`, { headers: { 'x-api-key': reviewer } });
      assert.equal(response.status, 200);
      const run = (await response.json()) as RunDocument;
      assert.equal(run.runId, accepted!.runId);
      assert.equal(run.postingId, 'e2e-http-api-1');
      assert.equal((await fetch(`${stack.gatewayUrl}/docs/openapi.json`)).status, 200);

      // The web admin's sign-in works on the gateway too: the reviewer key opens a reviewer session.
      const signedIn = await fetch(`${stack.gatewayUrl}/admin/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ key: reviewer }),
      });
      const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0]!;
      const me = await fetch(`${stack.gatewayUrl}/v1/me`, { headers: { cookie } });
      assert.deepEqual(await me.json(), { name: 'e2e reviewer', role: 'reviewer' });
    }));
});
