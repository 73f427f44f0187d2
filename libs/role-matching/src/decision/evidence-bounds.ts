import { KRA_FULL_EVIDENCE, SIGNAL_NAMES, SIGNAL_WEIGHTS, THRESHOLDS, type SignalName } from './policy';
import { type RankBounds, type RankOrder } from './role-ranking';

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
  /** KRA evidence of none, for the floors. */
  private noKra: Float64Array | undefined;

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
    const values = this[signal];
    let best = 0;
    // Indexed: the iterator protocol costs more than the comparison over a library-sized array.
    for (let position = 0; position < values.length; position++) if (values[position] > best) best = values[position];
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
    return new RankValues(this, informative, this.kra, BOUND_SLACK);
  }

  /** Values each role reaches for sure in each rank order: its exact evidence with no KRA evidence at all. */
  rankFloors(informative: ReadonlySet<SignalName>): RankBounds {
    this.noKra ??= new Float64Array(this.size);
    return new RankValues(this, informative, this.noKra, -BOUND_SLACK);
  }
}

/**
 * Each order's values computed on first read only: a ranking reads just the orders its questions ask (the
 * KRA-only ranking none but `kra`), and each order costs a pass over the library.
 */
class RankValues implements RankBounds {
  private readonly computed = new Map<RankOrder, Float64Array>();
  private readonly weights: Record<SignalName, number>;

  constructor(
    private readonly evidence: EvidenceBounds,
    informative: ReadonlySet<SignalName>,
    readonly kra: Float64Array,
    private readonly slack: number,
  ) {
    this.weights = { alias: 0, kra: 0, skill: 0, domain: 0 };
    for (const signal of SIGNAL_NAMES) if (informative.has(signal)) this.weights[signal] = SIGNAL_WEIGHTS[signal];
  }

  get score(): Float64Array {
    return this.valuesOf('score');
  }

  get content(): Float64Array {
    return this.valuesOf('content');
  }

  get absolute(): Float64Array {
    return this.valuesOf('absolute');
  }

  get absoluteContent(): Float64Array {
    return this.valuesOf('absoluteContent');
  }

  private valuesOf(order: Exclude<RankOrder, 'kra'>): Float64Array {
    let values = this.computed.get(order);
    if (!values) {
      values = this.compute(order);
      this.computed.set(order, values);
    }
    return values;
  }

  /** The slack, not the summation order, is what keeps a bound above (or a floor below) the exact value. */
  private compute(order: Exclude<RankOrder, 'kra'>): Float64Array {
    const { alias, skill, domain, size } = this.evidence;
    const { kra, slack } = this;
    const values = new Float64Array(size);
    // One loop per order, each with its weights in locals: this runs over the whole library several times a posting.
    if (order === 'score' || order === 'content') {
      const { alias: aliasWeight, kra: kraWeight, skill: skillWeight, domain: domainWeight } = this.weights;
      const contentTotal = kraWeight + skillWeight + domainWeight;
      if (order === 'score') {
        // In signal order, as the exact scores sum their total.
        const scoreTotal = aliasWeight + kraWeight + skillWeight + domainWeight;
        if (scoreTotal === 0) return values;
        for (let position = 0; position < size; position++)
          values[position] = round3(
            (aliasWeight * alias[position] +
              (kraWeight * kra[position] + skillWeight * skill[position] + domainWeight * domain[position])) /
              scoreTotal +
              slack,
          );
      } else {
        if (contentTotal === 0) return values;
        for (let position = 0; position < size; position++)
          values[position] = round3(
            (kraWeight * kra[position] + skillWeight * skill[position] + domainWeight * domain[position]) / contentTotal + slack,
          );
      }
      return values;
    }
    const { alias: aliasWeight, kra: kraWeight, skill: skillWeight, domain: domainWeight } = SIGNAL_WEIGHTS;
    for (let position = 0; position < size; position++) {
      const absoluteContent = kraWeight * kra[position] + skillWeight * skill[position] + domainWeight * domain[position];
      values[position] = order === 'absolute' ? aliasWeight * alias[position] + absoluteContent + slack : absoluteContent + slack;
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
