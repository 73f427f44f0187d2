import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { HEADERS, MAX_EVENT_BYTES, STAGE_TOPICS, TOPICS } from '@jdpipe/contracts';
import type { SpanFileRecord } from '@jdpipe/telemetry';

import {
  type AcceptedRun,
  type GatewayPosting,
  repositoryRoot,
  type RunTableCounts,
  type RunningStack,
  selectPostings,
  type StackTopicReader,
  startStack,
  waitFor,
} from '@jdpipe/testing';

const POSTINGS = 500;

/** `deadLetters` of GET /v1/stats on the gateway. */
interface StatsDeadLetters {
  total: number;
  byTopic: Array<{ topic: string; count: number }>;
}
const PIPELINE_TIMEOUT_MS = 240_000;

// Black-box: postings go in over HTTP or straight onto the topic; rows, topic records and spans come out.
describe('service deployment over Kafka and PostgreSQL', () => {
  let stack: RunningStack;
  let postings: GatewayPosting[];
  let accepted: AcceptedRun[] = [];

  before(async () => {
    stack = await startStack({ recordSpans: true });
    const corpus = selectPostings(repositoryRoot(), { count: POSTINGS, idPrefix: 'e2e-posting' });
    postings = corpus.postings;
    process.stderr.write(`stack ${stack.naming.name}: ${POSTINGS} ${corpus.origin}\n`);
  });
  after(async () => {
    await stack?.stop();
  });

  it(`turns ${POSTINGS} postings sent over HTTP into exactly one run each`, () =>
    stack.reportingFailures(async () => {
      const decided = await stack.topics.read(TOPICS.roleDecided);

      accepted = await stack.postPostings(postings);
      assert.equal(accepted.length, POSTINGS);
      assert.deepEqual(
        accepted.map((run) => run.postingId),
        postings.map((posting) => posting.postingId),
      );
      const runIds = accepted.map((run) => run.runId);
      assert.equal(new Set(runIds).size, POSTINGS, 'distinct postings must get distinct run ids');

      await stack.waitForRuns(runIds, { timeoutMs: PIPELINE_TIMEOUT_MS });
      const rows = (await stack.dataSource.query('SELECT run_id, posting_id, status FROM runs')) as Array<{
        run_id: string;
        posting_id: string;
        status: string;
      }>;
      assert.equal(rows.length, POSTINGS, 'no run beyond the posted ones');
      const postingOfRun = new Map(accepted.map((run) => [run.runId, run.postingId]));
      for (const row of rows) {
        assert.equal(row.posting_id, postingOfRun.get(row.run_id), `run ${row.run_id} belongs to another posting`);
        assert.ok(['completed', 'rejected'].includes(row.status), `run ${row.run_id} is ${row.status}`);
      }
      const statuses = countBy(rows.map((row) => row.status));
      process.stderr.write(`statuses: ${JSON.stringify(statuses)}\n`);
      assert.ok((statuses.completed ?? 0) > 0, 'some postings must complete');

      const counts = await stack.countRunTables();
      assert.equal(counts.processedEvents, POSTINGS, 'the persister applied each run once');
      await assertRunSkillsMatchDocuments(stack);

      // A consumer group of the test's own sees every run decided on roles.decided.v1.
      const decidedRunIds = await waitFor(
        () => {
          const ids = new Set(decided.records.map((record) => (JSON.parse(record.value) as { runId: string }).runId));
          return ids.size >= POSTINGS && ids;
        },
        { timeoutMs: 60_000, description: `${POSTINGS} distinct runs on ${TOPICS.roleDecided}` },
      );
      await decided.stop();
      assert.equal(decidedRunIds.size, POSTINGS);
      assert.deepEqual([...decidedRunIds].sort(), [...runIds].sort());
    }));

  it('keeps one trace per run across the five services, and stores its id with the run', () =>
    stack.reportingFailures(async () => {
      assert.equal(accepted.length, POSTINGS, 'needs the runs of the first test');
      // The persister's consumer span ends after its completion is published, i.e. after the row exists.
      let spansOfRun = new Map<string, SpanFileRecord[]>();
      await waitFor(
        () => {
          spansOfRun = groupSpansByRun(stack.spans(), accepted);
          return accepted.every((run) => missingSpans(spansOfRun.get(run.runId) ?? []).length === 0);
        },
        { timeoutMs: 30_000, intervalMs: 500, description: 'the spans of every run' },
      ).catch((error: unknown) => {
        const incomplete = accepted.find((run) => missingSpans(spansOfRun.get(run.runId) ?? []).length > 0)!;
        throw new Error(
          `${(error as Error).message}; run ${incomplete.runId} lacks ${missingSpans(spansOfRun.get(incomplete.runId) ?? []).join(', ')}`,
        );
      });

      const stored = (await stack.dataSource.query(
        `SELECT run_id, trace_id, document->>'traceId' AS document_trace_id FROM runs`,
      )) as Array<{
        run_id: string;
        trace_id: string | null;
        document_trace_id: string | null;
      }>;
      const storedByRun = new Map(stored.map((row) => [row.run_id, row]));
      const traceIds = new Set<string>();
      for (const run of accepted) {
        const spans = spansOfRun.get(run.runId)!;
        const traces = new Set(spans.map((span) => span.traceId));
        assert.equal(traces.size, 1, `run ${run.runId} is spread over ${traces.size} traces: ${describeSpans(spans)}`);
        const [traceId] = traces;
        assert.match(traceId!, /^[0-9a-f]{32}$/);
        traceIds.add(traceId!);
        assert.equal(storedByRun.get(run.runId)?.document_trace_id, traceId, `run document ${run.runId} carries another trace id`);
        assert.equal(storedByRun.get(run.runId)?.trace_id, traceId, `runs.trace_id of ${run.runId}`);
      }
      assert.equal(traceIds.size, POSTINGS, 'each run has a trace of its own');

      const sample = spansOfRun.get(accepted[0]!.runId)!;
      const persisterProcess = sample.find((span) => span.serviceName === 'persister' && span.kind === 'CONSUMER')!;
      const transaction = sample.find((span) => span.serviceName === 'persister' && span.attributes['db.system'] !== undefined)!;
      assert.equal(transaction.parentSpanId, persisterProcess.spanId, 'the transaction runs inside the persister message span');
    }));

  it('applies a repeated posting once: same runs, no second review-queue occurrence', () =>
    stack.reportingFailures(async () => {
      assert.equal(accepted.length, POSTINGS, 'needs the runs of the first test');
      await stack.waitUntilDrained();
      const before = await stack.countRunTables();
      const completionsBefore = await stack.topics.endOffsetTotal(TOPICS.runCompleted);
      assert.ok(before.reviewQueueOccurrences > 0, 'the first pass should have queued proposals, or this test proves nothing');

      const repeated = await stack.postPostings(postings);
      assert.deepEqual(repeated, accepted, 'the gateway gives a repeated posting its first run id');

      // The persister answers every redelivered run with its completion again: wait for all of them.
      await waitFor(async () => (await stack.topics.endOffsetTotal(TOPICS.runCompleted)) >= completionsBefore + POSTINGS, {
        timeoutMs: PIPELINE_TIMEOUT_MS,
        intervalMs: 500,
        description: `${POSTINGS} repeated completions on ${TOPICS.runCompleted}`,
      });
      await stack.waitUntilDrained();
      const afterRepeat: RunTableCounts = await stack.countRunTables();
      assert.deepEqual(afterRepeat, before);
      await assertRunSkillsMatchDocuments(stack);
    }));

  it('dead-letters invalid JSON, a schema violation and an oversized event with their reasons and bytes; valid postings still complete', () =>
    stack.reportingFailures(async () => {
      const deadLetters = await stack.topics.read(`${TOPICS.jobPosted}.dlq`);
      const runsBefore = (await stack.countRunTables()).runs;

      const invalidJson = Buffer.concat([Buffer.from('{"runId": "'), Buffer.from([0xff, 0xfe, 0x00, 0xc3]), Buffer.from('", oops')]);
      const notAUuid = {
        ...upstreamEvent('e2e-dlq-schema', 'Warehouse associate. Pick and pack orders, forklift licence preferred.'),
        runId: 'not-a-uuid',
      };
      const oversized = upstreamEvent('e2e-dlq-too-large', '');
      const padding = MAX_EVENT_BYTES + 1_024 - Buffer.byteLength(JSON.stringify(oversized));
      oversized.posting.description = 'Registered nurse, night shifts. '.repeat(Math.ceil(padding / 32)).slice(0, padding);
      const sent = [
        { key: 'e2e-dlq-json', value: invalidJson, code: 'EVENT.INVALID_JSON', reason: /JSON/i },
        { key: 'e2e-dlq-schema', value: Buffer.from(JSON.stringify(notAUuid)), code: 'EVENT.SCHEMA_VIOLATION', reason: /runId/ },
        {
          key: 'e2e-dlq-too-large',
          value: Buffer.from(JSON.stringify(oversized)),
          code: 'EVENT.TOO_LARGE',
          reason: new RegExp(`${MAX_EVENT_BYTES}`),
        },
      ];
      assert.ok(sent[2]!.value.length > MAX_EVENT_BYTES && sent[2]!.value.length < 1_040_000, 'over our limit, under the broker default');
      for (const message of sent) await stack.bus.publish({ topic: TOPICS.jobPosted, key: message.key, value: message.value });

      // After the bad ones: one valid event straight onto the topic (as an upstream system would) and one over HTTP.
      const upstream = upstreamEvent('e2e-dlq-valid-upstream', exampleDescription());
      await stack.bus.publish({ topic: TOPICS.jobPosted, key: upstream.postingId, value: JSON.stringify(upstream) });
      const [overHttp] = await stack.postPostings([
        { postingId: 'e2e-dlq-valid-http', title: 'Data Analyst', description: exampleDescription() },
      ]);
      await stack.waitForRuns([upstream.runId, overHttp!.runId], { timeoutMs: 60_000, failOnDeadLetters: false });
      for (const runId of [upstream.runId, overHttp!.runId])
        assert.equal((await stack.runs.getRun(runId))?.status, 'completed', `run ${runId}`);

      const letters = await waitForDeadLetters(
        deadLetters,
        sent.map((message) => message.key),
      );
      for (const message of sent) {
        const letter = letters.get(message.key)!;
        assert.equal(letter.headers[HEADERS.errorCode], message.code, `${message.key} error code`);
        assert.match(letter.headers[HEADERS.errorReason] ?? '', message.reason, `${message.key} reason`);
        assert.equal(letter.headers[HEADERS.originalTopic], TOPICS.jobPosted);
        assert.match(letter.headers[HEADERS.originalPartition] ?? '', /^\d+$/);
        assert.match(letter.headers[HEADERS.originalOffset] ?? '', /^\d+$/);
        assert.ok(letter.valueBytes.equals(message.value), `${message.key}: the dead letter must carry the original bytes`);
      }
      assert.equal(deadLetters.records.length, sent.length, 'nothing else was dead-lettered');
      await deadLetters.stop();

      // The gateway's stats count what the dead-letter topics hold; any key may read them, the ingest one too.
      const counted = await waitFor(
        async () => {
          const response = await fetch(`${stack.gatewayUrl}/v1/stats`, { headers: { authorization: `Bearer ${stack.ingestKey}` } });
          assert.equal(response.status, 200, `GET /v1/stats answered ${response.status}`);
          const { deadLetters: counts } = (await response.json()) as { deadLetters?: StatsDeadLetters | null };
          return counts && counts.total >= sent.length ? counts : false;
        },
        { timeoutMs: 30_000, intervalMs: 500, description: `${sent.length} dead letters in GET /v1/stats` },
      );
      assert.deepEqual(
        counted.byTopic.map((entry) => entry.topic),
        STAGE_TOPICS.map((topic) => `${topic}.dlq`),
      );
      assert.equal(counted.byTopic.find((entry) => entry.topic === `${TOPICS.jobPosted}.dlq`)?.count, sent.length);
      assert.equal(counted.total, await stack.deadLetterTotal(), 'the stats count what the topics hold');
      assert.equal((await stack.countRunTables()).runs, runsBefore + 2, 'only the two valid postings became runs');
    }));
});

