import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { parseRoute, routeHash, type Route } from './route.js';

describe('parseRoute', () => {
  it('reads the runs list with its filters', () => {
    assert.deepEqual(parseRoute('#/runs?status=failed&q=nurse'), { page: 'runs', filters: { status: 'failed', q: 'nurse' } });
  });

  it('reads a run page and decodes its id', () => {
    assert.deepEqual(parseRoute('#/runs/run%2F1'), { page: 'run', runId: 'run/1' });
  });

  it('reads catalog kind, slug and search text, defaulting to skills', () => {
    assert.deepEqual(parseRoute('#/catalog/roles/backend-engineer?q=back'), {
      page: 'catalog',
      kind: 'roles',
      slug: 'backend-engineer',
      q: 'back',
    });
    assert.deepEqual(parseRoute('#/catalog/unknown'), { page: 'catalog', kind: 'skills', slug: null, q: '' });
  });

  it('sends an empty or unknown hash to the runs list', () => {
    assert.deepEqual(parseRoute(''), { page: 'runs', filters: {} });
    assert.deepEqual(parseRoute('#/nowhere'), { page: 'runs', filters: {} });
  });

  it('keeps a malformed escape as it is instead of failing', () => {
    assert.deepEqual(parseRoute('#/runs/%E0%A4%A'), { page: 'run', runId: '%E0%A4%A' });
  });
});

describe('routeHash', () => {
  it('round-trips every kind of route', () => {
    const routes: Route[] = [
      { page: 'runs', filters: { status: 'completed', role: 'backend-engineer', offset: '50' } },
      { page: 'run', runId: 'a b/c' },
      { page: 'review' },
      { page: 'dashboard' },
      { page: 'catalog', kind: 'dimensions', slug: 'data & ml', q: 'ml' },
    ];
    for (const route of routes) assert.deepEqual(parseRoute(routeHash(route)), route);
  });

  it('leaves empty filters out of the hash', () => {
    assert.equal(routeHash({ page: 'runs', filters: { status: '', q: 'x' } }), '#/runs?q=x');
  });
});
