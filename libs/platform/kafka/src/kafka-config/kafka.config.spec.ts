import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { DEFAULT_KAFKA_CONFIG, loadKafkaConfig } from './kafka.config';

describe('loadKafkaConfig', () => {
  it('defaults to a local broker, no prefix and timings for slow stages', () => {
    assert.deepEqual(loadKafkaConfig({}), DEFAULT_KAFKA_CONFIG);
    assert.deepEqual(DEFAULT_KAFKA_CONFIG.brokers, ['127.0.0.1:9092']);
    assert.equal(DEFAULT_KAFKA_CONFIG.sessionTimeoutMs, 45_000);
  });

  it('reads every variable, trimming list entries', () => {
    const config = loadKafkaConfig({
      KAFKA_BROKERS: ' kafka-1:9092, kafka-2.internal:19092 ',
      KAFKA_CLIENT_ID: 'parser',
      KAFKA_TOPIC_PREFIX: 'ci-42.',
      KAFKA_PARTITIONS_CONCURRENCY: '4',
      KAFKA_SESSION_TIMEOUT_MS: '30000',
      KAFKA_HEARTBEAT_INTERVAL_MS: '3000',
      KAFKA_REBALANCE_TIMEOUT_MS: '60000',
      KAFKA_CLOSE_GRACE_MS: '0',
    });
    assert.deepEqual(config, {
      brokers: ['kafka-1:9092', 'kafka-2.internal:19092'],
      clientId: 'parser',
      topicPrefix: 'ci-42.',
      partitionsConsumedConcurrently: 4,
      sessionTimeoutMs: 30_000,
      heartbeatIntervalMs: 3_000,
      rebalanceTimeoutMs: 60_000,
      closeGraceMs: 0,
    });
  });

  it('names every bad value in one error instead of starting with a guess', () => {
    assert.throws(
      () => loadKafkaConfig({ KAFKA_BROKERS: 'localhost', KAFKA_PARTITIONS_CONCURRENCY: 'two', KAFKA_TOPIC_PREFIX: 'has space' }),
      (error: Error & { code?: string }) => {
        assert.equal(error.code, 'INPUT.INVALID');
        assert.match(error.message, /KAFKA_BROKERS must be a comma-separated list of host:port, got "localhost"/);
        assert.match(error.message, /KAFKA_PARTITIONS_CONCURRENCY must be a whole number from 1 to 64, got "two"/);
        assert.match(error.message, /KAFKA_TOPIC_PREFIX may hold only/);
        return true;
      },
    );
  });

  it('refuses a port out of range and a concurrency of zero', () => {
    assert.throws(() => loadKafkaConfig({ KAFKA_BROKERS: 'kafka:70000' }), /KAFKA_BROKERS/);
    assert.throws(() => loadKafkaConfig({ KAFKA_PARTITIONS_CONCURRENCY: '0' }), /KAFKA_PARTITIONS_CONCURRENCY/);
  });

  it('refuses heartbeats too sparse for the session and a rebalance shorter than the session', () => {
    assert.throws(
      () => loadKafkaConfig({ KAFKA_SESSION_TIMEOUT_MS: '10000', KAFKA_HEARTBEAT_INTERVAL_MS: '4000' }),
      /at most a third of KAFKA_SESSION_TIMEOUT_MS/,
    );
    assert.throws(
      () => loadKafkaConfig({ KAFKA_SESSION_TIMEOUT_MS: '60000', KAFKA_REBALANCE_TIMEOUT_MS: '30000' }),
      /must not be shorter than KAFKA_SESSION_TIMEOUT_MS/,
    );
    assert.throws(() => loadKafkaConfig({ KAFKA_SESSION_TIMEOUT_MS: '1000' }), /from 6000 to 1800000/);
  });
});
