import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { distinctEvidence } from './review-evidence.js';

describe('distinctEvidence', () => {
  it('shows a repeated quote once, with its count and its latest run', () => {
    const shown = distinctEvidence(
      [
        { runId: 'r1', evidence: 'Experience with Zorblax Streams', seenAt: '2026-11-25T10:00:00Z' },
        { runId: 'r3', evidence: 'Experience with Zorblax Streams', seenAt: '2026-11-25T12:00:00Z' },
        { runId: 'r2', evidence: 'Experience with Zorblax Streams ', seenAt: '2026-11-25T11:00:00Z' },
      ],
      3,
    );
    assert.deepEqual(shown, [{ text: 'Experience with Zorblax Streams', count: 3, latestRunId: 'r3' }]);
  });

  it('orders quotes by frequency, then recency, skips empty ones and keeps the limit', () => {
    const shown = distinctEvidence(
      [
        { runId: 'a', evidence: 'old single', seenAt: '2026-11-01T00:00:00Z' },
        { runId: 'b', evidence: 'twice', seenAt: '2026-11-02T00:00:00Z' },
        { runId: 'c', evidence: null, seenAt: '2026-11-05T00:00:00Z' },
        { runId: 'd', evidence: 'twice', seenAt: '2026-11-03T00:00:00Z' },
        { runId: 'e', evidence: 'new single', seenAt: '2026-11-04T00:00:00Z' },
      ],
      2,
    );
    assert.deepEqual(
      shown.map((entry) => [entry.text, entry.count]),
      [
        ['twice', 2],
        ['new single', 1],
      ],
    );
  });
});
