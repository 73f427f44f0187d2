import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { type CountryCode, countryOfPlace } from './country-of-place';

describe('countryOfPlace', () => {
  const cases: Array<[string, CountryCode | null]> = [
    ['Saskatoon, SK', 'CA'],
    ['Toronto, ON (Hybrid)', 'CA'],
    ['Parramatta NSW', 'AU'],
    ['Melbourne', 'AU'],
    ['Auckland, New Zealand', 'NZ'],
    ['Singapore', 'SG'],
    ['Hong Kong SAR', 'HK'],
    ['Austin, TX', 'US'],
    ['Mountain View, CA, USA', 'US'],
    ['Leeds General Hospital', 'GB'],
    ['Pimpri, Pune', 'IN'],
    ['Berlin', 'EU'],
    ['offices in Sydney, London and New York', 'AU'],
    ['We perth the vic', null],
    ['Remote', null],
  ];
  for (const [text, country] of cases) it(`${JSON.stringify(text)} → ${country}`, () => assert.equal(countryOfPlace(text), country));
});
