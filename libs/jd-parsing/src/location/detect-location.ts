import { CANADIAN_PROVINCE_CODE_PATTERN, KNOWN_PLACE_PATTERN, US_STATE_CODE_PATTERN } from './places';

/**
 * The job's location as written: a labelled field ("Location: Bengaluru, Karnataka"), a "based in"
 * phrase, a "City, ST" pair, or the first well-known place. Work-mode words in parentheses are dropped
 * ("Pune (Hybrid)" → "Pune"); a bare "Remote" is a work mode, not a location.
 */

const PLACE = new RegExp(String.raw`\b(?:${KNOWN_PLACE_PATTERN})\b`);
const LABELLED =
  /(?:^|\n|[.;|•]\s*|\s{2,})\s*(?:[*_#-]+\s*)?(?:job |work |office |campus |primary |preferred )?locations?\s*(?:\(s\))?\s*[:\-–]\s*([^\n|;]{2,80})/i;
const BASED_IN =
  /\b(?:based (?:in|out of|at)|located (?:in|at)|work(?:ing)? (?:from|out of) our (?:[a-z]+ )?office in|office in|relocate to|position is in|role is in)\s+([A-Z][A-Za-z.\- ]+(?:,\s*[A-Z][A-Za-z.\- ]+)?)/;
const CITY_STATE = new RegExp(
  String.raw`\b([A-Z][a-z]+(?: [A-Z][a-z]+){0,2}), (${US_STATE_CODE_PATTERN}|${CANADIAN_PROVINCE_CODE_PATTERN})\b(?!\w)`,
);
const NOT_A_PLACE = /^(?:this|the|our|any|all|flexible|multiple|various|tbd|n\/a|na|not|see|candidates?|you|we)\b/i;
const WORK_MODE_ONLY = /^(?:remote|hybrid|on[- ]?site|in[- ]office|work from home|wfh|anywhere|multiple locations|pan india)$/i;

export function cleanLocation(written: string): string | null {
  const cleaned = written
    .replace(/\((?:hybrid|remote|on[- ]?site|onsite|in[- ]office|wfh|work from home|wfo)[^)]*\)/gi, '')
    .replace(/\b(?:jobs in)\b/gi, '')
    .replace(/\s*[-–|]\s*(?:hybrid|remote|on[- ]?site|onsite)\b.*$/i, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,:;.\-–]+|[\s,:;.\-–]+$/g, '')
    .trim();
  if (cleaned.length < 2 || WORK_MODE_ONLY.test(cleaned)) return null;
  return cleaned;
}

function trimPhrase(phrase: string): string {
  // Stop at the first sentence break or at words that start a new thought.
  return phrase.split(/\.\s|\s(?:and|with|for|to|where|who|which|is|are|we|our)\s|\s{2,}/)[0];
}

export function detectLocation(text: string, givenLocation?: string | null): string | null {
  const given = givenLocation ? cleanLocation(givenLocation) : null;
  if (given) return given;
  const labelled = LABELLED.exec(text);
  if (labelled) {
    const value = cleanLocation(trimPhrase(labelled[1]).replace(/^(?:remote|hybrid|on[- ]?site)\s*[-–:,]\s*/i, ''));
    // A labelled value is a place name, not a sentence about where the work happens.
    if (value && /^[A-Z]/.test(value) && value.split(/\s+/).length <= 6 && !NOT_A_PLACE.test(value)) return value;
  }
  const basedIn = BASED_IN.exec(text);
  if (basedIn && (PLACE.test(basedIn[1]) || CITY_STATE.test(basedIn[1]))) {
    const value = cleanLocation(trimPhrase(basedIn[1]));
    if (value) return value;
  }
  const cityState = CITY_STATE.exec(text);
  if (cityState) return `${cityState[1]}, ${cityState[2]}`;
  const place = PLACE.exec(text);
  if (!place) return null;
  // Keep a following region: "Pune, Maharashtra", "Bengaluru, Karnataka, India".
  const tail = /^(?:,\s*[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?){0,2}/.exec(text.slice(place.index + place[0].length))?.[0] ?? '';
  const withRegion = `${place[0]}${tail}`
    .split(',')
    .filter((part, i) => i === 0 || PLACE.test(part))
    .join(',');
  return cleanLocation(withRegion);
}
