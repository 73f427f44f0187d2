import { lightStem } from '../text/light-stem';
import { normaliseTitle } from './normalise-title';

/**
 * Short forms job titles use for whole words. Expanded before stemming so "Sr. Mktg Mgr" and "marketing manager"
 * reach the same terms; a value with a space expands to several words ("hr" → "human resources").
 */
const TITLE_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['mgr', 'manager'],
  ['mngr', 'manager'],
  ['mgmt', 'management'],
  ['eng', 'engineer'],
  ['engr', 'engineer'],
  ['dev', 'developer'],
  ['devs', 'developer'],
  ['admin', 'administrator'],
  ['asst', 'assistant'],
  ['exec', 'executive'],
  ['execs', 'executive'],
  ['rep', 'representative'],
  ['reps', 'representative'],
  ['acct', 'accountant'],
  ['accts', 'accounts'],
  ['hr', 'human resources'],
  ['it', 'ict'],
  ['tech', 'technician'],
  ['techs', 'technician'],
  ['sw', 'software'],
  ['qa', 'quality assurance'],
  ['coord', 'coordinator'],
  ['supv', 'supervisor'],
  ['mktg', 'marketing'],
  ['mkt', 'marketing'],
  ['ops', 'operations'],
  ['svc', 'service'],
  ['cust', 'customer'],
  ['dept', 'department'],
  ['spec', 'specialist'],
  ['assoc', 'associate'],
  ['mech', 'mechanical'],
  ['elec', 'electrical'],
  ['maint', 'maintenance'],
  ['prog', 'programmer'],
  ['ceo', 'chief executive officer'],
  ['cfo', 'chief financial officer'],
  ['cto', 'chief technology officer'],
]);

/** Words that carry nothing of a job: connectors and the odd filler of vacancy titles ("cum", "w/"). */
const TITLE_FILLER = new Set(['a', 'an', 'and', 'of', 'for', 'the', 'in', 'on', 'to', 'with', 'w', 'cum', 'or', 'at', 'by', 'from']);

/** Words of a title lower-cased and split the way `normaliseTitle` splits them, before any removal. */
export function rawTitleWords(title: string): string[] {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9+#]+/g, ' ')
    .split(' ')
    .filter((word) => word.length > 0);
}

/** Abbreviations expanded, filler removed, every word light-stemmed; order kept, duplicates removed. */
export function termsOfWords(words: readonly string[]): string[] {
  const terms: string[] = [];
  for (const word of words) {
    for (const expanded of (TITLE_ABBREVIATIONS.get(word) ?? word).split(' ')) {
      if (TITLE_FILLER.has(expanded) || /^\d+$/.test(expanded)) continue;
      const term = lightStem(expanded);
      if (!terms.includes(term)) terms.push(term);
    }
  }
  return terms;
}

/**
 * The terms a title is matched on: those of its normalised form (seniority, levels, brackets and a trailing
 * location gone), or, when normalising leaves nothing ("Intern", "Head"), of the raw words.
 */
export function titleTerms(title: string): string[] {
  const normalised = normaliseTitle(title);
  const fromNormalised = termsOfWords(normalised.split(' ').filter((word) => word.length > 0));
  return fromNormalised.length > 0 ? fromNormalised : termsOfWords(rawTitleWords(title));
}

/**
 * Each reading of a vacancy title that could name the job, the normalised title first, then all its words
 * (seniority included), then its parts: "Contract - Marketing Assistant" is read as "contract" and as
 * "marketing assistant", and the index keeps whichever matches better.
 */
export function titleReadings(title: string, maxReadings = 4): string[][] {
  const parts = title.split(/\s[-–—|/]\s?|\s?[-–—|/]\s|\s\|\s?|,|\s@\s|\scum\s|\s&\s|\sand\s/i);
  // The whole title with its separators read as spaces: "Developer, Web" is a web developer.
  const readings = [titleTerms(title), termsOfWords(rawTitleWords(title.replace(/[([{][^)\]}]*[)\]}]/g, ' ')))];
  for (const part of parts) readings.push(titleTerms(part));
  const distinct: string[][] = [];
  for (const reading of readings) {
    if (reading.length > 0 && !distinct.some((kept) => kept.join(' ') === reading.join(' '))) distinct.push(reading);
  }
  return distinct.slice(0, maxReadings);
}

/**
 * The terms of a library label: all its words, rank words included. A title is stripped of seniority because
 * vacancies add it freely, but a label's rank is part of the occupation: "head of marketing" (an alias of the
 * chief marketing officer) must not become "marketing" and claim every marketing title. A comma there
 * qualifies the job ("supervisor, highways") instead of starting a location, so the whole label counts.
 */
export function labelTerms(label: string): string[] {
  return termsOfWords(rawTitleWords(label));
}
