import type { AliasType, Catalog } from '@jdpipe/catalog';

import { isFlexibleSeparator, tokenize, type TextToken } from '../tokens/text-tokens';
import { AliasWordFrequency, requiredContext } from './common-word-aliases';
import { concatHash, hashOf, hashPower, LabelFilter } from './label-filter';
import { OrdinaryWordNames } from './ordinary-word-names';
import { NO_NODE, TrieEdges } from './trie-edges';

/** One compiled alias, shared by every trie path that spells it. */
export interface CompiledAlias {
  skillSlug: string;
  aliasText: string;
  aliasType: AliasType;
  caseSensitive: boolean;
  /** Alias tokens joined with their original case; compared to the text when `caseSensitive`. */
  exactForm: string;
  /** Token keys of each context word or phrase, tokenised once here; at least one must occur in the posting. */
  context: readonly (readonly string[])[];
  /** A single token of at most two characters (C, R, Go, JS): needs the stricter neighbourhood checks. */
  isShortForm: boolean;
  /** The catalog marked it as ambiguous with ordinary words (case-sensitive or context-bound). */
  isAmbiguousWord: boolean;
  /** A product named after an ordinary word ("Access", "LESS"): see `OrdinaryWordNames`. */
  isOrdinaryWordName: boolean;
  /** How many tokens the alias has: a hit over fewer text tokens found it glued ("CosmosDB" for "Cosmos DB"). */
  tokenCount: number;
  /**
   * Where each of its abbreviations (tokens of two or more capitals) starts in `exactForm`: glued into one
   * word, an alias is found only where those letters are still capitals ("RestAPI", "CosmosDB"), so "users"
   * is not "use RS" and "adds" is not "AD DS".
   */
  abbreviationCapitals: readonly number[];
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
// A word longer than every one of them is answered without hashing it.
const UNGLUABLE_LENGTH = Math.max(...[...UNGLUABLE_WORDS].map((word) => word.length));

// Most aliases need no context: they share one empty list rather than one each.
const NO_CONTEXT: readonly (readonly string[])[] = [];
const NO_CAPITALS: readonly number[] = [];
// A glued form this short is a different word: "M&A" glued is "ma", "A&P" is "ap".
const SHORTEST_GLUED_FORM = 3;

function contextKeys(context: string[]): string[][] {
  return context
    .map((word) => word.trim().toLowerCase())
    .filter((word) => word.length > 0)
    .map((word) => tokenize(word).map((token) => token.key));
}

/** A text prepared for trie walks once per scan: what may join, and each token's edge label, looked up once. */
export interface TrieText {
  tokens: TextToken[];
  /** `joins[i]`: 1 when token i and token i + 1 may belong to one alias (see `joinableTokens`). */
  joins: Uint8Array;
  /** `gluable[i]`: 0 when token i is a function word that never starts or joins a glued chunk. */
  gluable: Uint8Array;
  /** Label id of each token's key, or `NO_LABEL` when no alias uses it as one chunk. */
  labels: Int32Array;
  /** `hashOf` and `hashPower` of each token's key: glued chunks are pre-checked from these. */
  hashes: Int32Array;
  powers: Int32Array;
  /** Each token's key without a trailing plural "s" / "es", for tokens whose text ends with it. */
  singulars: Record<PluralSuffix, KeyForms>;
}

interface KeyForms {
  labels: Int32Array;
  hashes: Int32Array;
  powers: Int32Array;
}

const NO_LABEL = -1;
const RECENT_LABEL_BITS = 12;
const RECENT_LABEL_SLOTS = 1 << RECENT_LABEL_BITS;
const PLURAL_SUFFIXES = ['s', 'es'] as const;
type PluralSuffix = (typeof PLURAL_SUFFIXES)[number];

/**
 * A token trie over every alias of every skill. Edge labels (token keys and glued chunks) are numbered once,
 * so the hundreds of thousands of edges are integer pairs in one table rather than string keys. Each
 * multi-token alias is also inserted as its glued form, so "Node.js" is found in "NodeJS" and the reverse.
 */
export class AliasTrie {
  /** Every edge label: a text chunk missing here cannot continue any path. */
  private readonly labels = new Map<string, number>();
  /** Each label's text, by label id. */
  private readonly labelTexts: string[] = [];
  /**
   * The label last found in each slot of a small table indexed by key hash: most words of a posting are common
   * ones, and this table stays in cache where the map of every label does not. Verified by text on every hit.
   */
  private readonly recentLabels = new Int32Array(RECENT_LABEL_SLOTS).fill(NO_LABEL);
  private readonly labelFilter = new LabelFilter();
  private readonly edges = new TrieEdges();
  // The root's children by label, filled once the trie is built. Every walk starts at the root, and this
  // array stays in cache where the whole edge table does not.
  private rootChildren = new Int32Array(0);
  /** Aliases ending at each node, by node id; null for nodes that only lead to longer aliases. */
  private readonly terminals: Array<CompiledAlias[] | null> = [null];
  private aliasCount = 0;

