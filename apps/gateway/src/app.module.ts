import { Module } from '@nestjs/common';

import { loadKafkaConfig, KafkaEventBus } from '@jdpipe/kafka';
import { EVENT_BUS, type EventBus } from '@jdpipe/messaging';
import { HealthModule } from '@jdpipe/runtime';

import { SubmitPostingsController } from './submit-postings/submit-postings.controller';
import { SubmitPostingsHandler } from './submit-postings/submit-postings.handler';

/** The ingest edge: HTTP in, `jobs.posted.v1` out. It holds no database. */
@Module({
  imports: [HealthModule],
  controllers: [SubmitPostingsController],
  providers: [
    {
      provide: EVENT_BUS,
      useFactory: async () => {
        const bus = new KafkaEventBus(loadKafkaConfig({ KAFKA_CLIENT_ID: 'gateway', ...process.env }));
        await bus.connect();
        return bus;
      },
    },
    { provide: SubmitPostingsHandler, useFactory: (bus: EventBus) => new SubmitPostingsHandler(bus, 'gateway'), inject: [EVENT_BUS] },
  ],
})
export class AppModule {}
