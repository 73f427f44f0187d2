import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { PipelineError } from '@jdpipe/contracts';

import { LLM_CONFIG_DEFAULTS, loadLlmConfig } from './llm.config';

function failure(env: Record<string, string>): PipelineError {
  try {
    loadLlmConfig(env);
  } catch (error) {
    assert.ok(error instanceof PipelineError);
    return error;
  }
  assert.fail('expected the configuration to be rejected');
}

describe('loadLlmConfig', () => {
  it('defaults to offline with a current small model and a timeout well under the Kafka session timeout', () => {
    const config = loadLlmConfig({});

    assert.equal(config.mode, 'offline');
    assert.equal(config.model, 'gpt-6-luna');
    assert.equal(config.embeddingModel, 'text-embedding-3-small');
    assert.equal(config.embeddings, false);
    assert.equal(config.timeoutMs, 20_000);
    assert.ok(config.callDeadlineMs < 45_000, 'one call, retries included, ends before the default session timeout');
    assert.deepEqual(config.runBudget, LLM_CONFIG_DEFAULTS.runBudget);
    assert.equal(config.apiKey, null);
  });

  it('reads every setting', () => {
    const config = loadLlmConfig({
      JDPIPE_LLM_MODE: 'Hybrid',
      OPENAI_API_KEY: ' sk-test ',
      OPENAI_BASE_URL: 'http://localhost:11434/v1/',
      JDPIPE_LLM_MODEL: 'gpt-5.4-nano',
      JDPIPE_LLM_EMBEDDING_MODEL: 'text-embedding-3-large',
      JDPIPE_LLM_EMBEDDINGS: 'On',
      JDPIPE_LLM_TIMEOUT_MS: '5000',
      JDPIPE_LLM_CALL_DEADLINE_MS: '12000',
      JDPIPE_LLM_MAX_RETRIES: '4',
      JDPIPE_LLM_MAX_RETRY_DELAY_MS: '3000',
      JDPIPE_LLM_MAX_OUTPUT_TOKENS: '700',
      JDPIPE_LLM_REASONING_EFFORT: 'none',
      JDPIPE_LLM_RUN_BUDGET_TOKENS: '9000',
      JDPIPE_LLM_RUN_BUDGET_USD: '0.01',
    });

    assert.deepEqual(config, {
      mode: 'hybrid',
      apiKey: 'sk-test',
      baseUrl: 'http://localhost:11434/v1',
      model: 'gpt-5.4-nano',
      embeddingModel: 'text-embedding-3-large',
      embeddings: true,
      timeoutMs: 5000,
      callDeadlineMs: 12000,
      maxRetries: 4,
      maxRetryDelayMs: 3000,
      maxOutputTokens: 700,
      reasoningEffort: 'none',
      runBudget: { maxTokens: 9000, maxCostUsd: 0.01 },
    });
  });

  it('accepts a base URL alone, for a local OpenAI-compatible server', () => {
    const config = loadLlmConfig({ JDPIPE_LLM_MODE: 'llm', OPENAI_BASE_URL: 'http://127.0.0.1:1234/v1' });

    assert.equal(config.mode, 'llm');
    assert.equal(config.apiKey, null);
  });

  for (const mode of ['llm', 'hybrid']) {
    it(`refuses JDPIPE_LLM_MODE=${mode} without a key or a base URL`, () => {
      const error = failure({ JDPIPE_LLM_MODE: mode });

      assert.equal(error.code, 'INPUT.INVALID');
      assert.match(error.message, /OPENAI_API_KEY/);
      assert.match(error.message, /OPENAI_BASE_URL/);
    });
  }

  it('names each bad variable, all at once', () => {
    const error = failure({
      JDPIPE_LLM_MODE: 'cloud',
      JDPIPE_LLM_TIMEOUT_MS: '20s',
      JDPIPE_LLM_MAX_RETRIES: '-1',
      JDPIPE_LLM_RUN_BUDGET_USD: '0',
      OPENAI_BASE_URL: 'localhost:8080',
      JDPIPE_LLM_REASONING_EFFORT: 'extreme',
    });

    for (const name of [
      'JDPIPE_LLM_MODE',
      'JDPIPE_LLM_TIMEOUT_MS',
      'JDPIPE_LLM_MAX_RETRIES',
      'JDPIPE_LLM_RUN_BUDGET_USD',
      'OPENAI_BASE_URL',
      'JDPIPE_LLM_REASONING_EFFORT',
    ]) {
      assert.match(error.message, new RegExp(name));
    }
  });

  it('refuses embeddings without a model mode, and a switch value other than on or off', () => {
    assert.match(failure({ JDPIPE_LLM_EMBEDDINGS: 'on' }).message, /JDPIPE_LLM_EMBEDDINGS=on needs JDPIPE_LLM_MODE=llm or hybrid/);
    const base = { JDPIPE_LLM_MODE: 'hybrid', OPENAI_BASE_URL: 'http://127.0.0.1:1234/v1' };
    assert.match(failure({ ...base, JDPIPE_LLM_EMBEDDINGS: 'yes' }).message, /JDPIPE_LLM_EMBEDDINGS must be one of on, off, got "yes"/);
    assert.equal(loadLlmConfig({ ...base, JDPIPE_LLM_EMBEDDINGS: 'off' }).embeddings, false);
  });

  it('refuses a per-attempt timeout longer than the call deadline', () => {
    const error = failure({ JDPIPE_LLM_TIMEOUT_MS: '40000', JDPIPE_LLM_CALL_DEADLINE_MS: '30000' });

    assert.match(error.message, /JDPIPE_LLM_TIMEOUT_MS \(40000\) must not exceed JDPIPE_LLM_CALL_DEADLINE_MS/);
  });
});
