import type { ExtractionMode } from '@jdpipe/contracts';
import { type LlmConfig, loadLlmConfig } from '@jdpipe/llm';
import { answerUnrecorded, FakeLlmServer, loadRecordedAnswers, replayRecordedAnswers } from '@jdpipe/testing';

export interface RecordedModelOptions {
  mode: Exclude<ExtractionMode, 'offline'>;
  /** Folder of recorded answers (`eval/llm-recordings`). */
  recordingsDir: string;
  /** Answer postings without a recording too (nothing found, first candidate), instead of failing their calls. */
  answerUnrecorded: boolean;
}

/**
 * Runs `work` with a model that replays recorded answers: a local OpenAI-compatible server started in this
 * process, reached through the real SDK like any provider, so every guard, retry and cost record runs as in
 * production. Nothing leaves the machine and no key is used.
 */
export async function withRecordedModel<T>(options: RecordedModelOptions, work: (llm: LlmConfig) => Promise<T>): Promise<T> {
  const recordings = loadRecordedAnswers(options.recordingsDir);
  const fake = replayRecordedAnswers(await FakeLlmServer.start(), recordings);
  if (options.answerUnrecorded) answerUnrecorded(fake);
  try {
    const llm = loadLlmConfig({ ...process.env, JDPIPE_LLM_MODE: options.mode, OPENAI_BASE_URL: fake.baseUrl, OPENAI_API_KEY: '' });
    return await work(llm);
  } finally {
    await fake.close();
  }
}
