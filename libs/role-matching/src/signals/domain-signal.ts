import { type CatalogDomain } from '@jdpipe/catalog';

import { roundScore } from '../precision/precision';
import { scanWordTokens, wordTokens } from '../text/terms';

/** Repeats beyond this add nothing: a keyword said ten times is not ten times the evidence. */
const MAX_COUNT_PER_KEYWORD = 3;
/** Saturation scale: about four keyword mentions make a domain clear (score 0.63), eight near-certain. */
const SATURATION_HITS = 4;

export interface DomainScore {
  domain: string;
  score: number;
  keywords: string[];
}

interface KeywordPattern {
  domain: string;
  keyword: string;
  words: string[];
}

/** Domain keyword hits in the whole text: word sequences after plural folding, scored with saturation. */
export class DomainKeywordIndex {
  private readonly patternsByFirstWord = new Map<string, KeywordPattern[]>();
  private readonly domainNames = new Map<string, string>();

  constructor(domains: readonly CatalogDomain[]) {
    for (const domain of domains) {
      this.domainNames.set(domain.slug, domain.name);
      for (const keyword of domain.keywords) {
        const words = wordTokens(keyword).map(foldPlural);
        if (words.length === 0) continue;
        const bucket = this.patternsByFirstWord.get(words[0]) ?? [];
        bucket.push({ domain: domain.slug, keyword, words });
        this.patternsByFirstWord.set(words[0], bucket);
      }
    }
  }

  domainName(slug: string): string {
    return this.domainNames.get(slug) ?? slug;
  }

  /** Scores every domain with at least one hit, best first. */
  score(text: string): DomainScore[] {
    const words: string[] = [];
    scanWordTokens(text, (word) => words.push(foldPlural(word)));
    const counts = new Map<KeywordPattern, number>();
    for (let index = 0; index < words.length; index++) {
      const patterns = this.patternsByFirstWord.get(words[index]);
      if (!patterns) continue;
      for (const pattern of patterns) {
        if (pattern.words.every((patternWord, offset) => words[index + offset] === patternWord)) {
          counts.set(pattern, (counts.get(pattern) ?? 0) + 1);
        }
      }
    }
    const byDomain = new Map<string, { hits: number; keywords: string[] }>();
    for (const [pattern, count] of counts) {
      const entry = byDomain.get(pattern.domain) ?? { hits: 0, keywords: [] };
      entry.hits += Math.min(count, MAX_COUNT_PER_KEYWORD);
      entry.keywords.push(pattern.keyword);
      byDomain.set(pattern.domain, entry);
    }
    return [...byDomain.entries()]
      .map(([domain, { hits, keywords }]) => ({ domain, score: roundScore(1 - Math.exp(-hits / SATURATION_HITS)), keywords }))
      .sort((left, right) => right.score - left.score);
  }
}

// Only plurals are folded (not a full stem): "career" must not become "care"; "-ss", "-us", "-is" stay.
function foldPlural(word: string): string {
  if (word.length <= 3 || word.charCodeAt(word.length - 1) !== LETTER_S) return word;
  const before = word.charCodeAt(word.length - 2);
  return before === LETTER_S || before === LETTER_U || before === LETTER_I ? word : word.slice(0, -1);
}

const LETTER_S = 0x73;
const LETTER_U = 0x75;
const LETTER_I = 0x69;
