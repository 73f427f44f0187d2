import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { Catalog } from '@jdpipe/catalog';
import { CatalogChangedV1, CONTROL_TOPICS, decodeEvent } from '@jdpipe/contracts';
import { InProcessEventBus, type BusMessage, type StageLog } from '@jdpipe/messaging';

import { CatalogRuntime } from '../catalog-runtime/catalog-runtime';
import { announceCatalogChange, catalogChangedEvent } from './catalog-change.announcer';
import { CatalogChangeListener, catalogListenerGroup } from './catalog-change.listener';

function emptyCatalog(version: number): Catalog {
  return { version, skills: [], dimensions: [], roles: [], domains: [] };
}

class RecordingLog implements StageLog {
  readonly lines: Array<{ level: string; msg: string; fields?: Record<string, unknown> }> = [];
  info(msg: string, fields?: Record<string, unknown>): void {
    this.lines.push({ level: 'info', msg, fields });
  }
  warn(msg: string, fields?: Record<string, unknown>): void {
    this.lines.push({ level: 'warn', msg, fields });
  }
  error(msg: string, fields?: Record<string, unknown>): void {
    this.lines.push({ level: 'error', msg, fields });
  }
}

/** Two instances of a service on one bus, each with its own runtime over one shared "database" version. */
async function twoInstances(database: { version: number; failLoads?: boolean }) {
  const bus = new InProcessEventBus();
  const instances = await Promise.all(
    [1, 2].map(async () => {
      const runtime = new CatalogRuntime({
        loadCatalog: () =>
          database.failLoads ? Promise.reject(new Error('database is down')) : Promise.resolve(emptyCatalog(database.version)),
        latestVersion: () => Promise.resolve(database.version),
      });
      await runtime.reload();
      const log = new RecordingLog();
      const listener = new CatalogChangeListener(bus, runtime, catalogListenerGroup('skill-resolver'), log);
      await listener.onApplicationBootstrap();
      return { runtime, log };
    }),
  );
  return { bus, instances };
}

function message(value: string): BusMessage {
  return { topic: CONTROL_TOPICS.catalogChanged, partition: 0, offset: '0', key: 'catalog', value: Buffer.from(value), headers: {} };
}

describe('catalog change announcements', () => {
  it('publish a valid catalog.changed.v1 event under the one catalog key', async () => {
    const bus = new InProcessEventBus();
    const seen: BusMessage[] = [];
    await bus.subscribe(CONTROL_TOPICS.catalogChanged, 'observer', (received) => {
      seen.push(received);
      return Promise.resolve();
    });
    await announceCatalogChange(bus, { catalogVersion: 7, reason: 'review: approve alias pyspark' }, 'gateway');
    await bus.drain();
    assert.equal(seen.length, 1);
    assert.equal(seen[0]!.key, 'catalog');
    const event = decodeEvent(CatalogChangedV1, seen[0]!.value);
    assert.equal(event.catalogVersion, 7);
    assert.equal(event.producer, 'gateway');
    assert.equal(event.reason, 'review: approve alias pyspark');
  });

  it('reach every instance, each in a consumer group of its own, and each reloads', async () => {
    const database = { version: 1 };
    const { bus, instances } = await twoInstances(database);
    database.version = 2;
    await announceCatalogChange(bus, { catalogVersion: 2, reason: 'review: approve skill Zorbflow' }, 'cli');
    await bus.drain();
    for (const { runtime, log } of instances) {
      assert.equal(runtime.loadedVersion, 2);
      assert.equal(log.lines[0]?.msg, 'catalog reloaded');
      assert.equal(log.lines[0]?.fields?.previousVersion, 1);
    }
  });

  it('are idempotent: an announcement seen again, or one older than the loaded catalog, reloads nothing', async () => {
    const database = { version: 3 };
    const { bus, instances } = await twoInstances(database);
    await announceCatalogChange(bus, { catalogVersion: 3, reason: 'already loaded' }, 'cli');
    await announceCatalogChange(bus, { catalogVersion: 2, reason: 'older' }, 'cli');
    await bus.drain();
    for (const { log } of instances) assert.deepEqual(log.lines, []);
  });

  it('never fail the consumer: unreadable announcements and failed reloads are logged and left to the periodic check', async () => {
    const database = { version: 1, failLoads: false };
    const { instances } = await twoInstances(database);
    const listener = new CatalogChangeListener(new InProcessEventBus(), instances[0]!.runtime, 'g', instances[0]!.log);
    assert.equal(await listener.handle(message('{"not":"an event"}')), null);
    database.version = 2;
    database.failLoads = true;
    assert.equal(await listener.handle(message(JSON.stringify(catalogChangedEvent({ catalogVersion: 2, reason: 'x' }, 'cli')))), null);
    assert.deepEqual(
      instances[0]!.log.lines.map((line) => [line.level, line.msg]),
      [
        ['warn', 'ignored an unreadable catalog change announcement'],
        ['error', 'catalog reload failed; the periodic version check will retry'],
      ],
    );
    assert.equal(instances[0]!.runtime.loadedVersion, 1);
  });

  it('name a group per instance after the app', () => {
    const first = catalogListenerGroup('parser');
    assert.match(first, /^parser\.catalog\.[0-9a-f-]{36}$/);
    assert.notEqual(first, catalogListenerGroup('parser'));
  });
});
