import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { currencyHintsOf } from './pay-currency';

describe('currencyHintsOf: the dollar of the posting', () => {
  const cases: Array<[string, string | null, string]> = [
    ['Design subdivisions in Parramatta.', 'Sydney', 'AUD'],
    ['Pay: $24 - $27 per hour', 'Saskatoon, SK', 'CAD'],
    ['Northern Pulp & Board, Prince George, BC', null, 'CAD'],
    ['Salary: $95k - $110k + super', null, 'AUD'],
    ['Benefits from day one, RRSP matching.', null, 'CAD'],
    ['KiwiSaver contributions matched.', null, 'NZD'],
    ['Work in our Kowloon office.', null, 'HKD'],
    ['Singapore, Hybrid', null, 'SGD'],
    ['Teach in Richmond, VA.', null, 'USD'],
    ['Build dashboards for our clients.', null, 'USD'],
    ['Support our clients in Toronto and Vancouver.', 'Bengaluru', 'USD'],
  ];
  for (const [text, location, dollar] of cases) {
    it(`${JSON.stringify(text)} in ${location} → ${dollar}`, () => assert.equal(currencyHintsOf({ text, location }).dollar, dollar));
  }
});

describe('currencyHintsOf: a figure with no currency', () => {
  it('follows the currency words of the text first', () => {
    assert.equal(currencyHintsOf({ text: 'CTC 8-12 LPA', location: 'Toronto' }).unmarked, 'INR');
    assert.equal(currencyHintsOf({ text: 'Up to £40,000', location: null }).unmarked, 'GBP');
  });
  it('then the country of the location', () => {
    assert.equal(currencyHintsOf({ text: 'Salary: 85,000 per year', location: 'Calgary' }).unmarked, 'CAD');
    assert.equal(currencyHintsOf({ text: 'Salary 25k/month, bonus in $', location: 'Chennai' }).unmarked, 'INR');
  });
  it('then any "$" in the text, read as the posting\'s dollar, else rupees', () => {
    assert.equal(currencyHintsOf({ text: 'Salary: 85,000. Budget $2,000 for a laptop. RRSP match.' }).unmarked, 'CAD');
    assert.equal(currencyHintsOf({ text: 'Salary 25k/month' }).unmarked, 'INR');
  });
});
