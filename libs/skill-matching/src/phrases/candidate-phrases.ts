import type { Requirement } from '@jdpipe/jd-parsing';

import type { PostingLayout } from '../posting-structure/posting-layout';
import { breakBetween, splitPhraseWords, type PhraseWord } from './phrase-words';
import { DISCIPLINE_ING_WORDS, DUTY_VERBS, FUNCTION_WORDS, GENERIC_NOUNS, MODIFIER_WORDS, SKILL_HEAD_WORDS } from './phrase-vocabulary';

/** A skill-like phrase the dictionary did not cover: material for a proposal. */
export interface CandidatePhrase {
  text: string;
  start: number;
  end: number;
  sectionIndex: number | null;
  requirement: Requirement;
  /** The sentence or bullet holding the phrase, kept as the proposal's evidence. */
  sentenceText?: string;
}

interface Span {
  start: number;
  end: number;
}

// "<head> <preposition> X": the cue words that introduce a skill. A map, not an object literal: a posting
// word such as "constructor" must not find an inherited property.
const CUE_PREPOSITIONS = new Map<string, string[]>([
  ['experience', ['with', 'in', 'using', 'on']],
  ['experienced', ['with', 'in', 'using']],
  ['knowledge', ['of', 'in', 'on']],
  ['proficiency', ['in', 'with']],
  ['proficient', ['in', 'with']],
  ['competency', ['in', 'with']],
  ['competence', ['in', 'with']],
  ['expertise', ['in', 'with']],
  ['skilled', ['in', 'with']],
  ['versed', ['in', 'with']],
  ['familiarity', ['with']],
  ['familiar', ['with']],
  ['hands-on', ['with', 'in']],
]);
const COORDINATORS = new Set(['and', 'or', 'and/or', '&', '/']);
const MAX_PHRASE_WORDS = 4;

/**
 * Finds skill-like noun phrases outside dictionary matches, from three sources: cue phrases ("experience
 * with X", "X skills"), comma lists that are mostly skills already, and technology-looking words (CamelCase,
 * letters with digits, dotted names like "Next.js"). Precision over recall: every phrase passes `asSkillPhrase`.
 */
export function findCandidatePhrases(layout: PostingLayout, mentions: Span[]): CandidatePhrase[] {
  const covered = [...mentions].sort((a, b) => a.start - b.start);
  const overlapsMention = (span: Span): boolean => covered.some((mention) => mention.start < span.end && span.start < mention.end);
  const phrases = new Map<string, CandidatePhrase>();

  for (const unit of readingUnits(layout)) {
    const kind = unit.sectionIndex === null ? null : (layout.sections[unit.sectionIndex]?.kind ?? null);
    if (kind === 'benefits' || layout.inEqualOpportunityStatement(unit.start)) continue;
    const words = splitPhraseWords(layout.description, unit.start, unit.end);
    const found: PhraseWord[][] = [...cuedPhrases(words), ...phrasesBeforeHeadNoun(words)];
    // Lists and odd-looking words in a company blurb are product and brand names, not requirements.
    if (kind !== 'company') found.push(...skillListItems(words, overlapsMention), ...technologyLookingWords(words));
    for (const candidate of found) {
      const phrase = asSkillPhrase(candidate);
      if (!phrase) continue;
      const span = { start: phrase[0].start, end: phrase[phrase.length - 1].end };
      if (overlapsMention(span)) continue;
      const key = `${span.start}:${span.end}`;
      if (phrases.has(key)) continue;
      phrases.set(key, {
        text: layout.description.slice(span.start, span.end),
        start: span.start,
        end: span.end,
        sectionIndex: layout.sectionIndexAt(span.start),
        requirement: layout.requirementAt(span.start),
        sentenceText: layout.description.slice(unit.start, unit.end).trim(),
      });
    }
  }
  return [...phrases.values()].sort((a, b) => a.start - b.start);
}

