import { Module, type DynamicModule } from '@nestjs/common';

import { loadServiceConfig } from '@jdpipe/config';
import { KafkaEventBus, loadKafkaConfig } from '@jdpipe/kafka';
import { CatalogChangesModule } from '@jdpipe/pipeline-stages';
import { createJsonLogger, PipelineMetrics } from '@jdpipe/telemetry';

import { HealthModule } from '../health/health.module';
import { PipelinePlatformModule } from '../pipeline-platform/pipeline-platform.module';

/**
 * The platform of one stage service in the Kafka deployment: PostgreSQL from DATABASE_URL (prepared by
 * `jdpipe db migrate`, never by a service), the Kafka bus with the app name as client id, catalog change
 * announcements and health checks.
 */
@Module({})
export class ServicePlatformModule {
  static forRoot(serviceName: string, env: NodeJS.ProcessEnv = process.env): DynamicModule {
    const config = loadServiceConfig(serviceName, env);
    const kafka = loadKafkaConfig({ KAFKA_CLIENT_ID: serviceName, ...env });
    return {
      module: ServicePlatformModule,
      imports: [
        PipelinePlatformModule.forRoot({
          database: { kind: 'postgres', url: config.databaseUrl, schema: config.databaseSchema },
          createBus: async () => {
            const bus = new KafkaEventBus(kafka);
            await bus.connect();
            // Read at each metric collection (only when metrics are exported): lag per stage and partition.
            new PipelineMetrics().observeConsumerLag(async () =>
              (await bus.subscribedLag()).map((p) => ({ stage: p.group, topic: p.topic, partition: p.partition, lag: p.lag })),
            );
            return bus;
          },
          prepareDatabase: false,
          stageLog: createJsonLogger(serviceName),
        }),
        // Every instance reloads its matchers on `catalog.changed.v1`, without a restart.
        CatalogChangesModule.forService(serviceName),
        HealthModule,
      ],
    };
  }
}