  static fromCatalog(catalog: Catalog): AliasTrie {
    const trie = new AliasTrie();
    // Tokenised once: the word counts need every alias before any alias can be judged. Only the keys and
    // the exact form are kept, not the token records: records kept this long would teach the engine to
    // allocate every posting's tokens as long-lived, which the garbage collector then pays for.
    const formsBySkill = catalog.skills.map((skill) => skill.aliases.map((alias) => aliasForms(alias.text)));
    const frequency = new AliasWordFrequency(formsBySkill.map((forms) => forms.map((form) => form.keys)));
    const ordinaryWordNames = new OrdinaryWordNames(
      catalog.roles,
      new Set(
        catalog.skills.flatMap((skill, skillIndex) =>
          formsBySkill[skillIndex]
            .filter(({ keys, exactForm }) => OrdinaryWordNames.mayBeOne(skill, keys, exactForm))
            .map(({ keys }) => keys[0]),
        ),
      ),
    );
    let order = 0;
    for (const [skillIndex, skill] of catalog.skills.entries()) {
      for (const [aliasIndex, alias] of skill.aliases.entries()) {
        const { keys, exactForm, abbreviationCapitals } = formsBySkill[skillIndex][aliasIndex];
        const context = requiredContext(skill, alias, keys, frequency);
        if (keys.length === 0 || context === null) continue;
        const isSingleLetter = /^\p{L}$/u.test(exactForm);
        const isOrdinaryWordName = ordinaryWordNames.needsItsCase(skill, keys, exactForm);
        trie.insert(keys, {
          skillSlug: skill.slug,
          aliasText: alias.text,
          aliasType: alias.type,
          // A lone letter in lower case is never the language ("plan c", "r&d" aside): always exact case.
          caseSensitive: alias.match === 'case_sensitive' || isSingleLetter || isOrdinaryWordName,
          exactForm,
          context: context.length === 0 ? NO_CONTEXT : contextKeys(context),
          isShortForm: keys.length === 1 && exactForm.replace(/[+#.]/g, '').length <= 2,
          isAmbiguousWord: alias.match === 'case_sensitive' || context.length > 0 || isOrdinaryWordName,
          isOrdinaryWordName,
          tokenCount: keys.length,
          abbreviationCapitals,
          order: order++,
        });
      }
    }
    trie.indexRoot();
    return trie;
  }

  get size(): { aliases: number; nodes: number } {
    return { aliases: this.aliasCount, nodes: this.terminals.length };
  }

  private insert(keys: readonly string[], alias: CompiledAlias): void {
    this.aliasCount++;
    this.addPath(keys, alias);
    const glued = keys.join('');
    if (keys.length > 1 && glued.length >= SHORTEST_GLUED_FORM) this.addPath([glued], alias);
  }

  private addPath(keys: readonly string[], alias: CompiledAlias): void {
    let node = ROOT;
    for (const key of keys) {
      let label = this.labels.get(key);
      if (label === undefined) {
        label = this.labels.size;
        this.labels.set(key, label);
        this.labelTexts.push(key);
        this.labelFilter.add(key);
      }
      let next = this.edges.child(node, label);
      if (next === NO_NODE) {
        next = this.terminals.length;
        this.terminals.push(null);
        this.edges.add(node, label, next);
      }
      node = next;
    }
    const existing = this.terminals[node];
    if (!existing) this.terminals[node] = [alias];
    else if (!existing.includes(alias)) existing.push(alias);
  }

  private indexRoot(): void {
    this.rootChildren = new Int32Array(this.labels.size);
    for (let label = 0; label < this.labels.size; label++) this.rootChildren[label] = this.edges.child(ROOT, label);
  }

  private childOf(node: number, label: number): number {
    return node === ROOT ? this.rootChildren[label] : this.edges.child(node, label);
  }

  /** Looks up every token's label once, so walks from each start token compare integers. */
  prepare(text: string, tokens: TextToken[]): TrieText {
    const count = tokens.length;
    const forms = (): KeyForms => ({
      labels: new Int32Array(count).fill(NO_LABEL),
      hashes: new Int32Array(count),
      powers: new Int32Array(count),
    });
    const prepared: TrieText = {
      tokens,
      joins: joinableTokens(text, tokens),
      gluable: new Uint8Array(count),
      ...forms(),
      singulars: { s: forms(), es: forms() },
    };
    for (const [index, token] of tokens.entries()) {
      const { key } = token;
      prepared.gluable[index] = key.length <= UNGLUABLE_LENGTH && UNGLUABLE_WORDS.has(key) ? 0 : 1;
      prepared.hashes[index] = hashOf(key);
      prepared.labels[index] = this.labelOf(key, prepared.hashes[index]);
      prepared.powers[index] = hashPower(key.length);
      for (const suffix of PLURAL_SUFFIXES) {
        if (!token.text.endsWith(suffix)) continue;
        const singular = prepared.singulars[suffix];
        const length = key.length - suffix.length;
        singular.hashes[index] = hashOf(key, length);
        singular.powers[index] = hashPower(length);
        if (length > 1 && this.labelFilter.mayContain(singular.hashes[index]))
          singular.labels[index] = this.labelOf(key.slice(0, length), singular.hashes[index]);
      }
    }
    return prepared;
  }

  /** The label id of `key` (`hash` its `hashOf`), or NO_LABEL. */
  private labelOf(key: string, hash: number): number {
    // Most words of a posting are in no alias: the filter answers for them without hashing the string again.
    if (!this.labelFilter.mayContain(hash)) return NO_LABEL;
    const slot = Math.imul(hash, 0x9e3779b1) >>> (32 - RECENT_LABEL_BITS);
    const recent = this.recentLabels[slot];
    if (recent !== NO_LABEL && this.labelTexts[recent] === key) return recent;
    const label = this.labels.get(key) ?? NO_LABEL;
    if (label !== NO_LABEL) this.recentLabels[slot] = label;
    return label;
  }

  /** Every alias that starts exactly at token `startToken` of `text`, shortest first. */
  hitsAt(text: TrieText, startToken: number): TrieHit[] {
    const hits: TrieHit[] = [];
    this.walk(text, ROOT, startToken, startToken, hits);
    if (hits.length < 2) return hits;
    const { tokens } = text;
    return hits.sort((a, b) => tokens[a.endToken].end - a.pluralSuffixLength - (tokens[b.endToken].end - b.pluralSuffixLength));
  }

  private walk(text: TrieText, node: number, nextToken: number, startToken: number, hits: TrieHit[]): void {
    const { tokens, joins, gluable } = text;
    for (let width = 1; width <= MAX_TOKENS_PER_STEP && nextToken + width <= tokens.length; width++) {
      const last = nextToken + width - 1;
      let label: number;
      if (width === 1) {
        for (const suffix of PLURAL_SUFFIXES) this.collectPlural(node, text.singulars[suffix].labels[last], suffix, startToken, last, hits);
        label = text.labels[last];
      } else {
        if (joins[last - 1] === 0 || gluable[last] === 0 || gluable[nextToken] === 0) break;
        label = this.gluedLabel(text, node, nextToken, last, startToken, hits);
      }
      if (label === NO_LABEL) continue;
      const child = this.childOf(node, label);
      if (child === NO_NODE) continue;
      const aliases = this.terminals[child];
      if (aliases) hits.push({ startToken, endToken: last, pluralSuffixLength: 0, aliases });
      if (last + 1 < tokens.length && joins[last] === 1) this.walk(text, child, last + 1, startToken, hits);
    }
  }

  // Tokens first..last glued into one chunk ("node" + "js"), with its plural readings. Most such chunks are no
  // label at all: the filter says so from the token hashes, and only the rest are built as strings.
  private gluedLabel(text: TrieText, node: number, first: number, last: number, startToken: number, hits: TrieHit[]): number {
    const { tokens, hashes, powers } = text;
    let prefixHash = hashes[first];
    let length = tokens[first].key.length + tokens[last].key.length;
    for (let index = first + 1; index < last; index++) {
      prefixHash = concatHash(prefixHash, hashes[index], powers[index]);
      length += tokens[index].key.length;
    }
    for (const suffix of PLURAL_SUFFIXES) {
      if (!tokens[last].text.endsWith(suffix) || length <= suffix.length + 1) continue;
      const singular = text.singulars[suffix];
      if (!this.labelFilter.mayContain(concatHash(prefixHash, singular.hashes[last], singular.powers[last]))) continue;
      const singularLabel = this.labels.get(chunkText(tokens, first, last).slice(0, -suffix.length)) ?? NO_LABEL;
      this.collectPlural(node, singularLabel, suffix, startToken, last, hits);
    }
    if (!this.labelFilter.mayContain(concatHash(prefixHash, hashes[last], powers[last]))) return NO_LABEL;
    return this.labels.get(chunkText(tokens, first, last)) ?? NO_LABEL;
  }

  // "code reviews", "APIs", "databases": a trailing plural written in lower case may follow the alias.
  private collectPlural(node: number, singularLabel: number, suffix: string, startToken: number, endToken: number, hits: TrieHit[]): void {
    if (singularLabel === NO_LABEL) return;
    const child = this.childOf(node, singularLabel);
    const aliases = child === NO_NODE ? null : this.terminals[child];
    if (aliases) hits.push({ startToken, endToken, pluralSuffixLength: suffix.length, aliases });
  }
}

/** An alias's token keys, its tokens joined in their written case, and where its abbreviations start there. */
function aliasForms(text: string): { keys: string[]; exactForm: string; abbreviationCapitals: readonly number[] } {
  const tokens = tokenize(text);
  let exactForm = '';
  const capitals: number[] = [];
  for (const token of tokens) {
    if (tokens.length > 1 && /^\p{Lu}{2,}$/u.test(token.text)) capitals.push(exactForm.length);
    exactForm += token.text;
  }
  return { keys: tokens.map((token) => token.key), exactForm, abbreviationCapitals: capitals.length === 0 ? NO_CAPITALS : capitals };
}

function chunkText(tokens: TextToken[], first: number, last: number): string {
  let chunk = '';
  for (let index = first; index <= last; index++) chunk += tokens[index].key;
  return chunk;
}

/** For each token, 1 when the gap to the next token may sit inside an alias ("node js", "CI/CD", "Node.js"). */
function joinableTokens(text: string, tokens: TextToken[]): Uint8Array {
  const joins = new Uint8Array(tokens.length);
  for (let index = 0; index + 1 < tokens.length; index++)
    joins[index] = isFlexibleSeparator(text.slice(tokens[index].end, tokens[index + 1].start)) ? 1 : 0;
  return joins;
}
