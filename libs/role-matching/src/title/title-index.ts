import { type CatalogRole } from '@jdpipe/catalog';

import { roundScore } from '../precision/precision';
import { labelTerms, titleReadings } from './title-terms';

/** One role a title may mean, with the label (name or alias) that matched best. */
export interface TitleCandidate {
  roleSlug: string;
  roleName: string;
  /** 0..1: how much of the title and of the label the shared terms cover, weighted by rarity. */
  score: number;
  matchedLabel: string;
}

/** How the overlap between a title and a label is turned into a score; the defaults were tuned on held-out titles. */
export interface TitleIndexWeights {
  /** Share of the score given to covering the label (the rest goes to covering the title). */
  labelCoverage: number;
  /** Added when the label's last word (its head noun: "assistant" in "marketing assistant") is in the title. */
  headNounBonus: number;
  /** Added for the role's own name over its aliases. */
  nameBonus: number;
  /** Weight, relative to the rarest term, of a title word found nowhere in the library. */
  unknownTermWeight: number;
  /** Share of a role's second-best label score added to its best: roles many labels agree on are the safer reading. */
  secondLabelShare: number;
  /** Factor on the score of a part of the title ("Marketing Assistant" in "Contract - Marketing Assistant"). */
  partDiscount: number;
}

export const DEFAULT_TITLE_INDEX_WEIGHTS: TitleIndexWeights = {
  labelCoverage: 0.7,
  headNounBonus: 0,
  nameBonus: 0.1,
  unknownTermWeight: 0.3,
  secondLabelShare: 0.1,
  partDiscount: 0.9,
};

interface RoleScore {
  /** Score of the role's best label, and of its second best. */
  score: number;
  second: number;
  labelId: number;
}

function combinedScore(entry: RoleScore, weights: TitleIndexWeights): number {
  return entry.score + weights.secondLabelShare * entry.second;
}

interface IndexedLabel {
  roleIndex: number;
  text: string;
  terms: string[];
  weight: number;
  isName: boolean;
}

/** Typos of one letter are forgiven only in words long enough that one letter cannot change the job. */
const MIN_FUZZY_LENGTH = 5;

/**
 * Ranks roles for a job title by their names and aliases: both sides become stemmed terms (abbreviations
 * expanded, seniority removed), terms weigh by inverse label frequency, and word order does not matter.
 * A title word missing from the library matches a library word one edit away ("maintainance").
 */