/** Sentences when the parser gave them; else whole sections; else the whole description. */
function readingUnits(layout: PostingLayout): Array<Span & { sectionIndex: number | null }> {
  if (layout.sentences.length > 0) return layout.sentences;
  if (layout.sections.length > 0)
    return layout.sections.map((section, index) => ({ start: section.start, end: section.end, sectionIndex: index }));
  return [{ start: 0, end: layout.description.length, sectionIndex: null }];
}

/** "experience with X", "knowledge of X and Y", "hands-on X": the items after the cue. */
function cuedPhrases(words: PhraseWord[]): PhraseWord[][] {
  const items: PhraseWord[][] = [];
  for (let index = 0; index < words.length; index++) {
    const prepositions = CUE_PREPOSITIONS.get(words[index].key);
    if (!prepositions || words[index].breakAfter) continue;
    let next = index + 1;
    // "hands-on experience with X" and "hands-on X" both introduce X.
    if (words[index].key === 'hands-on' && words[next]?.key === 'experience' && !words[next].breakAfter) next++;
    if (words[next] && prepositions.includes(words[next].key) && !breakBetween(words[next - 1], words[next])) next++;
    else if (words[index].key !== 'hands-on') continue;
    if (!words[next] || breakBetween(words[next - 1], words[next])) continue;
    items.push(...coordinatedItemsFrom(words, next));
  }
  return items;
}

/** Reads "X, Y and Z" from `from` until a clause word or a stop; an over-long item ends the reading. */
function coordinatedItemsFrom(words: PhraseWord[], from: number): PhraseWord[][] {
  const items: PhraseWord[][] = [];
  let current: PhraseWord[] = [];
  for (let index = from; index < words.length; index++) {
    const word = words[index];
    if (COORDINATORS.has(word.key)) {
      if (current.length > 0) items.push(current);
      current = [];
      continue;
    }
    if (FUNCTION_WORDS.has(word.key)) break;
    current.push(word);
    if (current.length > MAX_PHRASE_WORDS + 2) return items;
    if (word.breakAfter) {
      items.push(current);
      current = [];
      if (!word.commaAfter) return items;
    }
  }
  if (current.length > 0) items.push(current);
  return items;
}

/**
 * "communication and leadership skills" → communication, leadership; "analytical skills" keeps "skills";
 * "React and Terraform experience" → React, Terraform.
 */
function phrasesBeforeHeadNoun(words: PhraseWord[]): PhraseWord[][] {
  const items: PhraseWord[][] = [];
  for (let head = 1; head < words.length; head++) {
    const isSkillsHead = SKILL_HEAD_WORDS.has(words[head].key);
    if ((!isSkillsHead && words[head].key !== 'experience') || breakBetween(words[head - 1], words[head])) continue;
    let current: PhraseWord[] = [];
    let first = true;
    const close = (): void => {
      if (current.length === 0) return;
      // An adjective before "skills" needs the head to be a name: "analytical skills", "interpersonal skills".
      const adjectival = looksAdjectival(current[current.length - 1].key);
      if (!adjectival) items.push(current);
      else if (first && isSkillsHead) items.push([...current, words[head]]);
      first = false;
      current = [];
    };
    for (let index = head - 1; index >= 0; index--) {
      const word = words[index];
      if (index < head - 1 && word.breakAfter) {
        if (!word.commaAfter) break;
        close();
      }
      if (COORDINATORS.has(word.key)) {
        close();
        continue;
      }
      if (FUNCTION_WORDS.has(word.key) || MODIFIER_WORDS.has(word.key) || DUTY_VERBS.has(word.key)) break;
      current.unshift(word);
      if (current.length > MAX_PHRASE_WORDS) {
        current = [];
        break;
      }
      if (word.breakBefore) break;
    }
    close();
  }
  return items;
}

function looksAdjectival(key: string): boolean {
  return /(al|ive|ic|ical|ory|ous)$/.test(key);
}

/**
 * Items of a comma list ("Python, Kafka, Airflow and Spark"), kept only when at least half of the items are
 * dictionary skills or technology-looking words: then the rest are likely skills too.
 */
