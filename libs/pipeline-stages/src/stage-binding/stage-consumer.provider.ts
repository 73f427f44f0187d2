import type { InjectionToken, OnApplicationBootstrap, Provider } from '@nestjs/common';

import { EVENT_BUS, eventMessage, startStageConsumer, type EventBus, type StageLog } from '@jdpipe/messaging';

/** What binds one stage to the bus: the topic it consumes, the event class, and the topic it publishes. */
export interface StageBinding<TIn extends object, TOut extends { postingId: string }> {
  consumes: string;
  publishes: string;
  /** Consumer group = the app name. */
  group: string;
  eventClass: new () => TIn;
  handle(event: TIn): Promise<TOut>;
}

/** Where stages write their log lines; absent in the embedded CLI, whose stdout belongs to its output. */
export const STAGE_LOG = Symbol('STAGE_LOG');

/** The stage's edge: starts consuming once the whole application has booted. */
class StageConsumer<TIn extends object, TOut extends { postingId: string }> implements OnApplicationBootstrap {
  constructor(
    private readonly bus: EventBus,
    private readonly binding: StageBinding<TIn, TOut>,
    private readonly log: StageLog | undefined,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { consumes, publishes, group, eventClass } = this.binding;
    await startStageConsumer(this.bus, {
      topic: consumes,
      group,
      eventClass,
      handle: async (event) => [eventMessage(publishes, await this.binding.handle(event))],
      log: this.log,
    });
  }
}

/**
 * A Nest provider that builds a stage's handler from injected dependencies and consumes with it, so a stage
 * module is one declaration: the same in the embedded host and in the stage's own service.
 */
export function stageConsumerProvider<TIn extends object, TOut extends { postingId: string }>(spec: {
  consumes: string;
  publishes: string;
  group: string;
  eventClass: new () => TIn;
  /** Tokens whose instances are passed to createHandler, in order. */
  inject: InjectionToken[];
  createHandler(...deps: never[]): { handle(event: TIn): Promise<TOut> };
}): Provider {
  return {
    provide: `${spec.group}-consumer`,
    useFactory: (bus: EventBus, log: StageLog | undefined, ...deps: never[]) => {
      const handler = spec.createHandler(...deps);
      return new StageConsumer(bus, { ...spec, handle: (event) => handler.handle(event) }, log);
    },
    inject: [EVENT_BUS, { token: STAGE_LOG, optional: true }, ...spec.inject],
  };
}
