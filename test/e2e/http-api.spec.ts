import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';

import type { LlmCallRecord, RunDocument } from '@jdpipe/contracts';
import { loadLlmConfig } from '@jdpipe/llm';
import type { PostingAssistAnswer } from '@jdpipe/pipeline-stages';
import { fakeReply, FakeLlmServer, noPostingFields, waitFor } from '@jdpipe/testing';

import { startAdminServer, type RunningAdminServer } from '../../apps/jdpipe/src/serve/admin-server';

/** The repository's examples folder, from src or dist. */
function examplesDir(): string {
  for (let dir = __dirname; ; dir = resolve(dir, '..')) {
    if (existsSync(join(dir, 'examples', 'recipe.txt'))) return join(dir, 'examples');
    if (resolve(dir, '..') === dir) throw new Error('examples folder not found');
  }
}
const example = (name: string) => readFileSync(join(examplesDir(), name), 'utf8');

interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}
interface RunSummary {
  runId: string;
  postingId: string;
  status: string;
  roleSlug: string | null;
  roleName: string | null;
  rejectionCode: string | null;
}
interface ReviewItem {
  id: number;
  kind: string;
  value: string;
  status: string;
  occurrences: number;
  evidence: Array<{ runId: string }>;
}
interface ActionOutcome {
  action: { id: number; action: string; actor: string };
  item: { id: number; status: string };
  catalogVersion: number | null;
}