/** Every run_skills row matches a skill of its run document, no more, no fewer. */
async function assertRunSkillsMatchDocuments(stack: RunningStack): Promise<void> {
  const mismatched = (await stack.dataSource.query(`
    SELECT r.run_id, jsonb_array_length(r.document->'skills') AS in_document, count(s.run_id)::int AS rows
    FROM runs r LEFT JOIN run_skills s ON s.run_id = r.run_id
    GROUP BY r.run_id, r.document
    HAVING count(s.run_id) <> jsonb_array_length(r.document->'skills')`)) as unknown[];
  assert.deepEqual(mismatched, [], 'run_skills rows per run differ from the run documents');
}

/** The spans of each run: found by run id where a span carries it, else by the message key (the posting id). */
function groupSpansByRun(spans: SpanFileRecord[], runs: AcceptedRun[]): Map<string, SpanFileRecord[]> {
  const runOfPosting = new Map(runs.map((run) => [run.postingId, run.runId]));
  const known = new Set(runs.map((run) => run.runId));
  const byRun = new Map<string, SpanFileRecord[]>();
  for (const span of spans) {
    const runId = stringAttribute(span, 'jdpipe.run_id');
    const postingId = stringAttribute(span, 'messaging.kafka.message.key');
    const owner = runId && known.has(runId) ? runId : postingId ? runOfPosting.get(postingId) : undefined;
    if (!owner) continue;
    byRun.set(owner, [...(byRun.get(owner) ?? []), span]);
  }
  return byRun;
}

