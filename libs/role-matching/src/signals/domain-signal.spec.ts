import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { DomainKeywordIndex } from './domain-signal';

const index = new DomainKeywordIndex([
  { slug: 'education', name: 'Education', keywords: ['students', 'lesson plans', 'classroom'] },
  { slug: 'software', name: 'Software', keywords: ['software', 'code review', 'business logic'] },
  { slug: 'care', name: 'Care', keywords: ['care'] },
]);

describe('DomainKeywordIndex', () => {
  it('counts single and multi-word keywords with plurals folded, best domain first', () => {
    const scores = index.score('Write lesson plan and grade students. Our classrooms host a student club. Code reviews daily.');
    assert.deepEqual(
      scores.map(({ domain, keywords }) => [domain, keywords]),
      [
        ['education', ['lesson plans', 'students', 'classroom']],
        ['software', ['code review']],
      ],
    );
    // Four hits (lesson plan, students twice, classroom) saturate to 1 - e^-1.
    assert.equal(scores[0].score, Math.round((1 - Math.exp(-1)) * 1000) / 1000);
  });

  it('folds only plurals: "-ss", "-us" and "-is" words and short words stay whole', () => {
    assert.deepEqual(index.score('business logic'), [{ domain: 'software', score: 0.221, keywords: ['business logic'] }]);
    assert.deepEqual(index.score('careers'), []);
    assert.deepEqual(index.score('cares and care'), [{ domain: 'care', score: 0.393, keywords: ['care'] }]);
  });

  it('caps the hits one keyword gives', () => {
    const repeated = index.score(Array.from({ length: 10 }, () => 'software').join(' '));
    assert.equal(repeated[0].score, Math.round((1 - Math.exp(-3 / 4)) * 1000) / 1000);
  });
});
