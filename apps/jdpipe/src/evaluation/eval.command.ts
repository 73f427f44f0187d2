import { aliasKey, type CatalogIndex } from '@jdpipe/catalog';
import type { RunDocument } from '@jdpipe/contracts';
import { type CaseScore, type EvalCase, type EvalSummary, loadEvalCases, scoreCase, summariseScores } from '@jdpipe/evaluation';

import { type LlmUsage, llmUsageOf } from '../bench/llm-usage';
import type { PostingSubmitter } from '../ingest/posting-submitter';

/** One pass of the labelled cases through a pipeline: scores, their summary, and what the model cost. */
export interface EvalPass {
  summary: EvalSummary;
  scores: CaseScore[];
  usage: LlmUsage;
}

/** Runs every case through the pipeline behind `submitter` and scores it against its labels. */
export async function runEvalPass(submitter: PostingSubmitter, catalog: CatalogIndex, cases: readonly EvalCase[]): Promise<EvalPass> {
  const resolveName = skillNameResolver(catalog);
  const scores: CaseScore[] = [];
  const runs: RunDocument[] = [];
  for (const evalCase of cases) {
    const run = await submitter.submit({ postingId: `eval-${evalCase.id}`, ...evalCase.posting, source: 'eval' });
    runs.push(run);
    scores.push(scoreCase(evalCase, run, resolveName));
  }
  return { summary: summariseScores(scores), scores, usage: llmUsageOf(runs) };
}

/** `jdpipe eval`: runs every labelled case through the pipeline and prints per-case and overall scores. */
export async function evaluateCases(submitter: PostingSubmitter, catalog: CatalogIndex, path: string, json: boolean): Promise<EvalSummary> {
  const { summary, scores } = await runEvalPass(submitter, catalog, loadEvalCases(path));
  if (json) {
    process.stdout.write(JSON.stringify({ summary, cases: scores }, null, 2) + '\n');
    return summary;
  }
  process.stdout.write(renderCaseScores(scores) + '\n' + renderSummary(summary));
  return summary;
}

function skillNameResolver(catalog: CatalogIndex): (name: string) => string | null {
  const slugByAlias = new Map<string, string>();
  for (const skill of catalog.catalog.skills) {
    for (const alias of skill.aliases) slugByAlias.set(aliasKey(alias.text), skill.slug);
    slugByAlias.set(skill.slug, skill.slug);
  }
  return (name) => slugByAlias.get(aliasKey(name)) ?? null;
}

export function renderCaseScores(scores: readonly CaseScore[]): string {
  return scores
    .map((score) => {
      const role = score.roleCorrect === null ? '   ' : score.roleCorrect ? ' ok' : 'BAD';
      const wrongFields = Object.entries(score.fields)
        .filter(([, ok]) => !ok)
        .map(([field]) => field);
      return (
        `${role}  ${score.id.padEnd(40)} role ${String(score.actualRole).padEnd(30)} skills ${score.skillsFound}/${score.skillsExpected}` +
        `${score.missedSkills.length ? `  missed: ${score.missedSkills.join(', ')}` : ''}` +
        `${score.trapSkillsReported.length ? `  traps: ${score.trapSkillsReported.join(', ')}` : ''}` +
        `${wrongFields.length ? `  wrong: ${wrongFields.join(', ')}` : ''}` +
        `${score.roleCorrect === false ? `  (expected ${score.expectedRole})` : ''}\n`
      );
    })
    .join('');
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

export function renderSummary(summary: EvalSummary): string {
  return (
    `${summary.cases} cases  skill recall ${percent(summary.skillRecall)}  skill precision (traps) ${percent(summary.skillPrecision)}` +
    `  role accuracy ${percent(summary.roleAccuracy)} of ${summary.roleCases}\n` +
    `field accuracy  ${Object.entries(summary.fieldAccuracy)
      .map(([field, t]) => `${field} ${t!.correct}/${t!.total}`)
      .join('  ')}\n`
  );
}

/** The offline pass and a model-assisted pass side by side: quality first, then what the model did and cost. */
export function renderComparison(offline: EvalPass, assisted: EvalPass, assistedLabel: string): string {
  const rows: Array<[string, string, string]> = [
    ['skill recall', percent(offline.summary.skillRecall), percent(assisted.summary.skillRecall)],
    ['skill precision (traps)', percent(offline.summary.skillPrecision), percent(assisted.summary.skillPrecision)],
    ['role accuracy', percent(offline.summary.roleAccuracy), percent(assisted.summary.roleAccuracy)],
  ];
  for (const [field, tally] of Object.entries(offline.summary.fieldAccuracy)) {
    const other = assisted.summary.fieldAccuracy[field as keyof EvalSummary['fieldAccuracy']];
    rows.push([`field ${field}`, `${tally!.correct}/${tally!.total}`, other ? `${other.correct}/${other.total}` : '-']);
  }
  const usageRows = (label: string, pick: (usage: LlmUsage) => string): [string, string, string] => [
    label,
    pick(offline.usage),
    pick(assisted.usage),
  ];
  rows.push(
    usageRows('fields from the model', (u) => String(u.fieldsFromLlm)),
    usageRows('skills from the model', (u) => String(u.skillsFromLlm)),
    usageRows('ungrounded skills dropped', (u) => String(u.ungroundedSkillsDropped)),
    usageRows('other answers refused', (u) => String(u.answersRefused)),
    usageRows('new-skill enrichments kept', (u) => String(u.enrichmentsKept)),
    usageRows('enrichments dropped', (u) => String(u.enrichmentsDropped)),
    usageRows('fallbacks to offline', (u) => String(u.fallbacks)),
    usageRows('calls per posting', (u) => u.callsPerPosting.toFixed(2)),
    usageRows('input tokens per posting', (u) => Math.round(u.tokensPerPosting.input).toString()),
    usageRows('cached tokens per posting', (u) => Math.round(u.tokensPerPosting.cached).toString()),
    usageRows('output tokens per posting', (u) => Math.round(u.tokensPerPosting.output).toString()),
    usageRows('cost per posting (USD)', (u) => u.costPerPosting.toFixed(6)),
  );
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  const header = `${''.padEnd(width)}${'offline'.padStart(12)}${assistedLabel.padStart(12)}\n`;
  return header + rows.map(([label, a, b]) => `${label.padEnd(width)}${a.padStart(12)}${b.padStart(12)}\n`).join('');
}
