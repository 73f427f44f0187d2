import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { promisify } from 'node:util';

import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { RunDocument } from '@jdpipe/contracts';
import { costOf, loadLlmConfig } from '@jdpipe/llm';
import { RunStore } from '@jdpipe/persistence';
import type { PostingAssistAnswer } from '@jdpipe/pipeline-stages';
import { fakeReply, FakeLlmServer, noPostingFields } from '@jdpipe/testing';

import { startEmbeddedApp } from '../../apps/jdpipe/src/embedded/embedded-app';
import { PostingSubmitter } from '../../apps/jdpipe/src/ingest/posting-submitter';
import { reviewServiceOf } from '../../apps/jdpipe/src/review/review-service.factory';

const POSTING = `Senior Backend Engineer

About the role
You will design and build REST APIs in Python and PostgreSQL for our payments platform.
You will write automated checks for every change before it ships.

Requirements
- 5+ years of experience building backend services
- Familiarity with Temporal workflows

Compensation: $140,000 - $170,000 per year. Remote within the US.`;

/** What the model says of the one new skill of the posting; the run, the proposal and the approval carry it on. */
const TEMPORAL_ENRICHMENT = {
  category: 'Backend Development',
  nature: 'TOOL',
  volatility: 'HIGH',
  lifespan: 'MULTI_YEAR',
  versionStrategy: 'VERSIONED',
  confidence: 0.8,
} as const;

const ANSWER: PostingAssistAnswer = {
  fields: { ...noPostingFields(), workMode: { value: 'remote', evidence: 'Remote within the US' } },
  skills: [
    {
      name: 'Unit Testing',
      catalogSlug: 'unit-testing',
      evidence: 'write automated checks for every change',
      requirement: 'required',
      enrichment: null,
    },
    {
      name: 'Temporal',
      catalogSlug: null,
      evidence: 'Familiarity with Temporal workflows',
      requirement: 'preferred',
      enrichment: TEMPORAL_ENRICHMENT,
    },
    { name: 'Kafka', catalogSlug: 'kafka', evidence: 'Kafka streams at scale', requirement: 'required', enrichment: null },
  ],
};
const USAGE = { promptTokens: 1500, cachedTokens: 1024, completionTokens: 220 };

interface LlmCallRow {
  stage: string;
  purpose: string;
  model: string;
  prompt_version: string;
  input_tokens: number;
  cached_tokens: number;
  output_tokens: number;
  cost_usd: string | null;
  cache_hit: boolean;
  error: string | null;
}

