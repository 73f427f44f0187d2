import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { aRunDocument, aRunSkill } from '@jdpipe/testing';

import { renderRunReport } from './run-report.renderer';

describe('renderRunReport', () => {
  it('shows parsed fields, the decision with its reason, skills with evidence and dimensions', () => {
    const report = renderRunReport(
      aRunDocument({
        skills: [
          aRunSkill(),
          aRunSkill({
            name: 'Agile',
            slug: 'agile',
            primary: false,
            dimensions: [{ slug: 'delivery', displayName: 'Agile Delivery', underChosenRole: false }],
          }),
        ],
        proposals: [{ kind: 'skill', value: 'Marketing Automation', status: 'pending', target: 'backend-engineer', evidence: null }],
      }),
    );
    assert.match(report, /INR 1,800,000 – 2,500,000 per year/);
    assert.match(report, /3\+ years/);
    assert.match(report, /bachelor in Computer Science \(required\)/);
    assert.match(report, /Backend Engineer \[backend-engineer\]\s+case ALIAS\s+confidence 0\.90/);
    assert.match(report, /Runners-up\s+Software Engineer 0\.60/);
    assert.match(report, /● Python/);
    assert.match(report, /"Python" other @8/);
    assert.match(report, /Agile Delivery \(outside role\)/);
    assert.match(report, /skill\s+Marketing Automation\s+→ backend-engineer\s+pending/);
  });

  it('shows a rejection with its code and reason and no empty sections', () => {
    const report = renderRunReport(
      aRunDocument({
        status: 'rejected',
        rejection: { code: 'PARSE.NOT_A_JD', reason: 'no hiring language' },
        parsed: null,
        role: null,
        skills: [],
        runnersUp: [],
      }),
    );
    assert.match(report, /rejected/);
    assert.match(report, /PARSE\.NOT_A_JD\s+no hiring language/);
    assert.doesNotMatch(report, /^(Role|Skills|Parsed)/m);
  });
});
