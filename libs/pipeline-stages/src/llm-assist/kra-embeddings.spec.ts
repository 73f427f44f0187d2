import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';

import { loadSeedCatalog } from '@jdpipe/catalog';
import type { ExtractionMode, RoleDecidedV1 } from '@jdpipe/contracts';
import { costOf } from '@jdpipe/llm';
import { deterministicEmbedding, fakeReply, FakeLlmServer } from '@jdpipe/testing';

import { CatalogRuntime } from '../catalog-runtime/catalog-runtime';
import { newJobPostedEvent } from '../ingest-posting/job-posted.factory';
import { MatchRoleHandler } from '../match-role/match-role.handler';
import { ParsePostingHandler } from '../parse-posting/parse-posting.handler';
import type { EmbeddingCache } from './embedding-cache.port';
import { KRA_SIMILARITY_PURPOSE } from './kra-embeddings';
import type { LlmAssist } from './llm-assist.runtime';
import { fakeLlmAssist } from './spec-fixtures/fake-llm-assist';

// Three duties of a site reliability engineer in words its KRAs do not use, and one DevOps duty in the
// catalog's words: lexically DevOps wins, a model that sees the paraphrases should pick SRE.
const PARAPHRASED_SRE_POSTING = `Reliability Engineer

What you will do
- Keep our customer-facing systems up and quick around the clock.
- Agree uptime targets with product groups and spend the allowance for failure with care.
- Take charge when things break at night and write up what went wrong without blame.
- Set up Kubernetes clusters and CI/CD pipelines with Terraform.

Requirements
- Kubernetes, Terraform, Prometheus`;

/** What a semantic model would see in each paraphrase: the KRA it restates. */
const RESTATED_KRAS: Array<[fragment: string, kra: string]> = [
  [
    'customer-facing systems up and quick',
    'Ensure availability, latency, performance and capacity of production services through monitoring and automation',
  ],
  ['uptime targets with product groups', 'Define and track SLOs, SLIs and error budgets with engineering and product teams'],
  ['things break at night', 'Lead incident response, troubleshoot production outages and run blameless postmortems'],
];

/** A stand-in for a semantic model: a paraphrase gets the vector of the KRA it restates. */
function paraphraseAwareEmbedding(text: string, dimensions: number): number[] {
  const restated = RESTATED_KRAS.find(([fragment]) => text.includes(fragment));
  return deterministicEmbedding(restated ? restated[1] : text, dimensions);
}

class InMemoryEmbeddingCache implements EmbeddingCache {
  readonly byModel = new Map<string, Map<string, number[]>>();

  find(model: string, texts: readonly string[]): Promise<Map<string, number[]>> {
    const cached = this.byModel.get(model) ?? new Map<string, number[]>();
    return Promise.resolve(new Map(texts.flatMap((text) => (cached.has(text) ? [[text, cached.get(text)!] as const] : []))));
  }

  save(model: string, embeddings: ReadonlyArray<{ text: string; vector: readonly number[] }>): Promise<void> {
    const cached = this.byModel.get(model) ?? new Map<string, number[]>();
    for (const { text, vector } of embeddings) cached.set(text, [...vector]);
    this.byModel.set(model, cached);
    return Promise.resolve();
  }
}

