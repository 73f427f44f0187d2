import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { parseJobDescription, type ParsedJd } from '@jdpipe/jd-parsing';

import { roleMatchInputOf } from './role-match-input';

function parsed(description: string, title: string): ParsedJd {
  const outcome = parseJobDescription({ description, title, location: null });
  assert.ok(outcome.ok, 'the fixture must parse as a posting');
  return outcome.parsed;
}

const WITHOUT_DUTIES_HEADING = [
  'We are hiring a data analyst to build dashboards in Tableau and write SQL queries for the finance team.',
  'You will present monthly findings to business stakeholders.',
  '',
  'About us',
  'Acme Retail is a family-owned chain of grocery stores founded in 1952.',
  '',
  'Benefits',
  '- Health insurance for you and your family',
  '- Paid parental leave',
  '',
  'Requirements',
  '- 3+ years of experience with SQL',
].join('\n');

describe('roleMatchInputOf', () => {
  it('compares every sentence but a headed employer blurb and the benefits when no duties are headed', () => {
    const jd = parsed(WITHOUT_DUTIES_HEADING, 'Data Analyst');
    const kinds = new Set(jd.sections.map((section) => section.kind));
    assert.ok(kinds.has('company') && kinds.has('benefits') && !kinds.has('responsibilities'), [...kinds].join(', '));
    // The unheaded opening reads as the company's, yet it is where this posting states the duties.
    assert.equal(jd.sections[0].heading, null);
    const input = roleMatchInputOf(jd, WITHOUT_DUTIES_HEADING, []);
    const duties = input.responsibilitySentences.join(' | ');
    assert.match(duties, /build dashboards in Tableau/);
    assert.match(duties, /3\+ years of experience with SQL/);
    assert.doesNotMatch(duties, /family-owned chain/);
    assert.doesNotMatch(duties, /Health insurance|parental leave/);
    assert.deepEqual(input.requirementSentences, ['3+ years of experience with SQL']);
  });

  it('compares only the responsibilities when the posting heads them, and names each found skill once', () => {
    const description = [
      'Responsibilities',
      '- Build dashboards in Tableau',
      '- Write SQL queries for the finance team',
      '',
      'About us',
      'Acme Retail is a family-owned chain of grocery stores.',
    ].join('\n');
    const input = roleMatchInputOf(parsed(description, 'Data Analyst'), description, [
      { skillSlug: 'sql' },
      { skillSlug: 'tableau' },
      { skillSlug: 'sql' },
    ]);
    assert.deepEqual(input.responsibilitySentences, ['Build dashboards in Tableau', 'Write SQL queries for the finance team']);
    assert.deepEqual(input.skillSlugs, ['sql', 'tableau']);
    assert.equal(input.title, 'Data Analyst');
    assert.equal(input.text, description);
  });
});
