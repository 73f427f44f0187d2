import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { LlmCallRecord } from '@jdpipe/contracts';
import { aRunDocument } from '@jdpipe/testing';

import { formatLlmUsage, llmUsageOf } from './llm-usage';

const call = (overrides: Partial<LlmCallRecord>): LlmCallRecord => ({
  stage: 'parse',
  purpose: 'posting-assist',
  model: 'gpt-6-luna',
  promptVersion: 'posting-assist-v2',
  inputTokens: 2000,
  cachedTokens: 0,
  outputTokens: 300,
  costUsd: 0.00035,
  latencyMs: 900,
  cacheHit: false,
  error: null,
  ...overrides,
});

const enrichment = { skill: 'Temporal', category: 'Backend Development', nature: 'TOOL', volatility: 'HIGH', lifespan: 'MULTI_YEAR' };
const summary = {
  fieldsFromLlm: ['workMode'],
  skillsFromLlm: ['dbt', 'temporal'],
  ungroundedSkillsDropped: 2,
  rejected: ['ctc: 77000'],
  fallbacks: [],
  skillEnrichments: [{ ...enrichment, versionStrategy: 'VERSIONED', confidence: 0.8 }],
  enrichmentsDropped: 1,
};

describe('llmUsageOf', () => {
  it('is all zeros for offline runs', () => {
    const usage = llmUsageOf([aRunDocument(), aRunDocument()]);
    assert.equal(usage.postings, 2);
    assert.equal(usage.callsPerPosting, 0);
    assert.deepEqual(usage.tokensPerPosting, { input: 0, cached: 0, output: 0 });
    assert.equal(usage.costPerPosting, 0);
    assert.equal(formatLlmUsage(usage), '0.00 calls · tokens 0 in (0 cached) / 0 out · $0.000000 per posting');
  });

  it('averages calls, tokens and cost over every posting and adds up what the guards dropped', () => {
    const tieBreak = call({
      stage: 'matchRole',
      purpose: 'role-tie-break',
      inputTokens: 800,
      cachedTokens: 512,
      outputTokens: 60,
      costUsd: 0.0001,
    });
    const assisted = aRunDocument({ llmCalls: [call({}), tieBreak], llmAssist: summary });
    const cached = aRunDocument({ llmCalls: [call({ inputTokens: 0, outputTokens: 0, costUsd: 0, cacheHit: true })] });
    const failed = aRunDocument({
      llmCalls: [call({ inputTokens: 0, outputTokens: 0, costUsd: null, error: 'LLM.TIMEOUT: …; fallback: offline result kept' })],
      llmAssist: { fieldsFromLlm: [], skillsFromLlm: [], ungroundedSkillsDropped: 0, rejected: [], fallbacks: ['parse: LLM.TIMEOUT'] },
    });
    const usage = llmUsageOf([assisted, cached, failed, aRunDocument()]);
    assert.equal(usage.callsPerPosting, 4 / 4);
    assert.deepEqual(usage.tokensPerPosting, { input: 2800 / 4, cached: 512 / 4, output: 360 / 4 });
    assert.ok(Math.abs(usage.costPerPosting - 0.00045 / 4) < 1e-12);
    assert.equal(usage.cacheHits, 1);
    assert.equal(usage.failedCalls, 1);
    assert.equal(usage.unpricedCalls, 1);
    assert.equal(usage.ungroundedSkillsDropped, 2);
    assert.equal(usage.answersRefused, 1);
    assert.equal(usage.fallbacks, 1);
    assert.equal(usage.fieldsFromLlm, 1);
    assert.equal(usage.skillsFromLlm, 2);
    assert.equal(usage.enrichmentsKept, 1);
    assert.equal(usage.enrichmentsDropped, 1);
  });
});
