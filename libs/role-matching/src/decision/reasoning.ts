import { type DecisionCase } from '@jdpipe/contracts';

import { THRESHOLDS } from './policy';
import { type ScoredRole } from './scored-role';

export interface ReasoningFacts {
  decisionCase: DecisionCase;
  confidence: number;
  chosen: ScoredRole | null;
  /** Display name of a proposed new role (NEW case). */
  proposedName: string | null;
  title: string | null;
  normalisedTitle: string | null;
  responsibilityCount: number;
  postingSkillCount: number;
  domain: { name: string; score: number; keywords: string[] } | null;
  runnerUp: ScoredRole | null;
  /** The role an exact title alias named, when its content evidence overruled it. */
  overruledAlias: ScoredRole | null;
}

/** One readable paragraph: the case, the title evidence, the best KRA matches, matched skills, the runner-up. */
export function explainDecision(facts: ReasoningFacts): string {
  const parts: string[] = [];
  const { chosen } = facts;
  if (facts.decisionCase === 'NEW' || !chosen) {
    parts.push(
      `No existing role passed the thresholds (NEW, ${facts.confidence.toFixed(2)}); proposing a new role "${facts.proposedName ?? 'unnamed'}"`,
    );
    parts.push(titleClause(facts, null));
    if (facts.runnerUp)
      parts.push(`closest existing role ${facts.runnerUp.role.name} ${facts.runnerUp.score.toFixed(2)} (${signalSummary(facts.runnerUp)})`);
    return finish(parts);
  }
  parts.push(`Chose ${chosen.role.name} (${facts.decisionCase}, ${facts.confidence.toFixed(2)})`);
  if (facts.decisionCase === 'DOMAIN' && facts.domain) {
    parts.push(
      `no title, KRA or skill evidence passed its threshold, but the text reads as ${facts.domain.name} ` +
        `(${facts.domain.score.toFixed(2)}: ${facts.domain.keywords.slice(0, 5).join(', ')}) and this is that domain's best-scoring role`,
    );
  }
  if (facts.overruledAlias) {
    parts.push(
      `the title names ${facts.overruledAlias.role.name} (alias "${facts.overruledAlias.alias.alias}") but the responsibilities and skills contradict it ` +
        `(content ${facts.overruledAlias.contentScore.toFixed(2)} vs ${chosen.contentScore.toFixed(2)})`,
    );
  } else {
    parts.push(titleClause(facts, chosen));
  }
  parts.push(kraClause(facts, chosen));
  parts.push(skillClause(facts, chosen));
  if (facts.domain && facts.decisionCase !== 'DOMAIN') parts.push(`domain ${facts.domain.name} ${facts.domain.score.toFixed(2)}`);
  parts.push(facts.runnerUp ? `runner-up ${facts.runnerUp.role.name} ${facts.runnerUp.score.toFixed(2)}` : 'no runner-up');
  return finish(parts);
}

function titleClause(facts: ReasoningFacts, chosen: ScoredRole | null): string {
  if (!facts.title) return 'no title given';
  const normalised = facts.normalisedTitle ? `"${facts.normalisedTitle}"` : 'nothing once seniority is removed';
  if (chosen?.alias.alias) {
    const via =
      chosen.alias.matchedTitle && chosen.alias.matchedTitle !== facts.title ? ` (via the named title "${chosen.alias.matchedTitle}")` : '';
    return chosen.alias.exact
      ? `title "${facts.title}" normalises to ${normalised}, an alias of this role ("${chosen.alias.alias}")${via}`
      : `title "${facts.title}" contains its alias "${chosen.alias.alias}" (${chosen.alias.score.toFixed(2)})${via}`;
  }
  return `title "${facts.title}" (${normalised}) matches no alias of ${chosen ? 'this role' : 'any role'}`;
}

function kraClause(facts: ReasoningFacts, chosen: ScoredRole): string {
  if (facts.responsibilityCount === 0) return 'no responsibilities to compare with its KRAs';
  const matching = chosen.kraMatches.filter((match) => match.similarity >= THRESHOLDS.sentenceMatch).length;
  const best = chosen.kraMatches[0];
  const head = `${matching} of ${facts.responsibilityCount} responsibilities match its KRAs (score ${chosen.kraScore.toFixed(2)})`;
  if (!best) return head;
  return `${head}, best '${shorten(best.sentence)}' ~ '${shorten(best.kraText)}' (${best.similarity.toFixed(2)})`;
}

function skillClause(facts: ReasoningFacts, chosen: ScoredRole): string {
  const { matched, coreCount } = chosen.skill;
  if (facts.postingSkillCount === 0) return 'no skills extracted to compare';
  const listed = matched.slice(0, 5).join(', ') + (matched.length > 5 ? ', …' : '');
  return `${matched.length} of ${coreCount} core skills present${matched.length > 0 ? ` (${listed})` : ''}`;
}

function signalSummary(scored: ScoredRole): string {
  return `alias ${scored.alias.score.toFixed(2)}, KRA ${scored.kraScore.toFixed(2)}, skills ${scored.skill.matched.length} of ${scored.skill.coreCount}`;
}

function shorten(text: string, limit = 70): string {
  const trimmed = text.trim();
  return trimmed.length <= limit ? trimmed : trimmed.slice(0, limit - 1).trimEnd() + '…';
}

function finish(parts: string[]): string {
  const [head, ...rest] = parts.filter((part) => part.length > 0);
  return `${head}: ${rest.join('; ')}.`;
}
