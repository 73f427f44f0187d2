import { deriveEvent, type JobParsedV1, type JobPostedV1 } from '@jdpipe/contracts';
import { parseJobDescription } from '@jdpipe/jd-parsing';

import type { CatalogRuntime } from '../catalog-runtime/catalog-runtime';

export const PARSER_PRODUCER = 'parser';

/** Parser stage: posting → parsed fields and raw skill mentions, or a rejection. */
export class ParsePostingHandler {
  constructor(private readonly catalog: CatalogRuntime) {}

  async handle(event: JobPostedV1): Promise<JobParsedV1> {
    const started = performance.now();
    const { index, skillMatcher } = await this.catalog.current();
    const outcome = parseJobDescription({
      description: event.posting.description,
      title: event.posting.title ?? null,
      location: event.posting.location ?? null,
    });
    const scan = outcome.ok
      ? skillMatcher.scan(event.posting.description, outcome.parsed.sections, outcome.parsed.sentences)
      : { mentions: [], candidatePhrases: [] };
    return deriveEvent(event, PARSER_PRODUCER, {
      catalogVersion: index.version,
      parsed: outcome.ok ? outcome.parsed : null,
      rejection: outcome.ok ? null : outcome.rejection,
      mentions: scan.mentions,
      candidatePhrases: scan.candidatePhrases,
      timings: { ...event.timings, parse: elapsedSince(started) },
    });
  }
}

export function elapsedSince(started: number): number {
  return Math.round((performance.now() - started) * 1000) / 1000;
}
