import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';

import { KafkaTestHarness, waitFor } from '@jdpipe/testing';

import { loadKafkaConfig } from '../kafka-config/kafka.config';
import { KafkaEventBus } from './kafka-event-bus';

// Its own file so that the node test runner runs it beside the other Kafka specs instead of after them.
describe('KafkaEventBus with a handler slower than the session timeout', () => {
  let harness: KafkaTestHarness | undefined;
  let bus: KafkaEventBus | undefined;

  after(async () => {
    await bus?.close();
    await harness?.close();
  });

  it(
    'keeps its membership through a 35 s handler with a 30 s session: one GROUP_JOIN, the offset committed',
    { timeout: 60_000 },
    async () => {
      harness = await KafkaTestHarness.connect();
      await harness.createTopics(['slow.topic.v1']);
      const config = loadKafkaConfig({
        KAFKA_BROKERS: harness.brokers.join(','),
        KAFKA_TOPIC_PREFIX: harness.prefix,
        KAFKA_SESSION_TIMEOUT_MS: '30000',
        KAFKA_HEARTBEAT_INTERVAL_MS: '3000',
        KAFKA_REBALANCE_TIMEOUT_MS: '60000',
      });
      let joins = 0;
      const logLines: string[] = [];
      bus = new KafkaEventBus(config, {
        logSink: (line) => logLines.push(line),
        onConsumerCreated: (_group, consumer) => {
          consumer.on(consumer.events.GROUP_JOIN, () => {
            joins += 1;
          });
        },
      });
      const finished: string[] = [];
      await bus.subscribe('slow.topic.v1', 'persister', async (message) => {
        if (message.value.toString() === 'slow') await new Promise((resolve) => setTimeout(resolve, 35_000));
        finished.push(message.value.toString());
      });
      await waitFor(() => joins === 1, { description: 'the first GROUP_JOIN' });

      await bus.publish({ topic: 'slow.topic.v1', key: 'posting-slow', value: 'slow' });
      await bus.publish({ topic: 'slow.topic.v1', key: 'posting-slow', value: 'after' });
      await waitFor(() => finished.length === 2, { description: 'both messages handled', timeoutMs: 50_000, intervalMs: 200 });

      assert.deepEqual(finished, ['slow', 'after']);
      assert.equal(joins, 1, `no rebalance while the handler ran; log: ${logLines.join('\n')}`);
      await waitFor(async () => (await harness!.committedOffsets('persister', 'slow.topic.v1'))[0] === 2, {
        description: 'offset 2 committed',
      });
    },
  );
});
