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
  for (const [text, level] of cases)
    it(`"${text}" → ${level}`, () => assert.equal(parseEducation([{ text, requirement: 'required' }])[0]?.level, level));
});

describe('parseEducation: fields and requirement', () => {
  it('reads the field and stops before "or related field"', () => {
    assert.deepEqual(levels("Bachelor's degree in Computer Science (or related field)"), [['bachelor', 'Computer Science', 'required']]);
    assert.deepEqual(levels('Degree in Computer Science or related field'), [['bachelor', 'Computer Science', 'required']]);
    assert.deepEqual(levels('B.Tech in Computer Science/Information Technology.'), [
      ['bachelor', 'Computer Science/Information Technology', 'required'],
    ]);
  });
  it('keeps the requirement of each sentence', () => {
    const found = parseEducation([
      { text: "A bachelor's degree in a STEM field is required.", requirement: 'required' },
      { text: "A master's degree or higher is preferred.", requirement: 'preferred' },
    ]);
    assert.deepEqual(
      found.map((e) => [e.level, e.requirement]),
      [
        ['bachelor', 'required'],
        ['master', 'preferred'],
      ],
    );
  });
  it('does not read words or school levels as degrees', () => {
    assert.deepEqual(levels('You will BE working with MS Office and teach high school students'), []);
  });
});

describe('parseEducation: diplomas, associate degrees and school levels', () => {
  const cases: Array<[string, EducationLevel[]]> = [
    ['ADN with BSN enrollment within 2 years considered', ['diploma', 'bachelor']],
    ['Associate of Applied Science in Nursing', ['diploma']],
    ['GNM or B.Sc Nursing with 2 years of ward experience', ['diploma', 'bachelor']],
    ['GCSE English and Maths (or equivalent)', ['high_school']],
    ['A-levels or equivalent', ['high_school']],
    ['Graduate or undergraduate (12th pass with good English can apply)', ['bachelor', 'high_school']],
    ['Fresh graduates can apply', ['bachelor']],
  ];
  for (const [text, expected] of cases) {
    it(`"${text}" → ${expected.join(', ')}`, () =>
      assert.deepEqual(
        levels(text).map(([level]) => level),
        expected,
      ));
  }
  it('does not read graduate programmes or schools as a degree asked for', () => {
    assert.deepEqual(levels('Teach graduate students and support the graduate school'), []);
  });
});

describe('parseEducation: master and doctorate abbreviations', () => {
  const cases: Array<[string, EducationLevel[]]> = [
    ['MBA / PGDM in HR or MSW', ['mba', 'master']],
    ['MSN preferred', ['master']],
    ['Doctor of Physical Therapy (DPT) from a CAPTE-accredited program', ['doctorate']],
    ['PharmD from an accredited school', ['doctorate']],
  ];
  for (const [text, expected] of cases) {
    it(`"${text}" → ${expected.join(', ')}`, () =>
      assert.deepEqual(
        levels(text).map(([level]) => level),
        expected,
      ));
  }
  it('does not read speeds or medicine as degrees', () => {
    assert.deepEqual(levels('Drive at 20 mph on site and keep med carts stocked'), []);
  });
});

describe('parseEducation: a degree without level', () => {
  it('reads "degree or equivalent" and "a degree in a relevant field" as a bachelor without field', () => {
    assert.deepEqual(levels('Nursing degree or equivalent'), [['bachelor', null, 'required']]);
    assert.deepEqual(levels('A degree in a relevant field or equivalent experience'), [['bachelor', null, 'required']]);
    assert.deepEqual(levels('Tertiary qualification in business or a related field'), [['bachelor', 'business', 'required']]);
  });
  it('keeps the field of "a degree in Computer Science or equivalent experience"', () => {
    assert.deepEqual(levels('A degree in Computer Science or equivalent experience'), [['bachelor', 'Computer Science', 'required']]);
  });
  it('does not read other senses of "degree" or a degree that is not required', () => {
    assert.deepEqual(levels('Run 360-degree feedback with a high degree of autonomy'), []);
    assert.deepEqual(levels('Degree not required; show us your portfolio'), []);
    assert.deepEqual(levels('No degree required'), []);
    assert.deepEqual(levels("The courses come from the university's Computer Science degree program"), []);
    assert.deepEqual(levels('Intent over degree: we value what you can do'), []);
  });
  it('does not read a professional registration as education', () => {
    assert.deepEqual(levels('Registered Nurse (Adult) with current NMC registration'), []);
  });
});

describe('parseEducation: words next to degree names', () => {
  it('does not add a bachelor for the "degree" of a named level', () => {
    assert.deepEqual(
      levels('Master’s/PhD degree in CS/EE or related fields').map(([level]) => level),
      ['master', 'doctorate'],
    );
    assert.deepEqual(
      levels('MBA/ Similar degree').map(([level]) => level),
      ['mba'],
    );
  });
  it('reads a high school graduate as high school only', () => {
    assert.deepEqual(
      levels('High school graduate or GED required').map(([level]) => level),
      ['high_school'],
    );
  });
  it('does not read degree programmes offered as benefits, or "a level of"', () => {
    assert.deepEqual(levels("Tuition discounts including Purdue Global's DNP program"), []);
    assert.deepEqual(levels('We deliver a level of quality that exceeds expectations'), []);
  });
});
