import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { isFlexibleSeparator, tokenize } from './text-tokens';

const texts = (input: string): string[] => tokenize(input).map((token) => token.text);

describe('tokenize', () => {
  it('keeps the symbols that make C++, C# and F# different languages', () => {
    assert.deepEqual(texts('C, C++, C# and F#.'), ['C', 'C++', 'C#', 'and', 'F#']);
  });

  it('keeps the leading dot of .NET but treats the dot of ASP.NET and Node.js as a separator', () => {
    assert.deepEqual(texts('.NET, ASP.NET (.NET Core) and Node.js'), ['.NET', 'ASP', 'NET', '.NET', 'Core', 'and', 'Node', 'js']);
  });

  it('reads "3+ years" as a count, not a symbol', () => {
    assert.deepEqual(texts('3+ years'), ['3', 'years']);
  });

  it('reports exact offsets, also after non-ASCII characters', () => {
    const text = '₹512,498 – Python';
    const python = tokenize(text).find((token) => token.key === 'python');
    assert.ok(python);
    assert.equal(text.slice(python.start, python.end), 'Python');
  });

  it('reads letters and digits of any script as words, also outside the BMP, and nothing else', () => {
    assert.deepEqual(texts('Straße, ٣ ans, 𝐀I 😀 İstanbul'), ['Straße', '٣', 'ans', '𝐀I', 'İstanbul']);
    // A lone surrogate is no letter: it separates.
    assert.deepEqual(texts('ab\ud835cd'), ['ab', 'cd']);
  });

  it('finds the tokens of the pattern a token is defined by, on arbitrary text', () => {
    const pieces = ['a', 'Z', '9', '.', '+', '#', ' ', '-', 'é', '٣', '𝐀', '😀', '\ud835', '..', '_', 'C'];
    let seed = 7;
    for (let trial = 0; trial < 2000; trial++) {
      let text = '';
      for (let piece = 0; piece < 10; piece++) {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        text += pieces[seed % pieces.length];
      }
      const expected = [...text.matchAll(/\.?[\p{L}\p{N}]+[+#]*/gu)].map((match) => match.index);
      // Every token starts where the pattern matches, or one past it for a dot glued to the previous word.
      const starts = tokenize(text).map((token) => token.start);
      assert.equal(starts.length, expected.length, JSON.stringify(text));
      starts.forEach((start, index) => assert.ok(start === expected[index] || start === expected[index] + 1, JSON.stringify(text)));
    }
  });
});

describe('isFlexibleSeparator', () => {
  it('lets spaces, tight hyphens/dots and slashes join alias parts', () => {
    for (const separator of ['', ' ', '-', '.', '/', ' / ', '_'])
      assert.equal(isFlexibleSeparator(separator), true, JSON.stringify(separator));
  });

  it('stops at commas, line breaks and sentence ends', () => {
    for (const separator of [', ', '\n', '. ', ' - ', '; ']) assert.equal(isFlexibleSeparator(separator), false, JSON.stringify(separator));
  });
});
