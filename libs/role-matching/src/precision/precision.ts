/**
 * How finely the role matcher stores its numbers. The pruned ranking compares bounds with exact values, so
 * every signal, every score and every bound must round with these same functions: a bound rounded any other
 * way could fall below the exact value it bounds.
 */

/** Scores and evidence of a role (combined, content, domain): 3 decimals. */
export function roundScore(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Similarities of a sentence to a KRA, lexical or embedded, and the posting vector: 4 decimals. */
export function roundSimilarity(value: number): number {
  return Math.round(value * 10000) / 10000;
}

/** Most that `roundSimilarity` can add to a value. */
export const SIMILARITY_ROUNDING_HEADROOM = 0.00005;

/** Added to bounds so that floating-point summation order can never push an exact value above its bound. */
export const BOUND_SLACK = 1e-9;
