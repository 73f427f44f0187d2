import { Global, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { checkCatalog, loadSeedCatalog } from '@jdpipe/catalog';
import type { EmbeddedConfig } from '@jdpipe/config';
import { EVENT_BUS, InProcessEventBus, type EventBus } from '@jdpipe/messaging';
import { CatalogStore, createDataSource, ReviewQueueStore, RunStore, runMigrations } from '@jdpipe/persistence';
import { CATALOG_SOURCE, CatalogRuntime, RUN_RECORDER } from '@jdpipe/pipeline-stages';

import { PostingSubmitter } from '../ingest/posting-submitter';

/** Closes what the embedded platform opened, bus first so in-flight runs finish writing. */
class EmbeddedShutdown implements OnApplicationShutdown {
  constructor(private readonly bus: EventBus, private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    await this.bus.close();
    await this.dataSource.destroy();
  }
}

/**
 * Everything the four stages need, in one process: PGlite through the same entities and migrations as
 * PostgreSQL, the in-process bus, and the catalog synced from the seed files and compiled once.
 */
@Global()
@Module({})
export class EmbeddedPlatformModule {
  static forRoot(config: EmbeddedConfig): DynamicModule {
    return {
      module: EmbeddedPlatformModule,
      providers: [
        {
          provide: DataSource,
          useFactory: async () => {
            const dataSource = await createDataSource({ kind: 'pglite', dataDir: config.dataDir });
            await runMigrations(dataSource);
            return dataSource;
          },
        },
        { provide: EVENT_BUS, useValue: new InProcessEventBus() },
        { provide: CatalogStore, useFactory: (ds: DataSource) => new CatalogStore(ds), inject: [DataSource] },
        { provide: RunStore, useFactory: (ds: DataSource) => new RunStore(ds), inject: [DataSource] },
        { provide: ReviewQueueStore, useFactory: (ds: DataSource) => new ReviewQueueStore(ds), inject: [DataSource] },
        { provide: CATALOG_SOURCE, useExisting: CatalogStore },
        { provide: RUN_RECORDER, useExisting: RunStore },
        {
          provide: CatalogRuntime,
          useFactory: async (store: CatalogStore) => {
            const seed = loadSeedCatalog(config.seedDir ?? undefined);
            const errors = [...seed.problems.map((p) => `${p.file} ${p.entry}: ${p.message}`),
              ...checkCatalog(seed.catalog).filter((f) => f.severity === 'error').map((f) => f.message)];
            if (errors.length > 0) {
              process.emitWarning(`the seed catalog has ${errors.length} problems (run \`jdpipe catalog check\`); first: ${errors[0]}`);
            }
            await store.syncSeed(seed);
            const runtime = new CatalogRuntime(store);
            await runtime.reload();
            return runtime;
          },
          inject: [CatalogStore],
        },
        {
          provide: EmbeddedShutdown,
          useFactory: (bus: EventBus, ds: DataSource) => new EmbeddedShutdown(bus, ds),
          inject: [EVENT_BUS, DataSource],
        },
        {
          provide: PostingSubmitter,
          useFactory: async (bus: EventBus, runs: RunStore) => {
            const submitter = new PostingSubmitter(bus, runs, config.runTimeoutMs);
            await submitter.listen();
            return submitter;
          },
          inject: [EVENT_BUS, RunStore],
        },
      ],
      exports: [DataSource, EVENT_BUS, CatalogStore, RunStore, ReviewQueueStore, CATALOG_SOURCE, RUN_RECORDER, CatalogRuntime, PostingSubmitter],
    };
  }
}
