import type { PayPeriod, SalaryRange } from '../parsed-jd';
import { type AmountMultiplier, applyMultiplier, multiplierOf, parseDigits } from './pay-amount';
import { type CurrencyHints, currencyHintsOf } from './pay-currency';

/**
 * Finds the posting's pay in free text. Every number is a candidate; a candidate survives only with
 * a currency, an Indian multiplier (lakh/LPA/crore) or a pay word just before it, and is scored so
 * that a stated range with a currency and a period beats a stray figure. Funding rounds, allowances
 * and bonuses are pushed out by their context words.
 */

const CURRENCY = String.raw`(?:₹|rs\.?|inr|usd|cad|aud|sgd|nzd|hkd|aed|eur|gbp|us\$|ca\$|c\$|au\$|a\$|s\$|nz\$|hk\$|€|£|\$)`;
/** A currency code written after the amount: "$115,000 CAD", "5,500 SGD"; not "2-3 CAD/CAE software". */
const CODE_AFTER = String.raw`(?:inr|usd|cad|aud|sgd|nzd|hkd|aed|eur|gbp)(?![a-z/&-])(?!\s+(?:software|design|drawings?|drafting|tools?|models?|modell?ing|experience|skills?)\b)`;
const NUMBER = String.raw`\d{1,3}(?:[.,]\d{2,3})+(?:[.,]\d{1,2})?|\d+(?:\.\d+)?`;
const MULTIPLIER = String.raw`(?:\s?(?:lakhs?|lacs?|lpa|crores?|cr|mn|million|bn|billion)|k|l|m|b)(?![a-z])`;
const AMOUNT = String.raw`(?<![A-Za-z0-9.,])(?:${CURRENCY}\s?)?(?:${NUMBER})(?:${MULTIPLIER})?(?:\s?${CODE_AFTER})?`;
const SEPARATOR = String.raw`\s*(?:-|–|—|to|and)\s*`;
const MENTION = new RegExp(String.raw`(${AMOUNT})(?:${SEPARATOR}(${AMOUNT}))?`, 'gi');
const AMOUNT_PARTS = new RegExp(String.raw`^(${CURRENCY})?\s?(${NUMBER})(${MULTIPLIER})?(?:\s?(${CODE_AFTER}))?$`, 'i');

/** Written currencies that name one currency; a bare "$" is left to the posting's country. */
const CURRENCY_CODES: Array<[RegExp, string]> = [
  [/^(?:₹|rs\.?|inr|rupees?)$/i, 'INR'],
  [/^(?:us\$|usd)$/i, 'USD'],
  [/^(?:cad|ca?\$)$/i, 'CAD'],
  [/^(?:aud|au?\$)$/i, 'AUD'],
  [/^(?:sgd|s\$)$/i, 'SGD'],
  [/^(?:nzd|nz\$)$/i, 'NZD'],
  [/^(?:hkd|hk\$)$/i, 'HKD'],
  [/^aed$/i, 'AED'],
  [/^(?:eur|€)$/i, 'EUR'],
  [/^(?:gbp|£)$/i, 'GBP'],
];
/** Letters name a currency more surely than a symbol: "$115,000 CAD" is Canadian whatever the "$" says. */
const IS_CODE = /^(?:rs\.?|rupees?|[a-z]{3})$/i;

const PERIOD_AFTER: Array<[RegExp, PayPeriod | 'not_pay']> = [
  [/^\s*(?:\/|per|an?|each)\s*(?:annum|year|yr)s?\b/i, 'annual'],
  [/^\s*(?:p\.\s?a\.?|pa\b|lpa\b|annually\b|yearly\b|annual\b|ctc\b)/i, 'annual'],
  [/^\s*(?:\/|per|an?|each)\s*(?:month|mo|mth)s?\b/i, 'monthly'],
  [/^\s*(?:p\.\s?m\.?|pm\b|monthly\b)/i, 'monthly'],
  [/^\s*(?:\/|per|an?|each)\s*(?:week|wk)s?\b/i, 'weekly'],
  [/^\s*weekly\b/i, 'weekly'],
  [/^\s*(?:\/|per|an?|each)\s*day\b/i, 'daily'],
  [/^\s*daily\b/i, 'daily'],
  [/^\s*(?:\/|per|an?|each)\s*(?:hour|hr)s?\b/i, 'hourly'],
  [/^\s*(?:p\.?h\.?(?![a-z])|hourly\b)/i, 'hourly'],
  [
    /^\s*(?:\/|per|an?|each)\s*(?:credit|session|class|course|semester|student|visit|project|word|lesson|camp|call|module|assignment|article|unit|piece|task|mile|person|head|seat|user)s?\b/i,
    'not_pay',
  ],
];

const PERIOD_BEFORE: Array<[RegExp, PayPeriod]> = [
  [/\b(?:annual|yearly|per annum)\b[^.\n]*$/i, 'annual'],
  [/\bmonthly\b[^.\n]*$/i, 'monthly'],
  [/\bweekly\b[^.\n]*$/i, 'weekly'],
  [/\b(?:daily|day rate)\b[^.\n]*$/i, 'daily'],
  [/\bhourly\b[^.\n]*$/i, 'hourly'],
];

