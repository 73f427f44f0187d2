import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { seededRandom } from '../spec-fixtures/generated-catalog';
import { RoleRanking, type RankBounds, type RankOrder } from './role-ranking';
import { type ScoredRole } from './scored-role';

/** Roles whose values are rounded like real scores, so that ties happen often. */
function randomRoles(seed: number, count: number): ScoredRole[] {
  const random = seededRandom(seed);
  const value = () => Math.round(random() * 20) / 20;
  return Array.from({ length: count }, (_, index): ScoredRole => {
    const evidence = { alias: value(), kra: value(), skill: value(), domain: value() };
    return {
      role: {
        slug: `role-${index}`,
        name: `Role ${index}`,
        domain: 'd',
        description: '',
        aliases: [],
        kras: [],
        coreSkills: [],
        dimensions: [],
      },
      alias: { score: evidence.alias, exact: evidence.alias === 1, alias: null, matchedTitle: null },
      kraScore: evidence.kra / 2,
      kraMatches: [],
      skill: { score: evidence.skill, matched: [], coreCount: 0 },
      domainScore: evidence.domain,
      evidence,
      score: value(),
      contentScore: value(),
      absoluteScore: value(),
      absoluteContentScore: value(),
    };
  });
}

const VALUE: Record<RankOrder, (role: ScoredRole) => number> = {
  score: (role) => role.score,
  content: (role) => role.contentScore,
  kra: (role) => role.evidence.kra,
  absolute: (role) => role.absoluteScore,
  absoluteContent: (role) => role.absoluteContentScore,
};

/** Bounds at or above each exact value, sometimes loose, sometimes exact. */
function boundsOver(roles: ScoredRole[], seed: number): RankBounds {
  const random = seededRandom(seed);
  const over = (order: RankOrder) => Float64Array.from(roles, (role) => VALUE[order](role) + (random() < 0.5 ? 0 : random() * 0.3));
  return {
    score: over('score'),
    content: over('content'),
    kra: over('kra'),
    absolute: over('absolute'),
    absoluteContent: over('absoluteContent'),
  };
}

/** The full ranking: a stable sort of the library by the order's values. */
function fullRanking(roles: ScoredRole[], order: RankOrder): ScoredRole[] {
  const secondary = (role: ScoredRole) => (order === 'score' ? role.contentScore : order === 'content' ? role.score : 0);
  return [...roles].sort((left, right) => VALUE[order](right) - VALUE[order](left) || secondary(right) - secondary(left));
}

describe('RoleRanking', () => {
  for (const seed of [1, 17, 300]) {
    it(`returns the full ranking's top n in every order while scoring fewer roles (seed ${seed})`, () => {
      const roles = randomRoles(seed, 400);
      const bounds = boundsOver(roles, seed + 1);
      for (const order of ['score', 'content', 'kra', 'absolute', 'absoluteContent'] as const) {
        for (const n of [1, 5, 9]) {
          const ranking = new RoleRanking(roles.length, bounds, (position) => roles[position]);
          assert.deepEqual(
            ranking.best(n, order).map((role) => role.role.slug),
            fullRanking(roles, order)
              .slice(0, n)
              .map((role) => role.role.slug),
            `${order} top ${n}`,
          );
          assert.ok(ranking.scoredCount < roles.length, `${order} top ${n} scored all ${roles.length} roles`);
        }
      }
    });
  }

  it('finds the first role a test accepts among the candidates, in ranking order', () => {
    const roles = randomRoles(8, 300);
    const ranking = new RoleRanking(roles.length, boundsOver(roles, 9), (position) => roles[position]);
    const exactAlias = (role: ScoredRole) => role.alias.exact;
    const candidates = roles.flatMap((role, position) => (role.alias.exact ? [position] : []));
    assert.ok(candidates.length > 1);
    assert.equal(ranking.first('score', exactAlias, candidates), fullRanking(roles, 'score').find(exactAlias));
    assert.equal(
      ranking.first('content', (role) => role.skill.score >= 0.5),
      fullRanking(roles, 'content').find((role) => role.skill.score >= 0.5),
    );
    assert.equal(
      ranking.first('kra', () => false),
      null,
    );
  });

  it('stops at ties its bounds already settle: equal values fall to the tie-break value, then to position', () => {
    // Exact bounds with every value tied, as a posting without duties and without skills gives: no role can
    // beat the first one visited, so the answer needs only as many roles as asked for.
    const roles = randomRoles(6, 300).map((role) => ({ ...role, evidence: { ...role.evidence, kra: 0 }, score: 0.5, contentScore: 0.2 }));
    const exact = (value: (role: ScoredRole) => number) => Float64Array.from(roles, value);
    const bounds: RankBounds = {
      score: exact((role) => role.score),
      content: exact((role) => role.contentScore),
      kra: exact((role) => role.evidence.kra),
      absolute: exact((role) => role.absoluteScore),
      absoluteContent: exact((role) => role.absoluteContentScore),
    };
    for (const [order, n] of [
      ['kra', 1],
      ['score', 3],
    ] as const) {
      const ranking = new RoleRanking(roles.length, bounds, (position) => roles[position]);
      assert.deepEqual(ranking.best(n, order), fullRanking(roles, order).slice(0, n), order);
      assert.equal(ranking.scoredCount, n, `${order}: scored ${ranking.scoredCount} roles for the top ${n}`);
    }
    // A role tied on the value but bounded higher on the tie-break must still be visited and win.
    roles[200] = { ...roles[200], contentScore: 0.9 };
    bounds.content[200] = 0.9;
    const ranking = new RoleRanking(roles.length, bounds, (position) => roles[position]);
    assert.equal(ranking.best(1, 'score')[0], roles[200]);
  });

  it('scores every role when the bounds say nothing', () => {
    const roles = randomRoles(4, 50);
    const infinite = () => new Float64Array(roles.length).fill(Infinity);
    const bounds = { score: infinite(), content: infinite(), kra: infinite(), absolute: infinite(), absoluteContent: infinite() };
    const ranking = new RoleRanking(roles.length, bounds, (position) => roles[position]);
    assert.equal(ranking.best(3, 'score')[0], fullRanking(roles, 'score')[0]);
    assert.equal(ranking.scoredCount, roles.length);
  });
});
