import { BOUND_SLACK, roundScore } from '../precision/precision';
import { KRA_FULL_EVIDENCE, SIGNAL_NAMES, SIGNAL_WEIGHTS, THRESHOLDS, type SignalName } from './policy';
import { type RankBounds, type RankOrder } from './role-ranking';

type RankValueKind = 'bounds' | 'floors';

/**
 * For one posting, per catalog position, each signal's evidence or a bound of it: alias, skill and domain
 * are exact (cheap), KRA is an upper bound (exact KRA evidence needs every sentence against every KRA).
 * Library-sized arrays are allocated once and reused: `reset` starts the next posting.
 */
export class EvidenceBounds {
  readonly alias: Float64Array;
  /** Bound of min(1, kraScore / KRA_FULL_EVIDENCE). */
  readonly kra: Float64Array;
  readonly skill: Float64Array;
  readonly domain: Float64Array;
  /** KRA evidence of none, for the floors. */
  private readonly noKra: Float64Array;
  /** Positions whose KRA bound is above 0, in the order they got it: `reachableCount` of them. */
  private readonly reachable: Int32Array;
  private reachableCount = 0;
  /** The arrays each order's bounds and floors are computed into, shared by every ranking of the posting. */
  private readonly valueArrays: Record<RankValueKind, Map<RankOrder, Float64Array>> = { bounds: new Map(), floors: new Map() };
  /** How many rank values of each kind were handed out: only the latest may read the shared arrays. */
  private readonly issued: Record<RankValueKind, number> = { bounds: 0, floors: 0 };

  constructor(readonly size: number) {
    this.alias = new Float64Array(size);
    this.kra = new Float64Array(size);
    this.skill = new Float64Array(size);
    this.domain = new Float64Array(size);
    this.noKra = new Float64Array(size);
    this.reachable = new Int32Array(size);
  }

  /** No evidence for any role: ready for the next posting. */
  reset(): void {
    this.alias.fill(0);
    this.kra.fill(0);
    this.skill.fill(0);
    this.domain.fill(0);
    this.reachableCount = 0;
  }

  /** Sets the KRA evidence bound from a bound of the kraScore. */
  setKraScoreBound(position: number, kraScoreBound: number): void {
    this.setKra(position, Math.min(1, kraScoreBound / KRA_FULL_EVIDENCE));
  }

  /** Makes the KRA evidence bound at least what `kraScore` gives (an exact score found outside the index). */
  raiseKraScoreBound(position: number, kraScore: number): void {
    this.setKra(position, Math.max(this.kra[position], Math.min(1, (kraScore + BOUND_SLACK) / KRA_FULL_EVIDENCE)));
  }

  private setKra(position: number, bound: number): void {
    if (this.kra[position] === 0 && bound > 0) this.reachable[this.reachableCount++] = position;
    this.kra[position] = bound;
  }

  /** The largest value of a signal over the library (exact for every signal but KRA). */
  max(signal: SignalName): number {
    const values = this[signal];
    let best = 0;
    // Indexed: the iterator protocol costs more than the comparison over a library-sized array.
    for (let position = 0; position < values.length; position++) if (values[position] > best) best = values[position];
    return best;
  }

  /**
   * Positions of the roles whose KRA evidence may be above 0 (every other role's is 0), each once, in no
   * particular order. Kept as the bounds are set: a pass over the library to find them costs more than the
   * search they narrow. Valid until the next `reset`.
   */
  kraReachable(): Int32Array {
    return this.reachable.subarray(0, this.reachableCount);
  }

