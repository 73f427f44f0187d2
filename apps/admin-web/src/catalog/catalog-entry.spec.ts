import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { entryFields, labelFor } from './catalog-entry.js';

describe('labelFor', () => {
  it('turns camelCase and snake_case keys into words', () => {
    assert.deepEqual(['externalId', 'core_skills', 'volatility', 'kras'].map(labelFor), [
      'External id',
      'Core skills',
      'Volatility',
      'KRAs',
    ]);
  });
});

describe('entryFields', () => {
  it('shows a skill profile: scalars as text, aliases as chips with their type, heading keys left out', () => {
    const fields = entryFields({
      slug: 'python',
      name: 'Python',
      catalogVersion: 4,
      volatility: 'STABLE',
      subCategory: null,
      aliases: [
        { text: 'Python', type: 'canonical', match: 'case_insensitive', context: [] },
        { text: 'py', type: 'abbreviation', match: 'case_sensitive', context: ['code'], source: 'seed' },
      ],
    });
    assert.deepEqual(fields, [
      { label: 'Volatility', kind: 'text', value: 'STABLE' },
      { label: 'Sub category', kind: 'text', value: '—' },
      {
        label: 'Aliases',
        kind: 'chips',
        chips: [
          { text: 'Python', slug: null, note: 'canonical' },
          { text: 'py', slug: null, note: 'abbreviation' },
        ],
      },
    ]);
  });

  it('links chips that name other catalog entries', () => {
    const [dimensions] = entryFields({ dimensions: [{ slug: 'backend-api', name: 'Backend API Development' }] });
    assert.deepEqual(dimensions, {
      label: 'Dimensions',
      kind: 'chips',
      chips: [{ text: 'Backend API Development', slug: 'backend-api', note: null }],
    });
  });

  it('lays out richer records, such as history, as a table', () => {
    const [history] = entryFields({
      history: [
        {
          action: 'approve',
          actor: 'reviewer',
          catalogVersion: 5,
          at: '2026-11-25T10:00:00Z',
          undone: false,
          effects: [{ type: 'skill_created', slug: 'x' }],
        },
        { action: 'import', actor: 'esco', at: '2026-11-24T10:00:00Z', effects: [] },
      ],
    });
    assert.deepEqual(history, {
      label: 'History',
      kind: 'records',
      columns: ['Action', 'Actor', 'Catalog version', 'At', 'Undone', 'Effects'],
      rows: [
        ['approve', 'reviewer', '5', '25 Nov 2026, 10:00 UTC', 'no', 'skill_created'],
        ['import', 'esco', '—', '24 Nov 2026, 10:00 UTC', '—', '—'],
      ],
    });
  });

  it('shows plain string lists and nested objects as chips', () => {
    assert.deepEqual(entryFields({ kras: ['design APIs'], counts: { runs: 3 } }), [
      { label: 'KRAs', kind: 'chips', chips: [{ text: 'design APIs', slug: null, note: null }] },
      { label: 'Counts', kind: 'chips', chips: [{ text: 'Runs: 3', slug: null, note: null }] },
    ]);
  });
});
