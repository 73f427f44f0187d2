import { aliasKey, type CatalogIndex, type CatalogSkill } from '@jdpipe/catalog';
import type { Proposal, RunSkill, SkillEvidence } from '@jdpipe/contracts';
import type { JdSection, Requirement } from '@jdpipe/jd-parsing';

import { knownSpellings } from '../matching/known-spellings';
import type { MentionScan, SkillMention } from '../matching/skill-matcher';
import type { CandidatePhrase } from '../phrases/candidate-phrases';
import { BACKGROUND_SECTION_KINDS } from '../posting-structure/posting-layout';
import { tokenize } from '../tokens/text-tokens';

export interface ResolveSkillsInput {
  scan: MentionScan;
  description: string;
  sections: JdSection[];
  catalog: CatalogIndex;
  chosenRoleSlug: string | null;
  /** The posting's title when known: a skill named in it is primary. */
  title?: string | null;
}

export interface ResolvedSkills {
  skills: RunSkill[];
  proposals: Proposal[];
}

// Sections whose repeated mentions show a skill is central to the job, not a passing word.
const CORE_SECTION_KINDS = new Set(['requirements', 'responsibilities']);

/**
 * Turns a scan into the run's skills: one in-catalog skill per canonical skill with all its evidence, then
 * one proposed skill (and one pending proposal) per leftover phrase.
 *
 * A skill is primary when it is a core skill of the chosen role, or the title names it, or it is mentioned
 * more than once with at least one mention in a requirements or responsibilities section. A skill named only
 * in the company blurb or the benefits is never primary (and its mentions there are preferred, see the layout).
 * Skills are sorted required before preferred, then primary first, then by first occurrence.
 */
export function resolveSkills(input: ResolveSkillsInput): ResolvedSkills {
  const { catalog, sections } = input;
  const role = input.chosenRoleSlug === null ? undefined : catalog.roleBySlug.get(input.chosenRoleSlug);
  const coreSkills = new Set(role?.coreSkills ?? []);
  const roleDimensions = new Set(role?.dimensions ?? []);
  const titleKeys = input.title ? tokenize(input.title).map((token) => token.key) : [];

  const mentionsBySkill = new Map<string, SkillMention[]>();
  for (const mention of input.scan.mentions) {
    const slug = readingUnderChosenRole(mention, coreSkills);
    if (!catalog.skillBySlug.has(slug)) continue;
    const group = mentionsBySkill.get(slug) ?? [];
    group.push(mention);
    mentionsBySkill.set(slug, group);
  }

  const skills: RunSkill[] = [];
  for (const [slug, mentions] of mentionsBySkill) {
    const skill = catalog.skillBySlug.get(slug) as CatalogSkill;
    const evidence = toEvidence(
      mentions.map((mention) => ({ ...mention, text: mention.matchedText })),
      sections,
    );
    const onlyInBackground = evidence.every((item) => item.section !== null && BACKGROUND_SECTION_KINDS.has(item.section));
    const primary =
      !onlyInBackground &&
      (coreSkills.has(slug) ||
        namedInTitle(titleKeys, skill, mentions) ||
        (mentions.length > 1 && evidence.some((item) => item.section !== null && CORE_SECTION_KINDS.has(item.section))));
    skills.push({
      name: skill.name,
      slug,
      status: 'in_catalog',
      matchedVia: matchedVia(mentions),
      category: skill.category,
      nature: skill.nature,
      primary,
      requirement: strongestRequirement(mentions),
      dimensions: skill.dimensions.map((dimensionSlug) => ({
        slug: dimensionSlug,
        displayName: catalog.dimensionBySlug.get(dimensionSlug)?.name ?? dimensionSlug,
        underChosenRole: roleDimensions.has(dimensionSlug),
      })),
      evidence,
    });
  }

  const { proposedSkills, proposals } = proposeLeftovers(input, new Set(skills.map((skill) => skill.slug)));
  skills.push(...proposedSkills);
  skills.sort(
    (a, b) =>
      Number(a.requirement !== 'required') - Number(b.requirement !== 'required') ||
      Number(b.primary) - Number(a.primary) ||
      a.evidence[0].start - b.evidence[0].start,
  );
  return { skills, proposals };
}

