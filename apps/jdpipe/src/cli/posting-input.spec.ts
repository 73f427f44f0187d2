import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

import { postingFromJson, readPostingInput } from './posting-input';

describe('readPostingInput', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jdpipe-input-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads plain text as the description and lets --title win', () => {
    const file = join(dir, 'posting.txt');
    writeFileSync(file, 'We are hiring a welder.');
    assert.deepEqual(readPostingInput(file, 'Welder'), { description: 'We are hiring a welder.', title: 'Welder' });
  });

  it('reads a JSON posting with its optional fields', () => {
    const file = join(dir, 'posting.json');
    writeFileSync(file, JSON.stringify({ id: 42, title: 'Nurse', description: 'ICU nurse', location: 'Austin' }));
    assert.deepEqual(readPostingInput(file, undefined), {
      postingId: '42',
      title: 'Nurse',
      description: 'ICU nurse',
      location: 'Austin',
      company: null,
      source: null,
    });
  });

  it('says where and what is wrong with a bad JSON posting', () => {
    assert.throws(() => postingFromJson('{"title": "x"', 'batch.jsonl:7'), /batch\.jsonl:7: not valid JSON/);
    assert.throws(() => postingFromJson('{"title": "x"}', 'batch.jsonl:8'), /batch\.jsonl:8: "description" must be a string/);
    assert.throws(() => postingFromJson('[1]', 'x'), /expected a JSON object/);
  });
});