const PAY_WORD_BEFORE =
  /\b(?:salary|salaries|ctc|pay|paid|compensation|stipend|package|remuneration|wages?|rates?|income|earn|earnings|base|ote|lpa|budget)\b[^.\n]{0,30}$/i;
const UP_TO_BEFORE = /\b(?:up\s?to|upto|max(?:imum)?\.?|not exceeding|as much as)\s*:?\s*$/i;
const FROM_BEFORE = /\b(?:from|starting(?: at| from)?|starts at|start at|at least|min(?:imum)?\.?)\s*:?\s*$/i;
// The word must end there: "months" is a duration, "monthly" a pay period.
const NOT_AN_AMOUNT_AFTER =
  /^\s*(?:\+\s*)?(?:%|percent|(?:years?|yrs?|months?|hours?|hrs?|days?|weeks?|employees|people|members|students|users|customers|clients|countries|offices|locations|cities|stores|branches|beds|patients)(?![a-z])|\(k\)|\(b\))/i;
const FUNDING_CONTEXT =
  /\b(?:funding|funded|raised|raise|revenue|valuation|valued|series [a-f]|endowment|turnover|market cap|aum|assets|invest(?:ment|ed|ors)?|grants?|donat\w*|worth|arr|(?:annual|operating|marketing|project|media) budget|fund|sales of)\b/i;
const ALLOWANCE_CONTEXT =
  /\b(?:towards|reimburs\w*|allowance|bonus(?:es)?|sign[- ]on|referral|relocation|tuition|discount|insurance|cover(?:age)?|per diem|differential)\b/i;
