/** One evidence text as the queue shows it: how often runs quoted it, and the latest of those runs. */
export interface DistinctEvidence {
  text: string;
  count: number;
  latestRunId: string;
}

/**
 * A proposal seen in many runs of the same posting carries the same quote many times: show each quote once,
 * most frequent first (then most recent), with its count.
 */
export function distinctEvidence(
  evidence: ReadonlyArray<{ runId: string; evidence: string | null; seenAt: string }>,
  limit: number,
): DistinctEvidence[] {
  const byText = new Map<string, DistinctEvidence & { seenAt: string }>();
  for (const entry of evidence) {
    const text = entry.evidence?.trim();
    if (!text) continue;
    const known = byText.get(text);
    if (!known) byText.set(text, { text, count: 1, latestRunId: entry.runId, seenAt: entry.seenAt });
    else {
      known.count += 1;
      if (entry.seenAt > known.seenAt) Object.assign(known, { latestRunId: entry.runId, seenAt: entry.seenAt });
    }
  }
  return [...byText.values()]
    .sort((a, b) => b.count - a.count || b.seenAt.localeCompare(a.seenAt))
    .slice(0, limit)
    .map(({ text, count, latestRunId }) => ({ text, count, latestRunId }));
}
