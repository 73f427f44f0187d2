import type { Seniority } from '../parsed-jd';

/**
 * Seniority from a title. When a title carries several markers the highest wins ("Senior Director" →
 * head, "Senior Associate" → senior), except that a lower marker that qualifies a manager-level noun
 * keeps it ("Associate Director" → head by "director").
 */

const RANK: Seniority[] = ['intern', 'junior', 'mid', 'senior', 'lead', 'principal', 'head'];

const TITLE_MARKERS: Array<[RegExp, Seniority]> = [
  [/\b(?:intern(?:ship)?|trainee|apprentice)\b/i, 'intern'],
  [
    /\b(?:junior|jr\.?|entry[- ]level|fresher|graduate engineer|associate(?! (?:director|vice president|vp|partner|principal|professor)))\b/i,
    'junior',
  ],
  [/\b(?:SDE|Engineer|Developer|Analyst|Level|L)[- ]?(?:I|1)\b(?![-\d])/, 'junior'],
  [/\b(?:sde|level|l)[- ]?1\b/i, 'junior'],
  [/\b(?:mid[- ]?level|mid[- ]senior|intermediate)\b/i, 'mid'],
  [/\bII\b|\b(?:sde|engineer|developer|analyst|level|l)[- ]?2\b(?![-\d])/i, 'mid'],
  [/\b(?:senior|sr\.?|snr)(?=[\s.,/-]|$)|\bIII\b|\b(?:sde|engineer|developer|analyst|level|l)[- ]?3\b(?![-\d])/i, 'senior'],
  [/\b(?:lead|team lead|tech(?:nical)? lead|leader)\b(?! generation)|\blead\b(?=\s*[,/-]|$)/i, 'lead'],
  [
    /\b(?:principal|distinguished|fellow|architect|staff (?=engineer|software|data|scientist|developer|designer|product|ml|machine|research|security|site|backend|frontend|full|mobile|applied|analyst|platform|infrastructure))/i,
    'principal',
  ],
  [/\b(?:head|director|vp|vice president|chief|cto|ceo|cfo|coo|cio|ciso|cmo|cpo|president)\b/i, 'head'],
];

/** Highest seniority named in a title, or null. */
export function seniorityOfTitle(title: string): Seniority | null {
  let best: Seniority | null = null;
  for (const [pattern, seniority] of TITLE_MARKERS) {
    if (pattern.test(title) && (best === null || RANK.indexOf(seniority) > RANK.indexOf(best))) best = seniority;
  }
  return best;
}

const TEXT_MARKERS: Array<[RegExp, Seniority]> = [
  [/\b(?:internship|interns?\b|trainee)/i, 'intern'],
  [/\b(?:entry[- ]level|freshers?|fresh graduates?|junior[- ]level|early[- ]career)\b/i, 'junior'],
  [/\bmid[- ]level\b/i, 'mid'],
  [/\bsenior[- ]level\b/i, 'senior'],
  [/\b(?:director[- ]level|executive[- ]level|leadership role)\b/i, 'head'],
];

/** Seniority from explicit level phrases in the body ("entry-level", "freshers"), used when the title says none. */
export function seniorityOfText(text: string): Seniority | null {
  for (const [pattern, seniority] of TEXT_MARKERS) if (pattern.test(text)) return seniority;
  return null;
}

/** Last resort: the minimum years asked for. 0-1 → junior, 2-4 → mid, 5+ → senior. */
export function seniorityOfYears(minimumYears: number | null): Seniority | null {
  if (minimumYears === null) return null;
  if (minimumYears < 2) return 'junior';
  if (minimumYears < 5) return 'mid';
  return 'senior';
}

export function detectSeniority(input: { title: string | null; text: string; minimumYears: number | null }): Seniority | null {
  return (input.title ? seniorityOfTitle(input.title) : null) ?? seniorityOfText(input.text) ?? seniorityOfYears(input.minimumYears);
}