describe('KRA similarity by embeddings in the role matcher (fake server, real SDK)', () => {
  let fake: FakeLlmServer;
  const catalog = new CatalogRuntime({ loadCatalog: () => Promise.resolve(loadSeedCatalog().catalog) });

  before(async () => {
    fake = await FakeLlmServer.start({ embed: paraphraseAwareEmbedding });
  });
  after(() => fake.close());
  afterEach(() => fake.reset());

  const assistWith = (env: Record<string, string>, cache = new InMemoryEmbeddingCache()): LlmAssist =>
    fakeLlmAssist(fake.baseUrl, env, cache);

  /** The role decision of a posting: parsed offline (this spec is about the matcher), matched in `mode`. */
  async function decide(assist: LlmAssist, mode: ExtractionMode = 'hybrid'): Promise<RoleDecidedV1> {
    // A tie-break may fire too: it keeps the decision, so only the embeddings can change it.
    fake.onChat({ schemaName: 'role_tie_break' }, fakeReply.json({ choice: null, newRole: null, reasoning: 'none fits better' }));
    const parsed = await new ParsePostingHandler(catalog).handle(newJobPostedEvent({ description: PARAPHRASED_SRE_POSTING }, 'test'));
    return new MatchRoleHandler(catalog, assist).handle({ ...parsed, mode });
  }

  const embeddingCalls = (event: RoleDecidedV1) => (event.llmCalls ?? []).filter((call) => call.purpose === KRA_SIMILARITY_PURPOSE);
  const candidate = (event: RoleDecidedV1, slug: string) => event.signals!.candidates.find((c) => c.slug === slug)!;

  it('finds the paraphrased role lexical similarity misses, and says which similarity scored each candidate', async () => {
    const lexical = await decide(assistWith({ JDPIPE_LLM_EMBEDDINGS: 'off' }));
    assert.equal(lexical.role?.slug, 'devops-engineer');
    assert.ok(candidate(lexical, 'site-reliability-engineer').kraScore < 0.1);

    const embedded = await decide(assistWith({ JDPIPE_LLM_EMBEDDINGS: 'on' }));

    assert.equal(embedded.role?.slug, 'site-reliability-engineer');
    assert.equal(embedded.signals?.kraEmbeddingModel, 'text-embedding-3-small');
    const sre = candidate(embedded, 'site-reliability-engineer');
    assert.equal(sre.kraSimilarity, 'embedding-blend');
    assert.equal(sre.kraScore, 1);
    for (const [fragment, kra] of RESTATED_KRAS) {
      const match = sre.kraMatches.find((m) => m.sentence.includes(fragment));
      assert.deepEqual(
        { kraText: match?.kraText, similarity: match?.similarity, via: match?.via },
        { kraText: kra, similarity: 1, via: 'embedding' },
      );
    }
    assert.ok(
      embedded.signals!.candidates.some((c) => c.kraSimilarity === 'lexical'),
      'roles past the leaders stay lexical',
    );
    assert.equal(embedded.kraVectorModel, 'text-embedding-3-small');
    assert.equal(embedded.kraVector?.length, 64);
    assert.ok(Math.abs(Math.hypot(...embedded.kraVector!) - 1) < 1e-9, 'the centroid sample is a unit vector');
    assert.deepEqual(embedded.llmAssist?.fallbacks, []);
  });

  it('makes one batched call, recorded with tokens and cost, then serves the texts from the cache', async () => {
    const cache = new InMemoryEmbeddingCache();
    const first = await decide(assistWith({ JDPIPE_LLM_EMBEDDINGS: 'on' }, cache));

    assert.equal(fake.embeddingRequests().length, 1);
    const [call] = embeddingCalls(first);
    assert.equal(call?.stage, 'matchRole');
    assert.equal(call?.model, 'text-embedding-3-small');
    assert.ok(call!.inputTokens > 0);
    assert.equal(call?.costUsd, costOf('text-embedding-3-small', { inputTokens: call!.inputTokens, cachedTokens: 0, outputTokens: 0 }));
    assert.ok(call!.costUsd! > 0);
    assert.equal(call?.error, null);
    const exchange = first.llmExchanges?.[first.llmCalls!.indexOf(call!)];
    assert.equal(exchange?.purpose, KRA_SIMILARITY_PURPOSE, 'the call reaches llm_calls with its bodies');
    const sent = (fake.embeddingRequests()[0]!.body as { input: string[] }).input;
    assert.equal(cache.byModel.get('text-embedding-3-small')?.size, sent.length);

    // A new client (a restart) has an empty response cache: the texts come from the embedding cache.
    const second = await decide(assistWith({ JDPIPE_LLM_EMBEDDINGS: 'on' }, cache));
    assert.equal(fake.embeddingRequests().length, 1, 'no second call');
    assert.deepEqual(embeddingCalls(second), []);
    assert.equal(second.role?.slug, 'site-reliability-engineer');
    assert.deepEqual(second.kraVector, first.kraVector);
  });

  it('keys the cache by model: another embedding model embeds again', async () => {
    const cache = new InMemoryEmbeddingCache();
    await decide(assistWith({ JDPIPE_LLM_EMBEDDINGS: 'on' }, cache));
    const other = await decide(assistWith({ JDPIPE_LLM_EMBEDDINGS: 'on', JDPIPE_LLM_EMBEDDING_MODEL: 'text-embedding-3-large' }, cache));

    assert.equal(fake.embeddingRequests().length, 2);
    assert.equal(other.kraVectorModel, 'text-embedding-3-large');
    assert.deepEqual([...cache.byModel.keys()].sort(), ['text-embedding-3-large', 'text-embedding-3-small']);
  });

  for (const [name, failure, code] of [
    ['a 500', fakeReply.serverError(), 'LLM.UNAVAILABLE'],
    ['a hung request', fakeReply.hang(), 'LLM.TIMEOUT'],
  ] as const) {
    it(`falls back to the lexical similarity on ${name}, and the run says so`, async () => {
      const lexical = await decide(assistWith({ JDPIPE_LLM_EMBEDDINGS: 'off' }));
      fake.failNextEmbeddings(failure);
      const cache = new InMemoryEmbeddingCache();

      const event = await decide(assistWith({ JDPIPE_LLM_EMBEDDINGS: 'on' }, cache));

      assert.equal(event.role?.slug, lexical.role?.slug);
      assert.deepEqual(event.signals, lexical.signals);
      assert.deepEqual(event.kraVector, lexical.kraVector, 'the centroid gets the hashed vector');
      assert.equal(event.kraVectorModel, undefined);
      assert.deepEqual(event.llmAssist?.fallbacks, [`matchRole: ${code}`]);
      const [call] = embeddingCalls(event);
      assert.match(call?.error ?? '', new RegExp(`^${code}.*fallback: offline result kept$`));
      assert.equal(cache.byModel.size, 0, 'nothing cached from a failed call');
    });
  }

  it('falls back when the run budget cannot pay for the embeddings, without calling', async () => {
    const event = await decide(assistWith({ JDPIPE_LLM_EMBEDDINGS: 'on', JDPIPE_LLM_RUN_BUDGET_TOKENS: '10' }));

    assert.equal(fake.embeddingRequests().length, 0);
    assert.equal(event.role?.slug, 'devops-engineer');
    assert.ok(event.llmAssist?.fallbacks.includes('matchRole: LLM.BUDGET_EXCEEDED'), JSON.stringify(event.llmAssist?.fallbacks));
    assert.equal(embeddingCalls(event).length, 1, 'the refused call is recorded');
  });

  it('makes no embedding call in an offline run or with the switch off', async () => {
    const offline = await decide(assistWith({ JDPIPE_LLM_EMBEDDINGS: 'on' }), 'offline');
    const switchedOff = await decide(assistWith({}));

    assert.equal(fake.embeddingRequests().length, 0);
    for (const event of [offline, switchedOff]) {
      assert.equal(event.role?.slug, 'devops-engineer');
      assert.equal(event.signals?.kraEmbeddingModel, undefined);
      assert.ok(event.signals!.candidates.every((c) => c.kraSimilarity === undefined && c.kraMatches.every((m) => m.via === undefined)));
    }
  });
});
