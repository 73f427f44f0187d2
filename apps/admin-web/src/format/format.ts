/** How the admin writes values: money, ranges, scores, durations, dates and enum labels. */

const CURRENCY_LOCALE: Record<string, string> = { INR: 'en-IN', GBP: 'en-GB', EUR: 'en-IE', AUD: 'en-AU', CAD: 'en-CA', SGD: 'en-SG' };

const PERIOD_LABEL: Record<string, string> = {
  annual: 'per year',
  monthly: 'per month',
  weekly: 'per week',
  daily: 'per day',
  hourly: 'per hour',
};

export const EMPTY_VALUE = '—';

/** An amount in its currency's own grouping (₹5,12,498; $120,000; £18.50); unknown codes are spelled out. */
export function formatMoney(amount: number, currency: string): string {
  const fractionDigits = Number.isInteger(amount) ? 0 : 2;
  try {
    return new Intl.NumberFormat(CURRENCY_LOCALE[currency] ?? 'en-US', {
      style: 'currency',
      currency,
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** Pay as a range with its period: "₹5,12,498 – ₹8,48,243 per year", "up to $90,000 per year". */
export function formatPay(pay: { currency: string; min: number | null; max: number | null; period: string } | null): string {
  if (!pay || (pay.min === null && pay.max === null)) return EMPTY_VALUE;
  const period = PERIOD_LABEL[pay.period] ?? pay.period;
  const min = pay.min === null ? null : formatMoney(pay.min, pay.currency);
  const max = pay.max === null ? null : formatMoney(pay.max, pay.currency);
  const range = min && max ? (min === max ? min : `${min} – ${max}`) : min ? `from ${min}` : `up to ${max}`;
  return `${range} ${period}`;
}

/** Years asked for: "3+ years", "6–9 years", "up to 2 years", "1 year". */
export function formatYears(range: { min: number | null; max: number | null } | null): string {
  if (!range || (range.min === null && range.max === null)) return EMPTY_VALUE;
  const unit = (count: number) => (count === 1 ? 'year' : 'years');
  if (range.min !== null && range.max !== null) {
    return range.min === range.max ? `${range.min} ${unit(range.min)}` : `${range.min}–${range.max} years`;
  }
  if (range.min !== null) return `${range.min}+ ${unit(range.min)}`;
  return `up to ${range.max} ${unit(range.max ?? 0)}`;
}

/** A 0..1 score as a whole percentage. */
export function formatPercent(score: number | null | undefined): string {
  if (score === null || score === undefined || Number.isNaN(score)) return EMPTY_VALUE;
  return `${Math.round(score * 100)}%`;
}

/** A 0..1 similarity or score with two decimals, as the signals print them. */
export function formatScore(score: number): string {
  return score.toFixed(2);
}

export function formatDuration(milliseconds: number): string {
  if (milliseconds < 1) return '<1 ms';
  if (milliseconds < 1000) return `${Math.round(milliseconds)} ms`;
  return `${(milliseconds / 1000).toFixed(milliseconds < 10_000 ? 2 : 1)} s`;
}

/** Model cost in dollars: small amounts keep four decimals so a cheap call does not read as free. */
export function formatUsd(cost: number | null): string {
  if (cost === null) return EMPTY_VALUE;
  if (cost === 0) return '$0';
  return cost < 0.01 ? `$${cost.toFixed(4)}` : `$${cost.toFixed(2)}`;
}

export function formatCount(count: number): string {
  return new Intl.NumberFormat('en-US').format(count);
}

/** An ISO timestamp in UTC, to the minute: "25 Nov 2026, 20:01 UTC". */
export function formatDateTime(iso: string | null): string {
  if (!iso) return EMPTY_VALUE;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'UTC' }).format(date);
  return `${day}, ${time} UTC`;
}

/** An enum value or key as words: "nice_to_have" → "Nice to have", "matchRole" → "Match role". */
export function humanize(value: string | null | undefined): string {
  if (!value) return EMPTY_VALUE;
  const words = value
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
