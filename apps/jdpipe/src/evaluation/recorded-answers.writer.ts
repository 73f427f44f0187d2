import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { aliasKey, type Catalog, loadSeedCatalog } from '@jdpipe/catalog';
import { type EvalCase, loadEvalCases } from '@jdpipe/evaluation';
import type { PayPeriod, Seniority, WorkMode } from '@jdpipe/jd-parsing';
import {
  amountIsWritten,
  type AssistedEnrichment,
  type AssistedSkill,
  type PostingAssistAnswer,
  type RoleTieBreakAnswer,
} from '@jdpipe/pipeline-stages';
import type { RecordedAnswers } from '@jdpipe/testing';

/** Said in every file this writer produces, so nobody mistakes the answers for a real model's. */
export const RECORDING_ABOUT =
  'Written by apps/jdpipe/src/evaluation/recorded-answers.writer.ts from the case labels, not by a model: the ' +
  'answers a good model would plausibly give (fields and skills quoted from the posting, the labelled role in a ' +
  'tie-break), plus planted mistakes (an ungrounded skill on every second case, an invented salary number on ' +
  'every third case with pay, a role outside the candidates on every fifth case, a nature outside the catalog list ' +
  'on every fourth case with a new skill) that the merge rules must drop. Enrichments of new skills follow a rule ' +
  "(the posting's most common catalog category; TOOL for product-like names, PRACTICE otherwise).";

// A role no tie-break can offer: the guard must refuse it.
const OUT_OF_LIST_ROLE = 'chief-executive-officer';

const SENIORITY_WORDS: Record<string, RegExp> = {
  intern: /\bintern(ship)?\b/i,
  junior: /\b(junior|jr\.?|entry[- ]level|graduate)\b/i,
  mid: /\bmid[- ]level\b/i,
  senior: /\b(senior|sr\.?)\b/i,
  lead: /\blead\b/i,
  principal: /\bprincipal\b/i,
  head: /\bhead of\b/i,
};

const WORK_MODE_WORDS: Record<string, RegExp> = {
  remote: /\bremote(ly)?\b/i,
  hybrid: /\bhybrid\b/i,
  onsite: /\b(on[- ]?site|in[- ]office|in the office)\b/i,
};

/**
 * The recorded answers for one labelled case: what a careful model reading the posting would answer, taken
 * from the labels but only where the posting's own words support it (a skill or field with no quote in the
 * text is left out), with the planted mistakes of `RECORDING_ABOUT` chosen by the case's position.
 */
export function draftRecordedAnswers(evalCase: EvalCase, catalog: Catalog, position: number, match: string): RecordedAnswers {
  const recording: RecordedAnswers = { about: RECORDING_ABOUT, case: evalCase.id, match, postingAssist: null, roleTieBreak: null };
  if (evalCase.expected.status === 'rejected') return recording;
  recording.postingAssist = postingAssistAnswer(evalCase, catalog, position);
  if (evalCase.expected.role) {
    const answer: RoleTieBreakAnswer =
      position % 5 === 4
        ? { choice: OUT_OF_LIST_ROLE, newRole: null, reasoning: 'The posting reads like an executive role.' }
        : { choice: evalCase.expected.role, newRole: null, reasoning: `The listed duties are those of ${evalCase.expected.role}.` };
    recording.roleTieBreak = answer;
  }
  return recording;
}

function postingAssistAnswer(evalCase: EvalCase, catalog: Catalog, position: number): PostingAssistAnswer {
  const { description, title } = evalCase.posting;
  const expected = evalCase.expected;
  const text = title ? `${title}\n${description}` : description;
  const sentences = sentencesOf(text);
  const nothing = { value: null, evidence: null };

  const seniorityWord = expected.seniority ? SENIORITY_WORDS[expected.seniority]?.exec(text)?.[0] : undefined;
  const workModeLine = expected.workMode ? sentences.find((s) => WORK_MODE_WORDS[expected.workMode!]?.test(s)) : undefined;
  const ctc = expected.ctc;
  const payLine =
    ctc && ctc.min !== null ? sentences.find((s) => [ctc.min, ctc.max].every((n) => n === null || amountIsWritten(n, s))) : undefined;
  const experience = expected.experience;
  const experienceLine =
    experience && experience.min !== null
      ? sentences.find((s) => /\b(years?|yrs?)\b/i.test(s) && amountIsWritten(experience.min!, s, [1]))
      : undefined;

  const salary =
    ctc && payLine
      ? {
          currency: ctc.currency,
          // The planted mistake: a figure 10% above the one written, which the merge must refuse.
          min: position % 3 === 2 && ctc.min !== null ? Math.round(ctc.min * 1.1) : ctc.min,
          max: ctc.max,
          period: ctc.period as PayPeriod,
          evidence: payLine,
        }
      : null;

  const category = dominantCategory(expected.skills, catalog);
  const skills = expected.skills.flatMap((name) => groundedSkill(name, description, catalog, category));
  // The planted mistake: a nature the catalog does not know, which drops that one enrichment.
  const firstNew = skills.find((skill) => skill.enrichment !== null);
  if (position % 4 === 1 && firstNew?.enrichment) firstNew.enrichment = { ...firstNew.enrichment, nature: 'GADGET' };
  const absent = expected.absentSkills[0];
  if (position % 2 === 0 && absent) {
    skills.push({
      name: absent,
      catalogSlug: slugFor(absent, catalog),
      evidence: `Strong hands-on experience with ${absent} in production`,
      requirement: 'required',
      enrichment: null,
    });
  }

  return {
    fields: {
      title: title ? { value: title, evidence: title } : nothing,
      seniority: seniorityWord ? { value: expected.seniority as Seniority, evidence: seniorityWord } : nothing,
      salary,
      experience: experience && experienceLine ? { min: experience.min, max: experience.max, evidence: experienceLine } : null,
      location: nothing,
      workMode: workModeLine ? { value: expected.workMode as WorkMode, evidence: workModeLine } : nothing,
      employmentType: nothing,
      companyName: nothing,
    },
    skills,
  };
}