/** What one run's trace must hold: the gateway's publish, one process span per stage, the persister's transaction. */
function missingSpans(spans: SpanFileRecord[]): string[] {
  const expected: Array<[string, (span: SpanFileRecord) => boolean]> = [
    ['gateway publish', (span) => span.serviceName === 'gateway' && span.kind === 'PRODUCER' && destination(span) === TOPICS.jobPosted],
    ['parser process', (span) => span.serviceName === 'parser' && span.kind === 'CONSUMER' && destination(span) === TOPICS.jobPosted],
    [
      'role-matcher process',
      (span) => span.serviceName === 'role-matcher' && span.kind === 'CONSUMER' && destination(span) === TOPICS.jobParsed,
    ],
    [
      'skill-resolver process',
      (span) => span.serviceName === 'skill-resolver' && span.kind === 'CONSUMER' && destination(span) === TOPICS.roleDecided,
    ],
    [
      'persister process',
      (span) => span.serviceName === 'persister' && span.kind === 'CONSUMER' && destination(span) === TOPICS.skillsResolved,
    ],
    ['persister transaction', (span) => span.serviceName === 'persister' && span.attributes['db.system'] !== undefined],
  ];
  return expected.filter(([, matches]) => !spans.some(matches)).map(([name]) => name);
}

