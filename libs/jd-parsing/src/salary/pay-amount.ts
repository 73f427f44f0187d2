/**
 * Reading one written amount: digit grouping (Western 512,498, Indian 5,12,498, European 55.000)
 * and the multipliers that Indian and English postings use (k, lakh, crore, million).
 */

export type AmountMultiplier = 'thousand' | 'lakh' | 'crore' | 'million' | 'billion';

const MULTIPLIER_FACTOR: Record<AmountMultiplier, number> = {
  thousand: 1_000,
  lakh: 100_000,
  crore: 10_000_000,
  million: 1_000_000,
  billion: 1_000_000_000,
};

/** Maps a suffix as written ("k", "Lacs", "LPA", "Cr", "mn") to its multiplier, or null when it is none. */
export function multiplierOf(suffix: string | undefined): AmountMultiplier | null {
  if (!suffix) return null;
  const word = suffix.trim().toLowerCase();
  if (word === 'k') return 'thousand';
  if (word === 'l' || word === 'lpa' || word.startsWith('lakh') || word.startsWith('lac')) return 'lakh';
  if (word === 'cr' || word.startsWith('crore')) return 'crore';
  if (word === 'm' || word === 'mn' || word === 'million') return 'million';
  if (word === 'b' || word === 'bn' || word === 'billion') return 'billion';
  return null;
}

export function applyMultiplier(value: number, multiplier: AmountMultiplier | null): number {
  const scaled = multiplier ? value * MULTIPLIER_FACTOR[multiplier] : value;
  // Float noise from 4.5 * 100000 and the like.
  return Math.round(scaled * 100) / 100;
}

/**
 * Parses digits with separators. A lone dot followed by exactly three digits is a thousands
 * separator only for euro amounts ("€55.000"); elsewhere it is a decimal point ("$1.250" is rare,
 * "£18.500" rarer still, while "4.500 lakh" style decimals are common in Indian text).
 */
export function parseDigits(written: string, currency: string | null): number | null {
  const digits = written.replace(/\s/g, '');
  if (!/^\d[\d.,]*$/.test(digits)) return null;
  const lastComma = digits.lastIndexOf(',');
  const lastDot = digits.lastIndexOf('.');
  let normalised: string;
  if (lastComma >= 0 && lastDot >= 0) {
    normalised = lastDot > lastComma ? digits.replace(/,/g, '') : digits.replace(/\./g, '').replace(',', '.');
  } else if (lastComma >= 0) {
    const groups = digits.split(',');
    const europeanDecimal = currency === 'EUR' && groups.length === 2 && groups[1].length <= 2;
    normalised = europeanDecimal ? digits.replace(',', '.') : digits.replace(/,/g, '');
  } else if (lastDot >= 0) {
    const groups = digits.split('.');
    const dotIsGrouping = groups.length > 2 || (currency === 'EUR' && groups[1].length === 3);
    normalised = dotIsGrouping ? digits.replace(/\./g, '') : digits;
  } else {
    normalised = digits;
  }
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}
