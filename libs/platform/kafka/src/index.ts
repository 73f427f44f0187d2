export * from './kafka-config/kafka.config';
export * from './kafka-logging/kafka-log';
export * from './kafka-message/kafka-message';
export * from './kafka-event-bus/kafka-event-bus';
export * from './dead-letter-counts/kafka-dead-letter-counter';
