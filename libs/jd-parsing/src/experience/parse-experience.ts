import type { ExperienceRange } from '../parsed-jd';

/**
 * Years of experience a posting asks for.
 *
 * Rule when several are stated: a labelled figure ("Experience: 4-8 Years", "Exp: 4-7 years") wins;
 * otherwise the mention with the largest minimum among sentences that are not marked preferred, since
 * the overall requirement ("5+ years of software development") is never smaller than a per-skill one
 * ("2+ years of React"). Preferred-only mentions are used when nothing else is stated. "Fresher" alone
 * means 0-0; a range that welcomes freshers keeps its range.
 */

export interface ExperienceSource {
  text: string;
  /** True when the sentence or its section marks it as nice to have. */
  preferred: boolean;
}

interface Mention {
  range: ExperienceRange;
  labelled: boolean;
  preferred: boolean;
  order: number;
}

const YEARS = String.raw`(?:years?|yrs?|yr\.?s?)`;
const NUM = String.raw`\d{1,2}(?:\.\d)?`;
const MONTHS = String.raw`months?`;
// Each pattern is anchored on digits followed by a unit, so matching stays linear.
const RANGE = new RegExp(String.raw`(?<![\d.])(${NUM})\s*\+?\s*(?:-|–|—|to)\s*(${NUM})\s*\+?\s*(${YEARS}|${MONTHS})\b`, 'gi');
const OPEN_ENDED = new RegExp(String.raw`(?<![\d.\-–])(${NUM})\s*(\+|plus|or more)?\s*(${YEARS}|${MONTHS})(?![a-z])`, 'gi');
const LABEL_BEFORE = /\b(?:experience|exp|work experience|total experience|years of experience)\s*(?:required|level)?\s*[:\-–]\s*$/i;
const MINIMUM_BEFORE = /\b(?:minimum(?: of)?|min\.?|at least|atleast|no less than|not less than|over|more than)\s*$/i;
const MAXIMUM_BEFORE = /\b(?:up\s?to|upto|maximum(?: of)?|max\.?|less than|under)\s*$/i;
const OR_MORE_AFTER = /^\s*(?:or more|or above|and above|\+)/i;
const EXPERIENCE_WORDS =
  /\b(?:experience[ds]?|exp|background|track record|post[- ]qualification|working|work|industry|professional|hands[- ]on|in (?:a|the) (?:similar )?role|relevant|proven|expertise|freshers?)\b/i;
const NOT_EXPERIENCE_BEFORE =
  /\b(?:aged?|ages|age group|children|kids|students|grades?|for over|over the (?:last|past)|past|last|founded|history|since|after|within|every|for|contract of|duration of|warranty|term of|old)\s*(?:of\s*)?$/i;
const NOT_EXPERIENCE_AFTER =
  /^\s*(?:old|of age|of (?:operation|service to|history|excellence|experience in (?:the|this) (?:market|industry))|in business|ago)/i;

function toYears(value: number, unit: string): number {
  const years = /^month/i.test(unit) ? value / 12 : value;
  return Math.round(years * 10) / 10;
}

function mentionsIn(source: ExperienceSource, order: number): Mention[] {
  const { text } = source;
  const mentions: Mention[] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (start: number, end: number): boolean => taken.some(([s, e]) => start < e && end > s);

  const accept = (start: number, end: number, min: number | null, max: number | null, saysMinimum: boolean): void => {
    const before = text.slice(Math.max(0, start - 40), start);
    const after = text.slice(end, end + 60);
    const labelled = LABEL_BEFORE.test(before);
    if (!labelled) {
      if (NOT_EXPERIENCE_BEFORE.test(before) || NOT_EXPERIENCE_AFTER.test(after)) return;
      const window = text.slice(Math.max(0, start - 60), Math.min(text.length, end + 60));
      if (!saysMinimum && !EXPERIENCE_WORDS.test(window)) return;
    }
    if ((min !== null && min > 40) || (max !== null && max > 45)) return;
    taken.push([start, end]);
    mentions.push({ range: { min, max, raw: text.slice(start, end) }, labelled, preferred: source.preferred, order });
  };

  RANGE.lastIndex = 0;
  for (let found = RANGE.exec(text); found; found = RANGE.exec(text)) {
    const low = toYears(Number(found[1]), found[3]);
    const high = toYears(Number(found[2]), found[3]);
    if (high < low) continue;
    accept(found.index, found.index + found[0].length, low, high, false);
  }
  OPEN_ENDED.lastIndex = 0;
  for (let found = OPEN_ENDED.exec(text); found; found = OPEN_ENDED.exec(text)) {
    const start = found.index;
    const end = start + found[0].length;
    if (overlaps(start, end)) continue;
    const value = toYears(Number(found[1]), found[3]);
    const before = text.slice(Math.max(0, start - 25), start);
    const isMaximum = MAXIMUM_BEFORE.test(before) && !found[2];
    const saysMinimum = Boolean(found[2]) || MINIMUM_BEFORE.test(before) || OR_MORE_AFTER.test(text.slice(end, end + 15));
    // "3 years of experience" is the minimum asked for; only "up to"/"max" turn it into a ceiling.
    if (isMaximum) accept(start, end, null, value, false);
    else accept(start, end, value, null, saysMinimum);
  }
  return mentions;
}

const FRESHER = /\bfreshers?\b|\bfresh graduates?\b|\bno (?:prior )?experience (?:is )?(?:required|needed|necessary)\b/i;

export function parseExperience(sources: ExperienceSource[]): ExperienceRange | null {
  const mentions = sources.flatMap((source, order) => mentionsIn(source, order));
  const labelled = mentions.filter((m) => m.labelled);
  const required = mentions.filter((m) => !m.preferred);
  const pool = labelled.length > 0 ? labelled : required.length > 0 ? required : mentions;
  if (pool.length > 0) {
    const best = pool.reduce((a, b) => ((b.range.min ?? -1) > (a.range.min ?? -1) ? b : a));
    return best.range;
  }
  const fresher = sources.map((s) => FRESHER.exec(s.text)).find((found) => found !== null);
  return fresher ? { min: 0, max: 0, raw: fresher[0] } : null;
}

/** Convenience for a single block of text. */
export function parseExperienceText(text: string): ExperienceRange | null {
  return parseExperience([{ text, preferred: false }]);
}
