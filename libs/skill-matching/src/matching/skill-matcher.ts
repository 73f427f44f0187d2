import type { AliasType, Catalog } from '@jdpipe/catalog';
import type { JdSection, JdSentence, Requirement } from '@jdpipe/jd-parsing';

import { findCandidatePhrases, type CandidatePhrase } from '../phrases/candidate-phrases';
import { PostingLayout } from '../posting-structure/posting-layout';
import { tokenize, type TextToken } from '../tokens/text-tokens';
import { AliasTrie, type CompiledAlias, type TrieHit, type TrieText } from './alias-trie';
import { AmbiguityResolver } from './ambiguity';
import { knownSpellings } from './known-spellings';
import { passesNeighbourhoodChecks } from './mention-guards';

/** One place where the description names a catalog skill. */
export interface SkillMention {
  /** The canonical skill it resolves to. */
  skillSlug: string;
  /** Other skill slugs the same text could mean (ambiguous alias), best first. */
  alternatives: string[];
  /** Exact text in the description. */
  matchedText: string;
  /** The catalog alias that matched. */
  aliasText: string;
  aliasType: AliasType;
  /** Offsets into the description, end exclusive. */
  start: number;
  end: number;
  /** Index into the parsed sections. */
  sectionIndex: number | null;
  requirement: Requirement;
}

export interface MentionScan {
  mentions: SkillMention[];
  candidatePhrases: CandidatePhrase[];
}

// When one text names several skills, the alias kind says which reading the catalog meant first.
const ALIAS_TYPE_PREFERENCE: Record<AliasType, number> = { canonical: 0, synonym: 1, abbreviation: 2, misspelling: 3 };

interface DictionaryHit {
  start: number;
  end: number;
  /** Best alias per candidate skill, in preference order. */
  aliasesBySkill: CompiledAlias[];
}

/** Dictionary matcher over every alias of a catalog; build once per catalog version, scan many postings. */
export class SkillMatcher {
  private constructor(
    private readonly trie: AliasTrie,
    private readonly ambiguity: AmbiguityResolver,
  ) {}

  static build(catalog: Catalog): SkillMatcher {
    // Resolution asks for them on the first posting; made here, they are part of the catalog load.
    knownSpellings(catalog);
    return new SkillMatcher(AliasTrie.fromCatalog(catalog), new AmbiguityResolver(catalog));
  }

  /** Aliases compiled and trie nodes created: for build-cost reporting. */
  get size(): { aliases: number; nodes: number } {
    return this.trie.size;
  }

  scan(description: string, sections: JdSection[], sentences: JdSentence[]): MentionScan {
    const layout = new PostingLayout(description, sections, sentences);
    const tokens = tokenize(description);
    const postingWords = new PostingWords(tokens);
    const trieText = this.trie.prepare(description, tokens);
    const hits: DictionaryHit[] = [];
    for (let index = 0; index < tokens.length;) {
      const hit = this.longestValidHit(layout, trieText, index, postingWords);
      if (hit) {
        hits.push(hit.hit);
        index = hit.nextToken;
      } else index++;
    }
    // The grounds an equal-opportunity statement lists (pregnancy, genetic information) are no skills.
    const mentions = this.settle(
      hits.filter((hit) => !layout.inEqualOpportunityStatement(hit.start)),
      layout,
    );
    return { mentions, candidatePhrases: findCandidatePhrases(layout, mentions) };
  }

  private longestValidHit(
    layout: PostingLayout,
    trieText: TrieText,
    startToken: number,
    postingWords: PostingWords,
  ): { hit: DictionaryHit; nextToken: number } | null {
    const { tokens } = trieText;
    const trieHits = this.trie.hitsAt(trieText, startToken);
    for (let position = trieHits.length - 1; position >= 0; position--) {
      const trieHit = trieHits[position];
      const valid = trieHit.aliases.filter((alias) => this.accepts(alias, trieHit, layout, tokens, postingWords));
      if (valid.length === 0) continue;
      return {
        hit: {
          start: tokens[trieHit.startToken].start,
          end: tokens[trieHit.endToken].end,
          aliasesBySkill: bestAliasPerSkill(valid),
        },
        nextToken: trieHit.endToken + 1,
      };
    }
    return null;
  }

