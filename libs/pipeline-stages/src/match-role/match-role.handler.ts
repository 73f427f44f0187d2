import { deriveEvent, type JobParsedV1, type RoleDecidedV1 } from '@jdpipe/contracts';

import type { CatalogRuntime } from '../catalog-runtime/catalog-runtime';
import { embedKraEvidence } from '../llm-assist/kra-embeddings';
import { LlmAssist, type StageAssist, withStageAssist } from '../llm-assist/llm-assist.runtime';
import { breakRoleTie, type RoleDecisionDraft } from '../llm-assist/role-tie-break';
import { elapsedSince } from '../parse-posting/parse-posting.handler';
import { roleMatchInputOf } from './role-match-input';

export const ROLE_MATCHER_PRODUCER = 'role-matcher';

/** Role-matcher stage: signals for every role, then one decision with its reasons. */
export class MatchRoleHandler {
  constructor(
    private readonly catalog: CatalogRuntime,
    private readonly assist: LlmAssist = LlmAssist.offline(),
  ) {}

  async handle(event: JobParsedV1): Promise<RoleDecidedV1> {
    const started = performance.now();
    const parsed = event.parsed;
    if (!parsed) {
      return deriveEvent(event, ROLE_MATCHER_PRODUCER, { role: null, runnersUp: [], signals: null, roleProposals: [] });
    }
    const { roleMatcher } = await this.catalog.current();
    const input = roleMatchInputOf(parsed, event.posting.description, event.mentions);
    let decision = roleMatcher.match(input);
    let kraVector = decision.kraVector;
    let kraVectorModel: string | undefined;
    const assisted: StageAssist[] = [];
    // The parser already settled which mode runs; this stage makes the run's last model calls, so its budget ends here.
    const modelRun = (event.mode ?? 'offline') !== 'offline' && this.assist.client !== null;
    if (modelRun && this.assist.kraEmbeddings) {
      const embedded = await embedKraEvidence(this.assist, { runId: event.runId, roleMatcher, input, lexical: decision });
      if (embedded) assisted.push(embedded.assist);
      if (embedded?.evidence && embedded.postingVector) {
        decision = roleMatcher.match(input, embedded.evidence);
        kraVector = embedded.postingVector;
        kraVectorModel = embedded.evidence.model;
      }
    }
    let draft: RoleDecisionDraft = {
      role: decision.role,
      runnersUp: decision.runnersUp,
      signals: decision.signals,
      roleProposals: decision.proposals,
    };
    if (modelRun) {
      const tieBreak = await breakRoleTie(this.assist, {
        runId: event.runId,
        title: event.posting.title ?? null,
        description: event.posting.description,
        decision: draft,
      });
      this.assist.client!.forgetRun(event.runId);
      if (tieBreak) {
        draft = tieBreak.decision;
        assisted.push(tieBreak.assist);
      }
    }
    let upstream: Pick<JobParsedV1, 'llmCalls' | 'llmExchanges' | 'llmAssist'> = event;
    for (const stage of assisted) upstream = withStageAssist(upstream, stage);
    const llm = assisted.length > 0 ? upstream : {};
    return deriveEvent(event, ROLE_MATCHER_PRODUCER, {
      ...llm,
      role: draft.role,
      runnersUp: draft.runnersUp,
      signals: draft.signals,
      roleProposals: draft.roleProposals,
      kraVector,
      ...(kraVectorModel ? { kraVectorModel } : {}),
      timings: { ...event.timings, matchRole: elapsedSince(started) },
    });
  }
}
