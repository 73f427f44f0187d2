import { HEADERS } from '@jdpipe/contracts';

import type { OutgoingMessage } from './event-bus.port';

/** An event as a message: JSON body, keyed by posting id so a posting's events stay in order. */
export function eventMessage(topic: string, event: { postingId: string }, headers: Record<string, string> = {}): OutgoingMessage {
  return {
    topic,
    key: event.postingId,
    value: JSON.stringify(event),
    headers: { ...headers, [HEADERS.eventType]: topic },
  };
}
