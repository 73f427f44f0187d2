import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { PROPOSAL_KINDS as SERVER_PROPOSAL_KINDS } from '@jdpipe/contracts';

import { PROPOSAL_KINDS } from './api-types.js';

describe('admin view of the API', () => {
  it('offers the proposal kinds the server produces, in the same order', () => {
    assert.deepEqual([...PROPOSAL_KINDS], [...SERVER_PROPOSAL_KINDS]);
  });
});
