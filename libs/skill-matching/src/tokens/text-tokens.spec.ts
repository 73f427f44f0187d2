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
