import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { lightStem } from './light-stem';
import { contentStems, sentenceTerms, wordTokens } from './terms';

describe('lightStem', () => {
  const sameStem: Array<[string, string]> = [
    ['reviews', 'reviewing'],
    ['review', 'reviewed'],
    ['deployment', 'deploying'],
    ['deploy', 'deploys'],
    ['code', 'coding'],
    ['write', 'writing'],
    ['integrate', 'integration'],
    ['integrating', 'integrates'],
    ['nurse', 'nursing'],
    ['patients', 'patient'],
    ['planning', 'plan'],
    ['teacher', 'teachers'],
    ['processes', 'process'],
    ['policies', 'policy'],
  ];
  for (const [left, right] of sameStem) {
    it(`conflates "${left}" and "${right}"`, () => assert.equal(lightStem(left), lightStem(right)));
  }

  it('keeps short words and distinct meanings apart', () => {
    assert.equal(lightStem('sql'), 'sql');
    assert.notEqual(lightStem('care'), lightStem('career'));
    assert.notEqual(lightStem('test'), lightStem('taste'));
    assert.equal(lightStem('process'), 'process');
  });
});

describe('terms', () => {
  it('tokenises with programming-language symbols kept', () => {
    assert.deepEqual(wordTokens('C++, C# and Node.js'), ['c++', 'c#', 'and', 'node', 'js']);
  });

  it('finds the same words as the pattern it replaces, across symbols, digits and non-Latin letters', () => {
    const texts = [
      'C++/C#; .NET & F# 3+ years—Node.JS, ASP.NET Core',
      'Ünïcödé naïve café: Σίσυφος, 東京 and İstanbul ok',
      '++x ## y#z a+b+c 12#34 end',
      '',
      'trailing+ ',
    ];
    for (const text of texts) assert.deepEqual(wordTokens(text), text.toLowerCase().match(/[a-z0-9][a-z0-9+#]*/g) ?? [], text);
  });

  it('drops stopwords and numbers', () => {
    assert.deepEqual(contentStems('Participate in the 2 code reviews'), ['participat', 'cod', 'review']);
  });

  it('adds unordered bigrams so word order does not matter', () => {
    const reviewCode = sentenceTerms('Review code');
    const codeReviews = sentenceTerms('code reviews');
    assert.ok(reviewCode.some((term) => term.includes('~')));
    assert.deepEqual([...reviewCode].sort(), [...codeReviews].sort());
  });
});
