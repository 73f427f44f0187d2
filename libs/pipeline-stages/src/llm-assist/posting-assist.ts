import type { CatalogIndex } from '@jdpipe/catalog';
import type { CandidatePhraseV1, ExtractionMode, SkillMentionV1 } from '@jdpipe/contracts';
import type { ParsedJd } from '@jdpipe/jd-parsing';
import { buildPostingMessages } from '@jdpipe/llm';

import { askOrFallBack, emptyAssistSummary, type LlmAssist, type StageAssist } from './llm-assist.runtime';
import { mergePostingAssist, type PostingAssistMerge } from './posting-assist.merge';
import {
  POSTING_ASSIST_INSTRUCTIONS,
  POSTING_ASSIST_PROMPT_VERSION,
  POSTING_ASSIST_SCHEMA,
  type PostingAssistAnswer,
} from './posting-assist.schema';
import { catalogCategories } from './skill-enrichment';

export interface PostingAssistRequest {
  runId: string;
  mode: Exclude<ExtractionMode, 'offline'>;
  postingTitle: string | null;
  description: string;
  offline: ParsedJd;
  catalog: CatalogIndex;
  mentions: SkillMentionV1[];
  candidatePhrases: CandidatePhraseV1[];
}

/**
 * The parse stage's one model call: parsed fields and missed skills together, merged into the offline
 * result by `mergePostingAssist`. On any model failure the offline result comes back unchanged.
 */
export async function assistPosting(
  assist: LlmAssist,
  request: PostingAssistRequest,
): Promise<{ merged: Omit<PostingAssistMerge, 'summary'>; assist: StageAssist }> {
  const alreadyFound = [
    ...new Set(request.mentions.map((mention) => request.catalog.skillBySlug.get(mention.skillSlug)?.name ?? mention.skillSlug)),
  ];
  const messages = buildPostingMessages({
    instructions: POSTING_ASSIST_INSTRUCTIONS,
    posting: request.postingTitle ? `${request.postingTitle}\n\n${request.description}` : request.description,
    context: { alreadyFound, categories: catalogCategories(request.catalog) },
  });
  const outcome = await askOrFallBack(assist, request.runId, 'parse', (client) =>
    client.complete<PostingAssistAnswer>({
      runId: request.runId,
      stage: 'parse',
      purpose: 'posting-assist',
      promptVersion: POSTING_ASSIST_PROMPT_VERSION,
      ...messages,
      schema: POSTING_ASSIST_SCHEMA,
    }),
  );
  const offline = { parsed: request.offline, mentions: request.mentions, candidatePhrases: request.candidatePhrases };
  if (!outcome.value) {
    const summary = emptyAssistSummary();
    if (outcome.fallback) summary.fallbacks.push(outcome.fallback);
    return { merged: offline, assist: { records: outcome.records, exchanges: outcome.exchanges, summary } };
  }
  const { summary, ...merged } = mergePostingAssist({ ...request, answer: outcome.value.value, sections: request.offline.sections });
  return { merged, assist: { records: outcome.records, exchanges: outcome.exchanges, summary } };
}
