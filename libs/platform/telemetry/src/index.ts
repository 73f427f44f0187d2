export { startTelemetry, type RunningTelemetry, type TelemetryOptions } from './setup/start-telemetry';
export { startTestTelemetry, type TestTelemetry } from './setup/start-test-telemetry';
export { resolveTelemetryExport, type TelemetryExportPlan } from './setup/telemetry-export.config';
export { SpanFileExporter, type SpanFileRecord, toSpanFileRecord } from './setup/span-file.exporter';
export {
  currentSpanId,
  currentTraceId,
  injectTraceHeaders,
  recordFailure,
  type SpanWork,
  withConsumedMessageSpan,
  withPublishedMessageSpan,
  withSpan,
} from './tracing/spans';
export { currentRunId, type RunIdentity, withRunContext } from './tracing/run-baggage';
export {
  consumedMessageAttributes,
  ERROR_TYPE_ATTRIBUTE,
  IN_PROCESS_MESSAGING_SYSTEM,
  JdpipeAttribute,
  KAFKA_MESSAGING_SYSTEM,
  MessagingAttribute,
  type MessageSpanDescription,
  messagingSpanName,
  publishedMessageAttributes,
} from './tracing/span-attributes';
export { type ConsumerLagReading, type ConsumerLagSource, PipelineMetrics, type ProcessingOutcome } from './metrics/pipeline-metrics';
export {
  createJsonLogger,
  type JsonLogger,
  type JsonLoggerOptions,
  type LogFields,
  type LogLevel,
  type LogThreshold,
  parseLogThreshold,
} from './logging/json-logger';
export { NestJsonLogger } from './logging/nest-json-logger';
