import { Global, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { checkCatalog, loadSeedCatalog } from '@jdpipe/catalog';
import { loadCatalogCheckMs } from '@jdpipe/config';
import { loadLlmConfig, LlmClient, type LlmConfig } from '@jdpipe/llm';
import { EVENT_BUS, type EventBus, type StageLog } from '@jdpipe/messaging';
import {
  CatalogStore,
  createDataSource,
  EmbeddingCacheStore,
  ReviewQueueStore,
  RunStore,
  runMigrations,
  type DatabaseTarget,
} from '@jdpipe/persistence';
import {
  CATALOG_SOURCE,
  CatalogRuntime,
  LLM_ASSIST,
  LlmAssist,
  RUN_RECORDER,
  RunLlmCallCollector,
  STAGE_LOG,
} from '@jdpipe/pipeline-stages';

export interface PipelinePlatformOptions {
  database: DatabaseTarget;
  /** Builds (and connects) the transport; closed on shutdown before the database. */
  createBus(): Promise<EventBus>;
  /**
   * Embedded mode owns its database: it migrates and syncs the seed catalog at start. Services only read the
   * catalog that `jdpipe db migrate` prepared, so four services never race to migrate.
   */
  prepareDatabase: boolean;
  /** Seed catalog folder; undefined = the one shipped in the repository. */
  seedDir?: string;
  /** Where the stages log; services log JSON lines, the embedded CLI nothing. */
  stageLog?: StageLog;
  /** Model settings; undefined = read from the environment (JDPIPE_LLM_MODE, OPENAI_*), offline by default. */
  llm?: LlmConfig;
}

/** Closes the bus first, so in-flight runs finish writing, then the database. */
class PlatformShutdown implements OnApplicationShutdown {
  constructor(
    private readonly bus: EventBus,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.bus.close();
    await this.dataSource.destroy();
  }
}

/**
 * What every stage needs, wired once: the database through the shared entities and migrations, the
 * transport, the compiled catalog and the run recorder. The embedded host and each service import it.
 */
@Global()
@Module({})
export class PipelinePlatformModule {
  static forRoot(options: PipelinePlatformOptions): DynamicModule {
    return {
      module: PipelinePlatformModule,
      providers: [
        {
          provide: DataSource,
          useFactory: async () => {
            const dataSource = await createDataSource(options.database);
            if (options.prepareDatabase) await prepareDatabase(dataSource, options.seedDir);
            return dataSource;
          },
        },
        { provide: EVENT_BUS, useFactory: () => options.createBus() },
        ...(options.stageLog ? [{ provide: STAGE_LOG, useValue: options.stageLog }] : []),
        { provide: CatalogStore, useFactory: (ds: DataSource) => new CatalogStore(ds), inject: [DataSource] },
        { provide: RunStore, useFactory: (ds: DataSource) => new RunStore(ds), inject: [DataSource] },
        { provide: ReviewQueueStore, useFactory: (ds: DataSource) => new ReviewQueueStore(ds), inject: [DataSource] },
        { provide: CATALOG_SOURCE, useExisting: CatalogStore },
        { provide: RUN_RECORDER, useExisting: RunStore },
        {
          provide: CatalogRuntime,
          useFactory: async (store: CatalogStore) => {
            const runtime = new CatalogRuntime(store, { freshnessCheckMs: loadCatalogCheckMs() });
            await runtime.reload();
            return runtime;
          },
          inject: [CatalogStore],
        },
        {
          provide: LLM_ASSIST,
          useFactory: (ds: DataSource) => createLlmAssist(options.llm ?? loadLlmConfig(), ds),
          inject: [DataSource],
        },
        {
          provide: PlatformShutdown,
          useFactory: (bus: EventBus, ds: DataSource) => new PlatformShutdown(bus, ds),
          inject: [EVENT_BUS, DataSource],
        },
      ],
      exports: [
        ...(options.stageLog ? [STAGE_LOG] : []),
        DataSource,
        EVENT_BUS,
        CatalogStore,
        RunStore,
        ReviewQueueStore,
        CATALOG_SOURCE,
        RUN_RECORDER,
        CatalogRuntime,
        LLM_ASSIST,
      ],
    };
  }
}

/**
 * The model client of the stages, built only when the mode is not offline, so an offline deployment never
 * opens a connection to a provider. The start-up model check warns (unknown model, shutdown date) and never
 * stops the pipeline: the stages fall back to offline when calls fail. With JDPIPE_LLM_EMBEDDINGS=on the
 * embeddings are cached in the database.
 */
export async function createLlmAssist(config: LlmConfig, dataSource: DataSource): Promise<LlmAssist> {
  if (config.mode === 'offline') return LlmAssist.offline();
  const calls = new RunLlmCallCollector();
  const client = new LlmClient({ config, sink: calls });
  try {
    for (const check of await client.checkModels()) check.warnings.forEach((warning) => process.emitWarning(warning));
  } catch (error) {
    process.emitWarning(`the model check failed: ${(error as Error).message}`);
  }
  return new LlmAssist(client, calls, config.mode, config.embeddings ? new EmbeddingCacheStore(dataSource) : null);
}

/**
 * Applies the migrations and syncs the seed catalog (a no-op when the seed is unchanged). A seed with errors
 * is reported, then still offered to the store, which refuses dangling references with their list.
 */
export async function prepareDatabase(dataSource: DataSource, seedDir?: string): Promise<number> {
  await runMigrations(dataSource);
  const seed = loadSeedCatalog(seedDir);
  const errors = [
    ...seed.problems.map((p) => `${p.file} ${p.entry}: ${p.message}`),
    ...checkCatalog(seed.catalog)
      .filter((f) => f.severity === 'error')
      .map((f) => f.message),
  ];
  if (errors.length > 0) {
    process.emitWarning(`the seed catalog has ${errors.length} problems (run \`jdpipe catalog check\`); first: ${errors[0]}`);
  }
  return new CatalogStore(dataSource).syncSeed(seed);
}
