/**
 * One title's outcome: the gold label and, best first, the labels each ranked candidate answers to (a role
 * merged from several occupations answers to all of their labels).
 */
export interface RankedTitle {
  label: string;
  candidates: ReadonlyArray<readonly string[]>;
}

export interface TitleAccuracy {
  titles: number;
  /** Share of titles whose best candidate answers to the gold label. */
  top1: number;
  /** Share of titles with the gold label among the first `k` candidates. */
  topK: number;
  k: number;
  /** Share of titles that got any candidate at all. */
  answered: number;
  /** Share of titles whose gold label some role of the catalog answers to (the ceiling of the accuracies). */
  labelInCatalog: number;
}

/** Top-1 / top-k accuracy with labels compared case-insensitively and spaces collapsed. */
export function scoreTitleRankings(ranked: readonly RankedTitle[], k: number, catalogLabels: ReadonlySet<string>): TitleAccuracy {
  const normalisedCatalog = new Set([...catalogLabels].map(normaliseLabel));
  let top1 = 0;
  let topK = 0;
  let answered = 0;
  let labelInCatalog = 0;
  for (const title of ranked) {
    const gold = normaliseLabel(title.label);
    const rankOfGold = title.candidates.findIndex((labels) => labels.some((label) => normaliseLabel(label) === gold));
    if (rankOfGold === 0) top1++;
    if (rankOfGold >= 0 && rankOfGold < k) topK++;
    if (title.candidates.length > 0) answered++;
    if (normalisedCatalog.has(gold)) labelInCatalog++;
  }
  const share = (count: number) => (ranked.length === 0 ? 0 : count / ranked.length);
  return {
    titles: ranked.length,
    top1: share(top1),
    topK: share(topK),
    k,
    answered: share(answered),
    labelInCatalog: share(labelInCatalog),
  };
}

export function normaliseLabel(label: string): string {
  return label.trim().toLowerCase().replace(/\s+/g, ' ');
}
