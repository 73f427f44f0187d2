import { lightStem } from './light-stem';
import { STOPWORDS } from './stopwords';

/** Lowercased word tokens; keeps "c++", "c#" and ".net"-style words readable ("node.js" → "node", "js"). */
export function wordTokens(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9][a-z0-9+#]*/g) ?? [];
}

/** Stemmed content words: stopwords, bare numbers and one-letter tokens removed. */
export function contentStems(text: string): string[] {
  return wordTokens(text)
    .filter((token) => token.length > 1 && !STOPWORDS.has(token) && !/^\d+$/.test(token))
    .map(lightStem);
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
