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
    assert.equal(detectWorkMode('Build dashboards.', { location: 'Remote' }), 'remote');
    assert.equal(detectWorkMode('Build dashboards.', { location: 'Pune (Hybrid)' }), 'hybrid');
  });
});

describe('detectWorkMode: headlines', () => {
  it('takes a mode stated in the given title over the body', () => {
    assert.equal(detectWorkMode('Remote work is not available for this role.', { title: 'Registered Nurse – On-site' }), 'onsite');
    assert.equal(detectWorkMode('Build dashboards.', { title: 'Data Analyst (Hybrid)' }), 'hybrid');
  });
  it('takes a mode stated in the first line of the posting', () => {
    assert.equal(detectWorkMode('Site Reliability Engineer — Toronto, ON (Hybrid)\nWork with remote teams.'), 'hybrid');
    assert.equal(detectWorkMode('Customer Success Manager – Melbourne, hybrid\nGreat team.'), 'hybrid');
    assert.equal(detectWorkMode('Math Teacher | On-site\nTeach grade 7.'), 'onsite');
  });
  it('does not read a job named after remote work as a remote job', () => {
    assert.equal(detectWorkMode('Build models.', { title: 'Remote Sensing Analyst' }), null);
  });
});

describe('detectWorkMode: split weeks and optional offices', () => {
  const cases: Array<[string, WorkMode | null]> = [
    ['Flexible hours with one work-from-home day per week', 'hybrid'],
    ['You can work from home 2 days a week.', 'hybrid'],
    ['Expect 3 days a week in our Leeds office.', 'hybrid'],
    ['Fully remote within Germany; our Berlin office is open if you want a desk', 'remote'],
    ['This is a remote-first role with optional hybrid days at our hub.', 'remote'],
    ['Work from office 5 days a week', 'onsite'],
  ];
  for (const [text, expected] of cases) it(`${JSON.stringify(text)} → ${expected}`, () => assert.equal(detectWorkMode(text), expected));
});

describe('detectWorkMode: on-site wording', () => {
  const cases: Array<[string, WorkMode | null]> = [
    ['The role is site-based with one day a month at head office.', 'onsite'],
    ['This post is ward-based.', 'onsite'],
    ['This is an on-campus position, 185 workdays per year.', 'onsite'],
    ['In-clinic role. Benefits include CEU allowance.', 'onsite'],
    ['Work from plant, 6 days a week.', 'onsite'],
    ['This Position Is In Person', 'onsite'],
    ['Job Type: Full-time\nWork Location: In person', 'onsite'],
    ['If hired, you will work in person in an early education centre.', 'onsite'],
    ['Deliver materials in person and virtually to client teams.', null],
    ['Hold one office hour (virtually or in-person) per week.', null],
    ['Run lab-based usability studies.', null],
    ['We deliver training both online and in-person to customers.', null],
    ['Build web-based tools using evidence-based methods.', null],
  ];
  for (const [text, expected] of cases) it(`${JSON.stringify(text)} → ${expected}`, () => assert.equal(detectWorkMode(text), expected));
});
