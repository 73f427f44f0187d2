import type { SectionKind } from '../parsed-jd';

/**
 * Heading vocabulary. `inline` headings are also recognised inside a line, which is how scraped
 * postings arrive when their line breaks were lost ("... code reviews Qualifications Bachelor's ...");
 * the rest are too common as ordinary words ("Skills", "Experience") to trust outside their own line.
 */
interface HeadingPhrase {
  pattern: string;
  kind: SectionKind;
  inline: boolean;
}

const APOS = `['’]?`;
const AND = String.raw`(?:and|&)`;

const HEADING_PHRASES: HeadingPhrase[] = [
  // responsibilities
  {
    pattern: String.raw`(?:key |main |primary |core |major |principal |job |position |your )?(?:roles? ${AND} |duties ${AND} )?responsibilit(?:y|ies)(?: ${AND} duties)?`,
    kind: 'responsibilities',
    inline: true,
  },
  { pattern: String.raw`what you${APOS}(?:ll| will) (?:be )?do(?:ing)?`, kind: 'responsibilities', inline: true },
  {
    pattern: String.raw`(?:key |essential |main )?(?:job )?duties(?: ${AND} (?:responsibilities|functions))?`,
    kind: 'responsibilities',
    inline: true,
  },
  {
    pattern: String.raw`essential functions|key result areas|kras?|day[- ]to[- ]day|a day in the life|what the job involves|your impact|your mission`,
    kind: 'responsibilities',
    inline: false,
  },
  {
    pattern: String.raw`job description|role description|job summary|position summary|role summary|job purpose|job profile|about the role|the role|your role|role overview|the opportunity|position overview|job overview`,
    kind: 'responsibilities',
    inline: true,
  },
  { pattern: String.raw`in this role(?:,? you will)?|as an? [a-z ]{3,30}, you will`, kind: 'responsibilities', inline: false },
  // nice to have (before requirements so "preferred qualifications" is not read as qualifications)
  {
    pattern: String.raw`(?:nice|good)[- ]to[- ]haves?(?: skills)?|preferred (?:qualifications?|skills|experience|requirements)(?: ${AND} experience)?|bonus points|desirable(?: skills| qualifications)?|extra credit|pluses|brownie points`,
    kind: 'nice_to_have',
    inline: true,
  },
  {
    pattern: String.raw`preferred|bonus|nice to haves?|it would be great if you have|additional (?:preferred )?qualifications`,
    kind: 'nice_to_have',
    inline: false,
  },
  // requirements
  {
    pattern: String.raw`(?:job |key |minimum |basic |essential |mandatory |required |technical )?(?:requirements|qualifications?)(?: ${AND} (?:qualifications|requirements|experience|skills))?`,
    kind: 'requirements',
    inline: true,
  },
  {
    pattern: String.raw`must[- ]haves?(?: skills)?|(?:key |required |technical |mandatory |primary )skills(?: ${AND} (?:experience|qualifications))?|skills required|skill ?set required|who you are|what you${APOS}(?:ll| will) (?:need|bring)|what you bring|what we${APOS}(?:re| are) looking for|who we${APOS}(?:re| are) looking for|(?:desired|preferred) candidate profile|desired profile|candidate profile|eligibility(?: criteria)?|about you|your profile|the ideal candidate|ideal candidate profile|skills ${AND} experience(?: requirements)?|skills ${AND} qualifications`,
    kind: 'requirements',
    inline: true,
  },
  {
    pattern: String.raw`skills|skill ?set|experience|education(?: ${AND} experience)?|experience ${AND} (?:skills|qualifications|education)|competencies|knowledge,? skills,? ${AND} abilities|you have|you should have|what you need|ideal candidate|your skills|technical expertise|tech stack`,
    kind: 'requirements',
    inline: false,
  },
  // benefits
  {
    pattern: String.raw`(?:employee )?benefits(?: ${AND} perks)?|perks(?: ${AND} benefits)?|what we offer|what${APOS}s in it for you|why join us|why work (?:with|for|at) us|benefits ${AND} compensation|compensation ${AND} benefits|total rewards`,
    kind: 'benefits',
    inline: true,
  },
  {
    pattern: String.raw`we offer|our offer|compensation|salary(?: ${AND} benefits)?|pay|rewards|what you${APOS}ll get|what you get|perks ${AND} culture`,
    kind: 'benefits',
    inline: false,
  },
  // company
  {
    pattern: String.raw`about us|about the (?:company|organi[sz]ation|employer|team|client)|who we are|company (?:overview|profile|description)|our (?:company|story|mission|culture|values)`,
    kind: 'company',
    inline: true,
  },
  { pattern: String.raw`about the business|life at [a-z]+|our team`, kind: 'company', inline: false },
  // other blocks worth separating so their sentences do not pollute the ones above
  {
    pattern: String.raw`about the job|how to apply|application process|additional information|equal (?:employment )?opportunity(?: employer| statement)?|eeo statement|schedule|location|work location|job type|note`,
    kind: 'other',
    inline: false,
  },
];