/** An ambiguous alias reads as the chosen role's core skill when one of its readings is one. */
function readingUnderChosenRole(mention: SkillMention, coreSkills: Set<string>): string {
  if (coreSkills.has(mention.skillSlug)) return mention.skillSlug;
  return mention.alternatives.find((slug) => coreSkills.has(slug)) ?? mention.skillSlug;
}

function toEvidence(
  items: Array<{ start: number; end: number; text: string; sectionIndex: number | null }>,
  sections: JdSection[],
): SkillEvidence[] {
  return items
    .map((item) => ({
      start: item.start,
      end: item.end,
      text: item.text,
      section: item.sectionIndex === null ? null : (sections[item.sectionIndex]?.kind ?? null),
    }))
    .sort((a, b) => a.start - b.start);
}

function strongestRequirement(items: Array<{ requirement: Requirement }>): Requirement {
  return items.some((item) => item.requirement === 'required') ? 'required' : 'preferred';
}

function matchedVia(mentions: SkillMention[]): string {
  if (mentions.some((mention) => mention.aliasType === 'canonical')) return 'canonical';
  if (mentions.some((mention) => mention.aliasType === 'synonym' || mention.aliasType === 'misspelling')) return 'alias';
  return 'abbreviation';
}

function namedInTitle(titleKeys: string[], skill: CatalogSkill, mentions: SkillMention[]): boolean {
  if (titleKeys.length === 0) return false;
  const forms = [skill.name, ...mentions.map((mention) => mention.matchedText)];
  return forms.some((form) => {
    const keys = tokenize(form).map((token) => token.key);
    if (keys.length === 0) return false;
    for (let start = 0; start + keys.length <= titleKeys.length; start++) {
      if (keys.every((key, offset) => titleKeys[start + offset] === key)) return true;
    }
    return false;
  });
}

/**
 * Leftover phrases become proposed skills and pending proposals, one per slug. A phrase whose spelling is
 * already a catalog alias is not new (the matcher skipped it on purpose, e.g. a context word was missing).
 */
function proposeLeftovers(input: ResolveSkillsInput, resolvedSlugs: Set<string>): { proposedSkills: RunSkill[]; proposals: Proposal[] } {
  const spellings = knownSpellings(input.catalog.catalog);
  const phrasesBySlug = new Map<string, CandidatePhrase[]>();
  for (const phrase of input.scan.candidatePhrases) {
    const slug = slugOf(phrase.text);
    if (slug === '' || resolvedSlugs.has(slug) || input.catalog.skillBySlug.has(slug) || spellings.has(aliasKey(phrase.text))) continue;
    const group = phrasesBySlug.get(slug) ?? [];
    group.push(phrase);
    phrasesBySlug.set(slug, group);
  }

  const proposedSkills: RunSkill[] = [];
  const proposals: Proposal[] = [];
  for (const [slug, phrases] of phrasesBySlug) {
    const name = displayNameOf(phrases[0].text);
    proposedSkills.push({
      name,
      slug,
      status: 'proposed',
      matchedVia: 'phrase',
      category: null,
      nature: null,
      primary: false,
      requirement: strongestRequirement(phrases),
      dimensions: [],
      evidence: toEvidence(phrases, input.sections),
    });
    proposals.push({
      kind: 'skill',
      value: name,
      status: 'pending',
      target: input.chosenRoleSlug,
      evidence: phrases[0].sentenceText ?? sentenceAround(input.description, phrases[0]),
    });
  }
  return { proposedSkills, proposals };
}

/** Kebab-case slug of a phrase: "Next.js" → next-js, "C++ Builder" → c-plus-plus-builder. */
export function slugOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\+/g, ' plus ')
    .replace(/#/g, ' sharp ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A phrase written in lower case is shown in title case; anything with capitals is kept as written. */
function displayNameOf(text: string): string {
  if (text !== text.toLowerCase()) return text;
  return text.replace(/(^|[\s-])(\p{Ll})/gu, (_match, before: string, letter: string) => before + letter.toUpperCase());
}

/** The sentence around a phrase when the scan did not keep it: from the previous stop to the next. */
function sentenceAround(description: string, phrase: CandidatePhrase): string {
  let start = phrase.start;
  while (start > 0 && !/[.!?\n]/.test(description[start - 1])) start--;
  let end = phrase.end;
  while (end < description.length && !/[.!?\n]/.test(description[end])) end++;
  return description.slice(start, Math.min(description.length, end + 1)).trim();
}