// Black-box through the ingest edge: a posting in hybrid mode against the local OpenAI-compatible server.
describe('embedded pipeline in hybrid mode', () => {
  let fake: FakeLlmServer;
  let app: INestApplicationContext;
  let submitter: PostingSubmitter;

  before(async () => {
    fake = await FakeLlmServer.start();
    const llm = loadLlmConfig({
      JDPIPE_LLM_MODE: 'hybrid',
      OPENAI_BASE_URL: fake.baseUrl,
      JDPIPE_LLM_TIMEOUT_MS: '2000',
      JDPIPE_LLM_MAX_RETRIES: '2',
    });
    app = await startEmbeddedApp({ dataDir: null, seedDir: null, runTimeoutMs: 30_000 }, llm);
    submitter = app.get(PostingSubmitter);
  });
  after(async () => {
    await app?.close();
    await fake?.close();
  });
  afterEach(() => fake.reset());

  const rowsOf = (runId: string): Promise<LlmCallRow[]> =>
    app.get(DataSource).query(
      `SELECT stage, purpose, model, prompt_version, input_tokens, cached_tokens, output_tokens, cost_usd, cache_hit, error
         FROM llm_calls WHERE run_id = $1 ORDER BY created_at`,
      [runId],
    );

  it('records the call in the run document and in llm_calls, with tokens and cost', async () => {
    // A rate limit first: the retry honours Retry-After and the run still gets its one answer.
    fake.onChat({ schemaName: 'posting_assist' }, fakeReply.rateLimited({ retryAfterMs: 50 }), fakeReply.json(ANSWER, USAGE));

    const run = await submitter.submit({ description: POSTING });

    assert.equal(run.status, 'completed');
    assert.equal(run.mode, 'hybrid');
    assert.equal(run.parsed?.workMode, 'remote');
    assert.equal(run.skills.find((skill) => skill.slug === 'unit-testing')?.matchedVia, 'llm');
    assert.ok(run.skills.some((skill) => skill.slug === 'temporal' && skill.status === 'proposed'));
    assert.ok(!run.skills.some((skill) => skill.slug === 'kafka'));
    assert.equal(run.llmAssist?.ungroundedSkillsDropped, 1);
    // A connection the server closed while the pipeline started may cost one more attempt; it never arrives.
    assert.equal(fake.chatRequests().length, 2, 'one 429, then the answer');

    assert.equal(run.llmCalls.length, 1);
    const [call] = run.llmCalls;
    const expectedCost = costOf(call!.model, { inputTokens: 1500, cachedTokens: 1024, outputTokens: 220 });
    assert.ok(expectedCost !== null && expectedCost > 0 && expectedCost < 0.001, `cost per posting ${expectedCost}`);
    assert.deepEqual(
      { ...call, latencyMs: 0 },
      {
        stage: 'parse',
        purpose: 'posting-assist',
        model: 'gpt-6-luna',
        promptVersion: 'posting-assist-v2',
        inputTokens: 1500,
        cachedTokens: 1024,
        outputTokens: 220,
        costUsd: expectedCost,
        latencyMs: 0,
        cacheHit: false,
        error: null,
      },
    );
    assert.ok(call!.latencyMs >= 50, 'the Retry-After wait is part of the latency');

    const stored = await app.get(RunStore).getRun(run.runId);
    assert.equal(stored?.mode, 'hybrid');
    assert.deepEqual(stored?.llmCalls, run.llmCalls);
    const rows = await rowsOf(run.runId);
    assert.equal(rows.length, 1);
    assert.deepEqual(
      { ...rows[0], cost_usd: Number(rows[0]!.cost_usd) },
      {
        stage: 'parse',
        purpose: 'posting-assist',
        model: 'gpt-6-luna',
        prompt_version: 'posting-assist-v2',
        input_tokens: 1500,
        cached_tokens: 1024,
        output_tokens: 220,
        cost_usd: Number(expectedCost!.toFixed(8)),
        cache_hit: false,
        error: null,
      },
    );
  });

  it('keeps the request with the posting and the raw answer in llm_calls, not in the run document', async () => {
    const description = POSTING.replace('payments', 'billing');
    fake.onChat({ schemaName: 'posting_assist' }, fakeReply.json(ANSWER, USAGE));
    const run = await submitter.submit({ description });

    const [row] = await app.get(RunStore).listLlmCalls(run.runId);
    const request = row!.request as { model: string; schema: string; messages: Array<{ role: string; content: string }> };
    assert.equal(request.model, 'gpt-6-luna');
    assert.equal(request.schema, 'posting_assist');
    assert.deepEqual(
      request.messages.map((message) => message.role),
      ['system', 'user'],
    );
    assert.ok(request.messages[1]!.content.includes(description), 'the posting text is in the stored request');
    const response = row!.response as { content: string; finishReason: string; usage: { prompt_tokens: number } };
    assert.deepEqual(JSON.parse(response.content), ANSWER);
    assert.equal(response.finishReason, 'stop');
    assert.equal(response.usage.prompt_tokens, 1500);

    const stored = await app.get(RunStore).getRun(run.runId);
    assert.ok(!JSON.stringify(stored).includes('"messages"'), 'bodies stay out of the stored run document');
    assert.deepEqual(Object.keys(run.llmCalls[0]!).sort(), Object.keys(stored!.llmCalls[0]!).sort());
  });

  it('puts the enrichment of a new skill in its review proposal, and approval takes it as defaults', async () => {
    const description = POSTING.replace('payments', 'ledger');
    fake.onChat({ schemaName: 'posting_assist' }, fakeReply.json(ANSWER, USAGE));
    const run = await submitter.submit({ description });
    assert.deepEqual(run.llmAssist?.skillEnrichments, [{ skill: 'Temporal', ...TEMPORAL_ENRICHMENT }]);

    const review = reviewServiceOf(app);
    const item = (await review.list({ kind: 'skill', status: 'pending', limit: 100 })).find((listed) => listed.value === 'Temporal')!;
    assert.deepEqual(item.payload.enrichment, TEMPORAL_ENRICHMENT);
    const before: unknown[] = await app.get(DataSource).query(`SELECT 1 FROM skills WHERE slug = 'temporal'`);
    assert.equal(before.length, 0, 'the enrichment never goes straight into the catalog');

    await review.approve(item.id, { by: 'spec', nature: 'platform' });
    const [created] = await app
      .get(DataSource)
      .query(`SELECT category, nature, volatility, lifespan, version_strategy FROM skills WHERE slug = 'temporal'`);
    assert.deepEqual(created, {
      category: 'Backend Development',
      nature: 'PLATFORM',
      volatility: 'HIGH',
      lifespan: 'MULTI_YEAR',
      version_strategy: 'VERSIONED',
    });
  });

  it('answers the same posting from the response cache at no cost', async () => {
    fake.onChat({ schemaName: 'posting_assist' }, fakeReply.json(ANSWER, USAGE));
    await submitter.submit({ description: POSTING });
    const again = await submitter.submit({ description: POSTING });
    assert.equal(again.llmCalls[0]?.cacheHit, true);
    assert.equal(again.llmCalls[0]?.costUsd, 0);
    assert.equal(again.parsed?.workMode, 'remote');
    const rows = await rowsOf(again.runId);
    assert.equal(rows[0]?.cache_hit, true);
  });

  it('stores a refused answer as a failed call and the offline result, never the answer', async () => {
    const description = POSTING.replace('payments', 'lending');
    fake.onAnyChat(fakeReply.refusal('I cannot help with that.'));
    const run = await submitter.submit({ description });
    const offline = await submitter.submit({ description }, 'offline');

    assert.equal(run.status, 'completed');
    assert.deepEqual(run.skills, offline.skills);
    assert.deepEqual(run.parsed, offline.parsed);
    assert.deepEqual(run.llmAssist?.fallbacks, ['parse: LLM.REFUSED']);
    const rows = await rowsOf(run.runId);
    assert.equal(rows.length, 1);
    assert.match(rows[0]!.error ?? '', /^LLM\.REFUSED: .*fallback: offline result kept$/);
    const [stored] = await app.get(RunStore).listLlmCalls(run.runId);
    assert.deepEqual(
      { refusal: (stored!.response as { refusal: string }).refusal, content: (stored!.response as { content: null }).content },
      { refusal: 'I cannot help with that.', content: null },
    );
    assert.equal(offline.mode, 'offline');
    assert.deepEqual(offline.llmCalls, []);
  });
});

