import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { parseExperience, parseExperienceText } from './parse-experience';

function expectYears(text: string, min: number | null, max: number | null): void {
  const experience = parseExperienceText(text);
  assert.ok(experience, `no experience found in: ${text}`);
  assert.deepEqual({ min: experience.min, max: experience.max }, { min, max }, text);
}

describe('parseExperience: stated forms', () => {
  it('reads open-ended and minimum forms', () => {
    expectYears('3+ years of relevant work experience', 3, null);
    expectYears('Minimum 2 years in a customer-facing role', 2, null);
    expectYears('At least 4 years experience with payroll', 4, null);
    expectYears('5+ years post qualification experience as a CA', 5, null);
    expectYears('We need 7 or more years of hands-on engineering', 7, null);
  });
  it('reads ranges with dashes, "to" and abbreviations', () => {
    expectYears('2 to 5 years of experience in sales', 2, 5);
    expectYears('Experience: 3 - 6 Yrs', 3, 6);
    expectYears('1-3 yrs exp in digital marketing', 1, 3);
    expectYears('Experience: 4-8 Years', 4, 8);
    expectYears('Skill: java , spring; Exp: 4-7 years; Location: Pune', 4, 7);
    expectYears('0-2 years (freshers welcome)', 0, 2);
  });
  it('reads fresher postings as zero years', () => {
    expectYears('Freshers can apply. Good communication skills needed.', 0, 0);
  });
  it('reads "up to" as a ceiling and months as fractions of a year', () => {
    expectYears('Up to 3 years of experience in support', null, 3);
    expectYears('6+ months of internship experience', 0.5, null);
  });
});

describe('parseExperience: choosing among several mentions', () => {
  it('prefers the overall requirement over a per-skill one', () => {
    expectYears('2+ years of React. 5+ years of software development experience. 3 years with AWS.', 5, null);
  });
  it('prefers a labelled figure', () => {
    expectYears('Experience: 2-5 Years. Candidates with 8 years in the domain are also welcome.', 2, 5);
  });
  it('ignores preferred mentions when a required one exists', () => {
    const found = parseExperience([
      { text: '3+ years of experience in accounting', preferred: false },
      { text: '8+ years of experience in audit is a plus', preferred: true },
    ]);
    assert.deepEqual([found?.min, found?.max], [3, null]);
  });
});

describe('parseExperience: years that are not experience', () => {
  for (const text of [
    'Founded 25 years ago, we are a family company',
    'Teach children aged 3-5 years in a play-based classroom',
    'Eligible for discretionary bonus after 2 years',
    'For over 30 years we have served the community',
    'A team of 20 engineers',
  ]) {
    it(`finds none in "${text}"`, () => assert.equal(parseExperienceText(text), null));
  }
});
