import { type ScoredRole } from './scored-role';

/**
 * The orders the decision reads roles in. Each is total: ties fall to the next value, then to catalog
 * position, exactly as a stable sort of the catalog by the first value(s) would order them.
 */
export type RankOrder = 'score' | 'content' | 'kra' | 'absolute' | 'absoluteContent';

/** Per catalog position, a value no smaller (or, for floors, no larger) than the role's exact value in each order. */
export type RankBounds = Record<RankOrder, Float64Array>;

/** Takes every role: with it, and no candidates given, a search may skip roles its floors rule out. */
export const ACCEPT_ALL = (): boolean => true;

const PRIMARY: Record<RankOrder, (role: ScoredRole) => number> = {
  score: (role) => role.score,
  content: (role) => role.contentScore,
  kra: (role) => role.evidence.kra,
  absolute: (role) => role.absoluteScore,
  absoluteContent: (role) => role.absoluteContentScore,
};
/** The order whose values break ties of each order (its values and its bounds both). */
const SECONDARY_ORDER: Record<RankOrder, RankOrder | null> = {
  score: 'content',
  content: 'score',
  kra: null,
  absolute: null,
  absoluteContent: null,
};

/** For orders without a tie-break order: ties fall to catalog position directly. */
const NO_TIE_BREAK = (): number => 0;

/**
 * Roles of the library in the decision's orders, scoring exactly only the roles whose bounds can still
 * reach the answer (a threshold algorithm): candidates are visited by descending bound (then tie-break bound,
 * then position) and the visit stops once the n-th best role ranks above every remaining role's bounds, ties
 * included. The answer is the same as ranking every role exactly; only the work differs. With `Infinity`
 * bounds every role is scored.
 */
export class RoleRanking {
  private readonly scored = new Map<number, ScoredRole>();
  private readonly positionOf = new Map<ScoredRole, number>();
  /** The positions a search visits, reused by every search of this ranking (one runs at a time). */
  private readonly visiting: Int32Array;

  /**
   * `floors`, when given, are values no larger than each role's exact value: the n-th largest floor is a value
   * the n-th best role reaches for sure, so no role bounded below it needs to be visited.
   */
  constructor(
    private readonly size: number,
    private readonly bounds: RankBounds,
    private readonly score: (position: number) => ScoredRole,
    private readonly floors?: RankBounds,
  ) {
    this.visiting = new Int32Array(size);
  }

  /** Roles scored so far: the work the bounds left to do. */
  get scoredCount(): number {
    return this.scored.size;
  }

  /**
   * The best `n` roles in `order` among those `accept` takes, best first. `candidates` (catalog positions),
   * when given, must hold every role `accept` takes; it narrows the search before any role is scored.
   */
  best(n: number, order: RankOrder, accept: (role: ScoredRole) => boolean = ACCEPT_ALL, candidates?: ArrayLike<number>): ScoredRole[] {
    const bound = this.bounds[order];
    const secondaryOrder = SECONDARY_ORDER[order];
    const secondaryBound = secondaryOrder ? this.bounds[secondaryOrder] : null;
    const secondaryValue = secondaryOrder ? PRIMARY[secondaryOrder] : NO_TIE_BREAK;
    const count = candidates ? this.visit(candidates) : this.withinReach(n, order, accept);
    const heap = new BoundHeap(bound, secondaryBound, this.visiting, count);
    const compare = (left: ScoredRole, right: ScoredRole): number =>
      PRIMARY[order](right) - PRIMARY[order](left) ||
      secondaryValue(right) - secondaryValue(left) ||
      this.positionOf.get(left)! - this.positionOf.get(right)!;
    // Whether no remaining role can rank above `last`: the heap's top has the best bounds of all of them, in
    // the ranking's own order (value, tie-break value, position), and a role ranks no higher than its bounds.
    const beatsRemaining = (last: ScoredRole): boolean => {
      const top = heap.peek();
      const primary = PRIMARY[order](last);
      if (bound[top] !== primary) return bound[top] < primary;
      const secondary = secondaryValue(last);
      const topSecondary = secondaryBound ? secondaryBound[top] : 0;
      if (topSecondary !== secondary) return topSecondary < secondary;
      return top > this.positionOf.get(last)!;
    };
    // The best n so far, best first: kept in order by insertion, as n is small and the order is total.
    const found: ScoredRole[] = [];
    while (heap.size > 0) {
      if (found.length >= n && beatsRemaining(found[n - 1])) break;
      const role = this.roleAt(heap.pop());
      if (!accept(role)) continue;
      let slot = found.length;
      found.push(role);
      for (; slot > 0 && compare(role, found[slot - 1]) < 0; slot--) found[slot] = found[slot - 1];
      found[slot] = role;
      if (found.length > n) found.pop();
    }
    return found;
  }

