import { LlmError, normaliseText } from '@jdpipe/llm';
import {
  bestKraByEmbedding,
  type EmbeddedText,
  type KraEmbeddingEvidence,
  meanUnitVector,
  type RoleDecision,
  type RoleMatcher,
  type RoleMatchInput,
} from '@jdpipe/role-matching';

import { askOrFallBack, emptyAssistSummary, type LlmAssist, type StageAssist } from './llm-assist.runtime';

/**
 * Lexical candidates whose KRAs are embedded: the decision and its nearest rivals. Roles further down would
 * need a paraphrase on nearly every sentence to overtake them, and each one adds its KRAs to the call.
 */
export const EMBEDDED_CANDIDATES = 5;
export const KRA_SIMILARITY_PURPOSE = 'kra-similarity';

export interface KraEmbeddingOutcome {
  /** Null when the call failed: the lexical similarity stands (the fallback is in `assist.summary`). */
  evidence: KraEmbeddingEvidence | null;
  /** The posting's responsibilities as the mean of their embeddings, for the role centroid; null on failure. */
  postingVector: number[] | null;
  assist: StageAssist;
}

/**
 * Embeds the posting's KRA sentences and the KRAs of the lexical ranking's leading candidates, cache first and
 * one batched call for the texts the cache lacks, and returns the per-sentence best KRA of each candidate by
 * embedding. Null when there is nothing to compare (no sentences, no candidate with KRAs).
 */
export async function embedKraEvidence(
  assist: LlmAssist,
  request: { runId: string; roleMatcher: RoleMatcher; input: RoleMatchInput; lexical: RoleDecision },
): Promise<KraEmbeddingOutcome | null> {
  const client = assist.client;
  const cache = assist.embeddingCache;
  if (!client || !cache) return null;
  const { roleMatcher } = request;
  // A blank text cannot be embedded (the API refuses it) and matches nothing.
  const krasOf = (slug: string) => roleMatcher.krasOf(slug).filter((kra) => normaliseText(kra) !== '');
  const sentences = roleMatcher.kraSentences(request.input);
  const chosen = request.lexical.role && !request.lexical.role.isNew ? [request.lexical.role.slug] : [];
  const leading = (request.lexical.signals?.candidates ?? []).map((candidate) => candidate.slug);
  const roles = [...new Set([...chosen, ...leading])].filter((slug) => krasOf(slug).length > 0).slice(0, EMBEDDED_CANDIDATES);
  if (sentences.length === 0 || roles.length === 0) return null;

  const model = client.config.embeddingModel;
  const texts = [...new Set([...sentences, ...roles.flatMap(krasOf)].map(normaliseText))];
  const vectors = await cache.find(model, texts);
  const missing = texts.filter((text) => !vectors.has(text));
  const summary = emptyAssistSummary();
  const stageAssist: StageAssist = { records: [], exchanges: [], summary };
  if (missing.length > 0) {
    const outcome = await askOrFallBack(assist, request.runId, 'matchRole', async (llm) => {
      const { vectors: fresh } = await llm.embed({
        runId: request.runId,
        stage: 'matchRole',
        purpose: KRA_SIMILARITY_PURPOSE,
        texts: missing,
      });
      // Checked before anything is cached or compared: one wrong-sized vector would poison every later run.
      const dimensions = vectors.values().next().value?.length ?? fresh[0]?.length;
      if (fresh.some((vector) => vector.length !== dimensions)) {
        throw new LlmError('LLM.INVALID_OUTPUT', `${model} returned vectors of another size than the ${dimensions} it cached`);
      }
      return fresh;
    });
    stageAssist.records = outcome.records;
    stageAssist.exchanges = outcome.exchanges;
    if (!outcome.value) {
      if (outcome.fallback) summary.fallbacks.push(outcome.fallback);
      return { evidence: null, postingVector: null, assist: stageAssist };
    }
    const fresh = outcome.value;
    missing.forEach((text, index) => vectors.set(text, fresh[index]!));
    await cache.save(
      model,
      missing.map((text, index) => ({ text, vector: fresh[index]! })),
    );
  }

  const embedded = (text: string): EmbeddedText => ({ text, vector: vectors.get(normaliseText(text))! });
  const sentenceVectors = sentences.map(embedded);
  const matchesByRole = new Map(roles.map((slug) => [slug, bestKraByEmbedding(sentenceVectors, krasOf(slug).map(embedded))]));
  return {
    evidence: { model, matchesByRole },
    postingVector: meanUnitVector(sentenceVectors.map((sentence) => sentence.vector)),
    assist: stageAssist,
  };
}
