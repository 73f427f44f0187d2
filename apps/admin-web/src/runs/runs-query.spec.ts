import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { pageWindow, runFilterParams, runFilters, runsApiQuery } from './runs-query.js';

describe('runFilters', () => {
  it('keeps known filters and trims text', () => {
    assert.deepEqual(runFilters({ status: 'failed', role: ' backend-engineer ', q: ' nurse ', from: '2026-11-01', offset: '50' }), {
      status: 'failed',
      role: 'backend-engineer',
      q: 'nurse',
      from: '2026-11-01',
      to: '',
      offset: 50,
    });
  });

  it('drops an unknown status, a malformed date and a bad offset', () => {
    const filters = runFilters({ status: 'exploded', from: '11/01/2026', to: '2026-13-45', offset: '-5' });
    assert.deepEqual([filters.status, filters.from, filters.to, filters.offset], ['', '', '', 0]);
  });
});

describe('runsApiQuery', () => {
  it('sends only the filters that are set, with the page', () => {
    const query = runsApiQuery(runFilters({ q: 'python', offset: '25' }), 25);
    assert.equal(query.toString(), 'q=python&limit=25&offset=25');
  });
});

describe('runFilterParams', () => {
  it('is the inverse of runFilters', () => {
    const params = { status: 'completed', role: 'staff-nurse', q: 'icu', from: '2026-11-01', to: '2026-11-30', offset: '75' };
    assert.deepEqual(runFilterParams(runFilters(params)), params);
  });
});

describe('pageWindow', () => {
  it('describes a middle page', () => {
    assert.deepEqual(pageWindow(120, 25, 50), { first: 51, last: 75, previousOffset: 25, nextOffset: 75 });
  });

  it('ends at the total on the last page and has no next page', () => {
    assert.deepEqual(pageWindow(60, 25, 50), { first: 51, last: 60, previousOffset: 25, nextOffset: null });
  });

  it('describes an empty list', () => {
    assert.deepEqual(pageWindow(0, 25, 0), { first: 0, last: 0, previousOffset: null, nextOffset: null });
  });
});
