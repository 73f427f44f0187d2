import { loadLlmConfig, LlmClient } from '@jdpipe/llm';

import type { EmbeddingCache } from '../embedding-cache.port';
import { LlmAssist, RunLlmCallCollector } from '../llm-assist.runtime';

/**
 * A hybrid-mode assist talking to the local fake server through the real SDK, with timeouts short enough for
 * a hang to be a quick spec and no retries unless `env` asks for them.
 */
export function fakeLlmAssist(baseUrl: string, env: Record<string, string> = {}, embeddingCache?: EmbeddingCache): LlmAssist {
  const config = loadLlmConfig({
    JDPIPE_LLM_MODE: 'hybrid',
    OPENAI_BASE_URL: baseUrl,
    JDPIPE_LLM_TIMEOUT_MS: '400',
    JDPIPE_LLM_CALL_DEADLINE_MS: '800',
    JDPIPE_LLM_MAX_RETRIES: '0',
    ...env,
  });
  const calls = new RunLlmCallCollector();
  return new LlmAssist(new LlmClient({ config, sink: calls }), calls, config.mode, embeddingCache);
}
