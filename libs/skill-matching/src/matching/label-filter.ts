// 2^23 bits (1 MB): about 2% false positives for the ~150,000 labels of an ESCO + O*NET catalog.
const INDEX_BITS = 23;
const BASE = 0x01000193;

/**
 * A membership pre-check for trie labels by polynomial hash. The hash of a concatenation follows from the
 * hashes of its parts, so a walk can rule out a glued chunk ("data" + "base") without building the string;
 * only chunks it may contain are built and looked up for real. Never answers "no" for a label it holds.
 */
export class LabelFilter {
  private readonly bits = new Uint32Array(1 << (INDEX_BITS - 5));

  add(label: string): void {
    const index = bitIndex(hashOf(label));
    this.bits[index >>> 5] |= 1 << (index & 31);
  }

  mayContain(hash: number): boolean {
    const index = bitIndex(hash);
    return (this.bits[index >>> 5] & (1 << (index & 31))) !== 0;
  }
}

/** Hash of `text.slice(0, end)` (all of it by default). */
export function hashOf(text: string, end = text.length): number {
  let hash = 0;
  for (let index = 0; index < end; index++) hash = (Math.imul(hash, BASE) + text.charCodeAt(index)) | 0;
  return hash;
}

/** What `hashOf` multiplies a prefix by per following character, raised to `length`: see `concatHash`. */
export function hashPower(length: number): number {
  let power = 1;
  for (let index = 0; index < length; index++) power = Math.imul(power, BASE);
  return power;
}

/** `hashOf(left + right)` from `hashOf(left)`, `hashOf(right)` and `hashPower(right.length)`. */
export function concatHash(leftHash: number, rightHash: number, rightPower: number): number {
  return (Math.imul(leftHash, rightPower) + rightHash) | 0;
}

function bitIndex(hash: number): number {
  // The top bits of a multiplicative mix: the low bits of a polynomial hash mix poorly.
  return Math.imul(hash, 0x9e3779b1) >>> (32 - INDEX_BITS);
}
