import { currentRunId } from '../tracing/run-baggage';
import { currentSpanId, currentTraceId } from '../tracing/spans';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'fatal';
/** `silent` turns logging off (benchmarks, noisy tests). */
export type LogThreshold = LogLevel | 'silent';
export type LogFields = Record<string, unknown>;

/** Structured logger writing one JSON object per line. */
export interface JsonLogger {
  readonly threshold: LogThreshold;
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  fatal(msg: string, fields?: LogFields): void;
  isLevelEnabled(level: LogLevel): boolean;
  /** A logger that adds `bindings` (e.g. `{ runId, stage }`) to every line. */
  child(bindings: LogFields): JsonLogger;
}

export interface JsonLoggerOptions {
  /** Defaults to `LOG_LEVEL`, else `info`. */
  threshold?: LogThreshold;
  /** Where finished lines go; defaults to stdout. Lines include no trailing newline. */
  write?: (line: string) => void;
  now?: () => Date;
}

const SEVERITY: Record<LogThreshold, number> = { debug: 10, info: 20, warn: 30, error: 40, fatal: 50, silent: 100 };

/** Keys the logger owns: fields cannot overwrite them, so every line stays parseable by the same query. */
const RESERVED_KEYS = new Set(['time', 'level', 'service', 'msg', 'traceId', 'spanId']);

/** Parses `LOG_LEVEL`; an unknown value stops start-up rather than silently logging at another level. */
export function parseLogThreshold(value: string | undefined): LogThreshold {
  const normalised = (value ?? '').trim().toLowerCase();
  if (normalised === '') return 'info';
  if (normalised in SEVERITY) return normalised as LogThreshold;
  throw new Error(`LOG_LEVEL must be one of ${Object.keys(SEVERITY).join(', ')}; got "${value}".`);
}

/**
 * JSON lines `{time, level, service, msg, runId?, traceId?, spanId?, ...fields}`. `traceId`/`spanId`
 * come from the active span and `runId` from the fields, the bindings or the run baggage, in that order.
 */
export function createJsonLogger(serviceName: string, options: JsonLoggerOptions = {}): JsonLogger {
  const threshold = options.threshold ?? parseLogThreshold(process.env.LOG_LEVEL);
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  return new JsonLineLogger(serviceName, threshold, write, now, {});
}

class JsonLineLogger implements JsonLogger {
  constructor(
    private readonly serviceName: string,
    readonly threshold: LogThreshold,
    private readonly write: (line: string) => void,
    private readonly now: () => Date,
    private readonly bindings: LogFields,
  ) {}

  debug(msg: string, fields?: LogFields): void {
    this.emit('debug', msg, fields);
  }

  info(msg: string, fields?: LogFields): void {
    this.emit('info', msg, fields);
  }

  warn(msg: string, fields?: LogFields): void {
    this.emit('warn', msg, fields);
  }

  error(msg: string, fields?: LogFields): void {
    this.emit('error', msg, fields);
  }

  fatal(msg: string, fields?: LogFields): void {
    this.emit('fatal', msg, fields);
  }

  isLevelEnabled(level: LogLevel): boolean {
    return SEVERITY[level] >= SEVERITY[this.threshold];
  }

  child(bindings: LogFields): JsonLogger {
    return new JsonLineLogger(this.serviceName, this.threshold, this.write, this.now, { ...this.bindings, ...bindings });
  }

  private emit(level: LogLevel, msg: string, fields: LogFields = {}): void {
    if (!this.isLevelEnabled(level)) return;
    const merged = { ...this.bindings, ...fields };
    const record: LogFields = {
      time: this.now().toISOString(),
      level,
      service: this.serviceName,
      msg,
      runId: merged.runId ?? currentRunId(),
      traceId: currentTraceId(),
      spanId: currentSpanId(),
    };
    for (const [key, value] of Object.entries(merged)) {
      if (!RESERVED_KEYS.has(key) && key !== 'runId') record[key] = value;
    }
    this.write(serialise(record));
  }
}

function serialise(record: LogFields): string {
  try {
    return JSON.stringify(record, replaceUnserialisable);
  } catch (error) {
    // A circular field must not cost us the line itself.
    const { time, level, service, msg, runId, traceId, spanId } = record;
    return JSON.stringify({ time, level, service, msg, runId, traceId, spanId, logFieldsError: String(error) });
  }
}

function replaceUnserialisable(_key: string, value: unknown): unknown {
  if (value instanceof Error) return describeError(value);
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/** Errors serialise to `{}` by default; keep what an operator needs, including our stable `code`. */
function describeError(error: Error): LogFields {
  const { code, retriable } = error as Error & { code?: unknown; retriable?: unknown };
  return {
    type: error.name,
    message: error.message,
    ...(code === undefined ? {} : { code }),
    ...(retriable === undefined ? {} : { retriable }),
    stack: error.stack,
    ...(error.cause === undefined ? {} : { cause: error.cause }),
  };
}