function skillListItems(words: PhraseWord[], overlapsMention: (span: Span) => boolean): PhraseWord[][] {
  const results: PhraseWord[][] = [];
  for (const segment of segmentsAtHardBreaks(words)) {
    const pieces = splitAtCommas(segment);
    if (pieces.length < 2) continue;
    const items: PhraseWord[][] = [];
    pieces.forEach((piece, position) => {
      if (position === 0) items.push(trailingNounRun(piece));
      else if (position === pieces.length - 1) items.push(...splitAtCoordinators(leadingNounRun(dropLeadingCoordinators(piece))));
      else items.push(...splitAtCoordinators(dropLeadingCoordinators(piece)));
    });
    const listItems = items.filter((item) => item.length > 0);
    if (listItems.length < 3 || listItems.some((item) => item.length > MAX_PHRASE_WORDS)) continue;
    const skillLike = listItems.filter(
      (item) =>
        overlapsMention({ start: item[0].start, end: item[item.length - 1].end }) || item.some((word) => isTechnologyLooking(word.text)),
    ).length;
    if (skillLike * 2 >= listItems.length) results.push(...listItems);
  }
  return results;
}

function segmentsAtHardBreaks(words: PhraseWord[]): PhraseWord[][] {
  const segments: PhraseWord[][] = [[]];
  words.forEach((word, index) => {
    if (word.breakBefore && segments[segments.length - 1].length > 0) segments.push([]);
    segments[segments.length - 1].push(word);
    if (word.breakAfter && !word.commaAfter && index < words.length - 1) segments.push([]);
  });
  return segments.filter((segment) => segment.length > 0);
}

function splitAtCommas(segment: PhraseWord[]): PhraseWord[][] {
  const pieces: PhraseWord[][] = [[]];
  for (const word of segment) {
    pieces[pieces.length - 1].push(word);
    if (word.commaAfter) pieces.push([]);
  }
  return pieces.filter((piece) => piece.length > 0);
}

function splitAtCoordinators(piece: PhraseWord[]): PhraseWord[][] {
  const items: PhraseWord[][] = [[]];
  for (const word of piece) {
    if (COORDINATORS.has(word.key)) items.push([]);
    else items[items.length - 1].push(word);
  }
  return items.filter((item) => item.length > 0);
}

function dropLeadingCoordinators(piece: PhraseWord[]): PhraseWord[] {
  let index = 0;
  while (index < piece.length && COORDINATORS.has(piece[index].key)) index++;
  return piece.slice(index);
}

/** The lead-in's last words: "Languages such as Python" → "Python". */
function trailingNounRun(piece: PhraseWord[]): PhraseWord[] {
  let index = piece.length;
  while (index > 0 && !FUNCTION_WORDS.has(piece[index - 1].key) && !COORDINATORS.has(piece[index - 1].key)) index--;
  return piece.slice(index);
}

/** The last item's first words: "and Spark for streaming" → "Spark". */
function leadingNounRun(piece: PhraseWord[]): PhraseWord[] {
  let index = 0;
  while (index < piece.length && !FUNCTION_WORDS.has(piece[index].key) && !COORDINATORS.has(piece[index].key)) index++;
  return piece.slice(0, index);
}

function technologyLookingWords(words: PhraseWord[]): PhraseWord[][] {
  return words.filter((word) => isTechnologyLooking(word.text)).map((word) => [word]);
}

const ECOSYSTEM_SUFFIXES = new Set(['js', 'io', 'net', 'py', 'rb', 'ts', 'jsx', 'tsx']);
const UNIT_OR_ORDINAL =
  /^\d+(st|nd|rd|th|k|m|b|x|am|pm|hrs?|yrs?|years?|lpa|lakhs?|lacs?|cr|days?|months?|weeks?|mins?|kg|km|cm|mm|gb|mb|tb|px|sqft)\+?$/i;

