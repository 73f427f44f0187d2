import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { logLevel } from 'kafkajs';

import { kafkaLogCreator } from './kafka-log';

function logThrough(level: logLevel, extra: Record<string, unknown> = {}): string[] {
  const lines: string[] = [];
  const log = kafkaLogCreator((line) => lines.push(line))(logLevel.DEBUG);
  log({ namespace: 'Connection', level, label: 'x', log: { timestamp: '2024-01-01T00:00:00Z', message: 'broker went away', ...extra } });
  return lines;
}

describe('kafkaLogCreator', () => {
  it('writes warnings and errors as one JSON line with the entry fields', () => {
    const [line] = logThrough(logLevel.ERROR, { broker: '127.0.0.1:9092', retryCount: 2 });
    const entry = JSON.parse(line!) as Record<string, unknown>;
    assert.equal(entry.level, 'error');
    assert.equal(entry.logger, 'kafka');
    assert.equal(entry.namespace, 'Connection');
    assert.equal(entry.message, 'broker went away');
    assert.equal(entry.broker, '127.0.0.1:9092');
    assert.equal(entry.retryCount, 2);
    assert.ok(!Number.isNaN(Date.parse(entry.time as string)));
    assert.equal(JSON.parse(logThrough(logLevel.WARN)[0]!).level, 'warn');
  });

  it('drops info and debug entries even when kafkajs is more talkative', () => {
    assert.deepEqual(logThrough(logLevel.INFO), []);
    assert.deepEqual(logThrough(logLevel.DEBUG), []);
  });

  it('does not let an entry field overwrite the level or message', () => {
    const entry = JSON.parse(logThrough(logLevel.WARN, { level: 'debug', namespace: 'spoof' })[0]!) as Record<string, unknown>;
    assert.equal(entry.level, 'warn');
    assert.equal(entry.namespace, 'Connection');
  });
});
