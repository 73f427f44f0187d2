import type { Proposal, RoleChoice, RoleSignals, RunnerUpRole } from '@jdpipe/contracts';
import { buildPostingMessages, type StructuredOutputSchema } from '@jdpipe/llm';

import { instructionLikeSpans, locateQuote } from './grounding';
import { askOrFallBack, emptyAssistSummary, type LlmAssist, type StageAssist } from './llm-assist.runtime';

export const ROLE_TIE_BREAK_PROMPT_VERSION = 'role-tie-break-v1';

/** Candidates this close to the top score (0..1) are a tie worth a second opinion. */
export const ROLE_TIE_MARGIN = 0.08;
const MAX_TIED_CANDIDATES = 4;
const MAX_REASONING_CHARS = 400;

export interface RoleTieBreakAnswer {
  /** One of the candidate slugs, or null when none fits. */
  choice: string | null;
  /** A role missing from the library, named as the posting names it. */
  newRole: { title: string; evidence: string } | null;
  reasoning: string;
}

export const ROLE_TIE_BREAK_SCHEMA: StructuredOutputSchema = {
  name: 'role_tie_break',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['choice', 'newRole', 'reasoning'],
    properties: {
      choice: { type: ['string', 'null'] },
      newRole: {
        anyOf: [
          {
            type: 'object',
            additionalProperties: false,
            required: ['title', 'evidence'],
            properties: { title: { type: 'string' }, evidence: { type: 'string' } },
          },
          { type: 'null' },
        ],
      },
      reasoning: { type: 'string' },
    },
  },
};

const INSTRUCTIONS = [
  'You settle a close call between candidate roles for one job posting.',
  'The context lists the candidates with their slugs, KRAs matched and scores. Set "choice" to the slug of the',
  'candidate the posting describes best; it must be one of the listed slugs. If none fits, set "choice" to null',
  'and, only if the posting names the job, give it as "newRole" with the exact words of the posting as evidence.',
  'Explain the choice in one or two sentences in "reasoning".',
].join('\n');

export interface RoleDecisionDraft {
  role: RoleChoice | null;
  runnersUp: RunnerUpRole[];
  signals: RoleSignals | null;
  roleProposals: Proposal[];
}

/** The candidates tied with the chosen role, the chosen one first; empty when there is no tie. */
export function tiedCandidates(decision: RoleDecisionDraft): RoleSignals['candidates'] {
  const role = decision.role;
  if (!role || role.isNew || !decision.signals) return [];
  const chosen = decision.signals.candidates.find((candidate) => candidate.slug === role.slug);
  if (!chosen) return [];
  const close = decision.signals.candidates.filter(
    (candidate) => candidate.slug !== chosen.slug && candidate.score > 0 && chosen.score - candidate.score <= ROLE_TIE_MARGIN,
  );
  if (close.length === 0) return [];
  return [chosen, ...close.sort((a, b) => b.score - a.score)].slice(0, MAX_TIED_CANDIDATES);
}

/**
 * Asks the model to break a tie among the candidates only. A choice outside them changes nothing; a new
 * role goes to the review queue as a proposal when the posting names it, and never replaces the decision.
 * The decision keeps its case and confidence; its reasoning says what the tie-break did.
 */
export async function breakRoleTie(
  assist: LlmAssist,
  request: { runId: string; title: string | null; description: string; decision: RoleDecisionDraft },
): Promise<{ decision: RoleDecisionDraft; assist: StageAssist } | null> {
  const tied = tiedCandidates(request.decision);
  const current = request.decision.role;
  if (tied.length < 2 || !current) return null;
  const posting = request.title ? `${request.title}\n\n${request.description}` : request.description;
  const messages = buildPostingMessages({
    instructions: INSTRUCTIONS,
    posting,
    context: {
      candidates: tied.map((candidate) => ({
        slug: candidate.slug,
        name: candidate.displayName,
        domain: candidate.domain,
        score: candidate.score,
        matchedKras: candidate.kraMatches.slice(0, 3).map((match) => match.kraText),
      })),
    },
  });
  const outcome = await askOrFallBack(assist, request.runId, 'matchRole', (client) =>
    client.complete<RoleTieBreakAnswer>({
      runId: request.runId,
      stage: 'matchRole',
      purpose: 'role-tie-break',
      promptVersion: ROLE_TIE_BREAK_PROMPT_VERSION,
      ...messages,
      schema: ROLE_TIE_BREAK_SCHEMA,
      maxOutputTokens: 400,
    }),
  );
  const summary = emptyAssistSummary();
  if (!outcome.value) {
    if (outcome.fallback) summary.fallbacks.push(outcome.fallback);
    return { decision: request.decision, assist: { records: outcome.records, exchanges: outcome.exchanges, summary } };
  }
  const answer = outcome.value.value;
  const reasoning = answer.reasoning.trim().slice(0, MAX_REASONING_CHARS);
  let decision: RoleDecisionDraft = { ...request.decision, role: { ...current, llm2Fired: true } };
  const chosen = answer.choice === null ? undefined : tied.find((candidate) => candidate.slug === answer.choice);
  if (answer.choice !== null && !chosen) {
    summary.rejected.push(`role: "${answer.choice}" is not one of the tied candidates (${tied.map((c) => c.slug).join(', ')})`);
  }
  if (chosen && chosen.slug !== current.slug) {
    decision = switchRole(decision, tied[0]!, chosen, reasoning);
  } else if (chosen) {
    decision.role = { ...decision.role!, reasoning: `${current.reasoning} A tie-break confirmed ${current.slug}: ${reasoning}` };
  }
  if (!chosen && answer.newRole) {
    const proposal = groundedRoleProposal(answer.newRole, posting, reasoning);
    if (proposal) decision.roleProposals = [...decision.roleProposals, proposal];
    else summary.rejected.push(`role: the new role "${answer.newRole.title.slice(0, 80)}" is not named in the posting`);
  }
  return { decision, assist: { records: outcome.records, exchanges: outcome.exchanges, summary } };
}

type Candidate = RoleSignals['candidates'][number];

function switchRole(decision: RoleDecisionDraft, previous: Candidate, chosen: Candidate, reasoning: string): RoleDecisionDraft {
  const role = decision.role!;
  const runnersUp = [
    { slug: previous.slug, displayName: previous.displayName, score: previous.score },
    ...decision.runnersUp.filter((runnerUp) => runnerUp.slug !== chosen.slug && runnerUp.slug !== previous.slug),
  ].sort((a, b) => b.score - a.score);
  return {
    ...decision,
    role: {
      ...role,
      slug: chosen.slug,
      displayName: chosen.displayName,
      domain: chosen.domain,
      reasoning:
        `${role.reasoning} ${previous.slug} (${previous.score.toFixed(2)}) and ${chosen.slug} (${chosen.score.toFixed(2)}) ` +
        `were within ${ROLE_TIE_MARGIN}; a tie-break chose ${chosen.slug}: ${reasoning}`,
      llm2Fired: true,
    },
    runnersUp,
  };
}

function groundedRoleProposal(newRole: { title: string; evidence: string }, posting: string, reasoning: string): Proposal | null {
  const zones = instructionLikeSpans(posting);
  const evidence = locateQuote(posting, newRole.evidence, zones);
  const title = locateQuote(posting, newRole.title, zones);
  if (!evidence || !title) return null;
  return { kind: 'role', value: posting.slice(title.start, title.end), status: 'pending', target: null, evidence: reasoning || null };
}
