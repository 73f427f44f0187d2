import { deriveEvent, type JobParsedV1, type RoleDecidedV1 } from '@jdpipe/contracts';

import type { CatalogRuntime } from '../catalog-runtime/catalog-runtime';
import { LlmAssist, withStageAssist } from '../llm-assist/llm-assist.runtime';
import { breakRoleTie, type RoleDecisionDraft } from '../llm-assist/role-tie-break';
import { elapsedSince } from '../parse-posting/parse-posting.handler';

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
    const kindOfSentence = (index: number) => parsed.sections[index]?.kind;
    const responsibilities = parsed.sentences.filter((s) => kindOfSentence(s.sectionIndex) === 'responsibilities');
    const requirements = parsed.sentences.filter((s) => ['requirements', 'nice_to_have'].includes(kindOfSentence(s.sectionIndex) ?? ''));
    const decision = roleMatcher.match({
      title: parsed.title,
      roleAliases: parsed.roleAliases,
      // Postings without a responsibilities heading still describe duties somewhere: use every sentence.
      responsibilitySentences: (responsibilities.length > 0 ? responsibilities : parsed.sentences).map((s) => s.text),
      requirementSentences: requirements.map((s) => s.text),
      skillSlugs: [...new Set(event.mentions.map((m) => m.skillSlug))],
      text: event.posting.description,
    });
    let draft: RoleDecisionDraft = {
      role: decision.role,
      runnersUp: decision.runnersUp,
      signals: decision.signals,
      roleProposals: decision.proposals,
    };
    let llm = {};
    // The parser already settled which mode runs; this is the run's last model call, so its budget ends here.
    if ((event.mode ?? 'offline') !== 'offline' && this.assist.client) {
      const tieBreak = await breakRoleTie(this.assist, {
        runId: event.runId,
        title: event.posting.title ?? null,
        description: event.posting.description,
        decision: draft,
      });
      this.assist.client.forgetRun(event.runId);
      if (tieBreak) {
        draft = tieBreak.decision;
        llm = withStageAssist(event, tieBreak.assist);
      }
    }
    return deriveEvent(event, ROLE_MATCHER_PRODUCER, {
      ...llm,
      role: draft.role,
      runnersUp: draft.runnersUp,
      signals: draft.signals,
      roleProposals: draft.roleProposals,
      kraVector: decision.kraVector,
      timings: { ...event.timings, matchRole: elapsedSince(started) },
    });
  }
}
