import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { MAX_DESCRIPTION_CHARS, type ParsedJd, parseJobDescription, requirementOf } from './index';

const SEED =
  "***CTC ₹512,498 - ₹848,243 Per Year based on experience**** The ideal candidate is a self-motivated and demonstrated team-player. You will be a developer responsible for the development of new software products and enhancements to existing products. We are a Facebook Marketing Automation technology using Ai and Machine learning looking for exceptionally talented Senior Developers and Team Leads to join our team. Responsibilities Writing clean, high-quality, high-performance, maintainable code Develop and support software including applications, database integration, interfaces, and new functionality enhancements Coordinate cross-functionally to insure project meets business objectives and compliance standards Support test and deployment of new products and features Participate in code reviews Qualifications Bachelor's degree in Computer Science (or related field) 3+ years of relevant work experience Expertise in Python Development Experience with Agile or Scrum software development methodologies Ability to multi-task, organize, and prioritize work ***CTC ₹512,498 - ₹848,243 Per Year****";

const INDIAN_POSTING = `Job Title: Data Scientist
Location: Pimpri, Pune (Hybrid)
Experience: 2-5 Years
Education: B.E./ B.Tech.
Employment Type: Full-time

About the company
We are a leading manufacturing analytics firm.

Job Responsibility:
 * Design, develop, test and deploy ML models.
 * Present findings to technical audiences.

Good to have:
 * AWS Certified Machine Learning Specialty
 * M.Tech in Data Science

Salary: 8-12 LPA`;

const US_POSTING = `About the job

Art of Problem Solving is looking for an elementary Math Instructor to join their Virtual Campus team.

What You’ll Do
Teach enthusiastic elementary school students in our online virtual classrooms
Work in small classes with top performing students

Skills And Experience Requirements
A bachelor's degree in a STEM field is required. A master's degree or higher is preferred.
Must hold a valid state teaching license.

Campus Location:
Remote

Benefits And Compensation
$30/hour
401K retirement plan
Eligible for discretionary bonus after 2 years`;

function parsed(description: string, title?: string): ParsedJd {
  const outcome = parseJobDescription({ description, title });
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.rejection.reason);
  return outcome.parsed;
}

describe('parseJobDescription: the collapsed seed posting', () => {
  const jd = parsed(SEED);

  it('infers title, seniority and the other role named', () => {
    assert.equal(jd.title, 'Senior Developer');
    assert.equal(jd.seniority, 'senior');
    assert.deepEqual(jd.roleAliases, ['Team Lead']);
  });
  it('reads pay, experience and education', () => {
    assert.deepEqual(jd.ctc, { currency: 'INR', min: 512498, max: 848243, period: 'annual', raw: '₹512,498 - ₹848,243 Per Year' });
    assert.deepEqual([jd.experience?.min, jd.experience?.max], [3, null]);
    assert.deepEqual(
      jd.education.map((e) => [e.level, e.field, e.requirement]),
      [['bachelor', 'Computer Science', 'required']],
    );
  });
  it('splits sections and every responsibility bullet', () => {
    assert.deepEqual(
      jd.sections.map((s) => s.kind),
      ['company', 'responsibilities', 'requirements'],
    );
    const responsibilities = jd.sentences.filter((s) => jd.sections[s.sectionIndex].kind === 'responsibilities');
    assert.equal(responsibilities.length, 5);
    for (const sentence of jd.sentences) assert.equal(SEED.slice(sentence.start, sentence.end), sentence.text);
  });
});

describe('parseJobDescription: labelled Indian posting', () => {
  const jd = parsed(INDIAN_POSTING);
  it('reads the labelled fields', () => {
    assert.equal(jd.title, 'Data Scientist');
    assert.equal(jd.location, 'Pimpri, Pune');
    assert.equal(jd.workMode, 'hybrid');
    assert.equal(jd.employmentType, 'full_time');
    assert.deepEqual([jd.experience?.min, jd.experience?.max], [2, 5]);
    assert.deepEqual([jd.ctc?.min, jd.ctc?.max, jd.ctc?.currency, jd.ctc?.period], [800000, 1200000, 'INR', 'annual']);
    assert.equal(jd.seniority, 'mid');
  });
  it('marks good-to-have credentials and degrees as preferred', () => {
    assert.deepEqual(jd.certifications, [{ name: 'AWS Certified Machine Learning Specialty', requirement: 'preferred' }]);
    assert.deepEqual(
      jd.education.map((e) => [e.level, e.requirement]),
      [
        ['bachelor', 'required'],
        ['master', 'preferred'],
      ],
    );
    const niceToHave = jd.sentences.find((s) => s.text.startsWith('M.Tech'));
    assert.ok(niceToHave);
    assert.equal(requirementOf(niceToHave, jd.sections), 'preferred');
  });
});

