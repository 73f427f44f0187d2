import type { CatalogSkill, SkillAlias } from '@jdpipe/catalog';

import { tokenize } from '../tokens/text-tokens';

/**
 * A word in the aliases of this many skills is an ordinary word of working life ("standards", "lead",
 * "engineering", "schedule"), not the name of one skill. Taxonomies list such words as alternative labels
 * (ESCO gives "standards" for scaffolding components and "current" for electricity principles).
 */
export const COMMON_WORD_SKILL_COUNT = 15;

/** Words of a skill name that say nothing about which skill it is. */
const FILLER_WORDS = new Set([
  'and',
  'or',
  'of',
  'the',
  'a',
  'an',
  'to',
  'in',
  'on',
  'for',
  'with',
  'others',
  'other',
  'own',
  'use',
  'your',
]);

/** Words that complete a verb rather than start its object: "draw up", "carry out", "sign off". */
const VERB_PARTICLES = new Set(['up', 'out', 'off', 'down']);

/** Nouns for people: an activity done to them ("manage sales teams") is not named by naming them. */
const PEOPLE_NOUNS = new Set([
  'team',
  'staff',
  'crew',
  'colleague',
  'employee',
  'worker',
  'people',
  'personnel',
  'customer',
  'client',
  'student',
  'patient',
  'child',
  'children',
  'volunteer',
]);

/**
 * Whether an alias still names its skill. Imported ESCO skills are named as a verb and its object ("oversee
 * quality control", "coordinate technical teams in artistic productions"): an alias that leaves out part of
 * the object ("technical teams") names something else, while one that only changes or drops the verb
 * ("collect data" for gather data, "quality control") still names the skill, unless the object is people:
 * "engineering teams" for coordinate engineering teams names colleagues ("collaborate with engineering
 * teams"), not the coordinating. Other names have no such shape: any shared word will do.
 */
function stillNamesTheSkill(skill: CatalogSkill, nameWords: readonly string[], words: readonly string[]): boolean {
  const verbPhrase =
    skill.importedFrom !== undefined && skill.nature === 'PRACTICE' && nameWords.length > 1 && skill.name === skill.name.toLowerCase();
  if (!verbPhrase) return true;
  // "draw up a risk assessment": the particle belongs to the verb.
  const objectWords = nameWords.slice(VERB_PARTICLES.has(nameWords[1]) ? 2 : 1).filter((word) => !FILLER_WORDS.has(word));
  const inAlias = (nameWord: string) => words.some((word) => singular(word) === singular(nameWord));
  if (!objectWords.every(inAlias)) return false;
  const onlyTheObject = words.every(
    (word) => FILLER_WORDS.has(word) || objectWords.some((nameWord) => singular(word) === singular(nameWord)),
  );
  const head = objectWords[objectWords.length - 1];
  return !(onlyTheObject && head !== undefined && PEOPLE_NOUNS.has(singular(head)));
}

/** A word without its plural ending, roughly: "policies" and "policy", "processes" and "process" meet. */
function singular(word: string): string {
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(?:ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  return word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** How many skills use each word in any of their aliases. */
export class AliasWordFrequency {
  private readonly skillsByWord = new Map<string, number>();

  /** `aliasKeysBySkill[s][a]`: the token keys of alias a of skill s. */
  constructor(aliasKeysBySkill: readonly (readonly (readonly string[])[])[]) {
    for (const aliasKeys of aliasKeysBySkill) {
      const words = new Set(aliasKeys.flat());
      for (const word of words) this.skillsByWord.set(word, (this.skillsByWord.get(word) ?? 0) + 1);
    }
  }

  isCommon(word: string): boolean {
    return (this.skillsByWord.get(word) ?? 0) >= COMMON_WORD_SKILL_COUNT;
  }
}

/**
 * The context an alias needs in a posting, beyond the one the catalog gives it. An alternative label that is
 * one common word ("engineering" for packaging engineering, "standards" for scaffolding components), or
 * several common words that share none of the skill's name or leave out part of what it is about ("work
 * environment" for monitor work site, "technical teams" for coordinate technical teams in artistic
 * productions: see `stillNamesTheSkill`), names the skill only when the posting also uses a distinctive word
 * of the skill's name ("packaging"). With no such word in the name (lead others, manage time) the alias never
 * stands alone: `null` says to leave it out. Canonical names, case-bound aliases and aliases with their own
 * context are kept as the catalog says. `words` are the alias's token keys.
 */
export function requiredContext(
  skill: CatalogSkill,
  alias: SkillAlias,
  words: readonly string[],
  frequency: AliasWordFrequency,
): string[] | null {
  if (alias.type === 'canonical' || alias.match === 'case_sensitive' || alias.context.length > 0) return alias.context;
  const nameWords = tokenize(skill.name).map((token) => token.key);
  const allCommon = words.length > 0 && words.every((word) => FILLER_WORDS.has(word) || frequency.isCommon(word));
  if (!allCommon) return alias.context;
  if (words.length > 1 && words.some((word) => nameWords.includes(word)) && stillNamesTheSkill(skill, nameWords, words))
    return alias.context;
  const distinctive = [
    ...new Set(
      nameWords.filter((word) => !words.includes(word) && word.length > 2 && !FILLER_WORDS.has(word) && !frequency.isCommon(word)),
    ),
  ];
  return distinctive.length > 0 ? distinctive : null;
}
