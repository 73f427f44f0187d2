import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

import { PipelineError } from '../errors/error-codes';
import { MAX_EVENT_BYTES } from '../topics/topics';

type EventClass<T> = new () => T;

/**
 * Turns message bytes into a validated event instance, or throws a PipelineError with code
 * EVENT.TOO_LARGE, EVENT.INVALID_JSON or EVENT.SCHEMA_VIOLATION whose message names the failing fields.
 */
export function decodeEvent<T extends object>(eventClass: EventClass<T>, body: Buffer | string): T {
  const size = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
  if (size > MAX_EVENT_BYTES) {
    throw new PipelineError('EVENT.TOO_LARGE', `event is ${size} bytes, the limit is ${MAX_EVENT_BYTES}`);
  }
  let plain: unknown;
  try {
    plain = JSON.parse(typeof body === 'string' ? body : body.toString('utf8'));
  } catch (error) {
    throw new PipelineError('EVENT.INVALID_JSON', `body is not JSON: ${(error as Error).message}`, { cause: error });
  }
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    throw new PipelineError('EVENT.SCHEMA_VIOLATION', 'body must be a JSON object');
  }
  const event = plainToInstance(eventClass, plain);
  const errors = validateSync(event, { forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new PipelineError('EVENT.SCHEMA_VIOLATION', describeViolations(errors));
  }
  return event;
}

/** "posting.description: description must be a string; runId: runId must be a UUID" */
function describeViolations(errors: ValidationError[], prefix = ''): string {
  return errors
    .flatMap((error) => {
      const path = prefix ? `${prefix}.${error.property}` : error.property;
      const own = Object.values(error.constraints ?? {}).map((message) => `${path}: ${message}`);
      const nested = error.children?.length ? [describeViolations(error.children, path)] : [];
      return [...own, ...nested];
    })
    .join('; ');
}
