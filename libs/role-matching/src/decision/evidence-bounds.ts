import { KRA_FULL_EVIDENCE, SIGNAL_NAMES, SIGNAL_WEIGHTS, THRESHOLDS, type SignalName } from './policy';
import { type RankBounds } from './role-ranking';

/** Added to bounds so that floating-point summation order can never push an exact value above its bound. */
export const BOUND_SLACK = 1e-9;

/**
 * For one posting, per catalog position, each signal's evidence or a bound of it: alias, skill and domain
 * are exact (cheap), KRA is an upper bound (exact KRA evidence needs every sentence against every KRA).
 */
export class EvidenceBounds {
  readonly alias: Float64Array;
  /** Bound of min(1, kraScore / KRA_FULL_EVIDENCE). */
  readonly kra: Float64Array;
  readonly skill: Float64Array;
  readonly domain: Float64Array;

  constructor(readonly size: number) {
    this.alias = new Float64Array(size);
    this.kra = new Float64Array(size);
    this.skill = new Float64Array(size);
    this.domain = new Float64Array(size);
  }

  /** Sets the KRA evidence bound from a bound of the kraScore. */
  setKraScoreBound(position: number, kraScoreBound: number): void {
    this.kra[position] = Math.min(1, kraScoreBound / KRA_FULL_EVIDENCE);
  }

  /** Makes the KRA evidence bound at least what `kraScore` gives (an exact score found outside the index). */
  raiseKraScoreBound(position: number, kraScore: number): void {
    this.kra[position] = Math.max(this.kra[position], Math.min(1, (kraScore + BOUND_SLACK) / KRA_FULL_EVIDENCE));
  }

  /** The largest value of a signal over the library (exact for every signal but KRA). */
  max(signal: SignalName): number {
    let best = 0;
    for (const value of this[signal]) if (value > best) best = value;
    return best;
  }

  /** Positions of the roles that may pass a KRA, skill or partial-title threshold: no other role can. */
  mayPassThresholds(): number[] {
    const positions: number[] = [];
    for (let position = 0; position < this.size; position++) {
      if (
        round3(this.kra[position] * KRA_FULL_EVIDENCE + BOUND_SLACK) >= THRESHOLDS.kra ||
        this.skill[position] >= THRESHOLDS.skill ||
        this.alias[position] >= THRESHOLDS.partialAlias
      )
        positions.push(position);
    }
    return positions;
  }

  /**
   * Bounds of each rank order, rounded as the exact values are: the combined score over the informative
   * signals, the same without the title, the KRA evidence, and the absolute scores over all four signals.
   */
  rankBounds(informative: ReadonlySet<SignalName>): RankBounds {
    return this.rankValues(informative, this.kra, BOUND_SLACK);
  }

  /** Values each role reaches for sure in each rank order: its exact evidence with no KRA evidence at all. */
  rankFloors(informative: ReadonlySet<SignalName>): RankBounds {
    return this.rankValues(informative, new Float64Array(this.size), -BOUND_SLACK);
  }

  private rankValues(informative: ReadonlySet<SignalName>, kraEvidence: Float64Array, slack: number): RankBounds {
    const weight = (signal: SignalName, withAlias: boolean): number =>
      informative.has(signal) && (withAlias || signal !== 'alias') ? SIGNAL_WEIGHTS[signal] : 0;
    const total = (withAlias: boolean): number => SIGNAL_NAMES.reduce((sum, signal) => sum + weight(signal, withAlias), 0);
    const scoreTotal = total(true);
    const contentTotal = total(false);
    const values: RankBounds = {
      score: new Float64Array(this.size),
      content: new Float64Array(this.size),
      kra: kraEvidence,
      absolute: new Float64Array(this.size),
      absoluteContent: new Float64Array(this.size),
    };
    const [aliasWeight, kraWeight, skillWeight, domainWeight] = SIGNAL_NAMES.map((signal) => weight(signal, true));
    for (let position = 0; position < this.size; position++) {
      const alias = this.alias[position];
      const kra = kraEvidence[position];
      const skill = this.skill[position];
      const domain = this.domain[position];
      const content = kraWeight * kra + skillWeight * skill + domainWeight * domain;
      values.score[position] = scoreTotal === 0 ? 0 : round3((aliasWeight * alias + content) / scoreTotal + slack);
      values.content[position] = contentTotal === 0 ? 0 : round3(content / contentTotal + slack);
      const absoluteContent = SIGNAL_WEIGHTS.kra * kra + SIGNAL_WEIGHTS.skill * skill + SIGNAL_WEIGHTS.domain * domain;
      values.absoluteContent[position] = absoluteContent + slack;
      values.absolute[position] = SIGNAL_WEIGHTS.alias * alias + absoluteContent + slack;
    }
    return values;
  }
}

/** Bounds under which every role is scored: the exhaustive ranking. */
export function unboundedRankBounds(size: number): RankBounds {
  const infinite = () => new Float64Array(size).fill(Infinity);
  return { score: infinite(), content: infinite(), kra: infinite(), absolute: infinite(), absoluteContent: infinite() };
}

export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
