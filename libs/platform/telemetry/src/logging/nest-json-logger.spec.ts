import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { createJsonLogger, type LogFields } from './json-logger';
import { NestJsonLogger } from './nest-json-logger';

function nestLoggerCapturing() {
  const lines: string[] = [];
  const logger = createJsonLogger('parser', { threshold: 'debug', write: (line) => lines.push(line) });
  const records = () => lines.map((line) => JSON.parse(line) as LogFields);
  return { nestLogger: new NestJsonLogger(logger), records };
}

const STACK = 'Error: boom\n    at Object.<anonymous> (/app/main.js:3:9)';

describe('NestJsonLogger', () => {
  it('maps Nest levels and takes the trailing string as the context', () => {
    const { nestLogger, records } = nestLoggerCapturing();
    nestLogger.log('Nest application successfully started', 'NestApplication');
    nestLogger.verbose('Mapped {/health, GET} route', 'RouterExplorer');
    nestLogger.warn('slow start');

    assert.deepEqual(
      records().map(({ level, msg, context }) => ({ level, msg, context })),
      [
        { level: 'info', msg: 'Nest application successfully started', context: 'NestApplication' },
        { level: 'debug', msg: 'Mapped {/health, GET} route', context: 'RouterExplorer' },
        { level: 'warn', msg: 'slow start', context: undefined },
      ],
    );
  });

  it('separates the stack from the context on errors, in both Nest call shapes', () => {
    const { nestLogger, records } = nestLoggerCapturing();
    nestLogger.error('boom', STACK, 'ExceptionHandler');
    nestLogger.error('boom', STACK);
    nestLogger.error('no stack', undefined, 'KafkaConsumer');

    const [withContext, stackOnly, missingStack] = records();
    assert.equal(withContext?.stack, STACK);
    assert.equal(withContext?.context, 'ExceptionHandler');
    assert.equal(stackOnly?.stack, STACK);
    assert.equal(stackOnly?.context, undefined);
    assert.equal(missingStack?.context, 'KafkaConsumer');
    assert.equal(missingStack !== undefined && 'params' in missingStack, false);
  });

  it('logs an Error message with the error serialised', () => {
    const { nestLogger, records } = nestLoggerCapturing();
    nestLogger.error(new Error('bootstrap failed'), 'Bootstrap');
    const [record] = records();
    assert.equal(record?.msg, 'bootstrap failed');
    assert.equal((record?.err as LogFields).message, 'bootstrap failed');
    assert.equal(record?.context, 'Bootstrap');
  });

  it('honours the levels Nest enables', () => {
    const { nestLogger, records } = nestLoggerCapturing();
    nestLogger.setLogLevels(['error', 'warn']);
    nestLogger.log('hidden', 'InstanceLoader');
    nestLogger.warn('shown', 'InstanceLoader');
    assert.deepEqual(
      records().map((record) => record.msg),
      ['shown'],
    );
  });
});
