import { Global, Module } from '@nestjs/common';

import { PipelineError, STAGE_TOPICS } from '@jdpipe/contracts';
import { wholeNumber } from '@jdpipe/config';
import { DEAD_LETTER_COUNTS, HttpApiModule, POSTING_INTAKE, type DeadLetterCounter } from '@jdpipe/http-api';
import { KafkaDeadLetterCounter, loadKafkaConfig } from '@jdpipe/kafka';
import { EVENT_BUS, type EventBus } from '@jdpipe/messaging';
import { CatalogStore, ReviewQueueStore, RunStore } from '@jdpipe/persistence';
import { announceCatalogChange, CatalogRuntime } from '@jdpipe/pipeline-stages';
import { ReviewService } from '@jdpipe/review';
import { ServicePlatformModule } from '@jdpipe/runtime';

import { KafkaPostingIntake } from './posting-intake/kafka-posting-intake';

const SERVICE = 'gateway';

/** JDPIPE_RUN_TIMEOUT_MS: how long the synchronous endpoints wait for a run before answering 504. */
function runWaitMs(env: NodeJS.ProcessEnv = process.env): number {
  const problems: string[] = [];
  const value = wholeNumber(env, 'JDPIPE_RUN_TIMEOUT_MS', 60_000, 1, 3_600_000, problems);
  if (problems.length > 0) throw new PipelineError('INPUT.INVALID', `invalid configuration for ${SERVICE}: ${problems.join('; ')}`);
  return value;
}

/**
 * What the gateway gives the API, globally: Kafka intake, review decisions announced to every stage, and the
 * dead letters the stage topics' `.dlq` siblings hold.
 */
@Global()
@Module({
  providers: [
    {
      provide: POSTING_INTAKE,
      useFactory: (bus: EventBus, runs: RunStore) => new KafkaPostingIntake(bus, runs, { producer: SERVICE, runWaitMs: runWaitMs() }),
      inject: [EVENT_BUS, RunStore],
    },
    {
      provide: ReviewService,
      useFactory: (queue: ReviewQueueStore, catalog: CatalogStore, runtime: CatalogRuntime, bus: EventBus) =>
        new ReviewService(queue, catalog, async (version) => {
          await runtime.reload();
          await announceCatalogChange(bus, { catalogVersion: version, reason: 'review decision' }, SERVICE);
        }),
      inject: [ReviewQueueStore, CatalogStore, CatalogRuntime, EVENT_BUS],
    },
    {
      provide: DEAD_LETTER_COUNTS,
      useFactory: (): DeadLetterCounter & { onApplicationShutdown(): Promise<void> } => {
        const counter = new KafkaDeadLetterCounter(loadKafkaConfig({ KAFKA_CLIENT_ID: SERVICE, ...process.env }), STAGE_TOPICS);
        // Nest calls the hook on the provided object: the counter's admin connection closes with the app.
        return { count: () => counter.count(), onApplicationShutdown: () => counter.close() };
      },
    },
  ],
  exports: [POSTING_INTAKE, ReviewService, DEAD_LETTER_COUNTS],
})
class GatewayApiHostModule {}

/**
 * The HTTP edge of the Kafka deployment: postings in as `jobs.posted.v1`, and the API's reads (runs, review,
 * catalog, stats) from PostgreSQL. A review decision announces the catalog change so every stage reloads.
 */
@Module({ imports: [ServicePlatformModule.forRoot(SERVICE), GatewayApiHostModule, HttpApiModule] })
export class AppModule {}
