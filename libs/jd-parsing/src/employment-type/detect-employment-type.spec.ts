import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { EmploymentType } from '../parsed-jd';
import { detectEmploymentType } from './detect-employment-type';

describe('detectEmploymentType', () => {
  const cases: Array<[string, EmploymentType | null]> = [
    ['This is a full-time, permanent position.', 'full_time'],
    ['Part time tutor, 10 hours a week', 'part_time'],
    ['6 month contract, extendable', 'contract'],
    ['C2H role with a leading bank; full time after 6 months', 'contract'],
    ['Contract-to-hire opportunity', 'contract'],
    ['Summer internship for final-year students', 'internship'],
    ['Temporary position covering maternity leave', 'temporary'],
    ['Freelance content writers paid per article', 'freelance'],
    ['Employment Type: Full Time, Permanent', 'full_time'],
    ['Job Type: Contract\nWork full-time hours on site', 'contract'],
    ['We build software.', null],
  ];
  for (const [text, expected] of cases)
    it(`${JSON.stringify(text)} → ${expected}`, () => assert.equal(detectEmploymentType(text), expected));

  it('reads an internship from the title', () => {
    assert.equal(detectEmploymentType('Full-time commitment for 3 months', 'Data Science Intern'), 'internship');
  });
});
