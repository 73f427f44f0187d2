import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { InProcessEventBus } from './in-process-event-bus';

describe('InProcessEventBus', () => {
  it('gives every group its own copy and keeps publish order within a group', async () => {
    const bus = new InProcessEventBus();
    const seen: Record<string, string[]> = { a: [], b: [] };
    for (const group of ['a', 'b']) {
      await bus.subscribe('t', group, async (m) => {
        // A slow first message must not let the second overtake it.
        if (m.value.toString() === '1') await new Promise((r) => setTimeout(r, 20));
        seen[group]!.push(m.value.toString());
      });
    }
    await bus.publish({ topic: 't', key: 'k', value: '1' });
    await bus.publish({ topic: 't', key: 'k', value: '2' });
    await bus.drain();
    assert.deepEqual(seen, { a: ['1', '2'], b: ['1', '2'] });
  });

  it('keeps a group flowing after its handler throws', async () => {
    const bus = new InProcessEventBus();
    const seen: string[] = [];
    await bus.subscribe('t', 'g', (m) => {
      if (m.value.toString() === 'bad') return Promise.reject(new Error('boom'));
      seen.push(m.value.toString());
      return Promise.resolve();
    });
    await bus.publish({ topic: 't', key: 'k', value: 'bad' });
    await bus.publish({ topic: 't', key: 'k', value: 'good' });
    await bus.drain();
    assert.deepEqual(seen, ['good']);
  });

  it('refuses a second subscription of the same group and publishing after close', async () => {
    const bus = new InProcessEventBus();
    await bus.subscribe('t', 'g', () => Promise.resolve());
    await assert.rejects(
      bus.subscribe('t', 'g', () => Promise.resolve()),
      /already consumes/,
    );
    await bus.close();
    await assert.rejects(bus.publish({ topic: 't', key: 'k', value: 'x' }), /closed/);
  });
});