  /** Positions of the roles that may pass a KRA, skill or partial-title threshold: no other role can. */
  mayPassThresholds(): number[] {
    const positions: number[] = [];
    for (let position = 0; position < this.size; position++) {
      if (
        roundScore(this.kra[position] * KRA_FULL_EVIDENCE + BOUND_SLACK) >= THRESHOLDS.kra ||
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
    return new RankValues(this, 'bounds', ++this.issued.bounds, informative, this.kra, BOUND_SLACK);
  }

  /** Values each role reaches for sure in each rank order: its exact evidence with no KRA evidence at all. */
  rankFloors(informative: ReadonlySet<SignalName>): RankBounds {
    return new RankValues(this, 'floors', ++this.issued.floors, informative, this.noKra, -BOUND_SLACK);
  }

  /**
   * The array an order's values of one kind are computed into. Rank values of an earlier call are stale
   * once a later one of the same kind exists: they would read the later one's values.
   */
  valueArray(kind: RankValueKind, issue: number, order: RankOrder): Float64Array {
    if (issue !== this.issued[kind]) throw new Error(`stale rank ${kind}: a later ranking of the posting reuses their arrays`);
    let values = this.valueArrays[kind].get(order);
    if (!values) {
      values = new Float64Array(this.size);
      this.valueArrays[kind].set(order, values);
    }
    return values;
  }
}

/**
 * Each order's values computed on first read only: a ranking reads just the orders its questions ask (the
 * KRA-only ranking none but `kra`), and each pair of orders costs a pass over the library.
 */
class RankValues implements RankBounds {
  private readonly computed = new Set<RankOrder>();
  private readonly weights: Record<SignalName, number>;

  constructor(
    private readonly evidence: EvidenceBounds,
    private readonly kind: RankValueKind,
    private readonly issue: number,
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
    // Checked on every read, not just the first: a later ranking may have overwritten the array since.
    const values = this.evidence.valueArray(this.kind, this.issue, order);
    if (!this.computed.has(order)) {
      const partner = PARTNER_ORDER[order];
      this.compute(order, values, this.evidence.valueArray(this.kind, this.issue, partner));
      this.computed.add(order).add(partner);
    }
    return values;
  }

  /**
   * Computes an order and its partner in one pass over the library (a ranking that reads one nearly always
   * reads the other). The slack, not the summation order, keeps a bound above (or a floor below) the exact value.
   */
  private compute(order: Exclude<RankOrder, 'kra'>, values: Float64Array, partnerValues: Float64Array): void {
    const { alias, skill, domain, size } = this.evidence;
    const { kra, slack } = this;
    if (order === 'score' || order === 'content') {
      const [score, content] = order === 'score' ? [values, partnerValues] : [partnerValues, values];
      const { alias: aliasWeight, kra: kraWeight, skill: skillWeight, domain: domainWeight } = this.weights;
      const contentTotal = kraWeight + skillWeight + domainWeight;
      // In signal order, as the exact scores sum their total.
      const scoreTotal = aliasWeight + kraWeight + skillWeight + domainWeight;
      for (let position = 0; position < size; position++) {
        const weightedContent = kraWeight * kra[position] + skillWeight * skill[position] + domainWeight * domain[position];
        score[position] = scoreTotal === 0 ? 0 : roundScore((aliasWeight * alias[position] + weightedContent) / scoreTotal + slack);
        content[position] = contentTotal === 0 ? 0 : roundScore(weightedContent / contentTotal + slack);
      }
      return;
    }
    const [absolute, absoluteContent] = order === 'absolute' ? [values, partnerValues] : [partnerValues, values];
    const { alias: aliasWeight, kra: kraWeight, skill: skillWeight, domain: domainWeight } = SIGNAL_WEIGHTS;
    for (let position = 0; position < size; position++) {
      const content = kraWeight * kra[position] + skillWeight * skill[position] + domainWeight * domain[position];
      absolute[position] = aliasWeight * alias[position] + content + slack;
      absoluteContent[position] = content + slack;
    }
  }
}

/** Orders computed together, as they are read together. */
const PARTNER_ORDER: Record<Exclude<RankOrder, 'kra'>, Exclude<RankOrder, 'kra'>> = {
  score: 'content',
  content: 'score',
  absolute: 'absoluteContent',
  absoluteContent: 'absolute',
};

/** Bounds under which every role is scored: the exhaustive ranking. */
export function unboundedRankBounds(size: number): RankBounds {
  const infinite = () => new Float64Array(size).fill(Infinity);
  return { score: infinite(), content: infinite(), kra: infinite(), absolute: infinite(), absoluteContent: infinite() };
}
