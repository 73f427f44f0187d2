import { lightStem } from './light-stem';
import { STOPWORDS } from './stopwords';

/** Lowercased word tokens; keeps "c++", "c#" and ".net"-style words readable ("node.js" → "node", "js"). */
export function wordTokens(text: string): string[] {
  const words: string[] = [];
  scanWordTokens(text, (word) => words.push(word));
  return words;
}

/**
 * Gives `onWord` each word token of the lowercased text: a letter or digit of a-z0-9 followed by any of
 * a-z0-9+#. Scanned by hand: the words of every posting sentence pass through here.
 */
export function scanWordTokens(text: string, onWord: (word: string) => void): void {
  const lower = text.toLowerCase();
  let start = -1;
  for (let at = 0; at <= lower.length; at++) {
    const code = at < lower.length ? lower.charCodeAt(at) : 0;
    if (start < 0) {
      if (isAlphanumeric(code)) start = at;
    } else if (!isAlphanumeric(code) && code !== PLUS && code !== HASH) {
      onWord(lower.slice(start, at));
      start = -1;
    }
  }
}

const PLUS = 0x2b;
const HASH = 0x23;

function isAlphanumeric(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

/** Stemmed content words: stopwords, bare numbers and one-letter tokens removed. */
export function contentStems(text: string): string[] {
  return wordTokens(text).filter(isContentWord).map(lightStem);
}

/** Whether a word token carries content: not a stopword, a bare number or a single character. */
export function isContentWord(token: string): boolean {
  return token.length > 1 && !STOPWORDS.has(token) && !/^\d+$/.test(token);
}

/** Prefix that keeps bigram terms apart from unigrams in one term space. */
export const BIGRAM_MARK = '~';

/**
 * Terms of a sentence for lexical similarity: stemmed unigrams plus unordered adjacent bigrams, so that
 * "review code" and "code reviews" share the bigram "cod~review".
 */
export function sentenceTerms(text: string): string[] {
  const stems = contentStems(text);
  const terms = [...stems];
  for (let index = 1; index < stems.length; index++) {
    const previous = stems[index - 1];
    const current = stems[index];
    // Ordered as a default sort would order the pair, without allocating one per bigram.
    if (previous < current) terms.push(previous + BIGRAM_MARK + current);
    else if (current < previous) terms.push(current + BIGRAM_MARK + previous);
  }
  return terms;
}

export function isBigram(term: string): boolean {
  return term.includes(BIGRAM_MARK);
}
