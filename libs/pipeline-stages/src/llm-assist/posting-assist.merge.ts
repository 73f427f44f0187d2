import { aliasKey, type CatalogIndex } from '@jdpipe/catalog';
import type { CandidatePhraseV1, ExtractionMode, LlmAssistSummary, SkillMentionV1 } from '@jdpipe/contracts';
import type { JdSection, ParsedJd, SalaryRange } from '@jdpipe/jd-parsing';
import { slugOf } from '@jdpipe/skill-matching';

import { emptyAssistSummary } from './llm-assist.runtime';
import { amountIsWritten, instructionLikeSpans, locateQuote, type TextSpan } from './grounding';
import type { AssistedSkill, PostingAssistAnswer, QuotedValue } from './posting-assist.schema';
import { catalogCategories, checkEnrichment } from './skill-enrichment';

export interface PostingAssistInput {
  offline: ParsedJd;
  answer: PostingAssistAnswer;
  /** `hybrid`: an offline value stands whenever there is one. `llm`: a grounded model value replaces it. */
  mode: Exclude<ExtractionMode, 'offline'>;
  /** The posting's own title, when the ATS sent one: field evidence may come from it too. */
  postingTitle: string | null;
  description: string;
  sections: JdSection[];
  catalog: CatalogIndex;
  mentions: SkillMentionV1[];
  candidatePhrases: CandidatePhraseV1[];
}

/** The sentence a phrase came from is kept as its proposal's evidence (see resolveSkills). */
type PhraseWithSentence = CandidatePhraseV1 & { sentenceText?: string };

export interface PostingAssistMerge {
  parsed: ParsedJd;
  mentions: SkillMentionV1[];
  candidatePhrases: PhraseWithSentence[];
  summary: LlmAssistSummary;
}

// A skill name longer than this is a sentence, not a skill.
const MAX_SKILL_NAME_CHARS = 60;

/**
 * Merges the model's answer into the offline result under fixed rules:
 * - a field value counts only when its evidence is in the posting (outside any text addressed to a model),
 *   and a text value only when it is itself written there;
 * - every salary or experience number must be written in its evidence (units may be converted, never invented);
 * - `hybrid` keeps every non-null offline value; `llm` lets a grounded model value replace it;
 * - a proposed skill must quote the posting, or it is dropped and counted. A catalog slug or a catalog
 *   spelling makes it a mention of that catalog skill; otherwise its name must be in the quote and it
 *   becomes a candidate phrase, proposed for review like any other;
 * - a new skill's enrichment counts only with values from the catalog's lists, or it is dropped and counted
 *   (`enrichmentsDropped`); a kept one goes to `skillEnrichments` for the reviewer, never to the catalog.
 */
export function mergePostingAssist(input: PostingAssistInput): PostingAssistMerge {
  const summary = emptyAssistSummary();
  const groundText = input.postingTitle ? `${input.postingTitle}\n${input.description}` : input.description;
  const groundZones = instructionLikeSpans(groundText);
  const located = (quote: string | null) => (quote ? locateQuote(groundText, quote, groundZones) : null);
  const fields = input.answer.fields;
  const offline = input.offline;
  const parsed: ParsedJd = { ...offline };

  const pick = <K extends keyof ParsedJd>(name: K, candidate: ParsedJd[K] | null, problem: string | null) => {
    if (problem) {
      summary.rejected.push(`${String(name)}: ${problem}`);
      return;
    }
    if (candidate === null || candidate === undefined) return;
    const current = offline[name];
    if (current !== null && (input.mode === 'hybrid' || sameValue(current, candidate))) return;
    parsed[name] = candidate;
    summary.fieldsFromLlm.push(String(name));
  };

  for (const name of ['title', 'location', 'companyName'] as const) {
    const field = fields[name];
    pick(name, field.value, textProblem(field, located));
  }
  for (const name of ['seniority', 'workMode', 'employmentType'] as const) {
    const field: QuotedValue<string> = fields[name];
    const problem =
      field.value !== null && !located(field.evidence) ? `the evidence "${clip(field.evidence)}" is not in the posting` : null;
    pick(name, field.value as ParsedJd[typeof name], problem);
  }

  const salary = fields.salary;
  if (salary) {
    const span = located(salary.evidence);
    const problem = !span
      ? `the evidence "${clip(salary.evidence)}" is not in the posting`
      : (numbersProblem([salary.min, salary.max], salary.evidence) ??
        (!/^[A-Z]{3}$/.test(salary.currency) ? `"${clip(salary.currency)}" is not an ISO 4217 code` : null));
    const range: SalaryRange | null = span
      ? { currency: salary.currency, min: salary.min, max: salary.max, period: salary.period, raw: groundText.slice(span.start, span.end) }
      : null;
    pick('ctc', range, problem);
  }

  const experience = fields.experience;
  if (experience) {
    const span = located(experience.evidence);
    const problem = !span
      ? `the evidence "${clip(experience.evidence)}" is not in the posting`
      : numbersProblem([experience.min, experience.max], experience.evidence, [1]);
    pick('experience', span ? { min: experience.min, max: experience.max, raw: groundText.slice(span.start, span.end) } : null, problem);
  }

  const skills = groundSkills(input, summary);
  return { parsed, ...skills, summary };
}

