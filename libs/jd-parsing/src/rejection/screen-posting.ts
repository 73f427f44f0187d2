import type { Rejection } from '../parsed-jd';
import { isDutyVerb } from '../sections/collapsed-bullets';
import { singularRoleNoun } from '../title/role-nouns';

/** Longer descriptions are refused rather than parsed: no real posting is this long, and regex work stays bounded. */
export const MAX_DESCRIPTION_CHARS = 100_000;

/**
 * Decides whether a text is a job posting before any parsing. The score is transparent: one point per
 * kind of job-posting cue found (role, hiring, duties, requirements, experience, pay/benefits), one more
 * for posting structure (section headings, bullets, "you will"), minus one when the text reads as a news
 * report. Short texts need 2 points, longer ones 3, and always a role or hiring cue.
 */

export type CueKind = 'role' | 'hiring' | 'duties' | 'requirements' | 'experience' | 'pay';

const CUES: Record<CueKind, RegExp> = {
  // Role nouns are checked word by word (see mentionsRoleNoun); a 100-way regex alternation is slow.
  role: /(?!)/,
  hiring:
    /\b(?:hiring|we are looking for|we['’]re looking for|looking for (?:a|an)\b|seeking (?:a|an)\b|join (?:our|the) team|apply (?:now|today|online|here)|how to apply|applicants?|candidates?|vacanc(?:y|ies)|job (?:title|description|type|summary|opening|location|role)|openings?\b|recruit\w*|position(?:s)? (?:available|open)|employment type|equal opportunity employer)\b/i,
  duties:
    /\b(?:responsibilit(?:y|ies)|responsible (?:for|to)|duties|you will\b|you['’]ll\b|will be responsible|day[- ]to[- ]day|key result areas|role involves|what you['’]ll do|job involves|(?:^|\n)\s*(?:[-*•●▪]\s*)?(?:develop|design|manage|build|lead|support|coordinate|maintain|ensure|prepare|assist|conduct|create|analy[sz]e|teach|plan|collaborate|drive|implement|monitor|deliver)\b)/im,
  requirements:
    /\b(?:requirements?|qualifications?|must have|should have|proficien(?:t|cy)|knowledge of|experience (?:in|with|of)|degree|bachelor|master['’]?s|graduate|diploma|skills?|ability to|familiarity|certification|licen[cs]e)\b/i,
  experience: /\b(?:\d{1,2}\s*\+?\s*(?:-|to)?\s*\d{0,2}\s*(?:years?|yrs?)|freshers?|exp\b|experienced?)\b/i,
  pay: /(?:\b(?:salary|ctc|lpa|compensation|stipend|pay (?:range|rate|scale)|per hour|hourly|benefits|insurance|pto|paid (?:time off|leave)|401\s?\(?k\)?|bonus|perks|incentives?|remuneration)\b|₹\s?\d|\$\s?\d)/i,
};

const STRUCTURE =
  /(?:^|\n)\s*(?:[-*•●▪]\s+\S|#{1,3}\s+\S|(?:responsibilities|requirements|qualifications|benefits|about (?:us|the (?:role|job|company)))\s*:?\s*(?:\n|$))|\byou will\b|\byou['’]ll\b|\bwhat we offer\b/i;
const NEWS_VOICE =
  /\b(?:said|according to|reported|announced|told reporters|spokes(?:person|man|woman)|officials?|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b/gi;

const CUE_LABELS: Record<CueKind, string> = {
  role: 'a job title or role word',
  hiring: 'hiring language',
  duties: 'duties',
  requirements: 'requirements or qualifications',
  experience: 'experience asked for',
  pay: 'pay or benefits',
};

export interface PostingScore {
  found: CueKind[];
  structure: boolean;
  newsVoice: boolean;
  score: number;
  needed: number;
}

/** A given title counts as the role cue: the sender has already called the text a job. */
/** Role nouns too common outside job titles to count on their own ("head", "lead", "partner"...). */
const AMBIGUOUS_ROLE_NOUNS = new Set([
  'head',
  'lead',
  'partner',
  'owner',
  'principal',
  'associate',
  'coach',
  'driver',
  'expert',
  'president',
]);
const WORD = /[A-Za-z]{2,}/g;

function mentionsRoleNoun(text: string): boolean {
  WORD.lastIndex = 0;
  for (let found = WORD.exec(text); found; found = WORD.exec(text)) {
    const noun = singularRoleNoun(found[0]);
    if (noun && !AMBIGUOUS_ROLE_NOUNS.has(noun)) return true;
  }
  return false;
}

const LINE_OPENER = /(?:^|\n|[.!?]\s+)\s*(?:[-*•●▪]\s*)?([A-Z][a-z]+)\b/g;

const DOER_THEN_VERB =
  /\b(?:you|they|he\/she|s\/he|the (?:candidate|incumbent|[a-z]+(?:er|or|ist|ant|ive)))\s+(?:will\s+(?:be\s+)?|shall\s+|must\s+)?([a-z]+)/gi;

/** Duties written as bullets ("Develop ...", "Assisting with ...") or about the doer ("the copywriter will write"). */
function describesDuties(text: string): boolean {
  let count = 0;
  LINE_OPENER.lastIndex = 0;
  for (let found = LINE_OPENER.exec(text); found && count < 2; found = LINE_OPENER.exec(text)) if (isDutyVerb(found[1])) count++;
  if (count >= 2) return true;
  DOER_THEN_VERB.lastIndex = 0;
  for (let found = DOER_THEN_VERB.exec(text); found; found = DOER_THEN_VERB.exec(text)) {
    if (isDutyVerb(found[1]) || /^(?:responsible|involved|report|write|edit)/i.test(found[1])) return true;
  }
  return false;
}

/** Three or more short lines: a list, as postings are laid out (paragraph prose is not). */
function hasListLayout(text: string): boolean {
  const lines = text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => /^[A-Z]/.test(line) && line.length < 250);
  return lines.length >= 3;
}

export function scorePosting(text: string, givenTitle?: string | null): PostingScore {
  const hasTitle = Boolean(givenTitle && /\p{L}{2}/u.test(givenTitle));
  const found = (Object.keys(CUES) as CueKind[]).filter(
    (kind) =>
      (kind === 'role' && (hasTitle || mentionsRoleNoun(text))) || (kind === 'duties' && describesDuties(text)) || CUES[kind].test(text),
  );
  const structure = STRUCTURE.test(text) || hasListLayout(text);
  const newsVoice = (text.match(NEWS_VOICE)?.length ?? 0) >= 3;
  const words = text.split(/\s+/).filter(Boolean).length;
  const score = found.length + (structure ? 1 : 0) - (newsVoice ? 1 : 0);
  return { found, structure, newsVoice, score, needed: words < 40 ? 2 : 3 };
}

const SINGLE_LETTER = /\p{L}/u;

/** Non-space and letter counts in one pass; ASCII is decided without a regex. */
function countCharacters(text: string): { visible: number; letters: number; controls: number } {
  let visible = 0;
  let letters = 0;
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Control characters other than tab/newline/form feed/carriage return, DEL, and U+FFFD (undecodable bytes).
    if (code <= 8 || code === 11 || (code >= 14 && code <= 31) || code === 127 || code === 0xfffd) controls++;
    if (code === 32 || (code >= 9 && code <= 13)) continue;
    visible++;
    const lower = code | 32;
    if (lower >= 97 && lower <= 122) letters++;
    else if (code > 127 && SINGLE_LETTER.test(text[i])) letters++;
  }
  return { visible, letters, controls };
}

function rejection(code: Rejection['code'], reason: string): Rejection {
  return { code, reason };
}

/** Null when the text may be parsed, else why not. */
export function screenPosting(description: unknown, givenTitle?: string | null): Rejection | null {
  if (typeof description !== 'string')
    return rejection('PARSE.NOT_TEXT', `description is ${description === null ? 'null' : typeof description}, not text`);
  if (description.trim() === '') return rejection('PARSE.EMPTY', 'description is empty or whitespace only');
  if (description.length > MAX_DESCRIPTION_CHARS)
    return rejection('PARSE.TOO_LARGE', `description has ${description.length} characters; the limit is ${MAX_DESCRIPTION_CHARS}`);

  const { visible, letters, controls } = countCharacters(description);
  const letterShare = letters / Math.max(1, visible);
  if (controls > 0 && controls / description.length > 0.01)
    return rejection('PARSE.NOT_TEXT', `${controls} control or replacement characters: looks like binary data, not text`);
  if (visible >= 8 && letterShare < 0.5)
    return rejection(
      'PARSE.NOT_TEXT',
      `only ${Math.round(letterShare * 100)}% of characters are letters: looks like binary or encoded data`,
    );
  // The first few thousand characters tell filler from prose; no need to tokenise a whole long posting.
  const words = description.slice(0, 4000).match(/\p{L}{2,}/gu) ?? [];
  if (words.length >= 20 && new Set(words.map((w) => w.toLowerCase())).size / words.length < 0.08)
    return rejection('PARSE.NOT_TEXT', 'the same few words repeat throughout: looks like generated filler, not a posting');

  if (words.length < 4)
    return rejection(
      'PARSE.NOT_A_JD',
      `only ${words.length} word(s): too short to describe a job (needs a role and what it asks or offers)`,
    );
  const score = scorePosting(description, givenTitle);
  const hasRoleOrHiring = score.found.includes('role') || score.found.includes('hiring');
  if (score.score >= score.needed && hasRoleOrHiring) return null;
  const missing = (Object.keys(CUES) as CueKind[]).filter((kind) => !score.found.includes(kind)).map((kind) => CUE_LABELS[kind]);
  const found = score.found.map((kind) => CUE_LABELS[kind]);
  const why = hasRoleOrHiring
    ? `too few job-posting cues (score ${score.score}, needs ${score.needed})`
    : 'no job title, role word or hiring language';
  return rejection(
    'PARSE.NOT_A_JD',
    `not a job posting: ${why}; found ${found.length > 0 ? found.join(', ') : 'none'}; missing ${missing.join(', ')}${score.newsVoice ? '; reads like a news report' : ''}`,
  );
}
