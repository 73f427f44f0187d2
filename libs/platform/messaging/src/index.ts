export * from './event-bus/event-bus.port';
export * from './event-bus/event-message';
export * from './in-process/in-process-event-bus';
export * from './failure-policy/failure-policy';
export * from './stage-consumer/stage-consumer';