/** The skill with the sentence of the posting that asks for it, or nothing when no sentence does. */
function groundedSkill(name: string, description: string, catalog: Catalog, category: string): AssistedSkill[] {
  const slug = slugFor(name, catalog);
  const skill = slug ? catalog.skills.find((candidate) => candidate.slug === slug) : undefined;
  const spellings = [name, ...(skill?.aliases.map((alias) => alias.text) ?? [])];
  const sentences = sentencesOf(description);
  const literal = sentences.find((sentence) => spellings.some((spelling) => containsWord(sentence, spelling)));
  // A paraphrase: every content word of the name appears (by its stem) in one sentence, e.g. "assess patients".
  const stems = contentStems(name);
  const paraphrase =
    stems.length > 0
      ? sentences.filter((sentence) => stems.every((stem) => sentence.toLowerCase().includes(stem))).sort((a, b) => a.length - b.length)[0]
      : undefined;
  const evidence = literal ?? paraphrase;
  if (!evidence) return [];
  return [{ name, catalogSlug: slug, evidence, requirement: 'required', enrichment: slug ? null : enrichmentOf(name, category) }];
}

/** A rule standing in for a model's description of a new skill. */
function enrichmentOf(name: string, category: string): AssistedEnrichment {
  const productLike = /\d|[A-Z]{2,}|\p{Ll}\p{Lu}/u.test(name);
  return productLike
    ? { category, nature: 'TOOL', volatility: 'MEDIUM', lifespan: 'MULTI_YEAR', versionStrategy: 'VERSIONED', confidence: 0.6 }
    : { category, nature: 'PRACTICE', volatility: 'LOW', lifespan: 'EVERGREEN', versionStrategy: 'NOT_APPLICABLE', confidence: 0.6 };
}

/** The catalog category most of the case's labelled skills belong to. */
function dominantCategory(skills: readonly string[], catalog: Catalog): string {
  const counts = new Map<string, number>();
  for (const name of skills) {
    const slug = slugFor(name, catalog);
    const category = slug ? catalog.skills.find((skill) => skill.slug === slug)?.category : undefined;
    if (category) counts.set(category, (counts.get(category) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? catalog.skills[0]!.category;
}

function slugFor(name: string, catalog: Catalog): string | null {
  const key = aliasKey(name);
  const skill = catalog.skills.find(
    (candidate) => aliasKey(candidate.name) === key || candidate.aliases.some((a) => aliasKey(a.text) === key),
  );
  return skill?.slug ?? null;
}

function containsWord(sentence: string, word: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'iu').test(sentence);
}

function contentStems(name: string): string[] {
  return (name.toLowerCase().match(/\p{L}{4,}/gu) ?? []).map((word) => word.slice(0, 5));
}

/** Lines and sentences of the text, trimmed of bullets, each an exact piece of the text. */
function sentencesOf(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?])\s+/)
    .map((piece) => piece.replace(/^[\s\-•*·]+/, '').trim())
    .filter((piece) => piece.length >= 3);
}

/**
 * A piece of the posting no other case contains: the first 60 characters of its longest line that is
 * unique among the cases.
 */
export function uniqueMatch(evalCase: EvalCase, others: readonly EvalCase[]): string {
  const lines = evalCase.posting.description
    .split('\n')
    .map((line) => line.trim().slice(0, 60).trim())
    .filter((line) => line.length >= 20)
    .sort((a, b) => b.length - a.length);
  const unique = lines.find((line) => others.every((other) => other === evalCase || !other.posting.description.includes(line)));
  if (!unique) throw new Error(`case ${evalCase.id}: no line of its own to match the posting by`);
  return unique;
}

/** Writes one `<case id>.json` per case into `outDir`; returns how many files were written. */
export function writeRecordedAnswers(casesDir: string, outDir: string): number {
  const cases = loadEvalCases(casesDir);
  const { catalog } = loadSeedCatalog();
  mkdirSync(outDir, { recursive: true });
  cases.forEach((evalCase, position) => {
    const recording = draftRecordedAnswers(evalCase, catalog, position, uniqueMatch(evalCase, cases));
    writeFileSync(join(outDir, `${evalCase.id}.json`), JSON.stringify(recording, null, 2) + '\n');
  });
  return cases.length;
}

if (require.main === module) {
  const [casesDir = 'eval/cases', outDir = 'eval/llm-recordings'] = process.argv.slice(2);
  process.stdout.write(`${writeRecordedAnswers(casesDir, outDir)} recordings written to ${outDir}\n`);
}
