import { context, propagation } from '@opentelemetry/api';

import { JdpipeAttribute } from './span-attributes';

/** Identifies the run the current work belongs to. */
export interface RunIdentity {
  runId: string;
  postingId?: string;
}

/**
 * Runs `work` with the run's ids in W3C baggage. Baggage travels in message headers next to
 * `traceparent`, so every downstream stage (and every log line there) knows the run without parsing
 * the payload first.
 */
export function withRunContext<T>(run: RunIdentity, work: () => T): T {
  const entries: Record<string, { value: string }> = { [JdpipeAttribute.runId]: { value: run.runId } };
  if (run.postingId !== undefined) entries[JdpipeAttribute.postingId] = { value: run.postingId };
  const current = propagation.getActiveBaggage() ?? propagation.createBaggage();
  const baggage = Object.entries(entries).reduce((bag, [key, entry]) => bag.setEntry(key, entry), current);
  return context.with(propagation.setBaggage(context.active(), baggage), work);
}

/** The run id carried in the active baggage, if any. */
export function currentRunId(): string | undefined {
  return propagation.getActiveBaggage()?.getEntry(JdpipeAttribute.runId)?.value;
}
