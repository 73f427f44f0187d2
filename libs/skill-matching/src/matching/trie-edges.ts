/** Returned by `child` when a node has no edge with that label. */
export const NO_NODE = -1;

const INITIAL_SLOTS = 1 << 10;
// Slot layout in `slots`: parent node, label id, child node.
const SLOT_WIDTH = 3;

/**
 * The edges of a trie whose nodes and labels are small integers, in one open-addressing hash table. A trie of
 * hundreds of thousands of aliases then costs three 32-bit numbers per edge instead of a string key and a map
 * entry, and a lookup builds no key.
 */
export class TrieEdges {
  private slots = new Int32Array(INITIAL_SLOTS * SLOT_WIDTH).fill(NO_NODE);
  private mask = INITIAL_SLOTS - 1;
  private count = 0;

  get size(): number {
    return this.count;
  }

  child(parent: number, label: number): number {
    const { slots, mask } = this;
    for (let slot = slotOf(parent, label, mask); ; slot = (slot + 1) & mask) {
      const at = slot * SLOT_WIDTH;
      const slotParent = slots[at];
      if (slotParent === NO_NODE) return NO_NODE;
      if (slotParent === parent && slots[at + 1] === label) return slots[at + 2];
    }
  }

  /** Adds an edge the table does not hold yet (`child` returned `NO_NODE` for it). */
  add(parent: number, label: number, child: number): void {
    // Kept at most half full so that probes stay short.
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    this.place(parent, label, child);
    this.count++;
  }

  private place(parent: number, label: number, child: number): void {
    const { slots, mask } = this;
    let slot = slotOf(parent, label, mask);
    while (slots[slot * SLOT_WIDTH] !== NO_NODE) slot = (slot + 1) & mask;
    const at = slot * SLOT_WIDTH;
    slots[at] = parent;
    slots[at + 1] = label;
    slots[at + 2] = child;
  }

  private grow(): void {
    const old = this.slots;
    const slotCount = (this.mask + 1) * 2;
    this.slots = new Int32Array(slotCount * SLOT_WIDTH).fill(NO_NODE);
    this.mask = slotCount - 1;
    for (let at = 0; at < old.length; at += SLOT_WIDTH) if (old[at] !== NO_NODE) this.place(old[at], old[at + 1], old[at + 2]);
  }
}

function slotOf(parent: number, label: number, mask: number): number {
  let hash = Math.imul(parent, 0x9e3779b1) ^ Math.imul(label, 0x85ebca6b);
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  hash ^= hash >>> 13;
  return hash & mask;
}