describe('parseJobDescription: US teaching posting', () => {
  const jd = parsed(US_POSTING, 'Elementary Math Instructor - Remote');
  it('reads hourly pay, remote mode, licence and degrees', () => {
    assert.equal(jd.title, 'Elementary Math Instructor');
    assert.deepEqual([jd.ctc?.currency, jd.ctc?.min, jd.ctc?.period], ['USD', 30, 'hourly']);
    assert.equal(jd.workMode, 'remote');
    assert.deepEqual(jd.certifications, [{ name: 'state teaching license', requirement: 'required' }]);
    assert.deepEqual(
      jd.education.map((e) => [e.level, e.requirement]),
      [
        ['bachelor', 'required'],
        ['master', 'preferred'],
      ],
    );
    assert.equal(jd.experience, null);
  });
  it('classifies its headings', () => {
    assert.deepEqual(
      jd.sections.map((s) => s.kind),
      ['other', 'responsibilities', 'requirements', 'other', 'benefits'],
    );
  });
});

describe('parseJobDescription: robustness', () => {
  it('accepts a short but real posting', () => {
    const jd = parsed('Hiring: Staff Nurse, 2 yrs exp, Chennai, salary 25k/month');
    assert.equal(jd.location, 'Chennai');
    assert.deepEqual([jd.ctc?.min, jd.ctc?.period], [25000, 'monthly']);
  });
  it('rejects with codes instead of throwing', () => {
    const outcomes = ['', 'x'.repeat(MAX_DESCRIPTION_CHARS + 1), 'Lorem ipsum dolor sit amet, consectetur adipiscing elit.'].map(
      (description) => parseJobDescription({ description }),
    );
    assert.deepEqual(
      outcomes.map((o) => (o.ok ? 'ok' : o.rejection.code)),
      ['PARSE.EMPTY', 'PARSE.TOO_LARGE', 'PARSE.NOT_A_JD'],
    );
    assert.equal(parseJobDescription(null as unknown as { description: string }).ok, false);
  });
  it('never throws on random job-like noise', () => {
    const words = [
      'Senior',
      'Engineer',
      'Responsibilities',
      '₹',
      '5,00,000',
      'LPA',
      '3+',
      'years',
      'B.Tech',
      'hybrid',
      '\n',
      '-',
      '•',
      ':',
      '$',
      'k',
      'Requirements',
      'Develop',
      'code',
      '(',
      ')',
      'to',
      '—',
    ];
    let seed = 7;
    const next = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 300; i++) {
      const description = Array.from({ length: Math.floor(next() * 200) }, () => words[Math.floor(next() * words.length)]).join(' ');
      const outcome = parseJobDescription({ description, title: i % 2 ? 'Engineer' : null });
      if (outcome.ok) for (const s of outcome.parsed.sentences) assert.equal(description.slice(s.start, s.end), s.text);
    }
  });
  it('returns an outcome for adversarial repetition (no catastrophic backtracking hangs the suite)', () => {
    const outcome = parseJobDescription({
      description: `Hiring engineer ${'1,1'.repeat(5000)} ${'a '.repeat(20000)} ${'Aa'.repeat(10000)}`,
    });
    assert.equal(typeof outcome.ok, 'boolean');
  });
});

describe('parseJobDescription: currency and work mode from the posting around the pay', () => {
  const body =
    '\nResponsibilities\n- Process vendor invoices and reconcile statements\nRequirements\n- Diploma in Accounting\n- 2+ years of accounts payable experience';
  it('reads a bare "$" as the dollar of the location the text names', () => {
    const outcome = parseJobDescription({
      description: `Accounts Payable Clerk\nPrairie Co-op — Saskatoon, SK\n$24 - $27 per hour${body}`,
    });
    assert.ok(outcome.ok);
    assert.equal(outcome.parsed.location, 'Saskatoon, SK');
    assert.deepEqual(outcome.parsed.ctc && [outcome.parsed.ctc.currency, outcome.parsed.ctc.min, outcome.parsed.ctc.max], ['CAD', 24, 27]);
  });
  it('reads a bare "$" with the given location', () => {
    const outcome = parseJobDescription({
      title: 'Accounts Payable Clerk',
      location: 'Brisbane QLD',
      description: `Pay: $70,000 - $80,000 per year${body}`,
    });
    assert.ok(outcome.ok);
    assert.equal(outcome.parsed.ctc?.currency, 'AUD');
  });
  it('takes the work mode from the given title', () => {
    const outcome = parseJobDescription({ title: 'Accounts Payable Clerk (On-site)', description: `Pay: $24 - $27 per hour${body}` });
    assert.ok(outcome.ok);
    assert.equal(outcome.parsed.workMode, 'onsite');
    assert.equal(outcome.parsed.ctc?.currency, 'USD');
  });
});
