import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { LEGACY_SOURCE, readLegacyRequest } from './legacy-request';

describe('readLegacyRequest', () => {
  it('accepts the description under any of the old keys, with an optional title', () => {
    for (const key of ['jd', 'jd_text', 'job_description', 'description', 'text']) {
      const read = readLegacyRequest({ [key]: 'We need a Python developer.', job_title: 'Developer' });
      assert.deepEqual(read, {
        ok: true,
        request: {
          kind: 'posting',
          posting: { description: 'We need a Python developer.', title: 'Developer', location: null, company: null, source: LEGACY_SOURCE },
        },
      });
    }
  });

  it('reads an earlier run when the body names one and carries no description', () => {
    const runId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
    assert.deepEqual(readLegacyRequest({ run_id: runId, final_skills: [] }), { ok: true, request: { kind: 'run', runId } });
    assert.deepEqual(readLegacyRequest({ run_id: 'run-1' }), {
      ok: false,
      errors: [{ field: 'run_id', messages: ['run_id must be a UUID'] }],
    });
  });

  it('refuses bodies without a usable description, naming the field', () => {
    const fieldsOf = (body: unknown): string[] => {
      const read = readLegacyRequest(body);
      return read.ok ? [] : read.errors.map((error) => error.field);
    };
    assert.deepEqual(fieldsOf({}), ['jd']);
    assert.deepEqual(fieldsOf({ jd: '   ' }), ['jd']);
    assert.deepEqual(fieldsOf({ jd: 42 }), ['jd']);
    assert.deepEqual(fieldsOf({ jd: 'Python developer', title: ['Developer'] }), ['title']);
    assert.deepEqual(fieldsOf({ jd: 'one posting', text: 'another posting' }), ['jd', 'text']);
    assert.deepEqual(fieldsOf(['jd']), ['']);
    assert.deepEqual(fieldsOf(null), ['']);
  });

  it('takes the same description sent under two keys', () => {
    const read = readLegacyRequest({ jd: 'Python developer', jd_text: 'Python developer' });
    assert.equal(read.ok && read.request.kind === 'posting' && read.request.posting.description, 'Python developer');
  });
});
