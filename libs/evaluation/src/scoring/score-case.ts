import type { ParsedFields, RunDocument } from '@jdpipe/contracts';

import type { EvalCase } from '../eval-cases/eval-case';

/** Maps a skill name as a labeller wrote it to a catalog slug (through aliases), or null when unknown. */
export type SkillNameResolver = (name: string) => string | null;

export type FieldName = 'status' | 'seniority' | 'ctc' | 'experience' | 'education' | 'workMode';

export interface CaseScore {
  id: string;
  roleCorrect: boolean | null;
  expectedRole: string | null;
  actualRole: string | null;
  skillsExpected: number;
  skillsFound: number;
  missedSkills: string[];
  /** Skills the labels say must not be there, but were reported. */
  trapSkillsReported: string[];
  skillsReported: number;
  fields: Partial<Record<FieldName, boolean>>;
}

/** Compares one run with its labels. Only labelled fields are scored. */
export function scoreCase(evalCase: EvalCase, run: RunDocument, resolveName: SkillNameResolver): CaseScore {
  const expected = evalCase.expected;
  const reported = run.skills.filter((s) => s.status === 'in_catalog' || s.status === 'proposed');
  const reportedKeys = new Set(reported.flatMap((s) => [s.slug, nameKey(s.name)]));
  const isReported = (name: string) => {
    const slug = resolveName(name);
    return (slug !== null && reportedKeys.has(slug)) || reportedKeys.has(nameKey(name));
  };
  const missedSkills = expected.skills.filter((name) => !isReported(name));
  const fields: CaseScore['fields'] = { status: run.status === expected.status };
  const parsed = run.parsed;
  if (expected.status === 'completed') {
    if (expected.seniority !== undefined) fields.seniority = (parsed?.seniority ?? null) === expected.seniority;
    if (expected.ctc !== undefined) fields.ctc = sameCtc(expected.ctc, parsed?.ctc ?? null);
    if (expected.experience !== undefined) {
      fields.experience =
        expected.experience === null
          ? parsed?.experience == null
          : parsed?.experience?.min === expected.experience.min && (parsed?.experience?.max ?? null) === (expected.experience.max ?? null);
    }
    if (expected.education !== undefined) {
      const levels = new Set(parsed?.education.map((e) => e.level) ?? []);
      fields.education = expected.education.every((level) => levels.has(level as never));
    }
    if (expected.workMode !== undefined) fields.workMode = (parsed?.workMode ?? null) === expected.workMode;
  }
  const actualRole = run.role?.slug ?? null;
  const roleCorrect =
    expected.status === 'rejected' || !expected.role
      ? null
      : actualRole !== null && [expected.role, ...expected.acceptableRoles].includes(actualRole);
  return {
    id: evalCase.id,
    roleCorrect,
    expectedRole: expected.role,
    actualRole,
    skillsExpected: expected.skills.length,
    skillsFound: expected.skills.length - missedSkills.length,
    missedSkills,
    trapSkillsReported: expected.absentSkills.filter(isReported),
    skillsReported: reported.length,
    fields,
  };
}

function sameCtc(expected: NonNullable<EvalCase['expected']['ctc']> | null, actual: ParsedFields['ctc']): boolean {
  if (expected === null || actual === null) return expected === actual;
  const close = (a: number | null, b: number | null) =>
    a === null || b === null ? a === b : Math.abs(a - b) <= Math.max(1, Math.abs(b) * 0.01);
  return (
    expected.currency === actual.currency &&
    expected.period === actual.period &&
    close(actual.min, expected.min) &&
    close(actual.max, expected.max)
  );
}

function nameKey(name: string): string {
  return name.toLowerCase().replace(/[\s\-._/]+/g, '');
}
