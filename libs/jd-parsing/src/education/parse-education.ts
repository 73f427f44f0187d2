import type { EducationLevel, EducationRequirement, Requirement } from '../parsed-jd';

/**
 * Degree requirements, read sentence by sentence so that "A bachelor's degree ... is required. A
 * master's degree is preferred." yields one required and one preferred level. Short uppercase
 * abbreviations (BE, MS, BA) count only in degree context ("BE/B.Tech", "MS in"), never as words.
 */

export interface EducationSource {
  text: string;
  requirement: Requirement;
}

const DEGREE_PATTERNS: Array<[RegExp, EducationLevel]> = [
  [
    /\b(?:ph\.?\s?d\.?|doctorate|doctoral degree|d\.?phil|doctor of (?:physical therapy|pharmacy|medicine|nursing practice|education|psychology|osteopathic medicine|occupational therapy|audiology|chiropractic)|pharm\.?\s?d\.?|ed\.d\.?|psy\.?d\.?)(?![a-z])/gi,
    'doctorate',
  ],
  // Uppercase only: "DPT" and "DNP" are degrees, never words.
  [/\b(?:DPT|DNP|OTD|EdD|PsyD|PharmD|AuD)\b(?! programs?\b)/g, 'doctorate'],
  [/\b(?:mba|pgdm|pgdbm|pgpm|post[- ]?graduate diploma in (?:business )?management|master of business administration)\b/gi, 'mba'],
  [
    /\b(?:master['’]?s?(?: degree| of [A-Z][a-z]+)?|m\.\s?tech|mtech|m\.e\.|m\.sc\.?|msc|mca|m\.com|mcom|m\.s\.|m\.a\.|post[- ]?graduat(?:e|ion)(?: degree)?|graduate degree|advanced degree)(?![a-z])/gi,
    'master',
  ],
  [/\b(?:MS|MA|ME)(?=\s*(?:\/|in\b|degree\b|,\s*(?:PhD|Ph\.D)|\())/g, 'master'],
  // Uppercase only, so that "mph" stays a speed and "med" a medicine.
  [/\b(?:MSW|MSN|MPH|MFA|MPA|MHA|MEd|M\.Ed\.?|MPhil|M\.Phil\.?|MPT|MOT|MArch|LLM(?= in| from| degree))(?![A-Za-z])/g, 'master'],
  [
    /\b(?:bachelor['’]?s?(?: degree| of [A-Z][a-z]+)?|b\.\s?tech|btech|b\.e\.?(?![a-z])|b\.sc\.?|bsc|bscn|bsn|bca|bba|b\.com|bcom|b\.s\.|b\.a\.|undergraduate degree|graduat(?:e|ion) in|any graduate|4[- ]year (?:college )?degree|college degree|university degree|tertiary (?:qualification|degree|education)s?)(?![a-z])/gi,
    'bachelor',
  ],
  [/\b(?:BE|BS|BA)(?=\s*(?:\/|in\b|degree\b|\())/g, 'bachelor'],
  [/(?<=\/\s?)(?:BE|BS|BA)\b/g, 'bachelor'],
  // A graduate as a qualification ("Graduate or undergraduate", "Graduates can apply"), not "graduate school".
  [
    /(?<!(?:school|diploma|ged)\s)\b(?:fresh |recent |new )?graduates?(?= or\b| with\b| can\b| may\b| only\b| are welcome\b| preferred\b| required\b|\s*[,/)]|\s*$)/gim,
    'bachelor',
  ],
  [
    /\b(?:high school diploma|high school|secondary school|ged|12th(?: pass| grade)?|hsc|10\s?\+\s?2|intermediate \(12th\)|gcses?|o[- ]levels?)(?![a-z])/gi,
    'high_school',
  ],
  // Case-sensitive: "A-levels", "A Level", never "a level of quality".
  [/\bA(?:-[Ll]|\sL)evels?\b/g, 'high_school'],
  [/\b(?:diploma|polytechnic|associate['’]?s? degree|associate of (?:applied )?(?:arts|science)|gnm|anm)(?![a-z])/gi, 'diploma'],
  [/\bADN\b|\bAAS(?= degree| in\b)/g, 'diploma'],
];

/** A "degree in X" without a level is a bachelor's, the usual minimum. */
const GENERIC_DEGREE = /\b(?:degree|graduate)\s+(?:in|from)\s+/gi;
/** A degree named without level or field: "Nursing degree or equivalent", "a relevant degree". */
const BARE_DEGREE = /\bdegree\b/gi;
/** Uses of "degree" that are not a qualification asked for: "360-degree", "a high degree of", "degree not required". */
const NOT_A_DEGREE_BEFORE =
  /(?:\d\s*-?\s*|\b(?:high|some|certain|great|large|varying|highest|to a|by|over|than|no|without an?|not need an?)\s+)$/i;
const NOT_A_DEGREE_AFTER =
  /^\s*(?:of\b|(?:programs?|programmes?|attainment|courses?|offerings?|completion rates?)\b|-?\s*(?:celsius|fahrenheit|angle|view|feedback|turn|rotation)|(?:is |are )?(?:not|isn['’]t) (?:required|necessary|needed|mandatory))/i;
const FIELD_AFTER = /^\s*(?:degree\s+)?(?:\([^)]{1,20}\)\s*)?(?:in|of|from)\s+(?:an?\s+|the\s+)?([^.;\n()]{2,100})/;
const FIELD_STOP =
  /\s*(?:,?\s*or (?:a |an )?(?:related|equivalent|similar|relevant)|,?\s*or equivalent|\s(?:from|with|is|are|and (?:\d|a |an |at least|experience)|plus|preferred|required|strongly|will|would|at|by|who|which|that|\d)\b|\(|;|\.(?:\s|$)|$)/;

function fieldAfter(text: string, end: number): string | null {
  const found = FIELD_AFTER.exec(text.slice(end, end + 140));
  if (!found) return null;
  const field = found[1]
    .split(FIELD_STOP)[0]
    .replace(/[\s,/&]+$/, '')
    .trim()
    .split(/\s+/)
    .slice(0, 6)
    .join(' ');
  if (field.length < 2 || /^(?:a|an|the|any|related|relevant|field|discipline|area|similar)$/i.test(field)) return null;
  if (/^(?:related|relevant|similar|equivalent|any) /i.test(field)) return null;
  return field;
}

function mentionsIn(source: EducationSource): EducationRequirement[] {
  const found: Array<EducationRequirement & { index: number }> = [];
  const covered: Array<[number, number]> = [];
  for (const [pattern, level] of DEGREE_PATTERNS) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(source.text); match; match = pattern.exec(source.text)) {
      const start = match.index;
      const end = start + match[0].length;
      if (covered.some(([s, e]) => start < e && end > s)) continue;
      // "high school students", "diploma in hand" are not requirements of the candidate.
      if (/school$/i.test(match[0]) && /^\s*(?:students?|teachers?|level|math|science|english|history)\b/i.test(source.text.slice(end)))
        continue;
      covered.push([start, end]);
      found.push({ level, field: fieldAfter(source.text, end), requirement: source.requirement, raw: match[0], index: start });
    }
  }
  GENERIC_DEGREE.lastIndex = 0;
  for (let match = GENERIC_DEGREE.exec(source.text); match; match = GENERIC_DEGREE.exec(source.text)) {
    const start = match.index;
    if (covered.some(([s, e]) => start >= s - 40 && start <= e + 40)) continue;
    const field = fieldAfter(source.text, start + match[0].length - /(?:in|from)\s+$/i.exec(match[0])![0].length);
    if (field) found.push({ level: 'bachelor', field, requirement: source.requirement, raw: match[0].trim(), index: start });
    // "A degree in a relevant field": a bachelor's all the same, just without a field.
    else if (!NOT_A_DEGREE_BEFORE.test(source.text.slice(0, start)))
      found.push({ level: 'bachelor', field: null, requirement: source.requirement, raw: match[0].trim(), index: start });
    covered.push([start, start + match[0].length]);
  }
  // Only when the sentence names no level at all: in "Master's/PhD degree" or "MBA degree" the word belongs to that level.
  if (found.length === 0) {
    BARE_DEGREE.lastIndex = 0;
    for (let match = BARE_DEGREE.exec(source.text); match; match = BARE_DEGREE.exec(source.text)) {
      const start = match.index;
      const end = start + match[0].length;
      if (covered.some(([s, e]) => start < e && end > s)) continue;
      if (NOT_A_DEGREE_BEFORE.test(source.text.slice(0, start)) || NOT_A_DEGREE_AFTER.test(source.text.slice(end))) continue;
      found.push({ level: 'bachelor', field: null, requirement: source.requirement, raw: match[0], index: start });
      break;
    }
  }
  return found.sort((a, b) => a.index - b.index).map(({ index: _index, ...requirement }) => requirement);
}

/** Every distinct degree level asked for; a level both required and preferred counts as required. */
export function parseEducation(sources: EducationSource[]): EducationRequirement[] {
  const byLevel = new Map<string, EducationRequirement>();
  for (const mention of sources.flatMap(mentionsIn)) {
    const key = mention.level;
    const existing = byLevel.get(key);
    if (!existing) byLevel.set(key, mention);
    else if (existing.requirement === 'preferred' && mention.requirement === 'required')
      byLevel.set(key, { ...mention, field: mention.field ?? existing.field });
    else if (!existing.field && mention.field) byLevel.set(key, { ...existing, field: mention.field });
  }
  return [...byLevel.values()];
}
