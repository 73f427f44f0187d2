import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { startTestTelemetry, type TestTelemetry } from '../setup/start-test-telemetry';
import { withRunContext } from '../tracing/run-baggage';
import { withSpan } from '../tracing/spans';
import { createJsonLogger, type JsonLoggerOptions, type LogFields, parseLogThreshold } from './json-logger';

const FIXED_TIME = new Date('2025-06-01T08:30:00.000Z');

/** A logger whose lines are captured and parsed back. */
function capturingLogger(options: JsonLoggerOptions = {}) {
  const lines: string[] = [];
  const logger = createJsonLogger('role-matcher', {
    threshold: 'debug',
    now: () => FIXED_TIME,
    write: (line) => lines.push(line),
    ...options,
  });
  const records = () => lines.map((line) => JSON.parse(line) as LogFields);
  return { logger, lines, records };
}

describe('createJsonLogger', () => {
  let telemetry: TestTelemetry;
  before(() => {
    telemetry = startTestTelemetry();
  });
  after(() => telemetry.reset());

  it('writes one JSON object per line with time, level, service and msg first', () => {
    const { logger, lines } = capturingLogger();
    logger.info('role decided', { case: 'ALIAS', confidence: 0.93 });

    assert.equal(lines.length, 1);
    assert.ok(!lines[0]?.includes('\n'));
    assert.deepEqual(JSON.parse(lines[0] ?? ''), {
      time: '2025-06-01T08:30:00.000Z',
      level: 'info',
      service: 'role-matcher',
      msg: 'role decided',
      case: 'ALIAS',
      confidence: 0.93,
    });
    assert.deepEqual(Object.keys(JSON.parse(lines[0] ?? '') as LogFields).slice(0, 4), ['time', 'level', 'service', 'msg']);
  });

  it('fills traceId and spanId from the active span', async () => {
    const { logger, records } = capturingLogger();
    await withSpan('decide role', {}, () => logger.info('inside'));
    logger.info('outside');

    const span = telemetry.finishedSpans().find((candidate) => candidate.name === 'decide role');
    const [inside, outside] = records();
    assert.equal(inside?.traceId, span?.spanContext().traceId);
    assert.equal(inside?.spanId, span?.spanContext().spanId);
    assert.equal(outside?.traceId, undefined);
    assert.equal(outside?.spanId, undefined);
  });

  it('includes runId when given in the fields, the bindings or the run baggage', () => {
    const { logger, records } = capturingLogger();
    logger.info('from fields', { runId: 'run-1' });
    logger.child({ runId: 'run-2', stage: 'role-matcher' }).warn('from bindings');
    withRunContext({ runId: 'run-3' }, () => logger.info('from baggage'));
    logger.info('no run');

    const [fromFields, fromBindings, fromBaggage, noRun] = records();
    assert.equal(fromFields?.runId, 'run-1');
    assert.equal(fromBindings?.runId, 'run-2');
    assert.equal(fromBindings?.stage, 'role-matcher');
    assert.equal(fromBaggage?.runId, 'run-3');
    assert.equal(noRun !== undefined && 'runId' in noRun, false);
  });

  it('drops lines below the threshold', () => {
    const { logger, records } = capturingLogger({ threshold: 'warn' });
    logger.debug('noise');
    logger.info('routine');
    logger.warn('odd');
    logger.error('broken');
    assert.deepEqual(
      records().map((record) => record.level),
      ['warn', 'error'],
    );
    assert.equal(logger.isLevelEnabled('info'), false);
  });

  it('keeps its own keys when fields try to reuse them', () => {
    const { logger, records } = capturingLogger();
    logger.info('real message', { msg: 'spoofed', level: 'fatal', service: 'other', attempt: 2 });
    const [record] = records();
    assert.equal(record?.msg, 'real message');
    assert.equal(record?.level, 'info');
    assert.equal(record?.service, 'role-matcher');
    assert.equal(record?.attempt, 2);
  });

  it('serialises errors with their code and stack instead of an empty object', () => {
    const { logger, records } = capturingLogger();
    const failure = Object.assign(new Error('database is down'), { code: 'DB.UNAVAILABLE', retriable: true });
    logger.error('persist failed', { err: failure, offset: 12n });

    const err = records()[0]?.err as LogFields;
    assert.equal(err.type, 'Error');
    assert.equal(err.message, 'database is down');
    assert.equal(err.code, 'DB.UNAVAILABLE');
    assert.equal(err.retriable, true);
    assert.match(String(err.stack), /database is down\n\s+at /);
    assert.equal(records()[0]?.offset, '12');
  });

  it('still writes the line when a field cannot be serialised', () => {
    const { logger, records } = capturingLogger();
    const circular: LogFields = {};
    circular.self = circular;
    logger.warn('odd payload', { payload: circular });
    const [record] = records();
    assert.equal(record?.msg, 'odd payload');
    assert.match(String(record?.logFieldsError), /circular/i);
  });
});

describe('parseLogThreshold', () => {
  it('defaults to info and accepts levels case-insensitively', () => {
    assert.equal(parseLogThreshold(undefined), 'info');
    assert.equal(parseLogThreshold(''), 'info');
    assert.equal(parseLogThreshold(' DEBUG '), 'debug');
    assert.equal(parseLogThreshold('silent'), 'silent');
  });

  it('refuses an unknown level', () => {
    assert.throws(() => parseLogThreshold('verbose'), /LOG_LEVEL must be one of/);
  });
});