/** Where the words about this amount end: "£55,000 per annum + car allowance" adds an extra, it does not describe the amount. */
const EXTRA_ADDED = /\+|\bplus\b|\band\b|[,;(|]/i;

interface Amount {
  /** The currency the amount names itself; null for a bare "$" or none. */
  currency: string | null;
  /** Whether that currency was written as letters ("CAD", "Rs.") rather than a symbol. */
  currencyIsCode: boolean;
  saysDollar: boolean;
  value: number;
  multiplier: AmountMultiplier | null;
  saysLpa: boolean;
}

interface Candidate {
  salary: SalaryRange;
  score: number;
  start: number;
}

function currencyCode(written: string | undefined): string | null {
  if (!written) return null;
  const trimmed = written.trim();
  for (const [pattern, code] of CURRENCY_CODES) if (pattern.test(trimmed)) return code;
  return null;
}

function readAmount(written: string): Amount | null {
  const parts = AMOUNT_PARTS.exec(written.trim());
  if (!parts) return null;
  const codeAfter = currencyCode(parts[4]);
  const prefix = parts[1]?.trim();
  const currency = codeAfter ?? currencyCode(prefix);
  const value = parseDigits(parts[2], currency);
  if (value === null) return null;
  const suffix = parts[3]?.trim();
  return {
    currency,
    currencyIsCode: codeAfter !== null || (prefix !== undefined && IS_CODE.test(prefix)),
    saysDollar: prefix === '$',
    value,
    multiplier: multiplierOf(suffix),
    saysLpa: suffix?.toLowerCase() === 'lpa',
  };
}

function periodAfter(after: string): { period: PayPeriod | 'not_pay'; length: number } | null {
  for (const [pattern, period] of PERIOD_AFTER) {
    const found = pattern.exec(after);
    if (found) return { period, length: found[0].length };
  }
  return null;
}

function periodBefore(before: string): PayPeriod | null {
  for (const [pattern, period] of PERIOD_BEFORE) if (pattern.test(before)) return period;
  return null;
}

/** Period when the text names none: Indian multipliers and large figures are annual. */
function defaultPeriod(currency: string, value: number, multiplier: AmountMultiplier | null): PayPeriod {
  if (multiplier === 'lakh' || multiplier === 'crore') return 'annual';
  if (currency === 'INR') return value >= 100_000 ? 'annual' : 'monthly';
  if (value < 300) return 'hourly';
  if (value < 20_000) return 'monthly';
  return 'annual';
}

/** The currency of a range: a code on either amount, then a symbol, then the posting's dollar for a bare "$". */
function currencyOfAmounts(amounts: Array<Amount | null>, codeNearby: string | null, hints: CurrencyHints): string | null {
  const written = amounts.filter((amount): amount is Amount => amount !== null);
  return (
    written.find((amount) => amount.currencyIsCode)?.currency ??
    codeNearby ??
    written.find((amount) => amount.currency !== null)?.currency ??
    (written.some((amount) => amount.saysDollar) ? hints.dollar : null)
  );
}

function candidateAt(text: string, found: RegExpExecArray, hints: CurrencyHints): Candidate | null {
  const start = found.index;
  const firstWritten = found[1];
  const secondWritten = found[2];
  let first = readAmount(firstWritten);
  let second = secondWritten ? readAmount(secondWritten) : null;
  if (!first) return null;
  let end = start + found[0].length;

  const separator = secondWritten ? found[0].slice(firstWritten.length, found[0].length - secondWritten.length) : '';
  // "between $50k and $60k" is a range; "$50 and 20 years" is not.
  if (second && /and/i.test(separator) && !second.currency && !second.saysDollar) second = null;
  if (!second && secondWritten) end = start + firstWritten.length;
  if (second && !first.multiplier && second.multiplier) first = { ...first, multiplier: second.multiplier };

  const before = text.slice(Math.max(0, start - 60), start);
  const after = text.slice(end, end + 60);
  if (NOT_AN_AMOUNT_AFTER.test(after)) return null;
  // Retirement plans: "401(k)", "401k", "403(b)".
  if (/^40[13]\s?[kb]?$/i.test(firstWritten.trim()) && (/^\s?\(?[kb]\)?/i.test(after) || /[kb]$/i.test(firstWritten.trim()))) return null;

  // "CAD $85,000" or "85,000 rupees": a code just outside the amount.
  const codeNearby =
    currencyCode(/\b(inr|usd|cad|aud|sgd|nzd|hkd)\s*$/i.exec(before)?.[1]) ?? currencyCode(/^\s*(rupees?)\b/i.exec(after)?.[1]);
  const explicitCurrency = currencyOfAmounts([first, second], codeNearby, hints);
  const indianMultiplier = [first, second].some((a) => a?.multiplier === 'lakh' || a?.multiplier === 'crore');
  const payWordBefore = PAY_WORD_BEFORE.test(before);
  if (!explicitCurrency && !indianMultiplier && !payWordBefore) return null;
  // A lone "$2" or "$500,000" with no pay word, period or range is a price, a fine or a grant, not pay.
  const isRange = second !== null;
  if (!payWordBefore && !isRange && !indianMultiplier && !periodAfter(after)) return null;
  if (!explicitCurrency && !first.multiplier && !isRange && !periodAfter(after) && first.value < 1000) return null;
  const bareYear = !explicitCurrency && !first.multiplier && /^(?:19|20)\d\d$/.test(firstWritten.trim());
  if (bareYear) return null;

  const currency = explicitCurrency ?? (indianMultiplier ? 'INR' : hints.unmarked);
  const stated = periodAfter(after);
  if (stated?.period === 'not_pay') return null;

  const firstValue = applyMultiplier(first.value, first.multiplier);
  const secondValue = second ? applyMultiplier(second.value, second.multiplier) : null;
  if (firstValue <= 0 || (secondValue !== null && secondValue <= 0)) return null;

  let min: number | null = firstValue;
  let max: number | null = secondValue;
  if (min !== null && max !== null && min > max) [min, max] = [max, min];
  if (max === null && UP_TO_BEFORE.test(before)) [min, max] = [null, firstValue];

  const saysLpa = first.saysLpa || second?.saysLpa === true;
  const largest = max ?? min ?? 0;
  const period: PayPeriod =
    (stated?.period as PayPeriod | undefined) ??
    (saysLpa ? 'annual' : null) ??
    periodBefore(before) ??
    defaultPeriod(currency, largest, first.multiplier ?? second?.multiplier ?? null);
  const rawEnd = end + (stated?.length ?? 0);

  let score = 0;
  if (explicitCurrency) score += 2;
  if (indianMultiplier) score += 2;
  if (payWordBefore) score += /\b(?:salary|ctc|pay|compensation|stipend|package|remuneration|wages?)\b[^.\n]{0,20}$/i.test(before) ? 4 : 3;
  if (max !== null && min !== null) score += 2;
  if (stated) score += 1;
  if (FUNDING_CONTEXT.test(before.slice(-50)) || FUNDING_CONTEXT.test(after.slice(0, 40))) score -= 5;
  if (ALLOWANCE_CONTEXT.test(before.slice(-30)) || ALLOWANCE_CONTEXT.test(after.slice(0, 30).split(EXTRA_ADDED)[0])) score -= 4;
  if (FROM_BEFORE.test(before) && max === null) score += 1;
  if (!isPlausible(currency, period, largest)) return null;

  return { salary: { currency, min, max, period, raw: text.slice(start, rawEnd).trim() }, score, start };
}

/** Rejects figures no posting pays: an hourly rate of 50,000 or an annual salary of 12. */
function isPlausible(currency: string, period: PayPeriod, amount: number): boolean {
  const perYear = { annual: 1, monthly: 12, weekly: 52, daily: 250, hourly: 2000 }[period];
  const annual = amount * perYear;
  if (currency === 'INR') return annual >= 10_000 && annual <= 200_000_000;
  return annual >= 1_000 && annual <= 20_000_000;
}

/** The best pay statement in the text, or null when it states none. */
export function parseSalary(text: string, hints: CurrencyHints = currencyHintsOf({ text })): SalaryRange | null {
  let best: Candidate | null = null;
  MENTION.lastIndex = 0;
  for (let found = MENTION.exec(text); found; found = MENTION.exec(text)) {
    const candidate = candidateAt(text, found, hints);
    if (candidate && candidate.score >= 2 && (!best || candidate.score > best.score)) best = candidate;
  }
  return best?.salary ?? null;
}
