/** Records one dead-letter topic holds. */
export interface DeadLetterTopicCount {
  /** Logical topic name, e.g. `jobs.posted.v1.dlq`. */
  topic: string;
  count: number;
}

/** What the deployment's dead-letter topics hold now, whatever the stats window. */
export interface DeadLetterCounts {
  total: number;
  byTopic: DeadLetterTopicCount[];
}

/**
 * Counts dead letters where the deployment keeps them apart from the runs: the gateway provides it over
 * Kafka's `<topic>.dlq` topics. A host without dead-letter topics (the embedded one, which records a
 * dead-lettered event as a failed run) provides nothing, and the stats leave `deadLetters` out.
 */
export interface DeadLetterCounter {
  /** Rejects when the counts cannot be read (broker away); the stats then answer `deadLetters: null`. */
  count(): Promise<DeadLetterCounts>;
}

export const DEAD_LETTER_COUNTS = Symbol('DEAD_LETTER_COUNTS');
