import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { NO_NODE, TrieEdges } from './trie-edges';

describe('TrieEdges', () => {
  it('finds each edge by parent and label, and nothing for a pair it was not given', () => {
    const edges = new TrieEdges();
    edges.add(0, 7, 1);
    edges.add(1, 7, 2);
    edges.add(0, 8, 3);
    assert.equal(edges.child(0, 7), 1);
    assert.equal(edges.child(1, 7), 2);
    assert.equal(edges.child(0, 8), 3);
    assert.equal(edges.child(1, 8), NO_NODE);
    assert.equal(edges.child(2, 7), NO_NODE);
  });

  it('keeps every edge while the table grows far past its first size', () => {
    const edges = new TrieEdges();
    const count = 50_000;
    for (let child = 1; child <= count; child++) edges.add(child >> 3, child % 997, child);
    assert.equal(edges.size, count);
    for (let child = 1; child <= count; child++) assert.equal(edges.child(child >> 3, child % 997), child);
    assert.equal(edges.child(count, 0), NO_NODE);
  });
});
