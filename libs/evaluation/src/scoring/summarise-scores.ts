import type { CaseScore, FieldName } from './score-case';

export interface EvalSummary {
  cases: number;
  /** Labelled skills the pipeline reported / labelled skills. */
  skillRecall: number;
  /** 1 − trap skills reported / all skills reported that were either labelled or traps. */
  skillPrecision: number;
  roleAccuracy: number;
  roleCases: number;
  fieldAccuracy: Partial<Record<FieldName, { correct: number; total: number }>>;
}

export function summariseScores(scores: CaseScore[]): EvalSummary {
  const sum = (pick: (s: CaseScore) => number) => scores.reduce((total, s) => total + pick(s), 0);
  const expected = sum((s) => s.skillsExpected);
  const found = sum((s) => s.skillsFound);
  const traps = sum((s) => s.trapSkillsReported.length);
  const roleScored = scores.filter((s) => s.roleCorrect !== null);
  const fieldAccuracy: EvalSummary['fieldAccuracy'] = {};
  for (const score of scores) {
    for (const [field, correct] of Object.entries(score.fields) as Array<[FieldName, boolean]>) {
      const tally = (fieldAccuracy[field] ??= { correct: 0, total: 0 });
      tally.total += 1;
      if (correct) tally.correct += 1;
    }
  }
  return {
    cases: scores.length,
    skillRecall: expected ? found / expected : 1,
    skillPrecision: found + traps ? found / (found + traps) : 1,
    roleAccuracy: roleScored.length ? roleScored.filter((s) => s.roleCorrect).length / roleScored.length : 1,
    roleCases: roleScored.length,
    fieldAccuracy,
  };
}
