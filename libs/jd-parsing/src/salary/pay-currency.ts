import { type CountryCode, countryOfPlace } from '../location/country-of-place';

/**
 * Which currency a pay figure is in when the figure itself does not settle it. An explicit code next
 * to the amount ("CAD 85,000", "$115,000 CAD") or a prefixed symbol ("S$", "A$", "₹", "£") is read by
 * the salary parser itself; these hints cover the rest: a bare "$" and a figure with no currency.
 */
export interface CurrencyHints {
  /** Currency of a figure written with no currency at all ("salary 25k/month"). */
  unmarked: string;
  /** Currency of a figure written with a bare "$". */
  dollar: string;
}

export interface PostingPlace {
  /** The whole posting text. */
  text: string;
  /** The job's location, given or detected, when known. */
  location?: string | null;
}

const CURRENCY_OF_COUNTRY: Record<CountryCode, string> = {
  CA: 'CAD',
  AU: 'AUD',
  NZ: 'NZD',
  SG: 'SGD',
  HK: 'HKD',
  US: 'USD',
  IN: 'INR',
  GB: 'GBP',
  EU: 'EUR',
};
const DOLLAR_COUNTRIES: ReadonlySet<CountryCode> = new Set(['CA', 'AU', 'NZ', 'SG', 'HK', 'US']);

/** Benefits only one country has: "+ super" (Australian superannuation), RRSP, KiwiSaver, MPF, CPF. */
const COUNTRY_BENEFITS: Array<[RegExp, CountryCode]> = [
  [/(?:\+|\bplus)\s*super\b|\bsuperannuation\b|\bsuper contributions?\b/i, 'AU'],
  [/\b(?:RRSP|TFSA|DPSP)\b/, 'CA'],
  [/\bKiwiSaver\b/i, 'NZ'],
  [/\bMPF\b/, 'HK'],
  [/\bCPF\b|\bEmployment Pass\b/, 'SG'],
];

function countryOfBenefits(text: string): CountryCode | null {
  for (const [pattern, country] of COUNTRY_BENEFITS) if (pattern.test(text)) return country;
  return null;
}

/** A currency the text names in words or symbols other than "$" (₹, lakh, CTC, £, €), or null. */
function currencyNamedIn(text: string): string | null {
  if (/₹|\brs\.?\s?\d|\binr\b|\blakhs?\b|\blacs?\b|\blpa\b|\bctc\b|\bcrores?\b/i.test(text)) return 'INR';
  if (/£|\bgbp\b/i.test(text)) return 'GBP';
  if (/€|\beur\b/i.test(text)) return 'EUR';
  return null;
}

/**
 * A bare "$" is the dollar of the posting's country: the country of its location, else of a
 * country-only benefit, else of the first place the text names; USD when that country has no dollar. A figure with no currency follows the
 * currency the text names (₹, lakh, £, €), then the location's country, then any "$" in the text,
 * and is rupees when nothing hints otherwise (most postings this parser sees are Indian).
 */
export function currencyHintsOf({ text, location }: PostingPlace): CurrencyHints {
  const locationCountry = location ? countryOfPlace(location) : null;
  const country = locationCountry ?? countryOfBenefits(text) ?? countryOfPlace(text);
  const dollar = country && DOLLAR_COUNTRIES.has(country) ? CURRENCY_OF_COUNTRY[country] : 'USD';
  const unmarked =
    currencyNamedIn(text) ?? (locationCountry ? CURRENCY_OF_COUNTRY[locationCountry] : null) ?? (/\$|\busd\b/i.test(text) ? dollar : 'INR');
  return { unmarked, dollar };
}