export class TitleIndex {
  private readonly labels: IndexedLabel[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly idf = new Map<string, number>();
  private readonly termsByDeletion = new Map<string, string[]>();
  private readonly maxIdf: number;

  private constructor(
    private readonly roles: readonly CatalogRole[],
    private readonly weights: TitleIndexWeights,
  ) {
    roles.forEach((role, roleIndex) => {
      const seen = new Set<string>();
      [role.name, ...role.aliases].forEach((text, position) => {
        const terms = labelTerms(text);
        const key = terms.join(' ');
        if (terms.length === 0 || seen.has(key)) return;
        seen.add(key);
        const labelId = this.labels.push({ roleIndex, text, terms, weight: 0, isName: position === 0 }) - 1;
        for (const term of terms) this.postings.set(term, [...(this.postings.get(term) ?? []), labelId]);
      });
    });
    for (const [term, labelIds] of this.postings) this.idf.set(term, Math.log(1 + this.labels.length / labelIds.length));
    this.maxIdf = Math.max(1, ...this.idf.values());
    for (const label of this.labels) label.weight = label.terms.reduce((sum, term) => sum + this.idf.get(term)!, 0);
    for (const term of this.postings.keys()) {
      if (term.length < MIN_FUZZY_LENGTH) continue;
      for (const variant of [term, ...deletionVariants(term)])
        this.termsByDeletion.set(variant, [...(this.termsByDeletion.get(variant) ?? []), term]);
    }
  }

  static build(roles: readonly CatalogRole[], weights: TitleIndexWeights = DEFAULT_TITLE_INDEX_WEIGHTS): TitleIndex {
    return new TitleIndex(roles, weights);
  }

  get size(): { roles: number; labels: number; terms: number } {
    return { roles: this.roles.length, labels: this.labels.length, terms: this.postings.size };
  }

  /**
   * The best `limit` roles for a title, best first; empty when no title word is in the library. Each reading
   * of the title (the whole, then its parts) is scored, later parts slightly discounted.
   */
  rank(title: string, limit = 5): TitleCandidate[] {
    const merged = new Map<number, RoleScore>();
    titleReadings(title).forEach((reading, position) => {
      const discount = position === 0 ? 1 : this.weights.partDiscount;
      for (const [roleIndex, scoreOfRole] of this.scoreReading(reading)) {
        const discounted = { ...scoreOfRole, score: scoreOfRole.score * discount, second: scoreOfRole.second * discount };
        const current = merged.get(roleIndex);
        if (!current || combinedScore(discounted, this.weights) > combinedScore(current, this.weights)) merged.set(roleIndex, discounted);
      }
    });
    const maxScore = 1 + this.weights.headNounBonus + this.weights.nameBonus;
    return [...merged.entries()]
      .sort(
        ([leftRole, left], [rightRole, right]) =>
          combinedScore(right, this.weights) - combinedScore(left, this.weights) || leftRole - rightRole,
      )
      .slice(0, limit)
      .map(([roleIndex, entry]) => ({
        roleSlug: this.roles[roleIndex]!.slug,
        roleName: this.roles[roleIndex]!.name,
        score: roundScore(Math.min(1, combinedScore(entry, this.weights) / maxScore)),
        matchedLabel: this.labels[entry.labelId]!.text,
      }));
  }

  private scoreReading(terms: readonly string[]): Map<number, RoleScore> {
    const queryTerms = terms.map((term) => ({ term, known: this.resolveTerm(term) }));
    const unknownWeight = this.weights.unknownTermWeight * this.maxIdf;
    const queryWeight = queryTerms.reduce((sum, { known }) => sum + (known ? this.idf.get(known)! : unknownWeight), 0);
    const knownTerms = new Set(queryTerms.flatMap(({ known }) => (known ? [known] : [])));

    const matchedWeight = new Map<number, number>();
    for (const term of knownTerms) {
      const termIdf = this.idf.get(term)!;
      for (const labelId of this.postings.get(term)!) matchedWeight.set(labelId, (matchedWeight.get(labelId) ?? 0) + termIdf);
    }

    const bestByRole = new Map<number, RoleScore>();
    for (const [labelId, matched] of matchedWeight) {
      const label = this.labels[labelId]!;
      const coverage = this.weights.labelCoverage * (matched / label.weight) + (1 - this.weights.labelCoverage) * (matched / queryWeight);
      const headNoun = label.terms[label.terms.length - 1]!;
      const score = coverage + (knownTerms.has(headNoun) ? this.weights.headNounBonus : 0) + (label.isName ? this.weights.nameBonus : 0);
      const best = bestByRole.get(label.roleIndex);
      if (!best) bestByRole.set(label.roleIndex, { score, labelId, second: 0 });
      else if (score > best.score) bestByRole.set(label.roleIndex, { score, labelId, second: best.score });
      else if (score > best.second) best.second = score;
    }
    return bestByRole;
  }

  /** The library term a title term stands for: itself, or the unique-enough term one edit away. */
  private resolveTerm(term: string): string | null {
    if (this.idf.has(term)) return term;
    if (term.length < MIN_FUZZY_LENGTH) return null;
    const nearby = new Set<string>();
    for (const variant of [term, ...deletionVariants(term)])
      for (const candidate of this.termsByDeletion.get(variant) ?? []) nearby.add(candidate);
    // With several terms equally near, the most common one is the safer reading of a typo.
    let best: string | null = null;
    for (const candidate of nearby) {
      if (editDistanceAtMostOne(term, candidate) && (best === null || this.idf.get(candidate)! < this.idf.get(best)!)) best = candidate;
    }
    return best;
  }
}

function deletionVariants(term: string): string[] {
  return Array.from({ length: term.length }, (_, index) => term.slice(0, index) + term.slice(index + 1));
}

/** True for one substitution, insertion or deletion (or none); the deletion lookup also admits two-edit pairs. */
function editDistanceAtMostOne(left: string, right: string): boolean {
  if (Math.abs(left.length - right.length) > 1) return false;
  let start = 0;
  while (start < left.length && start < right.length && left[start] === right[start]) start++;
  let leftEnd = left.length;
  let rightEnd = right.length;
  while (leftEnd > start && rightEnd > start && left[leftEnd - 1] === right[rightEnd - 1]) {
    leftEnd--;
    rightEnd--;
  }
  return leftEnd - start <= 1 && rightEnd - start <= 1;
}
