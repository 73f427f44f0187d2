import type { WorkMode } from '../parsed-jd';

/**
 * Work mode. A labelled field ("Workplace Type: Remote") wins, then a mode stated in a headline (the
 * given title or location, or the posting's first line: "Nurse – On-site", "Pune (Hybrid)"). In the
 * body, hybrid beats remote beats on-site, because postings for hybrid roles mention both office and
 * home; but a remote job whose office is optional stays remote, and "one work-from-home day a week"
 * is hybrid. "Remote" only counts in phrases about the job itself, not "remote teams" or "remote
 * sensing"; "hybrid cloud" is not a mode; "in person" counts only when said of the position.
 */

export interface WorkModeHeadlines {
  location?: string | null;
  title?: string | null;
}

const LABELLED =
  /\b(?:workplace type|work ?place|work mode|work model|work type|work arrangement|location type|job type|mode of work)\s*[:\-–]\s*(remote|hybrid|on[- ]?site|in[- ]office|office|work from home|wfh|wfo|work from office)\b/i;
const HYBRID =
  /\bhybrid\b(?![- ](?:cloud|app|apps|mobile|vehicle|infrastructure|it\b|environment|integration|model(?:l)?ing|solution|architecture|engine|car))/i;
const FEW_DAYS = String.raw`(?:[1-4]|one|two|three|four)(?:\s*(?:-|to|or)\s*(?:[1-4]|two|three|four))?`;
/** "one work-from-home day per week", "WFH 2 days a week", "3 days a week in our Leeds office". */
const SPLIT_WEEK = new RegExp(
  String.raw`\b${FEW_DAYS}\s+(?:work[- ]from[- ]home|wfh|remote|home[- ]working)\s+days?\b|\b(?:work(?:ing)? from home|wfh|work(?:ing)? remotely)\s+(?:for\s+)?${FEW_DAYS}\s+days?\s+(?:a|per|each|every)\s+week|\b${FEW_DAYS}\s+days?\s+(?:a\s+|per\s+|each\s+)?(?:week\s+)?(?:in|at|from)\s+(?:the\s+|our\s+)?(?:[A-Z][a-z]+\s+)?office\b`,
  'i',
);
const REMOTE =
  /\b(?:(?:fully|100%|completely|entirely|permanently) remote|remote[- ](?:first|only|friendly|position|role|job|work(?:ing)?|opportunity|based|eligible)|work(?:ing)? remotely|work from home|work-from-home|\bwfh\b|work from anywhere|telecommut\w*|virtual (?:position|role|campus)|remote\s*(?:\(|,|\/|-)\s*(?:india|us|usa|uk|anywhere|global)|\(remote\)|location\s*[:\-–]\s*remote)\b/i;
/** The office is there if wanted: "our Berlin office is open if you want a desk", "optional office days". */
const OFFICE_OPTIONAL =
  /\boptional\b[^.\n]{0,40}\b(?:office|cowork\w*|hub|in[- ]person)\b|\b(?:office|cowork\w*|hub)\b[^.\n]{0,40}\b(?:is optional|optional|if you (?:want|wish|prefer|like)|when you (?:want|wish|like))\b/i;
const ONSITE = new RegExp(
  [
    String.raw`\b(?:on[- ]?site|in[- ]office|work from office|\bwfo\b|onsite role|from (?:our|the) office)\b`,
    // "The role is site-based", "This post is ward-based"; not "web-based" or "evidence-based".
    String.raw`\b(?:office|site|ward|clinic|hospital|plant|factory|warehouse|depot|store|school|campus)[- ]based\b`,
    String.raw`\b(?:in[- ]clinic|on[- ]campus)\s+(?:position|role|job)\b|\bin[- ]clinic role\b`,
    String.raw`\bwork(?:ing)? from (?:the |our )?(?:plant|site|factory|branch|store|warehouse)\b`,
    String.raw`\b(?:position|role|job) is (?:fully )?in[- ]person\b|\bin[- ]person (?:position|role|job|only)\b`,
    // "Work Location: In person", "Work Setting In-person School", "you will work in person in a centre".
    String.raw`\bwork (?:location|setting)\s*:?\s*in[- ]person\b|\bwork in[- ]person\b(?!\s*(?:and|or)\b)`,
  ].join('|'),
  'i',
);
/** A mode in a title or location line: "(Hybrid)", "– On-site", "| Remote", "Remote, US only". */
const HEADLINE_MODE =
  /(?:^|[([|,–—-]\s*)(remote|hybrid|on[- ]?site|in[- ]office|in[- ]person|work from home|wfh)(?=\s*(?:$|[)\],|–—-]|\s(?:only|within|in|role|position|first)\b))/im;

function modeOf(word: string): WorkMode {
  const lower = word.toLowerCase();
  if (lower.startsWith('hybrid')) return 'hybrid';
  if (lower.startsWith('remote') || lower === 'wfh' || lower === 'work from home') return 'remote';
  return 'onsite';
}

function headlineMode(line: string | null | undefined): WorkMode | null {
  if (!line) return null;
  const found = HEADLINE_MODE.exec(line);
  return found ? modeOf(found[1]) : null;
}

/** The first non-empty line when it is short enough to be a title line, not a paragraph. */
function firstLineOf(text: string): string | null {
  const line = text.trimStart().split('\n', 1)[0].trim();
  return line.length > 0 && line.length <= 120 ? line : null;
}

export function detectWorkMode(text: string, headlines: WorkModeHeadlines = {}): WorkMode | null {
  const labelled = LABELLED.exec(text);
  if (labelled) return modeOf(labelled[1]);
  if (headlines.location && /\bhybrid\b/i.test(headlines.location)) return 'hybrid';
  if (headlines.location && /\bremote\b/i.test(headlines.location)) return 'remote';
  const fromHeadline = headlineMode(headlines.title) ?? headlineMode(headlines.location) ?? headlineMode(firstLineOf(text));
  if (fromHeadline) return fromHeadline;
  const saysRemote = REMOTE.test(text) || /^\s*remote\s*$/im.test(text);
  if (saysRemote && OFFICE_OPTIONAL.test(text)) return 'remote';
  if (HYBRID.test(text) || SPLIT_WEEK.test(text)) return 'hybrid';
  if (saysRemote) return 'remote';
  if (ONSITE.test(text)) return 'onsite';
  return null;
}
