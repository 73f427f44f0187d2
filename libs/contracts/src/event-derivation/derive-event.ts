import { createHash } from 'node:crypto';

import type { EventEnvelope } from '../envelope/event-envelope';

/**
 * The id of an event a stage derives from an upstream one. Deterministic, so a redelivered upstream event
 * yields the same downstream event id and the dedupe downstream recognises it.
 */
export function derivedEventId(upstreamEventId: string, producer: string): string {
  const hex = createHash('sha256').update(`${upstreamEventId}/${producer}`).digest('hex');
  // Laid out as a version-5-style UUID so it validates wherever a UUID is expected.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Copies the upstream event forward under a new envelope and adds the stage's own part. */
export function deriveEvent<TUpstream extends EventEnvelope, TAdded extends object>(
  upstream: TUpstream,
  producer: string,
  added: TAdded,
  now: Date = new Date(),
): Omit<TUpstream, keyof TAdded> & TAdded {
  return {
    ...upstream,
    ...added,
    eventId: derivedEventId(upstream.eventId, producer),
    occurredAt: now.toISOString(),
    producer,
  };
}
