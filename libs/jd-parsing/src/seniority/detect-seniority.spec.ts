import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { Seniority } from '../parsed-jd';
import { detectSeniority, seniorityOfTitle } from './detect-seniority';

describe('seniorityOfTitle', () => {
  const cases: Array<[string, Seniority | null]> = [
    ['Software Engineering Intern', 'intern'],
    ['Graduate Trainee - Finance', 'intern'],
    ['Junior Accountant', 'junior'],
    ['Associate Software Engineer', 'junior'],
    ['Entry Level Sales Representative', 'junior'],
    ['SDE 1', 'junior'],
    ['Software Engineer II', 'mid'],
    ['Senior Data Engineer', 'senior'],
    ['Sr. Manager/Manager - Business Development', 'senior'],
    ['SDE III', 'senior'],
    ['Team Lead - Python', 'lead'],
    ['Tech Lead, Payments', 'lead'],
    ['Principal Engineer', 'principal'],
    ['Staff Software Engineer', 'principal'],
    ['Solutions Architect', 'principal'],
    ['Head of Marketing', 'head'],
    ['Director, Product Management', 'head'],
    ['VP Engineering', 'head'],
    ['Associate Director - Analytics', 'head'],
    ['Staff Nurse', null],
    ['Lead Generation Executive', null],
    ['Data Analyst', null],
  ];
  for (const [title, expected] of cases) it(`"${title}" → ${expected}`, () => assert.equal(seniorityOfTitle(title), expected));
});

describe('detectSeniority', () => {
  it('uses the title first', () => {
    assert.equal(detectSeniority({ title: 'Senior Developer', text: 'Freshers welcome', minimumYears: 0 }), 'senior');
  });
  it('falls back to level phrases in the text', () => {
    assert.equal(detectSeniority({ title: 'Accountant', text: 'This is an entry-level role.', minimumYears: null }), 'junior');
  });
  it('falls back to the years asked for', () => {
    assert.equal(detectSeniority({ title: 'Accountant', text: '', minimumYears: 6 }), 'senior');
    assert.equal(detectSeniority({ title: 'Accountant', text: '', minimumYears: 3 }), 'mid');
    assert.equal(detectSeniority({ title: null, text: '', minimumYears: null }), null);
  });
});