function textProblem(field: QuotedValue<string>, located: (quote: string | null) => TextSpan | null): string | null {
  if (field.value === null) return null;
  if (!located(field.evidence)) return `the evidence "${clip(field.evidence)}" is not in the posting`;
  if (!located(field.value)) return `"${clip(field.value)}" is not written in the posting`;
  return null;
}

function numbersProblem(values: Array<number | null>, evidence: string, scales?: number[]): string | null {
  const present = values.filter((value): value is number => value !== null);
  if (present.length === 0) return 'no number was given';
  const invented = present.find((value) => !amountIsWritten(value, evidence, scales));
  if (invented !== undefined) return `${invented} is not written in "${clip(evidence)}"`;
  if (present.length === 2 && present[0]! > present[1]!) return `min ${present[0]} is above max ${present[1]}`;
  return null;
}

function groundSkills(
  input: PostingAssistInput,
  summary: LlmAssistSummary,
): { mentions: SkillMentionV1[]; candidatePhrases: PhraseWithSentence[] } {
  const { description, catalog } = input;
  const zones = instructionLikeSpans(description);
  const mentions = [...input.mentions];
  const candidatePhrases: PhraseWithSentence[] = [...input.candidatePhrases];
  const known = new Set(input.mentions.flatMap((mention) => [mention.skillSlug, ...mention.alternatives]));
  const spellings = catalogSpellings(catalog);

  for (const skill of input.answer.skills) {
    const evidence = locateQuote(description, skill.evidence, zones);
    const name = skill.name.trim();
    if (!evidence || name === '' || name.length > MAX_SKILL_NAME_CHARS) {
      summary.ungroundedSkillsDropped += 1;
      continue;
    }
    const sectionIndex = sectionIndexAt(input.sections, evidence.start);
    const requirement = input.sections[sectionIndex ?? -1]?.kind === 'nice_to_have' ? 'preferred' : skill.requirement;
    const slug = catalogSlugOf(skill, catalog, spellings);
    if (slug) {
      if (known.has(slug)) continue;
      known.add(slug);
      mentions.push({
        skillSlug: slug,
        alternatives: [],
        matchedText: description.slice(evidence.start, evidence.end),
        aliasText: name,
        aliasType: 'synonym',
        start: evidence.start,
        end: evidence.end,
        sectionIndex,
        requirement,
      });
      summary.skillsFromLlm.push(slug);
      continue;
    }
    // A new skill is proposed under words of the posting, so its name must be inside its own quote.
    const quoted = description.slice(evidence.start, evidence.end);
    const inQuote = locateQuote(quoted, name);
    if (!inQuote) {
      summary.ungroundedSkillsDropped += 1;
      continue;
    }
    const start = evidence.start + inQuote.start;
    const end = evidence.start + inQuote.end;
    const text = description.slice(start, end);
    const newSlug = slugOf(text);
    if (newSlug === '' || known.has(newSlug)) continue;
    if (skill.enrichment) {
      const enrichment = checkEnrichment(text, skill.enrichment, catalogCategories(catalog));
      if (enrichment) summary.skillEnrichments = [...(summary.skillEnrichments ?? []), enrichment];
      else summary.enrichmentsDropped = (summary.enrichmentsDropped ?? 0) + 1;
    }
    known.add(newSlug);
    const phrase: PhraseWithSentence = { text, start, end, sectionIndex, requirement, sentenceText: quoted };
    candidatePhrases.push(phrase);
    summary.skillsFromLlm.push(newSlug);
  }
  return { mentions, candidatePhrases };
}

/** The catalog skill a proposal means: its slug if the catalog has it, else any catalog spelling of its name. */
function catalogSlugOf(skill: AssistedSkill, catalog: CatalogIndex, spellings: Map<string, string>): string | null {
  if (skill.catalogSlug && catalog.skillBySlug.has(skill.catalogSlug)) return skill.catalogSlug;
  const bySpelling = spellings.get(aliasKey(skill.name));
  if (bySpelling) return bySpelling;
  const bySlug = slugOf(skill.name);
  return catalog.skillBySlug.has(bySlug) ? bySlug : null;
}

const spellingsByCatalog = new WeakMap<CatalogIndex, Map<string, string>>();

function catalogSpellings(catalog: CatalogIndex): Map<string, string> {
  let spellings = spellingsByCatalog.get(catalog);
  if (!spellings) {
    spellings = new Map();
    for (const skill of catalog.catalog.skills) {
      spellings.set(aliasKey(skill.name), skill.slug);
      for (const alias of skill.aliases) if (!spellings.has(aliasKey(alias.text))) spellings.set(aliasKey(alias.text), skill.slug);
    }
    spellingsByCatalog.set(catalog, spellings);
  }
  return spellings;
}

function sectionIndexAt(sections: JdSection[], offset: number): number | null {
  const index = sections.findIndex((section) => section.start <= offset && offset < section.end);
  return index === -1 ? null : index;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function clip(text: string | null): string {
  const value = text ?? '';
  return value.length > 80 ? `${value.slice(0, 77)}...` : value;
}
