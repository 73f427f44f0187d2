import type { BusMessage } from '@jdpipe/messaging';
import type { IHeaders, KafkaMessage } from 'kafkajs';

/**
 * Kafka headers as the string map handlers see. A header Kafka repeats keeps its last value (later writers
 * win, as with our own attempt header); a header without a value is left out.
 */
export function stringHeaders(headers: IHeaders | undefined): Record<string, string> {
  const strings: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    if (value === undefined || value === null) continue;
    strings[name] = Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
  }
  return strings;
}

/** A fetched record as a bus message on its logical (unprefixed) topic; a tombstone reads as empty bytes. */
export function toBusMessage(logicalTopic: string, partition: number, record: KafkaMessage): BusMessage {
  return {
    topic: logicalTopic,
    partition,
    offset: record.offset,
    key: record.key ? record.key.toString('utf8') : null,
    value: record.value ?? Buffer.alloc(0),
    headers: stringHeaders(record.headers),
  };
}

/**
 * Logical names (`jobs.posted.v1`, group `parser`) against the broker's names, which carry the configured
 * prefix so that tests and parallel stacks share a broker without sharing topics or committed offsets.
 */
export class KafkaNaming {
  constructor(private readonly prefix: string) {}

  topic(logical: string): string {
    return this.prefix + logical;
  }

  group(logical: string): string {
    return this.prefix + logical;
  }

  logicalTopic(physical: string): string {
    return physical.startsWith(this.prefix) ? physical.slice(this.prefix.length) : physical;
  }
}
