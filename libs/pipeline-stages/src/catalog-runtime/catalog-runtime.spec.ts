import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { Catalog } from '@jdpipe/catalog';

import { CatalogRuntime, type CatalogSource } from './catalog-runtime';

/** A database stand-in: a version that moves when the test says so, counting loads and version queries. */
class VersionedSource implements CatalogSource {
  version = 1;
  loads = 0;
  versionQueries = 0;
  failVersionQuery = false;
  private releaseLoad: (() => void) | null = null;
  holdLoads = false;

  async loadCatalog(): Promise<Catalog> {
    this.loads += 1;
    const version = this.version;
    if (this.holdLoads) await new Promise<void>((resolve) => (this.releaseLoad = resolve));
    return { version, skills: [], dimensions: [], roles: [], domains: [] };
  }

  latestVersion(): Promise<number | null> {
    this.versionQueries += 1;
    return this.failVersionQuery ? Promise.reject(new Error('database is down')) : Promise.resolve(this.version);
  }

  release(): void {
    this.releaseLoad?.();
  }
}

async function loadedRuntime(source: VersionedSource, clock = { now: 0 }, freshnessCheckMs = 30_000): Promise<CatalogRuntime> {
  const runtime = new CatalogRuntime(source, { freshnessCheckMs, now: () => clock.now });
  await runtime.reload();
  return runtime;
}

describe('CatalogRuntime.catchUp', () => {
  it('skips when the loaded version is already the announced one or newer', async () => {
    const source = new VersionedSource();
    source.version = 4;
    const runtime = await loadedRuntime(source);
    assert.deepEqual(await runtime.catchUp(4), { reloaded: false, previousVersion: 4, loadedVersion: 4, reloadMs: 0 });
    assert.equal((await runtime.catchUp(2)).reloaded, false);
    assert.equal(source.loads, 1);
  });

  it('reloads when the announced version is newer, and a repeated announcement is a no-op', async () => {
    const source = new VersionedSource();
    const runtime = await loadedRuntime(source);
    source.version = 2;
    const outcome = await runtime.catchUp(2);
    assert.equal(outcome.reloaded, true);
    assert.equal(outcome.previousVersion, 1);
    assert.equal(outcome.loadedVersion, 2);
    assert.equal(runtime.loadedVersion, 2);
    assert.equal((await runtime.catchUp(2)).reloaded, false);
    assert.equal(source.loads, 2);
  });

  it('resolves an announcement without a version against the latest version in the store', async () => {
    const source = new VersionedSource();
    const runtime = await loadedRuntime(source);
    assert.equal((await runtime.catchUp(null)).reloaded, false);
    source.version = 3;
    assert.equal((await runtime.catchUp(null)).loadedVersion, 3);
    assert.equal(source.loads, 2);
  });

  it('lets concurrent announcements share one reload', async () => {
    const source = new VersionedSource();
    const runtime = await loadedRuntime(source);
    source.version = 2;
    source.holdLoads = true;
    const first = runtime.catchUp(2);
    const second = runtime.catchUp(2);
    await new Promise((resolve) => setImmediate(resolve));
    source.release();
    const outcomes = await Promise.all([first, second]);
    assert.deepEqual(
      outcomes.map((outcome) => outcome.loadedVersion),
      [2, 2],
    );
    assert.equal(source.loads, 2, 'one start-up load and one shared reload');
  });

  it('reads again when the reload it joined started before the announced version existed', async () => {
    const source = new VersionedSource();
    const runtime = await loadedRuntime(source);
    source.holdLoads = true;
    const staleReload = runtime.reload(); // reads version 1, still in flight
    await new Promise((resolve) => setImmediate(resolve));
    source.version = 2;
    const caughtUp = runtime.catchUp(2);
    source.holdLoads = false;
    source.release();
    await staleReload;
    assert.equal((await caughtUp).loadedVersion, 2);
  });
});

describe('CatalogRuntime.current: the safety net for missed announcements', () => {
  it('asks the store for its version at most once per interval and catches up when it is behind', async () => {
    const source = new VersionedSource();
    const clock = { now: 0 };
    const runtime = await loadedRuntime(source, clock, 30_000);
    await runtime.current();
    assert.equal(source.versionQueries, 1);

    source.version = 5; // changed, but the announcement never arrived
    clock.now = 10_000;
    assert.equal((await runtime.current()).index.version, 1, 'within the interval the loaded catalog is used as is');
    assert.equal(source.versionQueries, 1);

    clock.now = 30_000;
    assert.equal((await runtime.current()).index.version, 5);
    assert.equal(source.versionQueries, 2);
    assert.equal(source.loads, 2);
  });

  it('keeps serving the loaded catalog when the version query fails, and tries again an interval later', async () => {
    const source = new VersionedSource();
    const clock = { now: 0 };
    const runtime = await loadedRuntime(source, clock, 1_000);
    source.failVersionQuery = true;
    source.version = 2;
    assert.equal((await runtime.current()).index.version, 1);
    source.failVersionQuery = false;
    clock.now = 1_000;
    assert.equal((await runtime.current()).index.version, 2);
  });

  it('never queries when the check is off or the source cannot tell its version', async () => {
    const source = new VersionedSource();
    const runtime = await loadedRuntime(source, { now: 100_000 }, 0);
    await runtime.current();
    assert.equal(source.versionQueries, 0);
    const versionless = new CatalogRuntime({ loadCatalog: () => source.loadCatalog() });
    await versionless.current();
    await versionless.current();
    assert.equal(source.versionQueries, 0);
  });
});
