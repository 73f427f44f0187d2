import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { splitPhraseWords } from './phrase-words';

function words(text: string): Array<[string, string]> {
  return splitPhraseWords(text, 0, text.length).map((word) => {
    const flags = `${word.breakBefore ? '<' : ''}${word.breakAfter ? '>' : ''}${word.commaAfter ? ',' : ''}`;
    return [text.slice(word.start, word.end), flags];
  });
}

describe('splitPhraseWords', () => {
  it('strips punctuation around words into break flags, with exact offsets', () => {
    assert.deepEqual(words('(Python, SQL) and "dbt".'), [
      ['Python', '<>,'],
      ['SQL', '>'],
      ['and', ''],
      ['dbt', '<>'],
    ]);
  });

  it('keeps symbols inside a word and reads lone "&" and "/" as "and"', () => {
    assert.deepEqual(words('C++ & Node.js / C#'), [
      ['C++', ''],
      ['&', ''],
      ['Node.js', ''],
      ['/', ''],
      ['C#', ''],
    ]);
    assert.deepEqual(
      splitPhraseWords('a & b', 0, 5).map((word) => word.key),
      ['a', 'and', 'b'],
    );
  });

  it('turns a lone punctuation mark into a break after the previous word', () => {
    assert.deepEqual(words('Kafka - Flink • Spark'), [
      ['Kafka', '>'],
      ['Flink', '>'],
      ['Spark', ''],
    ]);
  });

  it('reads words in other scripts and accented words like plain ones', () => {
    assert.deepEqual(words('«Ökonomie», café.'), [
      ['«Ökonomie»', '>,'],
      ['café', '>'],
    ]);
  });
});