  /** Puts the candidates in `visiting`; returns how many there are. */
  private visit(candidates: ArrayLike<number>): number {
    if (candidates.length > this.size)
      throw new Error(`${candidates.length} candidates for ${this.size} roles: positions must be distinct`);
    for (let index = 0; index < candidates.length; index++) this.visiting[index] = candidates[index];
    return candidates.length;
  }

  /**
   * Puts in `visiting` the positions whose bound reaches the n-th largest floor (all positions when a test may
   * turn roles away); returns how many there are.
   */
  private withinReach(n: number, order: RankOrder, accept: (role: ScoredRole) => boolean): number {
    const visiting = this.visiting;
    if (!this.floors || accept !== ACCEPT_ALL || n > this.size) {
      for (let position = 0; position < this.size; position++) visiting[position] = position;
      return this.size;
    }
    const floor = this.floors[order];
    // The n largest floors, smallest first: its head is the n-th largest.
    const largest = new Float64Array(n).fill(-Infinity);
    for (let position = 0; position < this.size; position++) {
      if (floor[position] <= largest[0]) continue;
      let slot = 0;
      while (slot + 1 < n && largest[slot + 1] < floor[position]) {
        largest[slot] = largest[slot + 1];
        slot++;
      }
      largest[slot] = floor[position];
    }
    const reached = largest[0];
    const bound = this.bounds[order];
    let count = 0;
    for (let position = 0; position < this.size; position++) if (bound[position] >= reached) visiting[count++] = position;
    return count;
  }

  /** The first role in `order` that `accept` takes, or null. */
  first(order: RankOrder, accept: (role: ScoredRole) => boolean, candidates?: ArrayLike<number>): ScoredRole | null {
    return this.best(1, order, accept, candidates)[0] ?? null;
  }

  /** Scores one role (once) wherever it ranks. */
  roleAt(position: number): ScoredRole {
    let role = this.scored.get(position);
    if (!role) {
      role = this.score(position);
      this.scored.set(position, role);
      this.positionOf.set(role, position);
    }
    return role;
  }
}

/** A binary max-heap of positions by bound, then by tie-break bound; equal bounds pop in position order. */
class BoundHeap {
  /** Heapifies items[0 .. size) in place: the heap owns them until it is done. */
  constructor(
    private readonly bound: Float64Array,
    private readonly secondaryBound: Float64Array | null,
    private readonly items: Int32Array,
    public size: number,
  ) {
    for (let parent = (size >> 1) - 1; parent >= 0; parent--) this.siftDown(parent);
  }

  peek(): number {
    return this.items[0];
  }

  pop(): number {
    const items = this.items;
    const top = items[0];
    this.size--;
    if (this.size > 0) {
      items[0] = items[this.size];
      this.siftDown(0);
    }
    return top;
  }

  private siftDown(start: number): void {
    const { items, size } = this;
    let parent = start;
    for (;;) {
      const left = 2 * parent + 1;
      const right = left + 1;
      let largest = parent;
      if (left < size && this.above(items[left], items[largest])) largest = left;
      if (right < size && this.above(items[right], items[largest])) largest = right;
      if (largest === parent) return;
      const swapped = items[parent];
      items[parent] = items[largest];
      items[largest] = swapped;
      parent = largest;
    }
  }

  private above(left: number, right: number): boolean {
    const { bound, secondaryBound } = this;
    if (bound[left] !== bound[right]) return bound[left] > bound[right];
    if (secondaryBound && secondaryBound[left] !== secondaryBound[right]) return secondaryBound[left] > secondaryBound[right];
    return left < right;
  }
}
