import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { Requirement } from '../parsed-jd';
import { parseCertifications } from './parse-certifications';

function names(text: string, requirement: Requirement = 'required'): string[] {
  return parseCertifications([{ text, requirement }]).map((c) => c.name);
}

describe('parseCertifications', () => {
  it('reads acronym credentials', () => {
    assert.deepEqual(names('PMP certification is mandatory'), ['PMP']);
    assert.deepEqual(names('Qualified CPA with Big 4 experience'), ['CPA']);
    assert.deepEqual(names('ACLS/BLS certification required'), ['ACLS', 'BLS']);
  });
  it('reads vendor credentials in full', () => {
    assert.deepEqual(names('AWS Certified Solutions Architect – Associate preferred'), ['AWS Certified Solutions Architect – Associate']);
  });
  it('reads "<name> certification" and licences', () => {
    assert.deepEqual(names('Scrum Master certification'), ['Scrum Master']);
    assert.deepEqual(names('Must hold a valid state teaching license'), ['state teaching license']);
    assert.deepEqual(names('Active RN license in Virginia'), ['RN license']);
  });
  it('reads CA only as a qualification, not California', () => {
    assert.deepEqual(names('Qualified CA with 5 years post qualification experience'), ['CA']);
    assert.deepEqual(names('Office in San Jose, CA with great views'), []);
  });
  it('keeps required over preferred for the same credential', () => {
    const found = parseCertifications([
      { text: 'CISSP is a plus', requirement: 'preferred' },
      { text: 'CISSP required for this role', requirement: 'required' },
    ]);
    assert.deepEqual(found, [{ name: 'CISSP', requirement: 'required' }]);
  });
});
