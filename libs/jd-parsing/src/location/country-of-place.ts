import { CANADIAN_PROVINCE_CODE_PATTERN, INDIAN_CITIES, INDIAN_STATES, US_STATE_CODE_PATTERN } from './places';

/**
 * The country a place name points to, for the countries whose postings this parser tells apart by
 * currency. Only names that are unambiguous enough to settle a currency are listed ("London" is
 * British even though Ontario has one; "Victoria" and "Newcastle" are left out).
 */

export type CountryCode = 'IN' | 'US' | 'CA' | 'AU' | 'NZ' | 'SG' | 'HK' | 'GB' | 'EU';

const PLACES_BY_COUNTRY: Array<[CountryCode, string[]]> = [
  [
    'CA',
    [
      'Canada',
      'Toronto',
      'Vancouver',
      'Montreal',
      'Montréal',
      'Calgary',
      'Ottawa',
      'Edmonton',
      'Winnipeg',
      'Mississauga',
      'Halifax',
      'Saskatoon',
      'Regina',
      'Quebec City',
      'Brampton',
      'Markham',
      'Burnaby',
      'Kelowna',
      'Prince George',
      'Kitchener',
      'Ontario',
      'Quebec',
      'Québec',
      'British Columbia',
      'Alberta',
      'Saskatchewan',
      'Manitoba',
      'Nova Scotia',
      'New Brunswick',
      'Newfoundland',
    ],
  ],
  [
    'AU',
    [
      'Australia',
      'Sydney',
      'Melbourne',
      'Brisbane',
      'Perth',
      'Adelaide',
      'Canberra',
      'Hobart',
      'Gold Coast',
      'Parramatta',
      'Geelong',
      'Wollongong',
      'New South Wales',
      'NSW',
      'Queensland',
      'QLD',
      'VIC',
      'Tasmania',
      'Western Australia',
      'South Australia',
    ],
  ],
  ['NZ', ['New Zealand', 'Auckland', 'Wellington', 'Christchurch']],
  ['SG', ['Singapore']],
  ['HK', ['Hong Kong', 'Kowloon']],
  [
    'US',
    [
      'United States',
      'USA',
      'US',
      'U.S.',
      'New York',
      'San Francisco',
      'Seattle',
      'Boston',
      'Chicago',
      'Los Angeles',
      'Atlanta',
      'Houston',
      'Mountain View',
      'Sunnyvale',
      'Palo Alto',
    ],
  ],
  ['GB', ['United Kingdom', 'UK', 'England', 'Scotland', 'Wales', 'London', 'Manchester', 'Birmingham', 'Leeds', 'Edinburgh', 'Glasgow']],
  [
    'EU',
    ['Germany', 'France', 'Netherlands', 'Ireland', 'Spain', 'Berlin', 'Munich', 'Paris', 'Amsterdam', 'Dublin', 'Madrid', 'Barcelona'],
  ],
  ['IN', ['India', ...INDIAN_CITIES, ...INDIAN_STATES]],
];

const escape = (name: string): string => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One pass over the text finds the earliest place: a "City, XX" province or state code, or a name of
 * the lists above, each country in its own named group. Case-sensitive so that "perth" or "vic" in
 * prose do not count; (?!\w) rather than \b because "U.S." ends in a dot.
 */
const ANY_PLACE = new RegExp(
  [
    String.raw`[A-Z][a-z]+, (?:(?<CA_CODE>${CANADIAN_PROVINCE_CODE_PATTERN})|(?<US_CODE>${US_STATE_CODE_PATTERN}))(?!\w)`,
    ...PLACES_BY_COUNTRY.map(
      ([country, names]) =>
        String.raw`(?<![\w.])(?<${country}>${[...names]
          .sort((a, b) => b.length - a.length)
          .map(escape)
          .join('|')})(?!\w)`,
    ),
  ].join('|'),
);

/** The country of the earliest recognised place in `text` ("Saskatoon, SK", "Parramatta NSW", "Singapore"), or null. */
export function countryOfPlace(text: string): CountryCode | null {
  const groups = ANY_PLACE.exec(text)?.groups;
  if (!groups) return null;
  if (groups.CA_CODE) return 'CA';
  if (groups.US_CODE) return 'US';
  return PLACES_BY_COUNTRY.find(([country]) => groups[country] !== undefined)?.[0] ?? null;
}
