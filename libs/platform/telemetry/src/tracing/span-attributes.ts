import { type Attributes } from '@opentelemetry/api';
import { ATTR_ERROR_TYPE } from '@opentelemetry/semantic-conventions';

/**
 * OpenTelemetry messaging semantic-convention keys. Upstream ships them as "incubating" (renames can land
 * in a minor release), so the names we depend on are pinned here instead of imported.
 */
export const MessagingAttribute = {
  system: 'messaging.system',
  destinationName: 'messaging.destination.name',
  partitionId: 'messaging.destination.partition.id',
  operationType: 'messaging.operation.type',
  operationName: 'messaging.operation.name',
  consumerGroupName: 'messaging.consumer.group.name',
  messageId: 'messaging.message.id',
  kafkaMessageKey: 'messaging.kafka.message.key',
  kafkaOffset: 'messaging.kafka.offset',
} as const;

/** jdpipe's own attributes, shared by spans, metrics and logs so one run can be followed across all three. */
export const JdpipeAttribute = {
  runId: 'jdpipe.run_id',
  postingId: 'jdpipe.posting_id',
  stage: 'jdpipe.stage',
  outcome: 'jdpipe.outcome',
  retriable: 'jdpipe.error.retriable',
} as const;

/** Stable semantic-convention key for the class of a failure; we put the error's `AREA.REASON` code there. */
export const ERROR_TYPE_ATTRIBUTE = ATTR_ERROR_TYPE;

/** `messaging.system` for Kafka; the in-process bus reports its own name so the two modes stay distinguishable. */
export const KAFKA_MESSAGING_SYSTEM = 'kafka';
export const IN_PROCESS_MESSAGING_SYSTEM = 'jdpipe.in_process';

/** What the bus adapters know about one message, in transport terms. */
export interface MessageSpanDescription {
  /** `kafka` or `jdpipe.in_process`. */
  system: string;
  topic: string;
  /** The message key: the posting's id. */
  key?: string | null;
  partition?: number;
  offset?: string;
  consumerGroup?: string;
  /** The envelope's `eventId`. */
  eventId?: string;
  runId?: string;
  postingId?: string;
  stage?: string;
}

/** Span name per the messaging conventions: `{operation} {destination}`, e.g. `process jobs.parsed.v1`. */
export function messagingSpanName(operation: 'send' | 'process', topic: string): string {
  return `${operation} ${topic}`;
}

/** Attributes of the PRODUCER span around a publish. */
export function publishedMessageAttributes(message: MessageSpanDescription): Attributes {
  return withoutUndefined({
    ...transportAttributes(message),
    [MessagingAttribute.operationType]: 'send',
    [MessagingAttribute.operationName]: 'send',
  });
}

/** Attributes of the CONSUMER span around the handling of one message. */
export function consumedMessageAttributes(message: MessageSpanDescription): Attributes {
  return withoutUndefined({
    ...transportAttributes(message),
    [MessagingAttribute.operationType]: 'process',
    [MessagingAttribute.operationName]: 'process',
    [MessagingAttribute.consumerGroupName]: message.consumerGroup,
    [MessagingAttribute.partitionId]: message.partition === undefined ? undefined : String(message.partition),
    [MessagingAttribute.kafkaOffset]: offsetAsNumber(message.offset),
  });
}

function transportAttributes(message: MessageSpanDescription): Attributes {
  return {
    [MessagingAttribute.system]: message.system,
    [MessagingAttribute.destinationName]: message.topic,
    [MessagingAttribute.kafkaMessageKey]: message.key ?? undefined,
    [MessagingAttribute.messageId]: message.eventId,
    [JdpipeAttribute.runId]: message.runId,
    [JdpipeAttribute.postingId]: message.postingId,
    [JdpipeAttribute.stage]: message.stage,
  };
}

/** The convention types the offset as an int; Kafka offsets beyond 2^53 are kept out rather than rounded. */
function offsetAsNumber(offset: string | undefined): number | undefined {
  if (offset === undefined) return undefined;
  const parsed = Number(offset);
  return Number.isSafeInteger(parsed) ? parsed : undefined;
}

function withoutUndefined(attributes: Attributes): Attributes {
  return Object.fromEntries(Object.entries(attributes).filter(([, value]) => value !== undefined));
}
