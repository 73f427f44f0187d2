import { Module, type DynamicModule } from '@nestjs/common';

import { EVENT_BUS, type EventBus, type StageLog } from '@jdpipe/messaging';

import { CatalogRuntime } from '../catalog-runtime/catalog-runtime';
import { STAGE_LOG } from '../stage-binding/stage-consumer.provider';
import { CatalogChangeListener, catalogListenerGroup } from './catalog-change.listener';

/** Keeps a service's compiled catalog current by listening to `catalog.changed.v1` in a group of its own. */
@Module({})
export class CatalogChangesModule {
  static forService(appName: string): DynamicModule {
    return {
      module: CatalogChangesModule,
      providers: [
        {
          provide: CatalogChangeListener,
          useFactory: (bus: EventBus, runtime: CatalogRuntime, log: StageLog | undefined) =>
            new CatalogChangeListener(bus, runtime, catalogListenerGroup(appName), log),
          inject: [EVENT_BUS, CatalogRuntime, { token: STAGE_LOG, optional: true }],
        },
      ],
    };
  }
}