  private accepts(alias: CompiledAlias, hit: TrieHit, layout: PostingLayout, tokens: TextToken[], postingWords: PostingWords): boolean {
    if (hit.pluralSuffixLength > 0 && !acceptsPlural(alias)) return false;
    const glued = hit.endToken - hit.startToken + 1 < alias.tokenCount;
    if (alias.caseSensitive || (glued && alias.abbreviationCapitals.length > 0)) {
      let written = '';
      for (let index = hit.startToken; index <= hit.endToken; index++) written += tokens[index].text;
      if (alias.caseSensitive && written.slice(0, written.length - hit.pluralSuffixLength) !== alias.exactForm) return false;
      if (glued && !keepsCapitals(written, alias.abbreviationCapitals)) return false;
    }
    if (alias.context.length > 0 && !alias.context.some((keys) => postingWords.contains(keys))) return false;
    return passesNeighbourhoodChecks(
      {
        text: layout.description,
        tokens,
        startToken: hit.startToken,
        endToken: hit.endToken,
        opensSentence: layout.opensSentence(tokens[hit.startToken].start),
      },
      alias,
    );
  }

  /** Picks a skill for every hit: unambiguous ones first, then ambiguous ones in their light. */
  private settle(hits: DictionaryHit[], layout: PostingLayout): SkillMention[] {
    const located = hits.map((hit) => ({ hit, sectionIndex: layout.sectionIndexAt(hit.start) }));
    const settled = located
      .filter(({ hit }) => hit.aliasesBySkill.length === 1)
      .map(({ hit, sectionIndex }) => ({ skillSlug: hit.aliasesBySkill[0].skillSlug, sectionIndex }));
    return located.map(({ hit, sectionIndex }) => {
      const candidates = hit.aliasesBySkill.map((alias) => alias.skillSlug);
      const ranked = candidates.length === 1 ? candidates : this.ambiguity.rank(candidates, sectionIndex, settled);
      const chosen = hit.aliasesBySkill.find((alias) => alias.skillSlug === ranked[0]) ?? hit.aliasesBySkill[0];
      return {
        skillSlug: chosen.skillSlug,
        alternatives: ranked.slice(1),
        matchedText: layout.description.slice(hit.start, hit.end),
        aliasText: chosen.aliasText,
        aliasType: chosen.aliasType,
        start: hit.start,
        end: hit.end,
        sectionIndex,
        requirement: layout.requirementAt(hit.start),
      };
    });
  }
}

/** Whether every given position of `written` holds a capital letter. */
function keepsCapitals(written: string, positions: readonly number[]): boolean {
  for (const position of positions) {
    const letter = written[position];
    if (letter === undefined || letter === letter.toLowerCase()) return false;
  }
  return true;
}

// Plurals of short or case-bound words are other words ("Go" → "Goes", "Excel" → "Excels"); "APIs" is fine.
function acceptsPlural(alias: CompiledAlias): boolean {
  if (alias.exactForm.length < 3) return false;
  return !alias.caseSensitive || /^[\p{Lu}\p{N}]+$/u.test(alias.exactForm);
}

function bestAliasPerSkill(aliases: CompiledAlias[]): CompiledAlias[] {
  const sorted = [...aliases].sort((a, b) => ALIAS_TYPE_PREFERENCE[a.aliasType] - ALIAS_TYPE_PREFERENCE[b.aliasType] || a.order - b.order);
  const seen = new Set<string>();
  return sorted.filter((alias) => !seen.has(alias.skillSlug) && seen.add(alias.skillSlug));
}

/**
 * The posting's words, for `context` checks: single words by set lookup, phrases by token sequence. Built on
 * the first check: most postings hit no alias that needs context.
 */
class PostingWords {
  private words: Set<string> | null = null;
  private spaced: string | null = null;
  private readonly phraseCache = new Map<string, boolean>();

  constructor(private readonly tokens: TextToken[]) {}

  /** `keys`: the token keys of one context word or phrase. */
  contains(keys: readonly string[]): boolean {
    if (keys.length === 0) return false;
    if (keys.length === 1) {
      this.words ??= new Set(this.tokens.map((token) => token.key));
      return this.words.has(keys[0]);
    }
    const phrase = keys.join(' ');
    let found = this.phraseCache.get(phrase);
    if (found === undefined) {
      this.spaced ??= ' ' + this.tokens.map((token) => token.key).join(' ') + ' ';
      found = this.spaced.includes(' ' + phrase + ' ');
      this.phraseCache.set(phrase, found);
    }
    return found;
  }
}
