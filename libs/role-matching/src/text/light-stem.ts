/**
 * A light suffix stemmer: enough to make "reviews"/"reviewing"/"review", "deployment"/"deploying"/"deploy" and
 * "nurse"/"nursing" meet, without the over-reach of a full Porter stemmer. Both KRAs and posting sentences
 * go through it, so consistency matters more than linguistic accuracy.
 */
export function lightStem(word: string): string {
  let stem = word.toLowerCase();
  if (stem.length <= 3) return stem;
  stem = stripPlural(stem);
  stem = stripInflection(stem);
  stem = stripDerivation(stem);
  return tidyEnding(stem);
}

function stripPlural(word: string): string {
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
  if (/(?:[sxz]|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

function stripInflection(word: string): string {
  for (const suffix of ['ing', 'ed']) {
    const stem = word.slice(0, -suffix.length);
    // Keep short words whole ("bring", "red") and stems without a vowel ("string" has one; "sing" would not survive).
    if (word.endsWith(suffix) && stem.length >= 3 && /[aeiouy]/.test(stem)) return stem;
  }
  return word;
}

// Longest suffixes first; each keeps a stem of at least four letters so "cement" or "entity" stay intact.
const DERIVATIONAL_SUFFIXES: ReadonlyArray<readonly [string, string]> = [
  ['ization', 'iz'],
  ['isation', 'iz'],
  ['ational', 'at'],
  ['ation', 'at'],
  ['ement', ''],
  ['ment', ''],
  ['ness', ''],
  ['ity', ''],
  ['ive', ''],
  ['ance', ''],
  ['ence', ''],
  ['er', ''],
  ['or', ''],
  ['al', ''],
];

function stripDerivation(word: string): string {
  for (const [suffix, replacement] of DERIVATIONAL_SUFFIXES) {
    if (!word.endsWith(suffix) || word.length - suffix.length < 4) continue;
    // "engineer", "career", "volunteer" are not agent nouns of a shorter verb.
    if (suffix === 'er' && word.endsWith('eer')) return word;
    return word.slice(0, -suffix.length) + replacement;
  }
  return word;
}

function tidyEnding(word: string): string {
  let stem = word;
  if (stem.length >= 4 && stem.endsWith('e')) stem = stem.slice(0, -1);
  // "plann" → "plan", "committ" → "commit"; but keep "ll"/"ss" endings ("install", "process").
  if (stem.length > 4 && /([^aeiouls])\1$/.test(stem)) stem = stem.slice(0, -1);
  if (stem.length > 4 && stem.endsWith('y')) stem = stem.slice(0, -1) + 'i';
  return stem;
}
