import { aliasKey, type CatalogIndex } from '@jdpipe/catalog';
import { loadEvalCases, scoreCase, summariseScores, type CaseScore, type EvalSummary } from '@jdpipe/evaluation';

import type { PostingSubmitter } from '../ingest/posting-submitter';

/** `jdpipe eval`: runs every labelled case through the pipeline and prints per-case and overall scores. */
export async function evaluateCases(submitter: PostingSubmitter, catalog: CatalogIndex, path: string, json: boolean): Promise<EvalSummary> {
  const cases = loadEvalCases(path);
  const slugByAlias = new Map<string, string>();
  for (const skill of catalog.catalog.skills) {
    for (const alias of skill.aliases) slugByAlias.set(aliasKey(alias.text), skill.slug);
    slugByAlias.set(skill.slug, skill.slug);
  }
  const resolveName = (name: string) => slugByAlias.get(aliasKey(name)) ?? null;
  const scores: CaseScore[] = [];
  for (const evalCase of cases) {
    const run = await submitter.submit({ postingId: `eval-${evalCase.id}`, ...evalCase.posting, source: 'eval' });
    scores.push(scoreCase(evalCase, run, resolveName));
  }
  const summary = summariseScores(scores);
  if (json) {
    process.stdout.write(JSON.stringify({ summary, cases: scores }, null, 2) + '\n');
    return summary;
  }
  for (const score of scores) {
    const role = score.roleCorrect === null ? '   ' : score.roleCorrect ? ' ok' : 'BAD';
    const wrongFields = Object.entries(score.fields)
      .filter(([, ok]) => !ok)
      .map(([field]) => field);
    process.stdout.write(
      `${role}  ${score.id.padEnd(40)} role ${String(score.actualRole).padEnd(30)} skills ${score.skillsFound}/${score.skillsExpected}` +
        `${score.missedSkills.length ? `  missed: ${score.missedSkills.join(', ')}` : ''}` +
        `${score.trapSkillsReported.length ? `  traps: ${score.trapSkillsReported.join(', ')}` : ''}` +
        `${wrongFields.length ? `  wrong: ${wrongFields.join(', ')}` : ''}` +
        `${score.roleCorrect === false ? `  (expected ${score.expectedRole})` : ''}\n`,
    );
  }
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  process.stdout.write(
    `\n${summary.cases} cases  skill recall ${percent(summary.skillRecall)}  skill precision (traps) ${percent(summary.skillPrecision)}` +
      `  role accuracy ${percent(summary.roleAccuracy)} of ${summary.roleCases}\n` +
      `field accuracy  ${Object.entries(summary.fieldAccuracy)
        .map(([field, t]) => `${field} ${t!.correct}/${t!.total}`)
        .join('  ')}\n`,
  );
  return summary;
}
