import { KafkaEventBus, loadKafkaConfig } from '@jdpipe/kafka';
import { createDataSource } from '@jdpipe/persistence';
import type { ReviewService } from '@jdpipe/review';

import { announcingReviewService } from './review-service.factory';

/** The CLI's producer name on the bus and its Kafka client id. */
export const CLI_PRODUCER = 'cli';

/**
 * Runs `work` with the review service of the Kafka deployment: PostgreSQL from DATABASE_URL, announcements on
 * KAFKA_BROKERS. Without KAFKA_BROKERS it says how the services will still catch up.
 */
export async function withDeploymentReviewService(
  env: NodeJS.ProcessEnv,
  warn: (text: string) => void,
  work: (service: ReviewService) => Promise<number>,
): Promise<number> {
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) throw new Error('the Kafka deployment review needs DATABASE_URL');
  const dataSource = await createDataSource({ kind: 'postgres', url: databaseUrl, schema: env.DATABASE_SCHEMA || undefined });
  const bus = env.KAFKA_BROKERS ? new KafkaEventBus(loadKafkaConfig({ KAFKA_CLIENT_ID: CLI_PRODUCER, ...env })) : null;
  if (!bus) {
    warn('KAFKA_BROKERS is not set: catalog changes are not announced; running services pick them up with their periodic check\n');
  }
  try {
    return await work(announcingReviewService(dataSource, bus, CLI_PRODUCER));
  } finally {
    await bus?.close();
    await dataSource.destroy();
  }
}
