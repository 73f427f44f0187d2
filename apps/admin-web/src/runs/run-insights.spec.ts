import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { LlmCallRecord, RunDocument } from '@jdpipe/contracts';

import type { RunView } from '../api/api-types.js';
import { bestKraMatches, llmTotals, persistenceRows, timingRows } from './run-insights.js';

// The server's run document must always be readable as the admin's view of it: this assignment stops
// compiling the day the contract changes in a way the pages do not expect.
const asView = (document: RunDocument): RunView => document;

function runDocument(overrides: Partial<RunDocument>): RunDocument {
  return {
    runId: 'run-1',
    postingId: 'posting-1',
    status: 'completed',
    rejection: null,
    catalogVersion: 3,
    mode: 'offline',
    posting: { title: 'Backend Developer', description: 'Python and SQL', location: null, company: null, source: null },
    parsed: null,
    role: {
      slug: 'backend-engineer',
      displayName: 'Backend Engineer',
      domain: 'Software Engineering',
      case: 'KRA',
      confidence: 0.81,
      reasoning: 'KRA match',
      isNew: false,
      llm2Fired: false,
    },
    runnersUp: [],
    signals: null,
    skills: [],
    proposals: [],
    llmCalls: [],
    timings: {},
    traceId: null,
    createdAt: '2026-11-25T10:00:00.000Z',
    completedAt: '2026-11-25T10:00:01.000Z',
    ...overrides,
  };
}

const skill = (name: string, status: 'in_catalog' | 'proposed', dimensions: Array<[string, boolean]>) => ({
  name,
  slug: name.toLowerCase(),
  status,
  matchedVia: 'canonical',
  category: null,
  nature: null,
  primary: false,
  requirement: 'required' as const,
  dimensions: dimensions.map(([displayName, underChosenRole]) => ({ slug: displayName.toLowerCase(), displayName, underChosenRole })),
  evidence: [],
});

describe('persistenceRows', () => {
  it('has one row per skill and dimension, linking the role only under the chosen role', () => {
    const run = asView(
      runDocument({
        skills: [
          skill('Python', 'in_catalog', [
            ['Backend Development', true],
            ['Data Science', false],
          ]),
          skill('Grafana Loki', 'proposed', []),
        ],
      }),
    );
    assert.deepEqual(
      persistenceRows(run).map((row) => [row.skillName, row.dimension, row.skillLinked, row.roleLinked]),
      [
        ['Python', 'Backend Development', true, true],
        ['Python', 'Data Science', true, false],
        ['Grafana Loki', null, false, false],
      ],
    );
    assert.match(persistenceRows(run)[1].outcome, /not under the chosen role/);
  });

  it('keeps a catalog skill without dimensions visible', () => {
    const rows = persistenceRows(asView(runDocument({ skills: [skill('Git', 'in_catalog', [])] })));
    assert.deepEqual(
      rows.map((row) => [row.skillName, row.dimension, row.outcome]),
      [['Git', null, 'Catalog skill without dimensions']],
    );
  });
});

describe('bestKraMatches', () => {
  it('keeps the best match per sentence, best first', () => {
    const matches = bestKraMatches({
      kraMatches: [
        { sentence: 'Write code', kraText: 'maintain code quality', similarity: 0.52 },
        { sentence: 'Review code', kraText: 'code review', similarity: 0.81 },
        { sentence: 'Write code', kraText: 'write services', similarity: 0.74 },
        { sentence: 'Deploy', kraText: 'release', similarity: 0.3 },
      ],
    });
    assert.deepEqual(
      matches.map((match) => [match.sentence, match.similarity]),
      [
        ['Review code', 0.81],
        ['Write code', 0.74],
        ['Deploy', 0.3],
      ],
    );
  });
});

describe('timingRows', () => {
  it('orders stages as the pipeline runs them and gives each its share', () => {
    const { rows, totalMs } = timingRows({ persist: 10, extra: 5, parse: 20, matchRole: 15 });
    assert.equal(totalMs, 50);
    assert.deepEqual(
      rows.map((row) => [row.stage, row.share]),
      [
        ['parse', 0.4],
        ['matchRole', 0.3],
        ['persist', 0.2],
        ['extra', 0.1],
      ],
    );
  });
});

describe('llmTotals', () => {
  const call = (overrides: Partial<LlmCallRecord>): LlmCallRecord => ({
    stage: 'parse',
    purpose: 'extract',
    model: 'gpt-4.1-nano',
    promptVersion: 'v1',
    inputTokens: 1000,
    cachedTokens: 200,
    outputTokens: 150,
    costUsd: 0.0004,
    latencyMs: 900,
    cacheHit: false,
    error: null,
    ...overrides,
  });

  it('adds tokens, cost and latency, and counts failures', () => {
    const totals = llmTotals([call({}), call({ costUsd: 0.0006, error: 'LLM.TIMEOUT', latencyMs: 100 })]);
    assert.deepEqual(
      { ...totals, costUsd: Number(totals.costUsd?.toFixed(6)) },
      {
        calls: 2,
        inputTokens: 2000,
        outputTokens: 300,
        cachedTokens: 400,
        costUsd: 0.001,
        latencyMs: 1000,
        failures: 1,
      },
    );
  });

  it('reports no cost when no call was priced', () => {
    assert.equal(llmTotals([call({ costUsd: null })]).costUsd, null);
  });
});
