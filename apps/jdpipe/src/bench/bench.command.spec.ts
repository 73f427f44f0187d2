import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

import { type LlmConfig, loadLlmConfig } from '@jdpipe/llm';

import { startEmbeddedApp } from '../embedded/embedded-app';
import { withRecordedModel } from '../evaluation/recorded-model';
import { PostingSubmitter } from '../ingest/posting-submitter';
import { type BenchReport, runBenchCommand } from './bench.command';

const POSTINGS = [
  'Backend Engineer\n\nResponsibilities\n- Build REST APIs in Python and PostgreSQL\n\nRequirements\n- 3+ years of experience',
  'Data Analyst\n\nResponsibilities\n- Build dashboards in Tableau and write SQL\n\nRequirements\n- 2+ years of experience with Excel',
];

describe('jdpipe bench and the model', () => {
  const corpus = mkdtempSync(join(tmpdir(), 'jdpipe-bench-'));
  POSTINGS.forEach((text, index) => writeFileSync(join(corpus, `posting-${index}.txt`), text));
  after(() => rmSync(corpus, { recursive: true, force: true }));

  // The first posting is measured; the second only warms up, so the measured one reaches the model.
  const bench = async (llm: LlmConfig): Promise<BenchReport> => {
    const app = await startEmbeddedApp({ dataDir: null, seedDir: null, runTimeoutMs: 30_000 }, llm);
    try {
      let printed = '';
      await runBenchCommand(app.get(PostingSubmitter), { corpus, limit: 1, json: true }, (text) => (printed += text));
      return JSON.parse(printed) as BenchReport;
    } finally {
      await app.close();
    }
  };

  it('reports no calls, tokens or cost offline', async () => {
    const report = await bench(loadLlmConfig({ JDPIPE_LLM_MODE: 'offline' }));
    assert.equal(report.mode, 'offline');
    assert.equal(report.postings, 1);
    assert.deepEqual(
      [report.llm.callsPerPosting, report.llm.tokensPerPosting, report.llm.costPerPosting],
      [0, { input: 0, cached: 0, output: 0 }, 0],
    );
  });

  it('reports calls, tokens and cost per posting in hybrid mode against the local fake (--fake-llm)', async () => {
    const recordingsDir = mkdtempSync(join(tmpdir(), 'jdpipe-no-recordings-'));
    try {
      const report = await withRecordedModel({ mode: 'hybrid', recordingsDir, answerUnrecorded: true }, bench);
      assert.equal(report.mode, 'hybrid');
      assert.equal(report.llm.failedCalls, 0, 'every posting got the generic answer');
      assert.equal(report.llm.cacheHits, 0);
      assert.ok(report.llm.callsPerPosting >= 1, 'the posting-assist call');
      assert.ok(report.llm.tokensPerPosting.input > 500, 'instructions, schema and posting are billed as input');
      assert.ok(report.llm.tokensPerPosting.output > 0);
      assert.ok(report.llm.costPerPosting > 0 && report.llm.costPerPosting < 0.01);
    } finally {
      rmSync(recordingsDir, { recursive: true, force: true });
    }
  });
});
