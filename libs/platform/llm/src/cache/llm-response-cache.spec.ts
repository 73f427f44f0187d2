import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { InMemoryLlmResponseCache, llmCacheKey, normaliseText } from './llm-response-cache';

const entry = (value: unknown) => ({ value, responseBody: null, model: 'gpt-6-luna', storedAt: '2026-11-25T00:00:00.000Z' });

describe('llmCacheKey', () => {
  const base = { model: 'gpt-6-luna', promptVersion: 'skills-v1', input: { system: 'Extract.', user: 'Senior  Python\r\ndeveloper ' } };

  it('ignores formatting noise and key order', () => {
    const same = { model: ' GPT-6-Luna', promptVersion: 'skills-v1', input: { user: 'Senior Python\ndeveloper', system: 'Extract.' } };

    assert.equal(llmCacheKey(same), llmCacheKey(base));
  });

  it('changes with the model, the prompt version and the words', () => {
    const key = llmCacheKey(base);

    assert.notEqual(llmCacheKey({ ...base, model: 'gpt-5.4-nano' }), key);
    assert.notEqual(llmCacheKey({ ...base, promptVersion: 'skills-v2' }), key);
    assert.notEqual(llmCacheKey({ ...base, input: { ...base.input, user: 'Senior Java developer' } }), key);
  });

  it('keeps line breaks that separate paragraphs', () => {
    assert.equal(normaliseText(' a \t b \n\n\n\n c '), 'a b\n\nc');
    assert.notEqual(normaliseText('a b'), normaliseText('a\nb'));
  });
});

describe('InMemoryLlmResponseCache', () => {
  it('stores and returns answers', async () => {
    const cache = new InMemoryLlmResponseCache();
    await cache.set('k', entry({ ok: true }));

    assert.deepEqual((await cache.get('k'))?.value, { ok: true });
    assert.equal(await cache.get('missing'), undefined);
  });

  it('drops the least recently used answer when full', async () => {
    const cache = new InMemoryLlmResponseCache(2);
    await cache.set('a', entry(1));
    await cache.set('b', entry(2));
    await cache.get('a');
    await cache.set('c', entry(3));

    assert.equal(cache.size, 2);
    assert.equal(await cache.get('b'), undefined);
    assert.equal((await cache.get('a'))?.value, 1);
  });
});
