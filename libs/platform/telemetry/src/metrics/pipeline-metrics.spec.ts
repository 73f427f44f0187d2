import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';

import { type Attributes } from '@opentelemetry/api';
import { DataPointType, type MetricData } from '@opentelemetry/sdk-metrics';

import { startTestTelemetry, type TestTelemetry } from '../setup/start-test-telemetry';
import { PipelineMetrics } from './pipeline-metrics';

function metricNamed(collected: MetricData[], name: string): MetricData {
  const metric = collected.find((candidate) => candidate.descriptor.name === name);
  assert.ok(metric, `metric ${name} was not collected`);
  return metric;
}

/** Sum/gauge values keyed by their attributes, for order-independent comparison. */
function valuesByAttributes(metric: MetricData): Map<string, number> {
  assert.ok(metric.dataPointType === DataPointType.SUM || metric.dataPointType === DataPointType.GAUGE);
  return new Map(metric.dataPoints.map((point) => [attributeKey(point.attributes), point.value]));
}

function attributeKey(attributes: Attributes): string {
  return JSON.stringify(Object.entries(attributes).sort(([a], [b]) => a.localeCompare(b)));
}

describe('PipelineMetrics', () => {
  // A fresh meter provider per test: metrics are cumulative, so reuse would mix tests' counts.
  let telemetry: TestTelemetry;
  let pipelineMetrics: PipelineMetrics;
  beforeEach(() => {
    telemetry = startTestTelemetry();
    pipelineMetrics = new PipelineMetrics();
  });
  afterEach(() => telemetry.reset());

  it('counts processed messages by stage and outcome', async () => {
    pipelineMetrics.recordProcessed('parser', 'succeeded');
    pipelineMetrics.recordProcessed('parser', 'succeeded');
    pipelineMetrics.recordProcessed('parser', 'rejected');
    pipelineMetrics.recordProcessed('persister', 'duplicate');

    const processed = metricNamed(await telemetry.collectMetrics(), 'jdpipe.messages.processed');
    assert.equal(processed.descriptor.unit, '{message}');
    assert.deepEqual(
      valuesByAttributes(processed),
      new Map([
        [attributeKey({ 'jdpipe.stage': 'parser', 'jdpipe.outcome': 'succeeded' }), 2],
        [attributeKey({ 'jdpipe.stage': 'parser', 'jdpipe.outcome': 'rejected' }), 1],
        [attributeKey({ 'jdpipe.stage': 'persister', 'jdpipe.outcome': 'duplicate' }), 1],
      ]),
    );
  });

  it('counts failures by error code and retriability, and dead letters by source topic', async () => {
    pipelineMetrics.recordFailure('skill-resolver', 'LLM.TIMEOUT', true);
    pipelineMetrics.recordFailure('skill-resolver', 'LLM.TIMEOUT', true);
    pipelineMetrics.recordDeadLetter('roles.decided.v1', 'LLM.TIMEOUT');

    const collected = await telemetry.collectMetrics();
    assert.deepEqual(
      valuesByAttributes(metricNamed(collected, 'jdpipe.stage.failures')),
      new Map([[attributeKey({ 'jdpipe.stage': 'skill-resolver', 'error.type': 'LLM.TIMEOUT', 'jdpipe.error.retriable': true }), 2]]),
    );
    assert.deepEqual(
      valuesByAttributes(metricNamed(collected, 'jdpipe.messages.dead_lettered')),
      new Map([[attributeKey({ 'messaging.destination.name': 'roles.decided.v1', 'error.type': 'LLM.TIMEOUT' }), 1]]),
    );
  });

  it('records end-to-end latency from postedAt to completion in milliseconds', async () => {
    const completedAt = new Date('2025-03-01T10:00:02.500Z');
    assert.equal(pipelineMetrics.recordRunCompleted('2025-03-01T10:00:00.000Z', completedAt), 2_500);
    assert.equal(pipelineMetrics.recordRunCompleted(new Date('2025-03-01T10:00:01.000Z'), completedAt), 1_500);
    // A postedAt from a skewed clock in the future counts as instant, not negative.
    assert.equal(pipelineMetrics.recordRunCompleted('2025-03-01T10:00:05.000Z', completedAt), 0);
    assert.equal(pipelineMetrics.recordRunCompleted('not a date', completedAt), undefined);

    const latency = metricNamed(await telemetry.collectMetrics(), 'jdpipe.run.latency');
    assert.equal(latency.descriptor.unit, 'ms');
    assert.equal(latency.dataPointType, DataPointType.HISTOGRAM);
    const [point] = latency.dataPoints;
    assert.equal(latency.dataPoints.length, 1);
    assert.equal(point?.value.count, 3);
    assert.equal(point?.value.sum, 4_000);
    assert.equal(point?.value.max, 2_500);
  });

  it('records stage durations per stage and outcome with stage-sized buckets', async () => {
    pipelineMetrics.recordStageDuration('role-matcher', 12, 'succeeded');
    pipelineMetrics.recordStageDuration('role-matcher', 40, 'succeeded');

    const duration = metricNamed(await telemetry.collectMetrics(), 'jdpipe.stage.duration');
    assert.equal(duration.dataPointType, DataPointType.HISTOGRAM);
    const [point] = duration.dataPoints;
    assert.deepEqual(point?.attributes, { 'jdpipe.stage': 'role-matcher', 'jdpipe.outcome': 'succeeded' });
    assert.equal(point?.value.count, 2);
    assert.equal(point?.value.buckets.boundaries[0], 5);
    // 12 ms falls in (10, 25], 40 ms in (25, 50].
    assert.deepEqual(point?.value.buckets.counts.slice(0, 5), [0, 0, 1, 1, 0]);
  });

  it('observes consumer lag from the supplied source at each collection, until stopped', async () => {
    let parserLag = 7;
    let reads = 0;
    const stopObserving = pipelineMetrics.observeConsumerLag(() => {
      reads += 1;
      return Promise.resolve([
        { stage: 'parser', topic: 'jobs.posted.v1', partition: 0, lag: parserLag },
        { stage: 'persister', topic: 'skills.resolved.v1', lag: 0 },
      ]);
    });

    const first = valuesByAttributes(metricNamed(await telemetry.collectMetrics(), 'jdpipe.consumer.lag'));
    const parserKey = attributeKey({
      'jdpipe.stage': 'parser',
      'messaging.destination.name': 'jobs.posted.v1',
      'messaging.destination.partition.id': '0',
    });
    assert.equal(first.get(parserKey), 7);
    assert.equal(first.get(attributeKey({ 'jdpipe.stage': 'persister', 'messaging.destination.name': 'skills.resolved.v1' })), 0);

    parserLag = 2;
    const second = valuesByAttributes(metricNamed(await telemetry.collectMetrics(), 'jdpipe.consumer.lag'));
    assert.equal(second.get(parserKey), 2);

    assert.equal(reads, 2);

    stopObserving();
    await telemetry.collectMetrics();
    assert.equal(reads, 2);
  });
});