const FULL_HEADING = HEADING_PHRASES.map((phrase) => ({ ...phrase, regex: new RegExp(`^(?:${phrase.pattern})$`, 'i') }));
const INLINE_HEADING = new RegExp(
  String.raw`(?<![A-Za-z’'])(?:${HEADING_PHRASES.filter((p) => p.inline)
    .map((p) => p.pattern)
    .join('|')})(?![A-Za-z’'])`,
  'gi',
);

/** Strips markdown, bullets and the trailing colon from a would-be heading line. */
export function cleanHeading(line: string): string {
  return line
    .trim()
    .replace(/^#{1,6}\s*/, '')
    .replace(/^[*_]{1,3}|[*_]{1,3}$/g, '')
    .replace(/^[*_]{1,3}|[*_]{1,3}$/g, '')
    .replace(/\s*[:：\-–—]+\s*$/, '')
    .replace(/^[*_]{1,3}|[*_]{1,3}$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Kind of a known heading phrase, or null when the text is not one. */
export function knownHeadingKind(heading: string): SectionKind | null {
  const cleaned = cleanHeading(heading);
  for (const phrase of FULL_HEADING) if (phrase.regex.test(cleaned)) return phrase.kind;
  return null;
}

/** Kind of any heading, by its words when it is not a known phrase ("Your Skills & Background"). */
export function classifyHeading(heading: string): SectionKind {
  const known = knownHeadingKind(heading);
  if (known) return known;
  const words = cleanHeading(heading).toLowerCase();
  if (/\b(?:nice|good) to have|\bpreferred\b|\bbonus\b|\bplus(?:es)?\b|\bdesirable\b/.test(words)) return 'nice_to_have';
  if (/responsib|duties|what you.?ll do|\brole\b|\bmission\b|\bday to day\b/.test(words)) return 'responsibilities';
  if (/requir|qualif|skill|experience|eligib|profile|must|background|education|looking for|expertise|competenc/.test(words))
    return 'requirements';
  if (/benefit|perk|offer|compensation|salary|\bpay\b|reward|in it for you/.test(words)) return 'benefits';
  if (/\babout\b|who we are|company|culture|\bvalues\b|\bstory\b/.test(words)) return 'company';
  return 'other';
}

export interface InlineHeadingMatch {
  start: number;
  end: number;
  text: string;
}

/** Known headings inside a line of text, with offsets relative to the line. */
export function inlineHeadingsIn(line: string): InlineHeadingMatch[] {
  const matches: InlineHeadingMatch[] = [];
  INLINE_HEADING.lastIndex = 0;
  for (let found = INLINE_HEADING.exec(line); found; found = INLINE_HEADING.exec(line)) {
    matches.push({ start: found.index, end: found.index + found[0].length, text: found[0] });
  }
  return matches;
}
