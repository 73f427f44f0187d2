import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';

import type { RunDocument } from '@jdpipe/contracts';

/** The repository root, from src or dist. */
function repoRoot(): string {
  for (let dir = __dirname; ; dir = resolve(dir, '..')) {
    if (existsSync(join(dir, 'apps', 'jdpipe', 'bin', 'jdpipe.js'))) return dir;
    if (resolve(dir, '..') === dir) throw new Error('repository root not found');
  }
}

// The user's path, as a newcomer takes it: the installed command, a fresh home folder, real files.
describe('the jdpipe command', () => {
  const root = repoRoot();
  const home = mkdtempSync(join(tmpdir(), 'jdpipe-home-'));
  after(() => rmSync(home, { recursive: true, force: true }));

  const jdpipe = (...args: string[]) =>
    spawnSync(process.execPath, [join(root, 'apps', 'jdpipe', 'bin', 'jdpipe.js'), ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, HOME: home, JDPIPE_DATA_DIR: '', NO_COLOR: '1' },
      timeout: 120_000,
    });

  it('runs a posting on a fresh machine, keeping the database in ~/.jdpipe/data', () => {
    const result = jdpipe('run', 'examples/senior-developer.txt', '--json');
    assert.equal(result.status, 0, result.stderr);
    const run = JSON.parse(result.stdout) as RunDocument;
    assert.equal(run.status, 'completed');
    assert.equal(run.parsed?.ctc?.currency, 'INR');
    assert.ok(run.skills.some((s) => s.slug === 'python'));
    assert.ok(existsSync(join(home, '.jdpipe', 'data')), 'the data folder was not created');
  });

  it('prints a readable report without --json, and a rejection for a recipe', () => {
    const report = jdpipe('run', 'examples/staff-nurse.txt');
    assert.equal(report.status, 0, report.stderr);
    assert.match(report.stdout, /^Role$/m);
    assert.match(report.stdout, /Registered Nurse/);
    const recipe = jdpipe('run', 'examples/recipe.txt');
    assert.equal(recipe.status, 0, recipe.stderr);
    assert.match(recipe.stdout, /rejected/);
    assert.match(recipe.stdout, /PARSE\.NOT_A_JD/);
  });

  it('runs a batch, reporting and skipping the malformed line, and writes one run a line', () => {
    const out = join(home, 'runs.jsonl');
    const result = jdpipe('batch', 'examples/batch.jsonl', '--out', out);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /examples\/batch\.jsonl:7: not valid JSON/);
    assert.match(result.stderr, /12 completed, 0 rejected, 0 failed, 1 bad lines skipped/);
    const runs = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as RunDocument);
    assert.equal(runs.length, 12);
    assert.equal(new Set(runs.map((r) => r.runId)).size, 12);
  });

  it('says what is wrong with a missing file, in one line, with exit code 1', () => {
    const result = jdpipe('run', 'examples/no-such-file.txt');
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^jdpipe: .*no-such-file\.txt/m);
    assert.doesNotMatch(result.stderr, /ExceptionHandler/);
  });
});
