import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { LlmCallEntry } from '../sink/llm-call-sink';
import { auditExchange, EXCHANGE_LIMITS } from './llm-call-audit';

const record = {
  stage: 'parse',
  purpose: 'posting-assist',
  model: 'gpt-6-luna',
  promptVersion: 'posting-assist-v2',
  inputTokens: 10,
  cachedTokens: 0,
  outputTokens: 5,
  costUsd: 0.000004,
  latencyMs: 12,
  cacheHit: false,
  error: null,
};

function chatEntry(posting: string, content: string | null, extra: Partial<LlmCallEntry> = {}): LlmCallEntry {
  return {
    runId: 'run-1',
    record,
    errorCode: null,
    attempts: 1,
    requestBody: {
      model: 'gpt-6-luna',
      messages: [
        { role: 'system', content: 'Read the posting.' },
        { role: 'user', content: posting },
      ],
      response_format: { type: 'json_schema', json_schema: { name: 'posting_assist', schema: {}, strict: true } },
      max_completion_tokens: 2000,
    },
    responseBody: {
      id: 'chatcmpl-1',
      model: 'gpt-6-luna',
      choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
    },
    startedAt: '2026-11-25T00:00:00.000Z',
    ...extra,
  };
}

describe('auditExchange', () => {
  it('keeps the schema name, the messages with the posting and the raw answer', () => {
    const exchange = auditExchange(chatEntry('Senior Data Engineer in Berlin', '{"skills":[]}'));
    assert.equal(exchange.stage, 'parse');
    assert.equal(exchange.purpose, 'posting-assist');
    assert.equal(exchange.request?.schema, 'posting_assist');
    assert.equal(exchange.request?.maxOutputTokens, 2000);
    assert.deepEqual(exchange.request?.messages, [
      { role: 'system', content: 'Read the posting.' },
      { role: 'user', content: 'Senior Data Engineer in Berlin' },
    ]);
    assert.equal(exchange.response?.content, '{"skills":[]}');
    assert.equal(exchange.response?.finishReason, 'stop');
    assert.deepEqual(exchange.response?.usage, { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 });
  });

  it('clips long messages and answers and says how much was cut', () => {
    const posting = 'x'.repeat(EXCHANGE_LIMITS.maxMessageChars + 250);
    const answer = 'y'.repeat(EXCHANGE_LIMITS.maxResponseChars + 10);
    const exchange = auditExchange(chatEntry(posting, answer));
    const user = (exchange.request?.messages as Array<{ content: string; clippedChars?: number }>)[1]!;
    assert.equal(user.content.length, EXCHANGE_LIMITS.maxMessageChars);
    assert.equal(user.clippedChars, 250);
    assert.equal((exchange.response?.content as string).length, EXCHANGE_LIMITS.maxResponseChars);
    assert.equal(exchange.response?.clippedChars, 10);
    assert.ok(JSON.stringify(exchange).length < 2 * EXCHANGE_LIMITS.maxMessageChars + EXCHANGE_LIMITS.maxResponseChars + 2_000);
  });

  it('never keeps the configured key or credential-shaped strings', () => {
    const posting = 'Use our token sk-live_abcdefghijklmnopqrstuv and api_key=supersecretvalue123 in the app. Key my-own-key-42.';
    const exchange = auditExchange(chatEntry(posting, 'Bearer abcdefghijklmnopqrstuvwxyz'), ['my-own-key-42']);
    const stored = JSON.stringify(exchange);
    for (const secret of ['sk-live_abcdefghijklmnopqrstuv', 'supersecretvalue123', 'my-own-key-42', 'abcdefghijklmnopqrstuvwxyz']) {
      assert.ok(!stored.includes(secret), `${secret} was stored`);
    }
    assert.match(stored, /api_key=\[redacted\]/);
  });

  it('keeps a refusal and no content, and null bodies when nothing was sent or received', () => {
    const refused = chatEntry('posting', null);
    (refused.responseBody as { choices: Array<{ message: { refusal: string | null } }> }).choices[0]!.message.refusal = 'I cannot help.';
    assert.equal(auditExchange(refused).response?.refusal, 'I cannot help.');
    assert.equal(auditExchange(refused).response?.content, null);
    const failed = auditExchange(chatEntry('posting', null, { requestBody: null, responseBody: null }));
    assert.equal(failed.request, null);
    assert.equal(failed.response, null);
  });

  it('keeps a bounded list of embedding inputs and their count', () => {
    const texts = Array.from({ length: 30 }, (_, i) => `kra ${i} ${'z'.repeat(400)}`);
    const exchange = auditExchange(
      chatEntry('', null, {
        requestBody: { model: 'text-embedding-3-small', input: texts },
        responseBody: { model: 'text-embedding-3-small', vectors: 30, dimensions: 64 },
      }),
    );
    assert.equal(exchange.request?.inputCount, 30);
    assert.equal((exchange.request?.inputs as string[]).length, EXCHANGE_LIMITS.maxEmbeddingInputs);
    assert.ok((exchange.request?.inputs as string[]).every((input) => input.length <= EXCHANGE_LIMITS.maxEmbeddingInputChars));
    assert.deepEqual(exchange.response, { model: 'text-embedding-3-small', vectors: 30, dimensions: 64 });
  });
});
