import type { AliasType, Catalog } from '@jdpipe/catalog';

import { isFlexibleSeparator, tokenize, type TextToken } from '../tokens/text-tokens';
import { AliasWordFrequency, requiredContext } from './common-word-aliases';

/** One compiled alias, shared by every trie path that spells it. */
export interface CompiledAlias {
  skillSlug: string;
  aliasText: string;
  aliasType: AliasType;
  caseSensitive: boolean;
  /** Alias tokens joined with their original case; compared to the text when `caseSensitive`. */
  exactForm: string;
  /** Lower-cased context words or phrases; at least one must occur in the posting. */
  context: string[];
  /** A single token of at most two characters (C, R, Go, JS): needs the stricter neighbourhood checks. */
  isShortForm: boolean;
  /** The catalog marked it as ambiguous with ordinary words (case-sensitive or context-bound). */
  isAmbiguousWord: boolean;
  /** Position in the catalog: breaks ties the same way on every run. */
  order: number;
}

/** A trie hit: aliases ending at `endToken` (inclusive) when the walk started at `startToken`. */
export interface TrieHit {
  startToken: number;
  endToken: number;
  /** Characters of the last token left unmatched: a plural "s"/"es", or 0. */
  pluralSuffixLength: number;
  aliases: CompiledAlias[];
}

const ROOT = 0;
// A text chunk may glue up to this many tokens into one trie key ("node js" → "nodejs").
const MAX_TOKENS_PER_STEP = 3;
const EDGE_SEPARATOR = '\u0001';
// Short function words never start or join a glued chunk: "a CCA" is not ACCA, "in design" is not InDesign.
const UNGLUABLE_WORDS = new Set([
  'a',
  'an',
  'the',
  'in',
  'on',
  'at',
  'of',
  'to',
  'or',
  'and',
  'is',
  'as',
  'be',
  'by',
  'for',
  'we',
  'our',
  'it',
  'its',
  'any',
  'all',
  'no',
  'not',
]);

/**
 * A token trie over every alias of every skill. Edges live in one flat map keyed by (node, token) so that
 * hundreds of thousands of aliases cost one map entry per edge rather than one object per node. Each
 * multi-token alias is also inserted as its glued form, so "Node.js" is found in "NodeJS" and the reverse.
 */
export class AliasTrie {
  private readonly edges = new Map<string, number>();
  private readonly terminals = new Map<number, CompiledAlias[]>();
  /** Every edge key: a text chunk missing here cannot continue any path, so no edge lookup is built for it. */
  private readonly edgeKeys = new Set<string>();
  private nodeCount = 1;
  private aliasCount = 0;

