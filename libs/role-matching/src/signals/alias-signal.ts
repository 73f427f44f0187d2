import { type CatalogRole } from '@jdpipe/catalog';
import { type AliasHit } from '@jdpipe/contracts';

import { normaliseTitle } from '../title/normalise-title';

/** Partial matches never reach an exact hit's 1.0: the title says more than the alias does. */
const PARTIAL_BASE = 0.35;
const PARTIAL_COVERAGE_WEIGHT = 0.45;
const CONTIGUOUS_BONUS = 0.05;

interface NormalisedAlias {
  roleSlug: string;
  alias: string;
  /** The normalised alias, and its words. */
  normalised: string;
  words: string[];
}

export interface AliasSignal {
  /** Best alias score per role slug (1 = exact; partial containment scores less). */
  scoreByRole: Map<string, number>;
  /** Best hit per role, exact hits first. */
  hits: Array<AliasHit & { score: number; exact: boolean }>;
  normalisedTitle: string | null;
}

/** Normalised role names and aliases, looked up exactly and by containment in the posting's titles. */
export class AliasIndex {
  private readonly exact = new Map<string, NormalisedAlias[]>();
  private readonly all: NormalisedAlias[] = [];
  /**
   * Positions in `all` by the alias's first word: an alias only contains-matches a title holding all its words,
   * so the first word alone narrows the candidates without losing any.
   */
  private readonly byFirstWord = new Map<string, number[]>();

  constructor(roles: readonly CatalogRole[]) {
    for (const role of roles) {
      const seen = new Set<string>();
      for (const alias of [role.name, ...role.aliases]) {
        const normalised = normaliseTitle(alias);
        if (!normalised || seen.has(normalised)) continue;
        seen.add(normalised);
        const entry: NormalisedAlias = { roleSlug: role.slug, alias, normalised, words: normalised.split(' ') };
        const positions = this.byFirstWord.get(entry.words[0]) ?? [];
        positions.push(this.all.length);
        this.byFirstWord.set(entry.words[0], positions);
        this.all.push(entry);
        const bucket = this.exact.get(normalised) ?? [];
        bucket.push(entry);
        this.exact.set(normalised, bucket);
      }
    }
  }

  /** Scores the posting title and the other titles it names; the title itself is recorded as `normalisedTitle`. */
  match(title: string | null, roleAliases: readonly string[]): AliasSignal {
    const normalisedTitle = title ? normaliseTitle(title) || null : null;
    const titles = [
      ...(title && normalisedTitle ? [{ raw: title, normalised: normalisedTitle }] : []),
      ...roleAliases.map((raw) => ({ raw, normalised: normaliseTitle(raw) })).filter((t) => t.normalised.length > 0),
    ];
    const best = new Map<string, AliasHit & { score: number; exact: boolean }>();
    const offer = (entry: NormalisedAlias, matchedTitle: string, score: number, exact: boolean): void => {
      const current = best.get(entry.roleSlug);
      if (!current || score > current.score)
        best.set(entry.roleSlug, { roleSlug: entry.roleSlug, alias: entry.alias, matchedTitle, score, exact });
    };
    for (const { raw, normalised } of titles) {
      for (const entry of this.exact.get(normalised) ?? []) offer(entry, raw, 1, true);
      const titleWords = normalised.split(' ');
      if (titleWords.length < 2) continue;
      const titleWordSet = new Set(titleWords);
      for (const entry of this.containmentCandidates(titleWordSet)) {
        const score = containmentScore(normalised, titleWords, titleWordSet, entry);
        if (score > 0) offer(entry, raw, score, false);
      }
    }
    const hits = [...best.values()].sort((left, right) => right.score - left.score);
    return { scoreByRole: new Map(hits.map((hit) => [hit.roleSlug, hit.score])), hits, normalisedTitle };
  }

  /** Aliases whose first word is in the title, in library order so that ties are broken as a full scan would. */
  private containmentCandidates(titleWordSet: ReadonlySet<string>): NormalisedAlias[] {
    const positions: number[] = [];
    for (const word of titleWordSet) for (const position of this.byFirstWord.get(word) ?? []) positions.push(position);
    return positions.sort((left, right) => left - right).map((position) => this.all[position]);
  }
}

/**
 * "python backend developer" contains alias "backend developer": scored by how much of the title the alias
 * explains, with a small bonus when its words are adjacent. A title inside a longer alias scores nothing:
 * "engineer" must not match every "... engineer".
 */
function containmentScore(
  title: string,
  titleWords: readonly string[],
  titleWordSet: ReadonlySet<string>,
  alias: Pick<NormalisedAlias, 'normalised' | 'words'>,
): number {
  const aliasWords = alias.words;
  if (aliasWords.length >= titleWords.length || !aliasWords.every((word) => titleWordSet.has(word))) return 0;
  const coverage = aliasWords.length / titleWords.length;
  // Both are their words joined by single spaces.
  const contiguous = title.includes(alias.normalised);
  return PARTIAL_BASE + PARTIAL_COVERAGE_WEIGHT * coverage + (contiguous ? CONTIGUOUS_BONUS : 0);
}
