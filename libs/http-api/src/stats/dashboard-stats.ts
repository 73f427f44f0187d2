import type { PipelineStats, StatsQuery } from '@jdpipe/persistence';

import type { DeadLetterCounter, DeadLetterCounts } from './dead-letter-counts.port';

/** The stats answer: the database's aggregates and, where the host counts them, its dead letters. */
export interface DashboardStatsAnswer extends PipelineStats {
  /** Absent when the host has no dead-letter topics; null when they could not be counted this time. */
  deadLetters?: DeadLetterCounts | null;
}

/**
 * Puts the dead-letter counts next to the database's numbers. A broker that does not answer must not take
 * the dashboard down with it: the counts are then null and a warning is logged.
 */
export class DashboardStats {
  constructor(
    private readonly store: { stats(query: StatsQuery): Promise<PipelineStats> },
    private readonly deadLetters: DeadLetterCounter | null,
    private readonly warn: (message: string) => void,
  ) {}

  async read(query: StatsQuery): Promise<DashboardStatsAnswer> {
    const counter = this.deadLetters;
    if (!counter) return this.store.stats(query);
    const [stats, deadLetters] = await Promise.all([this.store.stats(query), this.countDeadLetters(counter)]);
    return { ...stats, deadLetters };
  }

  private async countDeadLetters(counter: DeadLetterCounter): Promise<DeadLetterCounts | null> {
    try {
      return await counter.count();
    } catch (error) {
      this.warn(
        `dead letters could not be counted, the stats answer without them: ${error instanceof Error ? error.message : String(error)}`,
      );
      return null;
    }
  }
}