  static fromCatalog(catalog: Catalog): AliasTrie {
    const trie = new AliasTrie();
    // Tokenised once: the word counts need every alias before any alias can be judged.
    const tokensBySkill = catalog.skills.map((skill) => skill.aliases.map((alias) => tokenize(alias.text)));
    const frequency = new AliasWordFrequency(tokensBySkill);
    let order = 0;
    for (const [skillIndex, skill] of catalog.skills.entries()) {
      for (const [aliasIndex, alias] of skill.aliases.entries()) {
        const tokens = tokensBySkill[skillIndex][aliasIndex];
        const context = requiredContext(
          skill,
          alias,
          tokens.map((token) => token.key),
          frequency,
        );
        if (tokens.length === 0 || context === null) continue;
        const exactForm = tokens.map((token) => token.text).join('');
        const isSingleLetter = /^\p{L}$/u.test(exactForm);
        trie.insert(tokens, {
          skillSlug: skill.slug,
          aliasText: alias.text,
          aliasType: alias.type,
          // A lone letter in lower case is never the language ("plan c", "r&d" aside): always exact case.
          caseSensitive: alias.match === 'case_sensitive' || isSingleLetter,
          exactForm,
          context: context.map((word) => word.trim().toLowerCase()).filter((word) => word.length > 0),
          isShortForm: tokens.length === 1 && exactForm.replace(/[+#.]/g, '').length <= 2,
          isAmbiguousWord: alias.match === 'case_sensitive' || context.length > 0,
          order: order++,
        });
      }
    }
    return trie;
  }

  get size(): { aliases: number; nodes: number } {
    return { aliases: this.aliasCount, nodes: this.nodeCount };
  }

  private insert(tokens: TextToken[], alias: CompiledAlias): void {
    this.aliasCount++;
    this.addPath(
      tokens.map((token) => token.key),
      alias,
    );
    if (tokens.length > 1) this.addPath([tokens.map((token) => token.key).join('')], alias);
  }

  private addPath(keys: string[], alias: CompiledAlias): void {
    let node = ROOT;
    for (const key of keys) {
      this.edgeKeys.add(key);
      const edge = node + EDGE_SEPARATOR + key;
      let next = this.edges.get(edge);
      if (next === undefined) {
        next = this.nodeCount++;
        this.edges.set(edge, next);
      }
      node = next;
    }
    const existing = this.terminals.get(node);
    if (!existing) this.terminals.set(node, [alias]);
    else if (!existing.includes(alias)) existing.push(alias);
  }

  /**
   * Every alias that starts exactly at token `startToken` of `text`, shortest first. `joins[i]` says whether
   * token i and token i + 1 may belong to one alias (see `joinableTokens`), computed once per text.
   */
  hitsAt(tokens: TextToken[], joins: Uint8Array, startToken: number): TrieHit[] {
    const hits: TrieHit[] = [];
    const walk = (node: number, nextToken: number): void => {
      for (let width = 1; width <= MAX_TOKENS_PER_STEP && nextToken + width <= tokens.length; width++) {
        const last = nextToken + width - 1;
        if (width > 1 && joins[last - 1] === 0) break;
        if (width > 1 && UNGLUABLE_WORDS.has(tokens[last].key)) break;
        if (width > 1 && UNGLUABLE_WORDS.has(tokens[nextToken].key)) break;
        let chunk = '';
        for (let index = nextToken; index <= last; index++) chunk += tokens[index].key;
        this.collectPlural(node, chunk, tokens[last], startToken, last, hits);
        if (!this.edgeKeys.has(chunk)) continue;
        const child = this.edges.get(node + EDGE_SEPARATOR + chunk);
        if (child === undefined) continue;
        const aliases = this.terminals.get(child);
        if (aliases) hits.push({ startToken, endToken: last, pluralSuffixLength: 0, aliases });
        if (last + 1 < tokens.length && joins[last] === 1) walk(child, last + 1);
      }
    };
    walk(ROOT, startToken);
    return hits.sort((a, b) => tokens[a.endToken].end - a.pluralSuffixLength - (tokens[b.endToken].end - b.pluralSuffixLength));
  }

  // "code reviews", "APIs", "databases": a trailing plural written in lower case may follow the alias.
  private collectPlural(node: number, chunk: string, lastToken: TextToken, startToken: number, endToken: number, hits: TrieHit[]): void {
    for (const suffix of ['s', 'es']) {
      if (!lastToken.text.endsWith(suffix) || chunk.length <= suffix.length + 1) continue;
      const singular = chunk.slice(0, -suffix.length);
      if (!this.edgeKeys.has(singular)) continue;
      const child = this.edges.get(node + EDGE_SEPARATOR + singular);
      const aliases = child === undefined ? undefined : this.terminals.get(child);
      if (aliases) hits.push({ startToken, endToken, pluralSuffixLength: suffix.length, aliases });
    }
  }
}

/** For each token, 1 when the gap to the next token may sit inside an alias ("node js", "CI/CD", "Node.js"). */
export function joinableTokens(text: string, tokens: TextToken[]): Uint8Array {
  const joins = new Uint8Array(tokens.length);
  for (let index = 0; index + 1 < tokens.length; index++)
    joins[index] = isFlexibleSeparator(text.slice(tokens[index].end, tokens[index + 1].start)) ? 1 : 0;
  return joins;
}
