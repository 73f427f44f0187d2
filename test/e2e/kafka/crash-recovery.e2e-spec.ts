import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { TOPICS } from '@jdpipe/contracts';

import { repositoryRoot, type RunningStack, selectPostings, type StackService, startStack, waitFor } from '@jdpipe/testing';

const POSTINGS = 200;

// Black-box: services die without warning mid-stream and come back; at-least-once delivery plus the
// persister's dedupe must still leave exactly one run per posting.
describe('service deployment when services are killed mid-stream', () => {
  let stack: RunningStack;

  before(async () => {
    stack = await startStack({
      // A killed member is noticed after the session timeout; the broker's minimum keeps the test short.
      serviceEnv: { KAFKA_SESSION_TIMEOUT_MS: '6000', KAFKA_HEARTBEAT_INTERVAL_MS: '1000', KAFKA_REBALANCE_TIMEOUT_MS: '6000' },
    });
  });
  after(async () => {
    await stack?.stop();
  });

  it(`loses and duplicates nothing of ${POSTINGS} postings when skill-resolver, then persister, are SIGKILLed and restarted`, () =>
    stack.reportingFailures(async () => {
      const { postings } = selectPostings(repositoryRoot(), { count: POSTINGS, skip: 1_000, idPrefix: 'e2e-crash' });
      const completions = await stack.topics.read(TOPICS.runCompleted);
      const firstHalf = await stack.postPostings(postings.slice(0, POSTINGS / 2));
      const runIds = firstHalf.map((run) => run.runId);

      const killMidStream = async (service: StackService, afterRuns: number) => {
        const stored = await waitFor(
          async () => {
            const count = await stack.countRuns(runIds);
            return count >= afterRuns && count;
          },
          { timeoutMs: 120_000, intervalMs: 100, description: `${afterRuns} runs before killing ${service}` },
        );
        const exit = await stack.kill(service, 'SIGKILL');
        assert.equal(exit, 'killed by SIGKILL');
        return stored;
      };

      const storedAtFirstKill = await killMidStream('skill-resolver', 20);
      // The rest arrives while the skill-resolver is down: it must pick all of it up after the restart.
      const secondHalf = await stack.postPostings(postings.slice(POSTINGS / 2));
      runIds.push(...secondHalf.map((run) => run.runId));
      await stack.restart('skill-resolver');

      const storedAtSecondKill = await killMidStream('persister', storedAtFirstKill + 40);
      await stack.restart('persister');
      process.stderr.write(`killed skill-resolver at ${storedAtFirstKill} runs, persister at ${storedAtSecondKill} of ${POSTINGS}\n`);
      assert.ok(storedAtSecondKill < POSTINGS, 'the persister must die while postings are still flowing');

      assert.equal(new Set(runIds).size, POSTINGS);
      await stack.waitForRuns(runIds, { timeoutMs: 180_000 });
      await stack.waitUntilDrained();
      const counts = await stack.countRunTables();
      assert.equal(counts.runs, POSTINGS, 'one run per posting, nothing extra');
      assert.equal(counts.processedEvents, POSTINGS, 'each skills.resolved event applied once');
      const perPosting = (await stack.dataSource.query(
        'SELECT posting_id, count(*)::int AS runs FROM runs GROUP BY posting_id HAVING count(*) <> 1',
      )) as unknown[];
      assert.deepEqual(perPosting, []);
      const mismatched = (await stack.dataSource.query(`
        SELECT r.run_id FROM runs r LEFT JOIN run_skills s ON s.run_id = r.run_id
        GROUP BY r.run_id, r.document HAVING count(s.run_id) <> jsonb_array_length(r.document->'skills')`)) as unknown[];
      assert.deepEqual(mismatched, [], 'run_skills rows per run must match the run documents');

      // Redeliveries may repeat a completion, never invent or lose a run.
      const completedRunIds = await waitFor(
        () => {
          const ids = new Set(completions.records.map((record) => (JSON.parse(record.value) as { runId: string }).runId));
          return ids.size >= POSTINGS && ids;
        },
        { timeoutMs: 60_000, description: `${POSTINGS} runs on ${TOPICS.runCompleted}` },
      );
      assert.deepEqual([...completedRunIds].sort(), [...runIds].sort());
      process.stderr.write(`${completions.records.length} completion records for ${POSTINGS} runs\n`);
      await completions.stop();

      // Nothing moves afterwards: the counts are final, not a snapshot of work still in flight.
      assert.deepEqual(await stack.countRunTables(), counts);
    }));
});
