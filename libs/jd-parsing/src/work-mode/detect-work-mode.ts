import type { WorkMode } from '../parsed-jd';

/**
 * Work mode. A labelled field ("Workplace Type: Remote") wins; otherwise hybrid beats remote beats
 * on-site, because postings for hybrid roles mention both office and home. "Remote" only counts in
 * phrases about the job itself, not "remote teams" or "remote sensing"; "hybrid cloud" is not a mode.
 */

const LABELLED = /\b(?:workplace type|work ?place|work mode|work model|work type|work arrangement|location type|job type|mode of work)\s*[:\-–]\s*(remote|hybrid|on[- ]?site|in[- ]office|office|work from home|wfh|wfo|work from office)\b/i;
const HYBRID = /\bhybrid\b(?![- ](?:cloud|app|apps|mobile|vehicle|infrastructure|it\b|environment|integration|model(?:l)?ing|solution|architecture|engine|car))/i;
const REMOTE =
  /\b(?:(?:fully|100%|completely|entirely|permanently) remote|remote[- ](?:first|only|friendly|position|role|job|work(?:ing)?|opportunity|based|eligible)|work(?:ing)? remotely|work from home|work-from-home|\bwfh\b|work from anywhere|telecommut\w*|virtual (?:position|role|campus)|remote\s*(?:\(|,|\/|-)\s*(?:india|us|usa|uk|anywhere|global)|\(remote\)|location\s*[:\-–]\s*remote)\b/i;
const ONSITE = /\b(?:on[- ]?site|in[- ]office|in[- ]person|work from office|\bwfo\b|office[- ]based|onsite role|from (?:our|the) office)\b/i;

function modeOf(word: string): WorkMode {
  const lower = word.toLowerCase();
  if (lower.startsWith('hybrid')) return 'hybrid';
  if (lower.startsWith('remote') || lower === 'wfh' || lower === 'work from home') return 'remote';
  return 'onsite';
}

export function detectWorkMode(text: string, givenLocation?: string | null): WorkMode | null {
  const labelled = LABELLED.exec(text);
  if (labelled) return modeOf(labelled[1]);
  if (givenLocation && /\bhybrid\b/i.test(givenLocation)) return 'hybrid';
  if (givenLocation && /\bremote\b/i.test(givenLocation)) return 'remote';
  if (HYBRID.test(text)) return 'hybrid';
  if (REMOTE.test(text) || /^\s*remote\s*$/im.test(text)) return 'remote';
  if (ONSITE.test(text)) return 'onsite';
  return null;
}
