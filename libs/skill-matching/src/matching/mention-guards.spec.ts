import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { fixtureCatalog, singleSectionLayout } from '../fixtures/fixture-catalog';
import { SkillMatcher } from './skill-matcher';

const matcher = SkillMatcher.build(fixtureCatalog());

function slugs(description: string): string[] {
  const { sections, sentences } = singleSectionLayout(description);
  return matcher.scan(description, sections, sentences).mentions.map((mention) => mention.skillSlug);
}

describe('neighbourhood checks: Excel the tool vs excel the verb', () => {
  it('does not fire on "excel in" or "excel at", whatever the case', () => {
    assert.deepEqual(slugs('You should excel in working with large-scale applications.'), []);
    assert.deepEqual(slugs('Excel in a fast-paced team.'), []);
    assert.deepEqual(slugs('Candidates who Excel at communication.'), []);
  });

  it('does not fire on excellent, excels or excellence', () => {
    assert.deepEqual(slugs('Excellent skills. She Excels. Excellence matters.'), []);
  });

  it('still finds the tool at a sentence start and after prepositions', () => {
    assert.deepEqual(slugs('Excel skills required.'), ['microsoft-excel']);
    assert.deepEqual(slugs('Reporting in Excel and MS Excel.'), ['microsoft-excel', 'microsoft-excel']);
  });
});

describe('neighbourhood checks: Go', () => {
  it('finds Go the language when the posting is about software', () => {
    assert.deepEqual(slugs('Backend developer writing Go and Golang services.'), ['go', 'go']);
  });

  it('does not fire on go-to, go live or lower-case go', () => {
    assert.deepEqual(slugs('Be the Go-to developer for software releases.'), []);
    assert.deepEqual(slugs('Go live with the software in May. You go to the office.'), []);
  });

  it('does not fire without a software context word', () => {
    assert.deepEqual(slugs('Go further with our sales team.'), []);
  });

  it('does not read "Goes" as a plural of Go', () => {
    assert.deepEqual(slugs('Our developer Goes the extra mile.'), []);
  });
});

describe('neighbourhood checks: single letters', () => {
  it('finds C as a language next to other languages', () => {
    assert.deepEqual(slugs('Languages: C, Python and Java.'), ['c', 'python', 'java']);
    assert.deepEqual(slugs('Python, R, C'), ['python', 'c']); // R needs a data context word
    assert.deepEqual(slugs('Data work in Python, R, C'), ['python', 'r', 'c']);
  });

  it('does not fire on C-suite, C-level, Grade C or a run of labels', () => {
    assert.deepEqual(slugs('Report to the C-suite.'), []);
    assert.deepEqual(slugs('Present to C-level executives and C level leaders.'), []);
    assert.deepEqual(slugs('Minimum Grade C in Mathematics.'), []);
    assert.deepEqual(slugs('Vitamin C supplements; plan B or C.'), []);
    assert.deepEqual(slugs('Shifts A, B, C rotate weekly.'), []);
  });

  it('does not fire on an initial or a list marker', () => {
    assert.deepEqual(slugs('Signed by John C. Smith.'), []);
    assert.deepEqual(slugs('a) planning\nC) reporting'), []);
  });

  it('never matches a lone lower-case letter', () => {
    assert.deepEqual(slugs('section c of the form, r&d budget'), []);
  });
});

describe('neighbourhood checks: dotted names', () => {
  it('does not read the "js" of Next.js or Vue.js as JavaScript', () => {
    assert.deepEqual(slugs('Build with Next.js and Vue.js.'), []);
  });

  it('still splits C#.NET into C# and .NET, and ends a match at a full stop', () => {
    assert.deepEqual(slugs('C#.NET developer. We use Python.'), ['csharp', 'dotnet', 'python']);
  });
});