function destination(span: SpanFileRecord): string | undefined {
  return stringAttribute(span, 'messaging.destination.name');
}

function stringAttribute(span: SpanFileRecord, name: string): string | undefined {
  const value = span.attributes[name];
  return typeof value === 'string' ? value : undefined;
}

function describeSpans(spans: SpanFileRecord[]): string {
  return spans.map((span) => `${span.serviceName}/${span.name}@${span.traceId.slice(0, 8)}`).join(', ');
}

function countBy(values: string[]): Record<string, number> {
  return values.reduce<Record<string, number>>((counts, value) => ({ ...counts, [value]: (counts[value] ?? 0) + 1 }), {});
}

/** A `jobs.posted.v1` event as an upstream system would publish it, without any of our code. */
function upstreamEvent(postingId: string, description: string) {
  const now = new Date().toISOString();
  return {
    eventId: randomUUID(),
    runId: randomUUID(),
    postingId,
    schemaVersion: '1.0',
    occurredAt: now,
    postedAt: now,
    producer: 'e2e-upstream-ats',
    mode: 'offline',
    posting: { title: 'Data Analyst', description, location: null, company: null, source: 'e2e-upstream-ats' },
    timings: {},
  };
}

function exampleDescription(): string {
  const example = JSON.parse(readFileSync(join(repositoryRoot(), 'examples', 'data-analyst.json'), 'utf8')) as { description: string };
  return example.description;
}

async function waitForDeadLetters(reader: StackTopicReader, keys: string[]) {
  return waitFor(
    () => {
      const byKey = new Map(reader.records.map((record) => [record.key ?? '', record]));
      return keys.every((key) => byKey.has(key)) && byKey;
    },
    { timeoutMs: 30_000, description: `dead letters for ${keys.join(', ')}` },
  );
}
