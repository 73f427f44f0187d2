import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { EducationLevel, Requirement } from '../parsed-jd';
import { parseEducation } from './parse-education';

function levels(text: string, requirement: Requirement = 'required') {
  return parseEducation([{ text, requirement }]).map((e) => [e.level, e.field, e.requirement]);
}

describe('parseEducation: degree names', () => {
  const cases: Array<[string, EducationLevel]> = [
    ["Bachelor's degree in Finance", 'bachelor'],
    ['B.Tech / BE from a recognised university', 'bachelor'],
    ['BE/B Tech from 4 year college or university', 'bachelor'],
    ['B.Sc in Nursing', 'bachelor'],
    ['BCA or equivalent', 'bachelor'],
    ['BBA with a marketing major', 'bachelor'],
    ['B.Com graduate', 'bachelor'],
    ["Master's in Statistics", 'master'],
    ['M.Tech in VLSI', 'master'],
    ['MCA from a reputed institute', 'master'],
    ['MSc Data Science', 'master'],
    ['MBA from a Tier 1 institute', 'mba'],
    ['PGDM in Marketing', 'mba'],
    ['PhD in Machine Learning', 'doctorate'],
    ['Diploma in Mechanical Engineering', 'diploma'],
    ['12th pass can apply', 'high_school'],
    ['High school diploma or GED required', 'high_school'],
  ];
  for (const [text, level] of cases) it(`"${text}" → ${level}`, () => assert.equal(parseEducation([{ text, requirement: 'required' }])[0]?.level, level));
});

describe('parseEducation: fields and requirement', () => {
  it('reads the field and stops before "or related field"', () => {
    assert.deepEqual(levels("Bachelor's degree in Computer Science (or related field)"), [['bachelor', 'Computer Science', 'required']]);
    assert.deepEqual(levels('Degree in Computer Science or related field'), [['bachelor', 'Computer Science', 'required']]);
    assert.deepEqual(levels('B.Tech in Computer Science/Information Technology.'), [['bachelor', 'Computer Science/Information Technology', 'required']]);
  });
  it('keeps the requirement of each sentence', () => {
    const found = parseEducation([
      { text: "A bachelor's degree in a STEM field is required.", requirement: 'required' },
      { text: "A master's degree or higher is preferred.", requirement: 'preferred' },
    ]);
    assert.deepEqual(found.map((e) => [e.level, e.requirement]), [['bachelor', 'required'], ['master', 'preferred']]);
  });
  it('does not read words or school levels as degrees', () => {
    assert.deepEqual(levels('You will BE working with MS Office and teach high school students'), []);
  });
});
