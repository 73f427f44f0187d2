/** Geometry of the dashboard charts, kept apart from SVG so it can be checked without a browser. */

/** The smallest "round" number (1, 2, 2.5 or 5 times a power of ten) at or above `value`; 1 for nothing. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((factor) => factor * magnitude >= value - 1e-9) ?? 10;
  return step * magnitude;
}

/**
 * Evenly spaced axis values from 0 to `max` inclusive. The charts count things, so the step is whole
 * whenever `max` is: about `count` steps, fewer or more when that keeps them whole (0, 1, … 5 rather than 1.25s).
 */
export function axisTicks(max: number, count = 4): number[] {
  const steps = Number.isInteger(max) ? ([count, 5, 4, 3, 2, 1].find((candidate) => Number.isInteger(max / candidate)) ?? count) : count;
  const step = max / steps;
  return Array.from({ length: steps + 1 }, (_, index) => round(index * step));
}

export interface StackedRow<K extends string> {
  label: string;
  values: Record<K, number>;
}

export interface StackPiece<K extends string> {
  key: K;
  value: number;
  y: number;
  height: number;
}

export interface StackedColumn<K extends string> {
  label: string;
  x: number;
  width: number;
  total: number;
  pieces: Array<StackPiece<K>>;
}

/**
 * Columns of stacked values in a plot of `width` × `height` (y grows downwards, as in SVG): each column
 * gets an equal slot with a gap, pieces stack from the bottom in `keys` order, zero pieces are left out.
 */
export function stackColumns<K extends string>(
  rows: ReadonlyArray<StackedRow<K>>,
  keys: readonly K[],
  size: { width: number; height: number },
): { max: number; columns: Array<StackedColumn<K>> } {
  const totals = rows.map((row) => keys.reduce((sum, key) => sum + Math.max(0, row.values[key] ?? 0), 0));
  const max = niceCeiling(Math.max(0, ...totals));
  const slot = rows.length === 0 ? 0 : size.width / rows.length;
  const gap = Math.min(slot * 0.25, 8);
  const columns = rows.map((row, index) => {
    let top = size.height;
    const pieces: Array<StackPiece<K>> = [];
    for (const key of keys) {
      const value = Math.max(0, row.values[key] ?? 0);
      if (value === 0) continue;
      const height = (value / max) * size.height;
      top -= height;
      pieces.push({ key, value, y: round(top), height: round(height) });
    }
    return { label: row.label, x: round(index * slot + gap / 2), width: round(slot - gap), total: totals[index], pieces };
  });
  return { max, columns };
}

/** Bar lengths for a horizontal bar chart whose longest possible bar is `length`. */
export function barLengths(values: readonly number[], length: number): { max: number; lengths: number[] } {
  const max = niceCeiling(Math.max(0, ...values));
  return { max, lengths: values.map((value) => round((Math.max(0, value) / max) * length)) };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
