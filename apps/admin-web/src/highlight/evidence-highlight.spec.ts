import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { segmentEvidence, type TextSegment } from './evidence-highlight.js';

const TEXT = 'Experience with PostgreSQL database and Python';

function pieces(segments: TextSegment[]): Array<[string, string[], boolean]> {
  return segments.map((segment) => [TEXT.slice(segment.start, segment.end), segment.skills, segment.selected]);
}

describe('segmentEvidence', () => {
  it('leaves text without evidence as one unmarked segment', () => {
    assert.deepEqual(segmentEvidence(TEXT.length, [], null), [{ start: 0, end: TEXT.length, skills: [], selected: false }]);
  });

  it('marks each skill span and selects only the chosen skill', () => {
    const python = TEXT.indexOf('Python');
    const segments = segmentEvidence(TEXT.length, [{ slug: 'python', spans: [{ start: python, end: python + 6 }] }], 'python');
    assert.deepEqual(pieces(segments), [
      ['Experience with PostgreSQL database and ', [], false],
      ['Python', ['python'], true],
    ]);
  });

  it('splits overlapping evidence of two skills so every character carries all its skills', () => {
    const postgres = TEXT.indexOf('PostgreSQL');
    const sql = TEXT.indexOf('SQL');
    const segments = segmentEvidence(
      TEXT.length,
      [
        { slug: 'postgresql', spans: [{ start: postgres, end: postgres + 'PostgreSQL database'.length }] },
        { slug: 'sql', spans: [{ start: sql, end: sql + 3 }] },
      ],
      'sql',
    );
    assert.deepEqual(pieces(segments), [
      ['Experience with ', [], false],
      ['Postgre', ['postgresql'], false],
      ['SQL', ['postgresql', 'sql'], true],
      [' database', ['postgresql'], false],
      [' and Python', [], false],
    ]);
  });

  it('joins touching or duplicated spans of the same skill into one mark', () => {
    const segments = segmentEvidence(
      10,
      [
        {
          slug: 'a',
          spans: [
            { start: 2, end: 5 },
            { start: 5, end: 7 },
            { start: 2, end: 5 },
          ],
        },
      ],
      null,
    );
    assert.deepEqual(
      segments.map((segment) => [segment.start, segment.end, segment.skills]),
      [
        [0, 2, []],
        [2, 7, ['a']],
        [7, 10, []],
      ],
    );
  });

  it('clamps spans past the end of the text and drops empty or inverted spans', () => {
    const segments = segmentEvidence(
      5,
      [
        {
          slug: 'a',
          spans: [
            { start: 3, end: 99 },
            { start: 4, end: 4 },
            { start: 2, end: 1 },
            { start: -4, end: 1 },
          ],
        },
      ],
      'a',
    );
    assert.deepEqual(
      segments.map((segment) => [segment.start, segment.end, segment.selected]),
      [
        [0, 1, true],
        [1, 3, false],
        [3, 5, true],
      ],
    );
  });

  it('tiles the text exactly, whatever the spans', () => {
    const segments = segmentEvidence(
      40,
      [
        { slug: 'a', spans: [{ start: 1, end: 30 }] },
        {
          slug: 'b',
          spans: [
            { start: 5, end: 12 },
            { start: 25, end: 40 },
          ],
        },
        { slug: 'c', spans: [{ start: 10, end: 27 }] },
      ],
      null,
    );
    assert.equal(segments[0].start, 0);
    assert.equal(segments[segments.length - 1].end, 40);
    for (let i = 1; i < segments.length; i++) assert.equal(segments[i].start, segments[i - 1].end);
  });
});
