import type { EmbeddedConfig } from '@jdpipe/config';
import type { ExtractionMode } from '@jdpipe/contracts';
import { loadEvalCases, type EvalCase } from '@jdpipe/evaluation';
import { type LlmConfig, loadLlmConfig } from '@jdpipe/llm';
import { CatalogRuntime } from '@jdpipe/pipeline-stages';

import { startEmbeddedApp } from '../embedded/embedded-app';
import { PostingSubmitter } from '../ingest/posting-submitter';
import { type EvalPass, renderCaseScores, renderComparison, renderSummary, runEvalPass } from './eval.command';
import { withRecordedModel } from './recorded-model';

export interface ModeComparisonOptions {
  casesPath: string;
  mode: Exclude<ExtractionMode, 'offline'>;
  /** Ask the configured provider (OPENAI_API_KEY / OPENAI_BASE_URL) instead of replaying recorded answers. */
  live: boolean;
  recordingsDir: string;
  json: boolean;
}

/**
 * `jdpipe eval CASES --mode hybrid|llm`: the cases offline, then with the model, each in a fresh in-memory
 * database so neither pass sees the other's review queue, printed side by side. By default the model is the
 * recorded answers of `eval/llm-recordings` replayed by a local server; `--live` asks the configured provider.
 */
export async function compareModes(config: EmbeddedConfig, options: ModeComparisonOptions, print: (text: string) => void): Promise<number> {
  const cases = loadEvalCases(options.casesPath);
  const fresh = { ...config, dataDir: null };
  const offline = await evalPass(fresh, loadLlmConfig({ JDPIPE_LLM_MODE: 'offline' }), cases);
  const assisted = options.live
    ? await evalPass(fresh, loadLlmConfig({ ...process.env, JDPIPE_LLM_MODE: options.mode }), cases)
    : await withRecordedModel({ mode: options.mode, recordingsDir: options.recordingsDir, answerUnrecorded: false }, (llm) =>
        evalPass(fresh, llm, cases),
      );
  if (options.json) {
    print(JSON.stringify({ offline: { summary: offline.summary, usage: offline.usage }, [options.mode]: assisted }, null, 2) + '\n');
    return 0;
  }
  const source = options.live ? 'the configured provider' : `recorded answers from ${options.recordingsDir}`;
  print(`${options.mode} (${source}):\n${renderCaseScores(assisted.scores)}\n${renderSummary(assisted.summary)}\n`);
  print(renderComparison(offline, assisted, options.mode));
  return 0;
}

async function evalPass(config: EmbeddedConfig, llm: LlmConfig, cases: readonly EvalCase[]): Promise<EvalPass> {
  const app = await startEmbeddedApp(config, llm);
  try {
    const { index } = await app.get(CatalogRuntime).current();
    return await runEvalPass(app.get(PostingSubmitter), index, cases);
  } finally {
    await app.close();
  }
}
