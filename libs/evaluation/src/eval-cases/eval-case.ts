import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

import { parse } from 'yaml';

/** A labelled posting: what a careful human reading the text expects the pipeline to produce. */
export interface EvalCase {
  id: string;
  country: string | null;
  posting: { title?: string | null; description: string; location?: string | null };
  expected: ExpectedOutcome;
}

export interface ExpectedOutcome {
  status: 'completed' | 'rejected';
  role: string | null;
  acceptableRoles: string[];
  seniority?: string | null;
  ctc?: { currency: string; min: number | null; max: number | null; period: string } | null;
  experience?: { min: number | null; max: number | null } | null;
  education?: string[];
  workMode?: string | null;
  skills: string[];
  absentSkills: string[];
}

/** Loads one YAML case, or every `*.yaml` case of a folder, sorted by file name. */
export function loadEvalCases(path: string): EvalCase[] {
  const files = statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((n) => /\.ya?ml$/.test(n))
        .sort()
        .map((n) => join(path, n))
    : [path];
  return files.map((file) => toEvalCase(parse(readFileSync(file, 'utf8')) as Record<string, unknown>, file));
}

function toEvalCase(raw: Record<string, unknown>, file: string): EvalCase {
  const posting = raw.posting as EvalCase['posting'] | undefined;
  const expected = (raw.expected ?? {}) as Partial<ExpectedOutcome>;
  if (!posting || typeof posting.description !== 'string') throw new Error(`${file}: posting.description is required`);
  return {
    id: typeof raw.id === 'string' ? raw.id : basename(file).replace(/\.ya?ml$/, ''),
    country: typeof raw.country === 'string' ? raw.country : null,
    posting,
    expected: {
      ...expected,
      status: expected.status === 'rejected' ? 'rejected' : 'completed',
      role: expected.role ?? null,
      acceptableRoles: expected.acceptableRoles ?? [],
      skills: (expected.skills ?? []).map(String),
      absentSkills: (expected.absentSkills ?? []).map(String),
    },
  };
}
