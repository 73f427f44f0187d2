/**
 * Title normalisation: the posting title and every role alias go through the same function, so a title
 * matches an alias when both reduce to the same words. Seniority is recorded elsewhere and is not part of a role.
 */

// Whole phrases that only say "the lead of a team": nothing of the role is left once they are removed.
const SENIORITY_PHRASES = [
  'team lead',
  'team leader',
  'tech lead',
  'technical lead',
  'head of',
  'entry level',
  'mid level',
  'mid senior',
  'vice president',
];
const SENIORITY_WORDS = new Set([
  'senior',
  'sr',
  'snr',
  'junior',
  'jr',
  'jnr',
  'lead',
  'principal',
  'staff',
  'head',
  'intern',
  'internship',
  'trainee',
  'apprentice',
  'fresher',
  'freshers',
  'graduate',
  'experienced',
  'chief',
  'vp',
  'avp',
  'i',
  'ii',
  'iii',
  'iv',
  'v',
]);
// "lead generation" and "lead nurse"-style compounds where "lead" is part of the job, not a level.
const LEAD_AS_NOUN_FOLLOWERS = new Set(['generation', 'gen']);
// A bare number or a prefixed level ("L3", "SDE2"); "3D" in "3D Animator" names the job, not a level.
const LEVEL_CODE = /^(?:(?:l|level|grade|band|ic|p|e|sde|swe)\d+[a-z]?|\d+)$/;
const LEVEL_WORDS = new Set(['level', 'grade', 'band']);

/**
 * Lowercase, strip seniority words and level codes, a location after " - " / " | " / ",", brackets,
 * punctuation, and plural endings: "Sr. Backend Developers (Remote) - Pune" → "backend developer".
 */
export function normaliseTitle(title: string): string {
  const withoutBrackets = title.toLowerCase().replace(/[([{][^)\]}]*[)\]}]/g, ' ');
  // A dash or bar with spaces around it, or a comma, starts a location/team qualifier; "Intern - Marketing"
  // keeps the first part that still names a job once seniority is gone.
  const segments = withoutBrackets.split(/\s[-–—|]\s|\s\|\s?|,|\s@\s|\sat\s/);
  for (const segment of segments) {
    const normalised = normaliseSegment(segment);
    if (normalised) return normalised;
  }
  return '';
}

function normaliseSegment(segment: string): string {
  let text = ` ${segment.replace(/[^a-z0-9+#]+/g, ' ')} `;
  for (const phrase of SENIORITY_PHRASES) text = text.split(` ${phrase} `).join(' ');
  const words = text.split(' ').filter((word) => word.length > 0);
  const kept = words.filter((word, index) => {
    if (word === 'lead' && LEAD_AS_NOUN_FOLLOWERS.has(words[index + 1] ?? '')) return true;
    if (SENIORITY_WORDS.has(word) || LEVEL_WORDS.has(word) || LEVEL_CODE.test(word)) return false;
    // "Associate Product Manager" is a level; "Clinical Research Associate" is the job itself.
    if (word === 'associate' && index === 0 && words.length > 1) return false;
    return true;
  });
  return kept.map(singular).join(' ');
}

// Words that end in "s" without being plurals of a job noun.
const NOT_PLURAL = new Set(['sales', 'operations', 'relations', 'affairs', 'news']);

/** Words whose final "s" is not a plural; everything else of 4+ letters loses it ("developers", "sales"). */
function singular(word: string): string {
  if (word.length < 4 || !word.endsWith('s') || NOT_PLURAL.has(word) || /(?:ss|us|is|ics|ops)$/.test(word)) return word;
  if (word.endsWith('ies')) return word.slice(0, -3) + 'y';
  return word.slice(0, -1);
}

/** The title for display in a NEW-role proposal: seniority and qualifiers removed, words capitalised as written. */
export function cleanDisplayTitle(title: string): string {
  const normalised = normaliseTitle(title);
  if (!normalised) return '';
  const original = new Map(
    (title.match(/[A-Za-z0-9+#.]+/g) ?? []).map((word) => [word.toLowerCase().replace(/\.$/, ''), word.replace(/\.$/, '')]),
  );
  return normalised
    .split(' ')
    .map((word) => {
      const written = original.get(word) ?? original.get(word + 's');
      if (written && written !== written.toLowerCase()) return written.length > word.length ? written.slice(0, word.length) : written;
      return word.charAt(0).toUpperCase() + word.slice(1);
    })
    .join(' ');
}