/** CamelCase (TensorFlow, MongoDB, iOS), letters with digits (EC2, K8s, HTML5), dotted names (Next.js). */
export function isTechnologyLooking(word: string): boolean {
  if (word.length < 2 || word.length > 24 || /[@:]|^www\./i.test(word)) return false;
  if (isPlainWord(word)) return false;
  const dotted = word.split('.');
  if (dotted.length > 1) {
    return (
      dotted.every((part) => /^[\p{L}\p{N}]+$/u.test(part)) &&
      dotted[0].length >= 2 &&
      ECOSYSTEM_SUFFIXES.has(dotted[dotted.length - 1].toLowerCase())
    );
  }
  if (!/^[\p{L}\p{N}]+[+#]*$/u.test(word)) return false;
  const bare = word.replace(/[+#]+$/, '');
  if (/\p{N}/u.test(bare) && /\p{L}/u.test(bare)) {
    if (UNIT_OR_ORDINAL.test(bare)) return false;
    if (/^\p{L}\p{N}$/u.test(bare)) return false; // Q4, A1, W2: quarters, grades and forms
    if (/^\p{N}/u.test(bare)) return /^\p{N}+\p{L}{2,}\p{N}*$/u.test(bare);
    return /^\p{L}+\p{N}+\p{L}*\p{N}*$/u.test(bare);
  }
  if (/^(Mc|Mac)\p{Lu}/u.test(bare)) return false;
  // Lower-case humps then capitals: TensorFlow, GitHub, MongoDB, iOS; "PhD" (one trailing capital) is not.
  return /^\p{Lu}?\p{Ll}+(\p{Lu}{2,}|(\p{Lu}\p{Ll}+)+(\p{Lu}{2,})?)$/u.test(bare);
}

// Most words are plain ("python", "Teams"): no capital after the first letter, no digit, no dot, so none of
// the shapes above. Answered by a character loop before any pattern runs.
function isPlainWord(word: string): boolean {
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index);
    const lower = code >= 0x61 && code <= 0x7a;
    if (!lower && !(index === 0 && code >= 0x41 && code <= 0x5a)) return false;
  }
  return true;
}

/** Trims decoration and returns the phrase when it can name a skill, else null. */
export function asSkillPhrase(words: PhraseWord[]): PhraseWord[] | null {
  let first = 0;
  let last = words.length - 1;
  while (first <= last && (FUNCTION_WORDS.has(words[first].key) || MODIFIER_WORDS.has(words[first].key) || isAdverb(words[first].text)))
    first++;
  while (last >= first && (words[last].key === 'etc' || FUNCTION_WORDS.has(words[last].key))) last--;
  const phrase = words.slice(first, last + 1);
  if (phrase.length === 0 || phrase.length > MAX_PHRASE_WORDS) return null;
  if (phrase.some((word, index) => index > 0 && breakBetween(phrase[index - 1], word))) return null;
  for (const word of phrase) {
    // A word with commas or other punctuation inside is glued text ("Technology,Staffing"), not a name.
    if (!/\p{L}/u.test(word.text) || !/^[\p{L}\p{N}.][\p{L}\p{N}+#.\-/'\u2019&]*$/u.test(word.text)) return null;
    if (FUNCTION_WORDS.has(word.key) || COORDINATORS.has(word.key) || isAdverb(word.text)) return null;
  }
  const opening = phrase[0];
  if (DUTY_VERBS.has(opening.key)) return null;
  if (/^\p{Ll}+ing$/u.test(opening.text) && !DISCIPLINE_ING_WORDS.has(opening.key)) return null;
  if (MODIFIER_WORDS.has(phrase[phrase.length - 1].key)) return null;
  if (phrase.every((word) => GENERIC_NOUNS.has(word.key) || MODIFIER_WORDS.has(word.key) || SKILL_HEAD_WORDS.has(word.key))) return null;
  return phrase;
}

// Lower-case -ly words are manners ("cross-functionally"), not names; "supply" and "assembly" are not adverbs.
function isAdverb(text: string): boolean {
  return /^\p{Ll}[\p{Ll}-]*(ally|ively|ously|ently|antly|fully|tly)$/u.test(text);
}
