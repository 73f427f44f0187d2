import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { CatalogIndex, loadSeedCatalog } from '@jdpipe/catalog';
import { parseJobDescription, type ParsedJd } from '@jdpipe/jd-parsing';
import { noPostingFields } from '@jdpipe/testing';

import { mergePostingAssist, type PostingAssistInput } from './posting-assist.merge';
import type { PostingAssistAnswer } from './posting-assist.schema';

const POSTING = `Data Analyst

Build weekly reports in SQL for the finance team.
Pay: 12 to 15 LPA, depending on experience. At least 3 years in analytics.
Hybrid, three days a week in our Pune office.`;

const catalog = new CatalogIndex(loadSeedCatalog().catalog);

function offlineParse(): ParsedJd {
  const outcome = parseJobDescription({ description: POSTING });
  assert.ok(outcome.ok);
  return outcome.parsed;
}

const NO_FIELDS: PostingAssistAnswer['fields'] = noPostingFields();

function merge(fields: Partial<PostingAssistAnswer['fields']>, offline: Partial<ParsedJd>, mode: PostingAssistInput['mode'] = 'hybrid') {
  return mergePostingAssist({
    offline: { ...offlineParse(), ...offline },
    answer: { fields: { ...NO_FIELDS, ...fields }, skills: [] },
    mode,
    postingTitle: null,
    description: POSTING,
    sections: offlineParse().sections,
    catalog,
    mentions: [],
    candidatePhrases: [],
  });
}

describe('mergePostingAssist', () => {
  it('takes a salary only when its numbers are written in its evidence, units converted', () => {
    const grounded = merge(
      { salary: { currency: 'INR', min: 1_200_000, max: 1_500_000, period: 'annual', evidence: '12 to 15 LPA' } },
      { ctc: null },
    );
    assert.deepEqual(grounded.parsed.ctc, { currency: 'INR', min: 1_200_000, max: 1_500_000, period: 'annual', raw: '12 to 15 LPA' });
    assert.deepEqual(grounded.summary.fieldsFromLlm, ['ctc']);

    const invented = merge(
      { salary: { currency: 'INR', min: 1_200_000, max: 1_800_000, period: 'annual', evidence: '12 to 15 LPA' } },
      { ctc: null },
    );
    assert.equal(invented.parsed.ctc, null);
    assert.match(invented.summary.rejected[0] ?? '', /^ctc: 1800000 is not written/);

    const elsewhere = merge(
      { salary: { currency: 'INR', min: 1_200_000, max: null, period: 'annual', evidence: 'Pay: twelve lakh' } },
      { ctc: null },
    );
    assert.equal(elsewhere.parsed.ctc, null);
    assert.match(elsewhere.summary.rejected[0] ?? '', /not in the posting/);
  });

  it('keeps an offline value in hybrid mode and lets a grounded model value replace it in llm mode', () => {
    const experience = { min: 3, max: 5, evidence: 'At least 3 years in analytics' };
    const offline = { experience: { min: 2, max: null, raw: 'x' } };
    assert.deepEqual(merge({ experience }, offline, 'hybrid').parsed.experience, offline.experience);
    assert.equal(
      merge({ experience }, offline, 'llm').summary.rejected[0],
      'experience: 5 is not written in "At least 3 years in analytics"',
    );
    const llm = merge({ experience: { min: 3, max: null, evidence: 'At least 3 years in analytics' } }, offline, 'llm');
    assert.deepEqual(llm.parsed.experience, { min: 3, max: null, raw: 'At least 3 years in analytics' });
  });

  it('fills a null field from a quoted value and refuses a value the posting does not contain', () => {
    const filled = merge(
      { location: { value: 'Pune', evidence: 'in our Pune office' }, workMode: { value: 'hybrid', evidence: 'Hybrid, three days a week' } },
      { location: null, workMode: null },
    );
    assert.equal(filled.parsed.location, 'Pune');
    assert.equal(filled.parsed.workMode, 'hybrid');

    const refused = merge({ companyName: { value: 'Acme Analytics', evidence: 'for the finance team' } }, { companyName: null });
    assert.equal(refused.parsed.companyName, null);
    assert.match(refused.summary.rejected[0] ?? '', /^companyName: "Acme Analytics" is not written/);
  });
});
