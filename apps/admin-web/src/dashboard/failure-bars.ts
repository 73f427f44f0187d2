import type { StatsView } from '../api/api-types.js';
import { formatCount } from '../format/format.js';

/** The failures chart's bars: rejected and failed runs per code, then each dead-letter topic that holds records. */
export function failureBars(stats: StatsView): Array<{ label: string; value: number }> {
  const runs = stats.failures.byCode.map((failure) => ({ label: failure.code, value: failure.count }));
  const deadLetters = (stats.deadLetters?.byTopic ?? [])
    .filter((topic) => topic.count > 0)
    .map((topic) => ({ label: topic.topic, value: topic.count }));
  return [...runs, ...deadLetters];
}

/** Says what the bars count; dead letters only where the deployment has them (Kafka). */
export function failuresSubtitle(stats: StatsView): string {
  const runs = 'Rejected and failed runs by code';
  if (stats.deadLetters === undefined) return runs;
  if (stats.deadLetters === null) return `${runs} · dead letters unavailable`;
  return `${runs} · ${formatCount(stats.deadLetters.total)} dead letters held in Kafka`;
}
