import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';

import type { RunDocument } from '@jdpipe/contracts';

/** The repository root, from src or dist. */
function repoRoot(): string {
  for (let dir = __dirname; ; dir = resolve(dir, '..')) {
    if (existsSync(join(dir, 'apps', 'jdpipe', 'bin', 'jdpipe.js'))) return dir;
    if (resolve(dir, '..') === dir) throw new Error('repository root not found');
  }
}

const LOGIN_LINK = /(http:\/\/127\.0\.0\.1:\d+)(\/admin\/login\?token=\S+)/;

// `jdpipe serve` as a person starts it: the printed login link, a posting through the API, the stored run.
describe('jdpipe serve', () => {
  const home = mkdtempSync(join(tmpdir(), 'jdpipe-serve-home-'));
  let child: ChildProcessWithoutNullStreams;
  let output = '';
  let baseUrl = '';
  let loginPath = '';

  before(async () => {
    const root = repoRoot();
    child = spawn(process.execPath, [join(root, 'apps', 'jdpipe', 'bin', 'jdpipe.js'), 'serve', '--port', '0', '--no-open'], {
      cwd: root,
      env: { ...process.env, HOME: home, JDPIPE_DATA_DIR: ':memory:', NO_COLOR: '1' },
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    [, baseUrl, loginPath] = await new Promise<RegExpExecArray>((resolveLink, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const link = LOGIN_LINK.exec(output);
        if (link) resolveLink(link);
      });
      child.once('exit', (code) => reject(new Error(`jdpipe serve exited with ${code} before printing a login link:\n${output}`)));
    });
  });
  after(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(home, { recursive: true, force: true });
  });

  it('gives the runs it makes a trace id, and stops on SIGTERM', async () => {
    const login = await fetch(`${baseUrl}${loginPath}`, { redirect: 'manual' });
    assert.equal(login.status, 303);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const accepted = await fetch(`${baseUrl}/v1/postings`, {
      method: 'POST',
      headers: { cookie, 'x-requested-with': 'jdpipe-admin', 'content-type': 'application/json' },
      body: readFileSync(join(repoRoot(), 'examples', 'data-analyst.json'), 'utf8'),
    });
    assert.equal(accepted.status, 202);
    const { runs } = (await accepted.json()) as { runs: Array<{ runId: string }> };

    let run: RunDocument | undefined;
    for (let attempt = 0; attempt < 120 && !run; attempt += 1) {
      const response = await fetch(`${baseUrl}/v1/runs/${runs[0]!.runId}`, { headers: { cookie } });
      if (response.status === 200) run = (await response.json()) as RunDocument;
      else await new Promise((wait) => setTimeout(wait, 250));
    }
    assert.ok(run, `run ${runs[0]!.runId} was not stored:\n${output}`);
    assert.equal(run.status, 'completed');
    assert.match(run.traceId ?? '', /^[0-9a-f]{32}$/);

    const exited = new Promise<number | null>((resolveExit) => child.once('exit', resolveExit));
    child.kill('SIGTERM');
    assert.equal(await exited, 0, output);
    assert.match(output, /SIGTERM: stopping/);
  });
});
