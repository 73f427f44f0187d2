import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { cleanTitle } from './clean-title';
import { inferTitle, roleAliasesOf } from './infer-title';

describe('cleanTitle', () => {
  const cases: Array<[string, string]> = [
    ['Senior Java Developer (REQ-1234)', 'Senior Java Developer'],
    ['Urgent hiring: Staff Nurse', 'Staff Nurse'],
    ['Data Analyst - Bengaluru', 'Data Analyst'],
    ['Product Manager - Mumbai, Pune', 'Product Manager'],
    ['Backend Engineer | Remote', 'Backend Engineer'],
    ['Sr. Manager/Manager - Business Development', 'Sr. Manager/Manager - Business Development'],
    ['Front-end Engineer/Web Developer (SDE 1 &amp; 2)', 'Front-end Engineer/Web Developer (SDE 1 & 2)'],
    ['Math Teacher (Hybrid)', 'Math Teacher'],
  ];
  for (const [written, expected] of cases) it(`"${written}" → "${expected}"`, () => assert.equal(cleanTitle(written), expected));
});

describe('inferTitle', () => {
  it('reads a labelled title', () => {
    assert.equal(inferTitle('Job Title: Senior Data Engineer\nLocation: Pune')?.title, 'Senior Data Engineer');
  });
  it('reads the hiring phrase and keeps the other titles as aliases', () => {
    const inferred = inferTitle('We are looking for exceptionally talented Senior Developers and Team Leads to join our team.');
    assert.deepEqual(inferred, { title: 'Senior Developer', aliases: ['Team Lead'] });
    assert.equal(inferTitle('We are looking for a Senior Data Engineer to build pipelines.')?.title, 'Senior Data Engineer');
  });
  it('falls back to a short first line naming a role', () => {
    assert.equal(inferTitle('Python Developer\nWe build fintech products.')?.title, 'Python Developer');
  });
  it('returns null when nothing names a role', () => {
    assert.equal(inferTitle('Great culture. Free snacks. Apply today.'), null);
  });
});

describe('roleAliasesOf', () => {
  it('lists titles joined in the hiring phrase other than the title', () => {
    assert.deepEqual(roleAliasesOf('Senior Developer', 'looking for exceptionally talented Senior Developers and Team Leads to join'), [
      'Team Lead',
    ]);
  });
  it('lists slash alternatives of the title', () => {
    assert.deepEqual(roleAliasesOf('Front-end Engineer/Web Developer (SDE 1 & 2)', ''), ['Web Developer']);
  });
});
