import type { LoggerService, LogLevel as NestLogLevel } from '@nestjs/common';

import { type JsonLogger, type LogFields, type LogLevel } from './json-logger';

const LEVEL_FOR_NEST: Record<NestLogLevel, LogLevel> = {
  verbose: 'debug',
  debug: 'debug',
  log: 'info',
  warn: 'warn',
  error: 'error',
  fatal: 'fatal',
};

/** Matches a V8 stack trace, the way Nest's ConsoleLogger tells a stack from a context name. */
const STACK_TRACE = /^.+\n\s+at .+/;

/**
 * Nest `LoggerService` over a JsonLogger, so framework lines (module init, routes, exceptions) are JSON
 * like ours: `app.useLogger(new NestJsonLogger(logger))`, or `NestFactory.create(..., { logger })`.
 * Nest passes the context (class name) as the last string argument and, for errors, a stack before it.
 */
export class NestJsonLogger implements LoggerService {
  private enabledLevels: ReadonlySet<NestLogLevel> | undefined;

  constructor(private readonly logger: JsonLogger) {}

  log(message: unknown, ...optionalParams: unknown[]): void {
    this.emit('log', message, optionalParams);
  }

  error(message: unknown, ...optionalParams: unknown[]): void {
    this.emit('error', message, optionalParams);
  }

  warn(message: unknown, ...optionalParams: unknown[]): void {
    this.emit('warn', message, optionalParams);
  }

  debug(message: unknown, ...optionalParams: unknown[]): void {
    this.emit('debug', message, optionalParams);
  }

  verbose(message: unknown, ...optionalParams: unknown[]): void {
    this.emit('verbose', message, optionalParams);
  }

  fatal(message: unknown, ...optionalParams: unknown[]): void {
    this.emit('fatal', message, optionalParams);
  }

  /** Nest's `logger: ['error', 'warn']` option narrows further what the JsonLogger's threshold lets through. */
  setLogLevels(levels: NestLogLevel[]): void {
    this.enabledLevels = new Set(levels);
  }

  private emit(nestLevel: NestLogLevel, message: unknown, optionalParams: unknown[]): void {
    if (this.enabledLevels && !this.enabledLevels.has(nestLevel)) return;
    const params = [...optionalParams];
    const fields: LogFields = {};
    if (params.length > 0 && typeof params[params.length - 1] === 'string' && !isStackTrace(params[params.length - 1])) {
      fields.context = params.pop();
    }
    if (nestLevel === 'error' || nestLevel === 'fatal') {
      const stackIndex = params.findIndex(isStackTrace);
      if (stackIndex >= 0) fields.stack = params.splice(stackIndex, 1)[0];
      // Nest passes `undefined` for a missing stack.
      if (params.length === 1 && params[0] === undefined) params.pop();
    }
    if (params.length > 0) fields.params = params;

    const logLevel = LEVEL_FOR_NEST[nestLevel];
    if (message instanceof Error) {
      this.write(logLevel, message.message, { ...fields, err: message });
    } else if (typeof message === 'object' && message !== null) {
      this.write(logLevel, 'object', { ...fields, detail: message });
    } else {
      this.write(logLevel, String(message), fields);
    }
  }

  private write(level: LogLevel, msg: string, fields: LogFields): void {
    this.logger[level](msg, fields);
  }
}

function isStackTrace(value: unknown): boolean {
  return typeof value === 'string' && STACK_TRACE.test(value);
}
