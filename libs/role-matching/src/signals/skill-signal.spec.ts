import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { generatedCatalog, seededRandom } from '../spec-fixtures/generated-catalog';
import { SkillOverlapIndex } from './skill-signal';

const SKILLS = Array.from({ length: 40 }, (_, index) => `skill-${index}`);

function pick(random: () => number, count: number): string[] {
  return Array.from({ length: count }, () => SKILLS[Math.floor(random() * SKILLS.length)]);
}

describe('SkillOverlapIndex.scoreOverlapping', () => {
  it('scores exactly the roles sharing a core skill, each as overlap() does, the last role of a slug winning', () => {
    const random = seededRandom(5);
    const roles = generatedCatalog(4, 120).map((role) => ({ ...role, coreSkills: pick(random, Math.floor(random() * 12)) }));
    // A slug given twice resolves to its last role, as the matcher's positions do.
    roles.push({ ...roles[3], coreSkills: pick(random, 5) });
    const index = new SkillOverlapIndex(roles);
    for (let trial = 0; trial < 30; trial++) {
      const postingSkills = new Set([...pick(random, 1 + Math.floor(random() * 8)), 'not-a-core-skill']);
      const scored = new Map<number, number>();
      index.scoreOverlapping(postingSkills, (position, score) => {
        assert.ok(!scored.has(position), `position ${position} scored twice`);
        scored.set(position, score);
      });
      const expected = new Map<number, number>();
      roles.forEach((role, position) => {
        const lastOfSlug = roles.findLastIndex((other) => other.slug === role.slug) === position;
        if (lastOfSlug && roles.some((other) => other.slug === role.slug && other.coreSkills.some((skill) => postingSkills.has(skill))))
          expected.set(position, index.overlap(role.slug, postingSkills).score);
      });
      assert.deepEqual(scored, expected);
    }
  });
});
