import { Logger, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { StatsStore } from '@jdpipe/persistence';

import { DashboardStats } from './dashboard-stats';
import { DEAD_LETTER_COUNTS, type DeadLetterCounter } from './dead-letter-counts.port';
import { StatsController } from './stats.controller';

/** `GET /v1/stats`, aggregated in the database; dead letters too when the host provides `DEAD_LETTER_COUNTS`. */
@Module({
  controllers: [StatsController],
  providers: [
    { provide: StatsStore, useFactory: (dataSource: DataSource) => new StatsStore(dataSource), inject: [DataSource] },
    {
      provide: DashboardStats,
      useFactory: (store: StatsStore, deadLetters: DeadLetterCounter | undefined) => {
        const logger = new Logger('Stats');
        return new DashboardStats(store, deadLetters ?? null, (message) => logger.warn(message));
      },
      inject: [StatsStore, { token: DEAD_LETTER_COUNTS, optional: true }],
    },
  ],
})
export class StatsApiModule {}
