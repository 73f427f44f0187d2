import { Module, type DynamicModule } from '@nestjs/common';

import type { EmbeddedConfig } from '@jdpipe/config';
import { loadLlmConfig, type LlmConfig } from '@jdpipe/llm';
import { EVENT_BUS, InProcessEventBus, type EventBus } from '@jdpipe/messaging';
import { RunStore } from '@jdpipe/persistence';
import { ParserStageModule, PersisterStageModule, RoleMatcherStageModule, SkillResolverStageModule } from '@jdpipe/pipeline-stages';
import { PipelinePlatformModule } from '@jdpipe/runtime';

import { PostingSubmitter } from '../ingest/posting-submitter';

/**
 * All four stages in one process: PGlite through the same entities and migrations as PostgreSQL, the
 * in-process bus, the seed catalog synced at start, and the CLI's ingest edge.
 */
@Module({})
export class EmbeddedModule {
  /** `llm` undefined = the model settings of the environment (offline unless JDPIPE_LLM_MODE says otherwise). */
  static forRoot(config: EmbeddedConfig, llm: LlmConfig = loadLlmConfig()): DynamicModule {
    return {
      module: EmbeddedModule,
      imports: [
        PipelinePlatformModule.forRoot({
          database: { kind: 'pglite', dataDir: config.dataDir },
          createBus: () => Promise.resolve(new InProcessEventBus()),
          prepareDatabase: true,
          seedDir: config.seedDir ?? undefined,
          llm,
        }),
        ParserStageModule,
        RoleMatcherStageModule,
        SkillResolverStageModule,
        PersisterStageModule,
      ],
      providers: [
        {
          provide: PostingSubmitter,
          useFactory: async (bus: EventBus, runs: RunStore) => {
            const submitter = new PostingSubmitter(bus, runs, config.runTimeoutMs, llm.mode);
            await submitter.listen();
            return submitter;
          },
          inject: [EVENT_BUS, RunStore],
        },
      ],
      exports: [PostingSubmitter],
    };
  }
}
