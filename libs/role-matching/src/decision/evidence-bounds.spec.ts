import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { seededRandom } from '../spec-fixtures/generated-catalog';
import { roundScore } from '../precision/precision';
import { EvidenceBounds } from './evidence-bounds';
import { KRA_FULL_EVIDENCE, SIGNAL_NAMES, absoluteScore, combinedScore, contentScore, type SignalName } from './policy';
import { type RankOrder } from './role-ranking';

const ORDERS: readonly RankOrder[] = ['score', 'content', 'kra', 'absolute', 'absoluteContent'];

/** Every subset of the signals, each in signal order as the matcher builds it. */
const INFORMATIVE_SETS: ReadonlyArray<ReadonlySet<SignalName>> = Array.from(
  { length: 1 << SIGNAL_NAMES.length },
  (_, mask) => new Set(SIGNAL_NAMES.filter((_signal, bit) => mask & (1 << bit))),
);

describe('EvidenceBounds rank values', () => {
  it('bound every role from above and floor it from below in each order, whatever its exact KRA score', () => {
    const random = seededRandom(17);
    const size = 400;
    const bounds = new EvidenceBounds(size);
    // Sparse evidence, as a posting gives: most roles score on nothing, and values repeat.
    const sparse = (): number => (random() < 0.6 ? 0 : Math.round(random() * 20) / 20);
    const kraScores: number[] = [];
    const kraScoreBounds: number[] = [];
    for (let position = 0; position < size; position++) {
      bounds.alias[position] = random() < 0.9 ? 0 : 0.35 + 0.65 * random();
      bounds.skill[position] = sparse();
      bounds.domain[position] = sparse();
      kraScoreBounds[position] = sparse() * 0.8;
      kraScores[position] = kraScoreBounds[position] * (random() < 0.3 ? 1 : random());
      if (kraScoreBounds[position] > 0) bounds.setKraScoreBound(position, kraScoreBounds[position]);
    }
    for (const informative of INFORMATIVE_SETS) {
      const above = bounds.rankBounds(informative);
      const below = bounds.rankFloors(informative);
      for (let position = 0; position < size; position++) {
        const evidence = {
          alias: bounds.alias[position],
          kra: Math.min(1, kraScores[position] / KRA_FULL_EVIDENCE),
          skill: bounds.skill[position],
          domain: bounds.domain[position],
        };
        const exact: Record<RankOrder, number> = {
          score: roundScore(combinedScore(evidence, informative)),
          content: roundScore(contentScore(evidence, informative)),
          kra: evidence.kra,
          absolute: absoluteScore(evidence),
          absoluteContent: absoluteScore(evidence, false),
        };
        for (const order of ORDERS) {
          const signals = [...informative].join('+');
          assert.ok(above[order][position] >= exact[order], `${order} bound below exact at ${position} (${signals})`);
          assert.ok(below[order][position] <= exact[order], `${order} floor above exact at ${position} (${signals})`);
        }
      }
    }
  });

  it('refuses reads of rank values a later ranking of the posting has overwritten', () => {
    const bounds = new EvidenceBounds(3);
    bounds.skill[1] = 0.5;
    const earlier = bounds.rankBounds(new Set<SignalName>(['skill']));
    assert.deepEqual([...earlier.score], [0, 0.5, 0]);
    const later = bounds.rankBounds(new Set<SignalName>(['alias', 'skill']));
    assert.throws(() => earlier.score, /stale rank bounds/);
    assert.deepEqual([...later.content], [0, 0.5, 0]);
    // Floors are their own arrays: reading them leaves the bounds valid. (A floor sits just below the exact
    // value, and rounds back to it.)
    assert.deepEqual([...bounds.rankFloors(new Set<SignalName>(['skill'])).score], [0, 0.5, 0]);
    // Skill 0.5 at weight 0.2 over the alias and skill weights (0.4 + 0.2).
    assert.deepEqual([...later.score], [0, 0.167, 0]);
  });

  it('starts the next posting from no evidence at all', () => {
    const bounds = new EvidenceBounds(2);
    bounds.alias[0] = 1;
    bounds.setKraScoreBound(1, 0.4);
    bounds.skill[1] = 0.3;
    bounds.domain[0] = 0.7;
    bounds.reset();
    for (const signal of SIGNAL_NAMES) assert.equal(bounds.max(signal), 0, signal);
    assert.deepEqual(bounds.mayPassThresholds(), []);
    assert.deepEqual([...bounds.kraReachable()], []);
  });

  it('lists each role with a KRA bound above 0 once, raised bounds included', () => {
    const bounds = new EvidenceBounds(6);
    bounds.setKraScoreBound(4, 0.2);
    bounds.setKraScoreBound(1, 0.3);
    // A second bound for the same role, and a raise of a role already listed: neither lists it again.
    bounds.setKraScoreBound(4, 0.25);
    bounds.raiseKraScoreBound(1, 0.5);
    // A raise is how a role the lexical index never touched (an embedding match) becomes reachable.
    bounds.raiseKraScoreBound(2, 0.1);
    bounds.raiseKraScoreBound(5, 0);
    assert.deepEqual(
      [...bounds.kraReachable()].sort((left, right) => left - right),
      [1, 2, 4, 5],
    );
    const positive = [0, 1, 2, 3, 4, 5].filter((position) => bounds.kra[position] > 0);
    assert.deepEqual(positive, [1, 2, 4, 5]);
  });

  it('computes each order once per ranking, on first read', () => {
    const bounds = new EvidenceBounds(3);
    bounds.skill[1] = 0.5;
    const values = bounds.rankBounds(new Set<SignalName>(['skill']));
    assert.equal(values.score, values.score);
    assert.equal(values.kra, bounds.kra);
    assert.deepEqual([...values.score], [0, 0.5, 0]);
  });
});
