import { randomUUID } from 'node:crypto';

import type { OnApplicationBootstrap } from '@nestjs/common';

import { CatalogChangedV1, CONTROL_TOPICS, decodeEvent } from '@jdpipe/contracts';
import type { BusMessage, EventBus, StageLog } from '@jdpipe/messaging';

import type { CatalogCatchUp, CatalogRuntime } from '../catalog-runtime/catalog-runtime';

/**
 * A consumer group of its own per running instance, `<app>.catalog.<instance id>`: a shared group would hand
 * each announcement to one instance only, and every instance must reload.
 */
export function catalogListenerGroup(appName: string, instanceId: string = randomUUID()): string {
  return `${appName}.catalog.${instanceId}`;
}

/**
 * Reloads this instance's matchers when a `catalog.changed.v1` announcement arrives. It never fails a message:
 * a bad announcement or a failed reload is logged, and the runtime's periodic version check catches up later,
 * so the broadcast needs neither a retry topic nor a dead-letter topic.
 */
export class CatalogChangeListener implements OnApplicationBootstrap {
  constructor(
    private readonly bus: EventBus,
    private readonly runtime: CatalogRuntime,
    private readonly group: string,
    private readonly log?: StageLog,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.bus.subscribe(
      CONTROL_TOPICS.catalogChanged,
      this.group,
      async (message) => {
        await this.handle(message);
      },
      {
        readsRetryTopic: false,
        deleteGroupOnClose: true,
      },
    );
  }

  /** Catches the runtime up to the announced version; null when the message was unusable or the reload failed. */
  async handle(message: BusMessage): Promise<CatalogCatchUp | null> {
    let event: CatalogChangedV1;
    try {
      event = decodeEvent(CatalogChangedV1, message.value);
    } catch (error) {
      this.log?.warn('ignored an unreadable catalog change announcement', { offset: message.offset, error: messageOf(error) });
      return null;
    }
    try {
      const outcome = await this.runtime.catchUp(event.catalogVersion);
      if (outcome.reloaded) {
        this.log?.info('catalog reloaded', {
          announcedVersion: event.catalogVersion,
          previousVersion: outcome.previousVersion,
          catalogVersion: outcome.loadedVersion,
          reloadMs: Math.round(outcome.reloadMs),
          reason: event.reason,
          announcedBy: event.producer,
        });
      }
      return outcome;
    } catch (error) {
      this.log?.error('catalog reload failed; the periodic version check will retry', {
        announcedVersion: event.catalogVersion,
        error: messageOf(error),
      });
      return null;
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
