import { deriveEvent, type JobParsedV1, type JobPostedV1 } from '@jdpipe/contracts';
import { parseJobDescription } from '@jdpipe/jd-parsing';

import type { CatalogRuntime } from '../catalog-runtime/catalog-runtime';
import { LlmAssist, withStageAssist } from '../llm-assist/llm-assist.runtime';
import { assistPosting } from '../llm-assist/posting-assist';

export const PARSER_PRODUCER = 'parser';

/** Parser stage: posting → parsed fields and raw skill mentions, or a rejection. */
export class ParsePostingHandler {
  constructor(
    private readonly catalog: CatalogRuntime,
    private readonly assist: LlmAssist = LlmAssist.offline(),
  ) {}

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
    let result = { parsed: outcome.ok ? outcome.parsed : null, mentions: scan.mentions, candidatePhrases: scan.candidatePhrases };

    // The run says which path ran: a run asking for a model where none is configured runs offline.
    const mode = this.assist.modeFor(event.mode);
    const modeChange = mode === (event.mode ?? 'offline') ? {} : { mode };
    let llm = {};
    if (mode !== 'offline' && result.parsed) {
      const assisted = await assistPosting(this.assist, {
        runId: event.runId,
        mode,
        postingTitle: event.posting.title ?? null,
        description: event.posting.description,
        offline: result.parsed,
        catalog: index,
        mentions: result.mentions,
        candidatePhrases: result.candidatePhrases,
      });
      result = assisted.merged;
      llm = withStageAssist(event, assisted.assist);
    }
    return deriveEvent(event, PARSER_PRODUCER, {
      ...modeChange,
      ...llm,
      catalogVersion: index.version,
      parsed: result.parsed,
      rejection: outcome.ok ? null : outcome.rejection,
      mentions: result.mentions,
      candidatePhrases: result.candidatePhrases,
      timings: { ...event.timings, parse: elapsedSince(started) },
    });
  }
}

export function elapsedSince(started: number): number {
  return Math.round((performance.now() - started) * 1000) / 1000;
}
