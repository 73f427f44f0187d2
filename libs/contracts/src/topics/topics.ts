/** Kafka topics of the pipeline, `<entity>.<past-tense>.v<major>`; each has `.dlq` and `.retry` siblings. */
export const TOPICS = {
  jobPosted: 'jobs.posted.v1',
  jobParsed: 'jobs.parsed.v1',
  roleDecided: 'roles.decided.v1',
  skillsResolved: 'skills.resolved.v1',
  runCompleted: 'runs.completed.v1',
} as const;

export type PipelineTopic = (typeof TOPICS)[keyof typeof TOPICS];

/** The topics the four stages consume, in pipeline order: the ones with `.retry` and `.dlq` siblings. */
export const STAGE_TOPICS: readonly PipelineTopic[] = [TOPICS.jobPosted, TOPICS.jobParsed, TOPICS.roleDecided, TOPICS.skillsResolved];

/**
 * Topics outside the posting pipeline. `catalog.changed.v1` is a broadcast: every stage instance reads it
 * in a consumer group of its own, so it has no `.retry`/`.dlq` siblings (a missed event is caught up by the
 * stages' periodic catalog-version check).
 */
export const CONTROL_TOPICS = {
  catalogChanged: 'catalog.changed.v1',
} as const;

export function deadLetterTopicOf(topic: string): string {
  return `${topic}.dlq`;
}

export function retryTopicOf(topic: string): string {
  return `${topic}.retry`;
}

/** Headers every message carries besides the W3C `traceparent`/`tracestate`. */
export const HEADERS = {
  eventType: 'jdpipe-event-type',
  attempt: 'jdpipe-attempt',
  errorCode: 'jdpipe-error-code',
  errorReason: 'jdpipe-error-reason',
  originalTopic: 'jdpipe-original-topic',
  originalPartition: 'jdpipe-original-partition',
  originalOffset: 'jdpipe-original-offset',
  /** On `<topic>.retry` messages: when the next attempt is due (ISO-8601). */
  retryAt: 'jdpipe-retry-at',
} as const;

/** Largest event a consumer accepts; bigger ones are dead-lettered as EVENT.TOO_LARGE. */
export const MAX_EVENT_BYTES = 1_000_000;
