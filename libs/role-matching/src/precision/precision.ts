/**
 * How finely the role matcher stores its numbers. The pruned ranking compares bounds with exact values, so
 * every signal, every score and every bound must round with these same functions: a bound rounded any other
 * way could fall below the exact value it bounds.
 */

/** Scores and evidence of a role (combined, content, domain): 3 decimals. */
export function roundScore(value: number): number {
  return roundToNearest(value, 1000);
}

/** Similarities of a sentence to a KRA, lexical or embedded, and the posting vector: 4 decimals. */
export function roundSimilarity(value: number): number {
  return roundToNearest(value, 10000);
}

/**
 * `Math.round(value * scale) / scale` for every value (only a zero may lose its sign), from a floor: the engine
 * runs Math.round several times slower, and every posting rounds tens of thousands of bounds.
 */
export function roundToNearest(value: number, scale: number): number {
  const scaled = value * scale;
  const rounded = Math.floor(scaled + 0.5);
  // Adding 0.5 can itself round up (the double just below 0.5 becomes 1): then the floor is one too high.
  // Compared as `rounded - 0.5`, which is exact, where `rounded - scaled` would round.
  return (rounded - 0.5 > scaled ? rounded - 1 : rounded) / scale;
}

/** Most that `roundSimilarity` can add to a value. */
export const SIMILARITY_ROUNDING_HEADROOM = 0.00005;

/** Added to bounds so that floating-point summation order can never push an exact value above its bound. */
export const BOUND_SLACK = 1e-9;