// The admin API over real HTTP on the embedded stack: postings in, then runs, review, catalog and stats out.
describe('HTTP API: runs, review, catalog and stats', () => {
  let server: RunningAdminServer;
  let adminWebDir: string;
  let adminKey: string;
  let reviewerKey: string;
  const tag = randomUUID().slice(0, 8);
  const runIds = new Map<string, string>();
  const documents = new Map<string, RunDocument>();

  const call = async (path: string, key: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, { ...init, headers: { ...init.headers, authorization: `Bearer ${key}` } });
  const getJson = async <T>(path: string, key = adminKey): Promise<T> => {
    const response = await call(path, key);
    assert.equal(response.status, 200, `GET ${path}: ${response.status} ${await response.clone().text()}`);
    return (await response.json()) as T;
  };
  const post = (path: string, body: unknown, key = reviewerKey) =>
    call(path, key, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const postJson = async <T>(path: string, body: unknown, key = reviewerKey): Promise<T> => {
    const response = await post(path, body, key);
    assert.equal(response.status, 200, `POST ${path}: ${response.status} ${await response.clone().text()}`);
    return (await response.json()) as T;
  };
  async function problemOf(
    response: Response,
    status: number,
  ): Promise<{ title: string; detail?: string; errors?: Array<{ field: string }> }> {
    assert.equal(response.status, status, `expected ${status}, got ${response.status}: ${await response.clone().text()}`);
    assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
    return (await response.json()) as { title: string; detail?: string; errors?: Array<{ field: string }> };
  }
  /** Submits postings over the API and waits until every run is stored. */
  async function ingest(postings: Array<{ postingId: string; title?: string; description: string }>): Promise<RunDocument[]> {
    const response = await post('/v1/postings', { postings }, adminKey);
    assert.equal(response.status, 202);
    const { runs } = (await response.json()) as { runs: Array<{ runId: string; postingId: string }> };
    return Promise.all(
      runs.map((run) =>
        waitFor(
          async () => {
            const stored = await call(`/v1/runs/${run.runId}`, adminKey);
            return stored.status === 200 ? ((await stored.json()) as RunDocument) : undefined;
          },
          { timeoutMs: 60_000, description: `run ${run.runId} of ${run.postingId}` },
        ),
      ),
    );
  }

  before(async () => {
    adminWebDir = mkdtempSync(join(tmpdir(), 'jdpipe-admin-web-'));
    writeFileSync(join(adminWebDir, 'index.html'), '<!doctype html><title>jdpipe admin</title>');
    server = await startAdminServer({
      port: 0,
      config: { dataDir: null, seedDir: null, runTimeoutMs: 60_000 },
      rateLimitPerMinute: 100_000,
      adminWebDir,
    });
    adminKey = await server.createApiKey('e2e admin', 'admin');
    reviewerKey = await server.createApiKey('ana', 'reviewer');

    const analyst = JSON.parse(example('data-analyst.json')) as { title: string; description: string };
    const postings = [
      { postingId: `developer-${tag}`, description: example('senior-developer.txt') },
      { postingId: `analyst-${tag}`, title: analyst.title, description: analyst.description },
      { postingId: `nurse-${tag}`, description: example('staff-nurse.txt') },
      { postingId: `recipe-${tag}`, description: example('recipe.txt') },
    ];
    for (const doc of await ingest(postings)) {
      runIds.set(doc.postingId, doc.runId);
      documents.set(doc.postingId, doc);
    }
  });

  after(async () => {
    await server?.close();
    if (adminWebDir) rmSync(adminWebDir, { recursive: true, force: true });
  });

  it('lists runs newest first with filters on status, role, text and date, paginated', async () => {
    const all = await getJson<Page<RunSummary>>(`/v1/runs?q=${tag}`);
    assert.equal(all.total, 4);
    assert.deepEqual([all.limit, all.offset], [50, 0]);
    assert.deepEqual(new Set(all.items.map((run) => run.runId)), new Set(runIds.values()));

    const rejected = await getJson<Page<RunSummary>>(`/v1/runs?q=${tag}&status=rejected`);
    assert.deepEqual(
      rejected.items.map((run) => run.postingId),
      [`recipe-${tag}`],
    );
    assert.equal(rejected.items[0].rejectionCode, documents.get(`recipe-${tag}`)!.rejection!.code);

    const developer = documents.get(`developer-${tag}`)!;
    assert.ok(developer.role, 'the developer posting gets a role');
    const byRole = await getJson<Page<RunSummary>>(`/v1/runs?q=${tag}&role=${developer.role.slug}`);
    assert.ok(byRole.items.some((run) => run.runId === developer.runId));
    assert.ok(byRole.items.every((run) => run.roleSlug === developer.role!.slug));
    assert.equal(byRole.items.find((run) => run.runId === developer.runId)?.roleName, developer.role.displayName);

    assert.deepEqual(
      (await getJson<Page<RunSummary>>(`/v1/runs?q=nurse-${tag}`)).items.map((run) => run.runId),
      [runIds.get(`nurse-${tag}`)],
    );

    const first = await getJson<Page<RunSummary>>(`/v1/runs?q=${tag}&limit=3&offset=0`);
    const rest = await getJson<Page<RunSummary>>(`/v1/runs?q=${tag}&limit=3&offset=3`);
    assert.deepEqual([first.items.length, rest.items.length, rest.total], [3, 1, 4]);
    assert.deepEqual(
      [...first.items, ...rest.items].map((run) => run.runId),
      all.items.map((run) => run.runId),
    );

    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    assert.equal((await getJson<Page<RunSummary>>(`/v1/runs?q=${tag}&from=${today}&to=${today}`)).total, 4);
    assert.equal((await getJson<Page<RunSummary>>(`/v1/runs?q=${tag}&from=${tomorrow}`)).total, 0);
  });

  it('refuses an invalid run query with the failing fields', async () => {
    const problem = await problemOf(await call('/v1/runs?limit=0&status=done&from=yesterday', adminKey), 400);
    assert.deepEqual(problem.errors?.map((error) => error.field).sort(), ['from', 'limit', 'status']);
  });

  it('answers the run document by id, its LLM calls, and 404 problems for unknown runs', async () => {
    const runId = runIds.get(`analyst-${tag}`)!;
    const doc = await getJson<RunDocument>(`/v1/runs/${runId}`);
    assert.deepEqual(doc, documents.get(`analyst-${tag}`));
    assert.ok(doc.skills.length > 0);
    // Offline runs make no model calls: the list is there and empty.
    assert.deepEqual(await getJson(`/v1/runs/${runId}/llm-calls`), { items: [] });

    const unknown = randomUUID();
    assert.match((await problemOf(await call(`/v1/runs/${unknown}`, adminKey), 404)).detail ?? '', new RegExp(unknown));
    await problemOf(await call('/v1/runs/not-a-run-id', adminKey), 404);
    await problemOf(await call(`/v1/runs/${unknown}/llm-calls`, adminKey), 404);
  });

  it('approves a proposal as the reviewer; the skill is then in the catalog and the next run uses it', async () => {
    const pending = await getJson<{ items: ReviewItem[] }>('/v1/review?kind=skill&limit=100');
    assert.ok(pending.items.length > 0, 'the example postings propose skills');
    assert.ok(pending.items.every((item) => item.kind === 'skill' && item.status === 'pending'));
    // A proposal of one of our runs whose name is plain words, so the next posting can mention it verbatim.
    const ours = new Set(runIds.values());
    const proposal = pending.items.find(
      (item) => item.evidence.some((seen) => ours.has(seen.runId)) && /^[a-z][a-z ]{3,}$/i.test(item.value),
    );
    assert.ok(proposal, `a plain-word proposal among ${pending.items.map((item) => item.value).join(', ')}`);

    const shown = await getJson<{ item: ReviewItem; runs: Array<{ runId: string }>; actions: unknown[] }>(`/v1/review/${proposal.id}`);
    assert.equal(shown.item.id, proposal.id);
    assert.ok(shown.runs.some((run) => ours.has(run.runId)));
    assert.deepEqual(shown.actions, []);

    const before = await getJson<{ catalogVersion: number }>('/v1/stats?days=1');
    await problemOf(await post(`/v1/review/${proposal.id}/approve`, {}, await server.createApiKey('ats', 'ingest')), 403);
    const approved = await postJson<ActionOutcome>(`/v1/review/${proposal.id}/approve`, { category: 'Reviewed in e2e' });
    assert.equal(approved.item.status, 'approved');
    assert.equal(approved.action.actor, 'ana');
    assert.ok(approved.catalogVersion !== null && approved.catalogVersion > before.catalogVersion);
    await problemOf(await post(`/v1/review/${proposal.id}/approve`, {}), 409);

    const found = await getJson<{ items: Array<{ slug: string; name: string; category: string; source: string }>; catalogVersion: number }>(
      `/v1/catalog/skills?q=${encodeURIComponent(proposal.value)}`,
    );
    const skill = found.items.find((item) => item.name === proposal.value);
    assert.ok(skill, `GET /v1/catalog/skills?q=${proposal.value} finds the approved skill`);
    assert.deepEqual([skill.category, skill.source], ['Reviewed in e2e', 'review']);
    assert.equal(found.catalogVersion, approved.catalogVersion);
    const detail = await getJson<{ history: Array<{ actionId: number; actor: string }> }>(`/v1/catalog/skills/${skill.slug}`);
    assert.deepEqual(
      detail.history.map((entry) => [entry.actionId, entry.actor]),
      [[approved.action.id, 'ana']],
    );

    const [next] = await ingest([
      {
        postingId: `next-${tag}`,
        description: `${example('senior-developer.txt')}\n\nNice to have: hands-on experience with ${proposal.value}.`,
      },
    ]);
    assert.equal(next.catalogVersion, approved.catalogVersion);
    const used = next.skills.find((entry) => entry.slug === skill.slug);
    assert.equal(used?.status, 'in_catalog', `the next run resolves ${proposal.value} from the catalog`);
  });

  it('rejects a proposal, merges one into a catalog skill and undoes that, with 404, 409 and 422 for refused actions', async () => {
    const nurseRun = runIds.get(`nurse-${tag}`)!;
    const fromNurse = (await getJson<{ items: ReviewItem[] }>('/v1/review?limit=500')).items.filter((item) =>
      item.evidence.some((seen) => seen.runId === nurseRun),
    );
    const toReject = fromNurse.find((item) => item.kind === 'kra');
    const toMerge = fromNurse.find((item) => item.kind === 'skill');
    assert.ok(toReject && toMerge, 'the nurse posting proposes a KRA and a skill');

    const rejected = await postJson<ActionOutcome>(`/v1/review/${toReject.id}/reject`, {});
    assert.deepEqual([rejected.item.status, rejected.catalogVersion], ['rejected', null]);
    await problemOf(await post(`/v1/review/${toReject.id}/reject`, {}), 409);
    const rejectedList = await getJson<{ items: ReviewItem[] }>('/v1/review?status=rejected');
    assert.ok(rejectedList.items.some((item) => item.id === toReject.id));

    await problemOf(await post(`/v1/review/${toMerge.id}/merge`, { into: String(toMerge.id) }), 422);
    await problemOf(await post(`/v1/review/${toMerge.id}/merge`, { into: 'no-such-skill-anywhere' }), 404);
    assert.deepEqual((await problemOf(await post(`/v1/review/${toMerge.id}/merge`, {}), 400)).errors?.[0]?.field, 'into');
    await problemOf(await post('/v1/review/99999999/approve', {}), 404);
    await problemOf(await call('/v1/review/99999999', adminKey), 404);

    const merged = await postJson<ActionOutcome>(`/v1/review/${toMerge.id}/merge`, { into: 'critical-care' });
    assert.equal(merged.item.status, 'merged');
    const target = await getJson<{ aliases: Array<{ text: string; source: string }>; history: Array<{ actionId: number }> }>(
      '/v1/catalog/skills/critical-care',
    );
    assert.ok(target.aliases.some((alias) => alias.text === toMerge.value.trim() && alias.source === 'review'));
    assert.equal(target.history[0]?.actionId, merged.action.id);

    const undone = await postJson<{ action: { id: number; undoneBy: string }; catalogVersion: number | null }>(
      `/v1/review/actions/${merged.action.id}/undo`,
      {},
    );
    assert.equal(undone.action.undoneBy, 'ana');
    assert.ok(undone.catalogVersion !== null && undone.catalogVersion > (merged.catalogVersion ?? 0));
    await problemOf(await post(`/v1/review/actions/${merged.action.id}/undo`, {}), 409);
    const again = await getJson<{ item: ReviewItem }>(`/v1/review/${toMerge.id}`);
    assert.equal(again.item.status, 'pending');
    const targetAfter = await getJson<{ aliases: Array<{ text: string; source: string }> }>('/v1/catalog/skills/critical-care');
    assert.ok(!targetAfter.aliases.some((alias) => alias.source === 'review' && alias.text === toMerge.value.trim()));
  });

  it('shows a seed skill, role and dimension with their links, and 404 for unknown slugs', async () => {
    const python = await getJson<{
      name: string;
      source: string;
      aliases: Array<{ text: string; type: string }>;
      dimensions: Array<{ slug: string }>;
      roles: Array<{ slug: string }>;
      catalogVersion: number;
    }>('/v1/catalog/skills/python');
    assert.deepEqual([python.name, python.source], ['Python', 'seed']);
    assert.ok(python.aliases.some((alias) => alias.text === 'Python' && alias.type === 'canonical'));
    assert.ok(python.roles.length > 0, 'roles list Python as a core skill');
    assert.ok(python.dimensions.length > 0);
    assert.equal(typeof python.catalogVersion, 'number');

    const developer = documents.get(`developer-${tag}`)!;
    const role = await getJson<{
      name: string;
      domain: string;
      kras: Array<{ text: string }>;
      coreSkills: Array<{ slug: string }>;
      aliases: unknown[];
      runCount: number;
    }>(`/v1/catalog/roles/${developer.role!.slug}`);
    assert.equal(role.name, developer.role!.displayName);
    assert.ok(role.kras.length > 0 && role.coreSkills.length > 0);
    assert.ok(role.runCount >= 1, 'the developer run chose it');
    const roles = await getJson<{ items: Array<{ slug: string }>; total: number }>(
      `/v1/catalog/roles?q=${encodeURIComponent(developer.role!.displayName)}`,
    );
    assert.equal(roles.items[0]?.slug, developer.role!.slug);

    const dimensionSlug = python.dimensions[0].slug;
    const dimension = await getJson<{ skills: Array<{ slug: string }>; skillCount: number }>(`/v1/catalog/dimensions/${dimensionSlug}`);
    assert.ok(dimension.skills.some((entry) => entry.slug === 'python'));
    const dimensions = await getJson<{ items: Array<{ slug: string; skillCount: number }>; total: number }>(
      '/v1/catalog/dimensions?limit=200',
    );
    assert.equal(dimensions.items.find((entry) => entry.slug === dimensionSlug)?.skillCount, dimension.skillCount);

    await problemOf(await call('/v1/catalog/skills/no-such-skill', adminKey), 404);
    await problemOf(await call('/v1/catalog/roles/no-such-role', adminKey), 404);
    await problemOf(await call('/v1/catalog/dimensions/no-such-dimension', adminKey), 404);
  });

  it('counts the runs made today, their roles, skills, failures and the pending queue', async () => {
    const stats = await getJson<{
      runsPerDay: Array<{ day: string; completed: number; rejected: number; failed: number }>;
      roleDistribution: Array<{ roleSlug: string; runs: number }>;
      topSkills: Array<{ skillSlug: string; runs: number }>;
      proposalsPending: { total: number; byKind: Record<string, number> };
      failures: { total: number; byCode: Array<{ code: string; count: number }> };
    }>('/v1/stats?days=7&top=100');
    const all = await getJson<Page<RunSummary>>('/v1/runs?limit=200');
    const completed = all.items.filter((run) => run.status === 'completed');

    assert.equal(stats.runsPerDay.length, 7);
    const today = stats.runsPerDay.at(-1)!;
    assert.equal(today.day, new Date().toISOString().slice(0, 10));
    assert.deepEqual(
      [today.completed, today.rejected, today.failed],
      ['completed', 'rejected', 'failed'].map((status) => all.items.filter((run) => run.status === status).length),
    );
    assert.equal(
      stats.roleDistribution.reduce((sum, role) => sum + role.runs, 0),
      completed.filter((run) => run.roleSlug).length,
    );
    const developerRole = documents.get(`developer-${tag}`)!.role!.slug;
    assert.equal(
      stats.roleDistribution.find((role) => role.roleSlug === developerRole)?.runs,
      completed.filter((run) => run.roleSlug === developerRole).length,
    );
    const pythonRuns = [...documents.values()].filter((doc) =>
      doc.skills.some((skill) => skill.slug === 'python' && skill.status === 'in_catalog'),
    ).length;
    assert.ok((stats.topSkills.find((skill) => skill.skillSlug === 'python')?.runs ?? 0) >= pythonRuns);
    assert.deepEqual(stats.failures.byCode, [{ code: documents.get(`recipe-${tag}`)!.rejection!.code, count: 1 }]);

    const pending = await getJson<{ items: ReviewItem[] }>('/v1/review?limit=500');
    assert.equal(stats.proposalsPending.total, pending.items.length);
    assert.equal(stats.proposalsPending.byKind.skill, pending.items.filter((item) => item.kind === 'skill').length);

    assert.deepEqual(
      (await problemOf(await call('/v1/stats?days=0', adminKey), 400)).errors?.map((error) => error.field),
      ['days'],
    );
  });
});

// With a model in the loop, the calls a run made are listed with their tokens and cost.
describe('HTTP API: LLM calls of a hybrid run', () => {
  const answer: PostingAssistAnswer = {
    fields: { ...noPostingFields(), workMode: { value: 'hybrid', evidence: 'Hybrid, 3 days a week in office' } },
    skills: [],
  };
  let fake: FakeLlmServer;
  let server: RunningAdminServer;
  let adminWebDir: string;

  before(async () => {
    fake = await FakeLlmServer.start();
    fake.onChat(
      { schemaName: 'posting_assist' },
      fakeReply.json(answer, { promptTokens: 1500, cachedTokens: 1024, completionTokens: 220 }),
    );
    adminWebDir = mkdtempSync(join(tmpdir(), 'jdpipe-admin-web-'));
    writeFileSync(join(adminWebDir, 'index.html'), '<!doctype html><title>jdpipe admin</title>');
    server = await startAdminServer({
      port: 0,
      config: { dataDir: null, seedDir: null, runTimeoutMs: 60_000 },
      llm: loadLlmConfig({
        JDPIPE_LLM_MODE: 'hybrid',
        OPENAI_BASE_URL: fake.baseUrl,
        JDPIPE_LLM_TIMEOUT_MS: '2000',
        JDPIPE_LLM_MAX_RETRIES: '0',
      }),
      adminWebDir,
    });
  });

  after(async () => {
    await server?.close();
    await fake?.close();
    if (adminWebDir) rmSync(adminWebDir, { recursive: true, force: true });
  });

  it('lists every call of the run with stage, purpose, tokens, cost and latency', async () => {
    const key = await server.createApiKey('e2e admin', 'admin');
    const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
    const accepted = await fetch(`${server.url}/v1/postings`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ postingId: 'hybrid-1', description: example('senior-developer.txt') }),
    });
    assert.equal(accepted.status, 202);
    const [{ runId }] = ((await accepted.json()) as { runs: Array<{ runId: string }> }).runs;
    const doc = await waitFor(
      async () => {
        const response = await fetch(`${server.url}/v1/runs/${runId}`, { headers });
        return response.status === 200 ? ((await response.json()) as RunDocument) : undefined;
      },
      { timeoutMs: 60_000, description: 'the hybrid run' },
    );
    assert.equal(doc.mode, 'hybrid');

    const { items } = (await (await fetch(`${server.url}/v1/runs/${runId}/llm-calls`, { headers })).json()) as {
      items: Array<LlmCallRecord & { id: string }>;
    };
    assert.equal(items.length, doc.llmCalls.length);
    const assist = items.find((call) => call.purpose === 'posting-assist');
    assert.ok(assist, `a posting-assist call among ${items.map((call) => call.purpose).join(', ')}`);
    assert.deepEqual(
      [assist.inputTokens, assist.cachedTokens, assist.outputTokens, assist.error, assist.cacheHit],
      [1500, 1024, 220, null, false],
    );
    const recorded = doc.llmCalls.find((call) => call.purpose === 'posting-assist')!;
    assert.equal(assist.costUsd, recorded.costUsd);
    assert.ok(assist.costUsd !== null && assist.costUsd > 0);
    assert.equal(assist.latencyMs, recorded.latencyMs);
  });
});
