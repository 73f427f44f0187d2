import type { EmploymentType } from '../parsed-jd';

/**
 * Employment type. A labelled field ("Job Type: Contract", "Employment Type: Full Time") wins, then an
 * intern title, then the earliest mention in the text ("contract-to-hire"/"C2H" is a contract).
 */

const TYPES: Array<[RegExp, EmploymentType]> = [
  [/\b(?:full[- ]?time|permanent|regular full)\b/i, 'full_time'],
  [/\bpart[- ]?time\b/i, 'part_time'],
  [
    /\b(?:contract(?:ual)?(?:[- ]to[- ]hire| basis| role| position| job| employee| assignment)?|c2h|fixed[- ]term|contractor)\b/i,
    'contract',
  ],
  [/\b(?:internship|intern\b)/i, 'internship'],
  [/\b(?:temporary|temp (?:role|position|job)|seasonal)\b/i, 'temporary'],
  [/\b(?:freelanc\w*|independent contractor|gig (?:role|work|basis))\b/i, 'freelance'],
];

const LABEL =
  /\b(?:job type|employment type|employment|type of employment|contract type|position type|engagement|job category|work type)\s*[:\-–]\s*([^\n;|]{2,60})/i;

function earliestType(text: string): EmploymentType | null {
  let best: { type: EmploymentType; index: number } | null = null;
  for (const [pattern, type] of TYPES) {
    const found = pattern.exec(text);
    if (found && (best === null || found.index < best.index)) best = { type, index: found.index };
  }
  return best?.type ?? null;
}

export function detectEmploymentType(text: string, title?: string | null): EmploymentType | null {
  const labelled = LABEL.exec(text);
  if (labelled) {
    const fromLabel = earliestType(labelled[1]);
    if (fromLabel) return fromLabel;
  }
  if (title && /\b(?:intern|internship)\b/i.test(title)) return 'internship';
  if (title) {
    const fromTitle = earliestType(title);
    if (fromTitle && fromTitle !== 'full_time') return fromTitle;
  }
  // Contract postings often also say "full-time hours"; contract-to-hire is explicit enough to win.
  if (/\b(?:c2h|contract[- ]to[- ]hire)\b/i.test(text)) return 'contract';
  return earliestType(text);
}
