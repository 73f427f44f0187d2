import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { WorkMode } from '../parsed-jd';
import { detectWorkMode } from './detect-work-mode';

describe('detectWorkMode', () => {
  const cases: Array<[string, WorkMode | null]> = [
    ['This is a fully remote role open across India.', 'remote'],
    ['Work from home with flexible hours.', 'remote'],
    ['WFH available after probation', 'remote'],
    ['Pune (Hybrid) - 3 days in office', 'hybrid'],
    ['We follow a hybrid work model.', 'hybrid'],
    ['This is an on-site position at our plant.', 'onsite'],
    ['Onsite role in Chennai', 'onsite'],
    ['Must be willing to work in-office five days a week', 'onsite'],
    ['Workplace Type: Remote\nWe meet on-site once a quarter', 'remote'],
    ['Experience with hybrid cloud and remote sensing data', null],
    ['Collaborate with remote teams across time zones', null],
  ];
  for (const [text, expected] of cases) it(`${JSON.stringify(text)} → ${expected}`, () => assert.equal(detectWorkMode(text), expected));

  it('reads the mode from the given location', () => {
    assert.equal(detectWorkMode('Build dashboards.', 'Remote'), 'remote');
  });
});