/** The repository root, from src or dist. */
function repoRoot(): string {
  for (let dir = __dirname; ; dir = resolve(dir, '..')) {
    if (existsSync(join(dir, 'apps', 'jdpipe', 'bin', 'jdpipe.js'))) return dir;
    if (resolve(dir, '..') === dir) throw new Error('repository root not found');
  }
}

describe('jdpipe run --mode', () => {
  const root = repoRoot();
  const home = mkdtempSync(join(tmpdir(), 'jdpipe-mode-'));
  let fake: FakeLlmServer;
  before(async () => {
    fake = await FakeLlmServer.start();
    fake.onChat({ schemaName: 'posting_assist' }, fakeReply.json(ANSWER, USAGE));
  });
  after(async () => {
    await fake?.close();
    rmSync(home, { recursive: true, force: true });
  });

  // Asynchronous: the fake server answers from this process while the command runs.
  const jdpipe = (env: Record<string, string>, ...args: string[]) =>
    promisify(execFile)(process.execPath, [join(root, 'apps', 'jdpipe', 'bin', 'jdpipe.js'), ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, HOME: home, JDPIPE_DATA_DIR: ':memory:', NO_COLOR: '1', JDPIPE_LLM_MODE: '', ...env },
      timeout: 120_000,
    });

  it('runs the posting in the mode asked for, and the run document says which ran', async () => {
    const file = join(home, 'posting.txt');
    writeFileSync(file, POSTING);

    const hybrid = JSON.parse(
      (await jdpipe({ OPENAI_BASE_URL: fake.baseUrl }, 'run', file, '--json', '--mode', 'hybrid')).stdout,
    ) as RunDocument;
    const byEnv = JSON.parse(
      (await jdpipe({ OPENAI_BASE_URL: fake.baseUrl, JDPIPE_LLM_MODE: 'llm' }, 'run', file, '--json')).stdout,
    ) as RunDocument;
    const offline = JSON.parse((await jdpipe({}, 'run', file, '--json')).stdout) as RunDocument;

    assert.equal(hybrid.mode, 'hybrid');
    assert.equal(hybrid.llmCalls.length, 1);
    assert.equal(byEnv.mode, 'llm');
    assert.equal(offline.mode, 'offline');
    assert.deepEqual(offline.llmCalls, []);
  });

  it('refuses a model mode without a server or key, naming the settings', async () => {
    await assert.rejects(
      jdpipe({ OPENAI_BASE_URL: '', OPENAI_API_KEY: '' }, 'run', 'examples/senior-developer.txt', '--mode', 'hybrid'),
      (error: Error & { stderr: string }) => {
        assert.match(error.stderr, /JDPIPE_LLM_MODE=hybrid needs OPENAI_API_KEY .* or OPENAI_BASE_URL/);
        return true;
      },
    );
  });
});
