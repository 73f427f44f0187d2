import { randomUUID } from 'node:crypto';

import { CATALOG_CHANGED_KEY, CONTROL_TOPICS, HEADERS, type CatalogChangedV1 } from '@jdpipe/contracts';
import type { EventBus } from '@jdpipe/messaging';

/** What changed in the catalog, as the announcer knows it. */
export interface CatalogChange {
  /** The version the change produced; null makes every listener reload without comparing versions. */
  catalogVersion: number | null;
  reason: string;
}

/** The `catalog.changed.v1` event announcing a change. */
export function catalogChangedEvent(change: CatalogChange, producer: string, now = new Date()): CatalogChangedV1 {
  return {
    eventId: randomUUID(),
    schemaVersion: '1.0',
    occurredAt: now.toISOString(),
    producer,
    catalogVersion: change.catalogVersion,
    reason: change.reason,
  };
}

/**
 * Tells every running stage that the catalog changed, so each reloads its matchers without a restart.
 * Call it after the change is committed: a listener reloads from the database as soon as it hears.
 */
export async function announceCatalogChange(bus: EventBus, change: CatalogChange, producer: string): Promise<void> {
  const event = catalogChangedEvent(change, producer);
  await bus.publish({
    topic: CONTROL_TOPICS.catalogChanged,
    key: CATALOG_CHANGED_KEY,
    value: JSON.stringify(event),
    headers: { [HEADERS.eventType]: CONTROL_TOPICS.catalogChanged },
  });
}
