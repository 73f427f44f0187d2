import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { detectLocation } from './detect-location';

describe('detectLocation', () => {
  const cases: Array<[string, string | null]> = [
    ['Location: Bengaluru, Karnataka\nExperience: 3-5 years', 'Bengaluru, Karnataka'],
    ['This role is based in Austin, TX and reports to the CTO.', 'Austin, TX'],
    ['Job Location - Pune (Hybrid)', 'Pune'],
    ['Designation: Solution Developer\n\nLocation: Pimpri, Pune\n\nSkills', 'Pimpri, Pune'],
    ['We are currently seeking a Manager to join our team based in Noida, India.', 'Noida, India'],
    ['Teach math to middle school students in Richmond, VA.', 'Richmond, VA'],
    ['Location: Remote', null],
    ['We build great software for everyone.', null],
  ];
  for (const [text, expected] of cases) it(`${JSON.stringify(text)} → ${expected}`, () => assert.equal(detectLocation(text), expected));

  it('prefers the given location, cleaned', () => {
    assert.equal(detectLocation('Location: Chennai', 'Hyderabad (Hybrid)'), 'Hyderabad');
  });
});
