import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { formatDateTime, formatDuration, formatMoney, formatPay, formatPercent, formatUsd, formatYears, humanize } from './format.js';

describe('formatMoney', () => {
  it('groups each currency the way its readers do', () => {
    assert.equal(formatMoney(512498, 'INR'), '₹5,12,498');
    assert.equal(formatMoney(120000, 'USD'), '$120,000');
    assert.equal(formatMoney(18.5, 'GBP'), '£18.50');
  });

  it('spells out a code Intl does not know', () => {
    assert.equal(formatMoney(10, 'NOT-A-CODE'), '10 NOT-A-CODE');
  });
});

describe('formatPay', () => {
  it('writes a range with its period', () => {
    assert.equal(formatPay({ currency: 'INR', min: 512498, max: 848243, period: 'annual' }), '₹5,12,498 – ₹8,48,243 per year');
  });

  it('writes open ranges and single figures', () => {
    assert.equal(formatPay({ currency: 'USD', min: null, max: 90000, period: 'annual' }), 'up to $90,000 per year');
    assert.equal(formatPay({ currency: 'GBP', min: 18.5, max: null, period: 'hourly' }), 'from £18.50 per hour');
    assert.equal(formatPay({ currency: 'USD', min: 50, max: 50, period: 'daily' }), '$50 per day');
  });

  it('shows a dash when there is no pay', () => {
    assert.equal(formatPay(null), '—');
    assert.equal(formatPay({ currency: 'USD', min: null, max: null, period: 'annual' }), '—');
  });
});

describe('formatYears', () => {
  it('writes ranges, minimums and maximums', () => {
    assert.equal(formatYears({ min: 6, max: 9 }), '6–9 years');
    assert.equal(formatYears({ min: 3, max: null }), '3+ years');
    assert.equal(formatYears({ min: null, max: 2 }), 'up to 2 years');
    assert.equal(formatYears({ min: 1, max: 1 }), '1 year');
    assert.equal(formatYears(null), '—');
  });
});

describe('small formats', () => {
  it('writes scores as whole percentages', () => {
    assert.equal(formatPercent(0.7349), '73%');
    assert.equal(formatPercent(null), '—');
  });

  it('writes durations in milliseconds below a second, seconds above', () => {
    assert.deepEqual([0.2, 41.6, 1234, 65432].map(formatDuration), ['<1 ms', '42 ms', '1.23 s', '65.4 s']);
  });

  it('keeps four decimals for cheap model calls', () => {
    assert.deepEqual([null, 0, 0.00042, 1.5].map(formatUsd), ['—', '$0', '$0.0004', '$1.50']);
  });

  it('writes timestamps in UTC to the minute', () => {
    assert.equal(formatDateTime('2026-11-25T20:01:27.000Z'), '25 Nov 2026, 20:01 UTC');
    assert.equal(formatDateTime('yesterday'), 'yesterday');
  });

  it('turns enum values into words', () => {
    assert.deepEqual(['nice_to_have', 'full_time', 'matchRole', null].map(humanize), ['Nice to have', 'Full time', 'Match role', '—']);
  });
});
