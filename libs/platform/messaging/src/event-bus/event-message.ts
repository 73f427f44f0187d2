import { HEADERS } from '@jdpipe/contracts';
import { messagingSpanName, publishedMessageAttributes, withPublishedMessageSpan } from '@jdpipe/telemetry';

import type { EventBus, OutgoingMessage } from './event-bus.port';

interface PipelineEvent {
  eventId: string;
  runId: string;
  postingId: string;
}

/** An event as a message: JSON body, keyed by posting id so a posting's events stay in order. */
export function eventMessage(topic: string, event: { postingId: string }, headers: Record<string, string> = {}): OutgoingMessage {
  return {
    topic,
    key: event.postingId,
    value: JSON.stringify(event),
    headers: { ...headers, [HEADERS.eventType]: topic },
  };
}

/**
 * Publishes the first event of a run from an ingest edge in a producer span: the root of the run's trace,
 * carried on by every stage through the message headers.
 */
export function publishEvent(bus: EventBus, topic: string, event: PipelineEvent): Promise<void> {
  const headers: Record<string, string> = {};
  const attributes = publishedMessageAttributes({
    system: bus.messagingSystem,
    topic,
    key: event.postingId,
    eventId: event.eventId,
    runId: event.runId,
    postingId: event.postingId,
  });
  return withPublishedMessageSpan(headers, messagingSpanName('send', topic), attributes, () =>
    bus.publish(eventMessage(topic, event, headers)),
  );
}
