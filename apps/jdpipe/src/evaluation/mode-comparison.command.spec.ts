import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { type EvalSummary, loadEvalCases } from '@jdpipe/evaluation';
import type { PostingAssistAnswer } from '@jdpipe/pipeline-stages';
import { loadRecordedAnswers, repositoryRoot } from '@jdpipe/testing';

import type { LlmUsage } from '../bench/llm-usage';
import { type EvalPass, renderComparison } from './eval.command';
import { compareModes } from './mode-comparison.command';

// The first case: its recording plants an ungrounded skill (every second case does).
const CASE_ID = 'au-civil-engineer-no-title';

describe('jdpipe eval --mode hybrid (recorded answers)', () => {
  const root = repositoryRoot();

  it('runs the case offline and against the replayed answers, and the guards drop the planted mistakes', async () => {
    let printed = '';
    const code = await compareModes(
      { dataDir: null, seedDir: null, runTimeoutMs: 30_000 },
      {
        casesPath: join(root, 'eval', 'cases', `${CASE_ID}.yaml`),
        mode: 'hybrid',
        live: false,
        recordingsDir: join(root, 'eval', 'llm-recordings'),
        json: true,
      },
      (text) => (printed += text),
    );
    assert.equal(code, 0);
    const result = JSON.parse(printed) as Record<'offline' | 'hybrid', { summary: EvalSummary; usage: LlmUsage }>;

    assert.equal(result.offline.usage.callsPerPosting, 0);
    assert.equal(result.offline.usage.costPerPosting, 0);
    assert.ok(result.hybrid.usage.callsPerPosting >= 1, 'the posting-assist call was made');
    assert.equal(result.hybrid.usage.fallbacks, 0, 'every call found its recorded answer');
    assert.ok(result.hybrid.usage.costPerPosting > 0 && result.hybrid.usage.costPerPosting < 0.01);
    assert.ok(result.hybrid.usage.tokensPerPosting.input > 0 && result.hybrid.usage.tokensPerPosting.output > 0);

    const recording = loadRecordedAnswers(join(root, 'eval', 'llm-recordings')).find((r) => r.case === CASE_ID)!;
    const answer = recording.postingAssist as PostingAssistAnswer;
    const description = loadEvalCases(join(root, 'eval', 'cases', `${CASE_ID}.yaml`))[0]!.posting.description;
    const planted = answer.skills.filter((skill) => !description.includes(skill.evidence)).length;
    assert.ok(planted > 0, 'the recording plants an ungrounded skill');
    // Also dropped: a new skill whose name is not in its own quote ("Cost Estimation" for "cost estimates").
    assert.ok(result.hybrid.usage.ungroundedSkillsDropped >= planted);
    assert.ok(result.hybrid.summary.skillRecall >= result.offline.summary.skillRecall);
    assert.ok(result.hybrid.summary.skillPrecision >= result.offline.summary.skillPrecision, 'no trap skill got through');
  });
});

describe('renderComparison', () => {
  const usage = (calls: number, cost: number): LlmUsage => ({
    postings: 2,
    callsPerPosting: calls,
    cacheHits: 0,
    failedCalls: 0,
    tokensPerPosting: { input: calls * 2000, cached: 0, output: calls * 300 },
    costPerPosting: cost,
    unpricedCalls: 0,
    ungroundedSkillsDropped: calls * 3,
    answersRefused: 0,
    fallbacks: 0,
    fieldsFromLlm: 0,
    skillsFromLlm: 0,
    enrichmentsKept: calls * 2,
    enrichmentsDropped: 0,
  });
  const pass = (recall: number, calls: number, cost: number): EvalPass => ({
    scores: [],
    summary: {
      cases: 2,
      skillRecall: recall,
      skillPrecision: 1,
      roleAccuracy: 0.5,
      roleCases: 2,
      fieldAccuracy: { ctc: { correct: 1, total: 2 } },
    },
    usage: usage(calls, cost),
  });

  it('puts the offline and the model figures on one line each', () => {
    const lines = renderComparison(pass(0.8, 0, 0), pass(0.9, 1, 0.00035), 'hybrid').split('\n');
    assert.match(lines[0]!, /offline\s+hybrid$/);
    const row = (label: string) =>
      lines
        .find((line) => line.startsWith(label))!
        .split(/\s{2,}/)
        .slice(1);
    assert.deepEqual(row('skill recall'), ['80.0%', '90.0%']);
    assert.deepEqual(row('field ctc'), ['1/2', '1/2']);
    assert.deepEqual(row('ungrounded skills dropped'), ['0', '3']);
    assert.deepEqual(row('new-skill enrichments kept'), ['0', '2']);
    assert.deepEqual(row('calls per posting'), ['0.00', '1.00']);
    assert.deepEqual(row('input tokens per posting'), ['0', '2000']);
    assert.deepEqual(row('cost per posting (USD)'), ['0.000000', '0.000350']);
  });
});
