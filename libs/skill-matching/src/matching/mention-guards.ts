import type { TextToken } from '../tokens/text-tokens';
import type { CompiledAlias } from './alias-trie';

/**
 * Checks on the neighbourhood of a dictionary hit that tell a skill from the same letters used as an ordinary
 * word: "Grade C", "C-suite", "go-to", "You should excel in", "Go live".
 */
export interface HitSite {
  text: string;
  tokens: TextToken[];
  startToken: number;
  endToken: number;
  /** True when the first token opens a sentence or bullet, where capitals prove nothing. */
  opensSentence: boolean;
}

// Words after which a lone capital letter is a label, not a language: "Grade C", "Plan B", "Vitamin C".
const LETTER_LABEL_WORDS = new Set([
  'grade',
  'class',
  'type',
  'level',
  'category',
  'tier',
  'plan',
  'section',
  'part',
  'vitamin',
  'schedule',
  'phase',
  'option',
  'group',
  'block',
  'appendix',
  'form',
  'size',
  'model',
  'unit',
  'building',
  'floor',
  'shift',
  'division',
  'zone',
  'exhibit',
  'article',
  'clause',
  'priority',
  'band',
  'wing',
  'gate',
  'row',
  'series',
  'hepatitis',
  'vitamins',
  'license',
  'licence',
  'cat',
  'rank',
  'round',
  'sector',
  'tower',
]);
// Words after a lone capital letter that make it a label or an abbreviation of something else: "C level".
const LETTER_FOLLOWER_WORDS = new Set(['suite', 'level', 'levels', 'grade', 'class', 'shift', 'wing', 'block', 'corp', 'section', 'type']);

// Verbs that share spelling with tools: they read as verbs after these words ("you excel", "to go").
const VERB_SLOT_WORDS = new Set([
  'should',
  'will',
  'would',
  'can',
  'could',
  'must',
  'may',
  'might',
  'shall',
  'to',
  'you',
  'we',
  'they',
  'who',
  'i',
  'help',
  'helps',
  'ready',
  'let',
  "let's",
  'lets',
  'always',
  'often',
  'truly',
]);
// ... and these words after them confirm the verb reading ("excel in", "excel at", "go live", "swift to").
const VERB_FOLLOWER_WORDS = new Set([
  'in',
  'at',
  'to',
  'live',
  'ahead',
  'beyond',
  'through',
  'out',
  'into',
  'above',
  'forward',
  'back',
  'over',
  'the',
]);

export function passesNeighbourhoodChecks(site: HitSite, alias: CompiledAlias): boolean {
  if (isPartOfDottedName(site)) return false;
  if (alias.isShortForm && !shortFormStandsAlone(site, alias)) return false;
  if (readsAsVerb(site, alias)) return false;
  // A sentence's first word has its capital by rule: "Access to", "Source of" prove no product there.
  if (alias.isOrdinaryWordName && site.opensSentence && alias.exactForm !== alias.exactForm.toUpperCase()) return false;
  return true;
}

// "js" in "Next.js", "Node" in "Node.red": a tight dot makes one name of both sides.
function isPartOfDottedName(site: HitSite): boolean {
  const { text, tokens, startToken, endToken } = site;
  const start = tokens[startToken].start;
  const end = tokens[endToken].end;
  const followedByDotToken = tokens[endToken + 1]?.start === end && tokens[endToken + 1].text.startsWith('.');
  return (
    /[\p{L}\p{N}]\.$/u.test(text.slice(Math.max(0, start - 2), start)) ||
    (!followedByDotToken && /^\.[\p{L}\p{N}]/u.test(text.slice(end, end + 2)))
  );
}

function shortFormStandsAlone(site: HitSite, alias: CompiledAlias): boolean {
  const { text, tokens, startToken } = site;
  const token = tokens[startToken];
  const before = text.slice(Math.max(0, token.start - 2), token.start);
  const after = text.slice(token.end, token.end + 2);
  const onlyLetters = /^\p{L}+$/u.test(alias.exactForm);
  // "C-suite", "go-to", "R-value", "e-commerce": a short word hyphenated to another word is part of it.
  if (onlyLetters && (/^-\p{L}/u.test(after) || /\p{L}-$/u.test(before))) return false;
  if (alias.exactForm.length !== 1) return true;

  const previous = startToken > 0 ? tokens[startToken - 1] : undefined;
  const next = startToken + 1 < tokens.length ? tokens[startToken + 1] : undefined;
  const gapBefore = previous ? text.slice(previous.end, token.start) : '';
  const gapAfter = next ? text.slice(token.end, next.start) : '';
  if (previous && /^\s+$/.test(gapBefore) && LETTER_LABEL_WORDS.has(previous.key)) return false;
  if (next && /^\s+$/.test(gapAfter) && LETTER_FOLLOWER_WORDS.has(next.key)) return false;
  // "A, B, C" or "B or C": neighbouring letters of the alphabet enumerate labels ("Python, R, C" does not).
  const isAlphabetNeighbour = (step: -1 | 1): boolean => {
    let index = startToken + step;
    if (tokens[index] && /^(and|or|to)$/.test(tokens[index].key)) index += step;
    const neighbour = tokens[index];
    if (!neighbour || !/^\p{L}$/u.test(neighbour.text)) return false;
    const gap = step < 0 ? text.slice(neighbour.end, token.start) : text.slice(token.end, neighbour.start);
    return Math.abs(neighbour.key.charCodeAt(0) - token.key.charCodeAt(0)) === 1 && /^[\s,/]*((and|or|to)[\s,]*)?$/i.test(gap);
  };
  if (isAlphabetNeighbour(-1) || isAlphabetNeighbour(1)) return false;
  // "John C. Smith": an initial.
  if (/^\.\s+\p{Lu}/u.test(text.slice(token.end, token.end + 3)) && previous && /^\p{Lu}\p{Ll}/u.test(previous.text)) return false;
  // "C) ..." as a list marker.
  if (/^\)/.test(after) && (!previous || /[\n(]\s*$/.test(text.slice(Math.max(0, token.start - 3), token.start)))) return false;
  return true;
}

function readsAsVerb(site: HitSite, alias: CompiledAlias): boolean {
  const { text, tokens, startToken, endToken } = site;
  if (startToken !== endToken) return false;
  const token = tokens[startToken];
  // Only plain words can be verbs; "SQL", "C++", "K8s" cannot.
  if (!/^\p{L}+$/u.test(token.text) || /^\p{Lu}+$/u.test(token.text)) return false;
  const next = tokens[endToken + 1];
  if (!next || !/^\s+$/.test(text.slice(token.end, next.start)) || !VERB_FOLLOWER_WORDS.has(next.key)) return false;
  const previous = startToken > 0 ? tokens[startToken - 1] : undefined;
  const previousIsVerbSlot =
    previous !== undefined && /^\s+$/.test(text.slice(previous.end, token.start)) && VERB_SLOT_WORDS.has(previous.key);
  // At a sentence start the capital is forced, so only a word the catalog marked ambiguous is doubted there.
  return previousIsVerbSlot || (site.opensSentence && alias.isAmbiguousWord);
}
