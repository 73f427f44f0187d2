import { aliasKey, type Catalog } from '@jdpipe/catalog';

import { hashOf } from './label-filter';

const EMPTY = -1;

/**
 * Every alias of a catalog under the catalog check's alias key ("Node.js" = "nodejs"): tells a phrase the
 * matcher skipped on purpose from a new one. Holds a hash table of key hashes and alias positions rather than
 * the keys: a set of 130,000 key strings costs over 20 MB, this a few. A hash match is confirmed on the alias.
 */
export class KnownSpellings {
  private readonly aliasTexts: string[] = [];
  private readonly slotHashes: Int32Array;
  private readonly slotAliases: Int32Array;
  private readonly mask: number;
  private readonly shift: number;

  constructor(catalog: Catalog) {
    for (const skill of catalog.skills) for (const alias of skill.aliases) this.aliasTexts.push(alias.text);
    // At most half full, so that probes stay short.
    let bits = 1;
    while (2 ** bits < this.aliasTexts.length * 2) bits++;
    this.mask = 2 ** bits - 1;
    this.shift = 32 - bits;
    const slotCount = 2 ** bits;
    this.slotHashes = new Int32Array(slotCount);
    this.slotAliases = new Int32Array(slotCount).fill(EMPTY);
    for (const [position, text] of this.aliasTexts.entries()) {
      const hash = hashOf(aliasKey(text));
      let slot = this.slotOf(hash);
      while (this.slotAliases[slot] !== EMPTY) slot = (slot + 1) & this.mask;
      this.slotHashes[slot] = hash;
      this.slotAliases[slot] = position;
    }
  }

  private slotOf(hash: number): number {
    // The top bits of a multiplicative mix: the low bits of a polynomial hash mix poorly.
    return (Math.imul(hash, 0x9e3779b1) >>> this.shift) & this.mask;
  }

  /** Whether some alias has this alias key. */
  has(key: string): boolean {
    const hash = hashOf(key);
    for (let slot = this.slotOf(hash); this.slotAliases[slot] !== EMPTY; slot = (slot + 1) & this.mask) {
      if (this.slotHashes[slot] === hash && aliasKey(this.aliasTexts[this.slotAliases[slot]]) === key) return true;
    }
    return false;
  }
}

const spellingsByCatalog = new WeakMap<Catalog, KnownSpellings>();

/**
 * The spellings of a catalog object, made on first use. `SkillMatcher.build` makes them with the matcher, so
 * the first posting after a catalog load does not wait for them.
 */
export function knownSpellings(catalog: Catalog): KnownSpellings {
  let spellings = spellingsByCatalog.get(catalog);
  if (!spellings) {
    spellings = new KnownSpellings(catalog);
    spellingsByCatalog.set(catalog, spellings);
  }
  return spellings;
}
