import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { migratedPgliteForSpecs } from '@jdpipe/testing';

import { EmbeddingCacheStore, embeddingTextHash } from './embedding-cache.store';

const dataSource = migratedPgliteForSpecs();

describe('EmbeddingCacheStore', () => {
  test('a miss, then a hit with the vector stored (single precision, as providers send them)', async () => {
    const store = new EmbeddingCacheStore(dataSource());
    const text = 'Lead incident response and run blameless postmortems';
    assert.deepEqual(await store.find('model-a', [text]), new Map());

    await store.save('model-a', [{ text, vector: [0.1, -0.25, 3e-8] }]);

    const found = await store.find('model-a', [text, 'not cached']);
    assert.deepEqual([...found.keys()], [text]);
    assert.deepEqual(found.get(text), [0.1, -0.25, 3e-8]);
  });

  test('is keyed by model and by the SHA-256 of the text, which itself is not stored', async () => {
    const store = new EmbeddingCacheStore(dataSource());
    const text = 'Define and track SLOs with product teams';
    await store.save('model-a', [{ text, vector: [1, 0] }]);

    assert.deepEqual(await store.find('model-b', [text]), new Map(), 'another model is a miss');
    await store.save('model-b', [{ text, vector: [0, 1, 0] }]);
    assert.deepEqual((await store.find('model-b', [text])).get(text), [0, 1, 0]);
    assert.deepEqual((await store.find('model-a', [text])).get(text), [1, 0]);

    const rows: Array<{ model: string; text_hash: string; dimensions: number }> = await dataSource().query(
      'SELECT model, text_hash, dimensions FROM embedding_cache WHERE text_hash = $1 ORDER BY model',
      [embeddingTextHash(text)],
    );
    assert.deepEqual(rows, [
      { model: 'model-a', text_hash: embeddingTextHash(text), dimensions: 2 },
      { model: 'model-b', text_hash: embeddingTextHash(text), dimensions: 3 },
    ]);
    assert.match(embeddingTextHash(text), /^[0-9a-f]{64}$/);
  });

  test('a text saved again, in one batch or later, keeps its first vector', async () => {
    const store = new EmbeddingCacheStore(dataSource());
    const text = 'Automate toil';
    await store.save('model-c', [
      { text, vector: [1, 1] },
      { text: 'Plan capacity', vector: [2, 2] },
    ]);
    await store.save('model-c', [{ text, vector: [5, 5] }]);
    assert.deepEqual((await store.find('model-c', [text])).get(text), [1, 1]);
    await store.save('model-c', []);
  });

  test('refuses empty and non-finite vectors', async () => {
    const store = new EmbeddingCacheStore(dataSource());
    await assert.rejects(store.save('model-d', [{ text: 'x', vector: [] }]), /empty or not finite/);
    await assert.rejects(store.save('model-d', [{ text: 'x', vector: [1, Number.NaN] }]), /empty or not finite/);
  });
});
