import { KNOWN_PLACE_PATTERN, US_STATE_CODE_PATTERN } from '../location/places';

/**
 * Cleans a title as ATSs send it: requisition codes, "Urgent hiring", trailing locations and work
 * modes go; the role and its qualifiers stay ("Sr. Manager/Manager - Business Development").
 */

const PLACE_TAIL = new RegExp(
  String.raw`\s*(?:[-–—|@,]|\bin\b)\s*(?:(?:${KNOWN_PLACE_PATTERN})(?:\s*[,/&]\s*(?:${KNOWN_PLACE_PATTERN}|${US_STATE_CODE_PATTERN}))*|remote|hybrid|on[- ]?site|wfh|work from home|multiple locations|pan india)(?:\s*\((?:remote|hybrid|on[- ]?site)\))?\s*$`,
  'i',
);

export function cleanTitle(written: string): string | null {
  let title = written
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .replace(/[([](?:req|job|ref|id|requisition|jr|r)?[\s#:.-]*[A-Z]{0,4}[-_ ]?\d{3,}[^)\]]*[)\]]/gi, '')
    .replace(/\b(?:req(?:uisition)?|job ?id|ref)\s*[#:.-]?\s*[A-Z]{0,4}[-_]?\d{3,}\b/gi, '')
    .replace(
      /^\s*(?:urgent(?:ly)?\s+(?:hiring|requirement|opening)(?:\s+for)?|hiring\s+for|we\s*(?:are|'re)\s+hiring|hiring|urgent|immediate joiners?|job opening|opening for)\s*[:!\-–|]*\s*/i,
      '',
    )
    .replace(/\s*[-–|:!]*\s*(?:urgent(?:ly)? hiring|immediate joiners?(?: only)?|apply now|urgent)\s*!*\s*$/i, '')
    .replace(/\((?:remote|hybrid|on[- ]?site|wfh|work from home|full[- ]time|part[- ]time|contract)\)/gi, '');
  for (let i = 0; i < 3 && PLACE_TAIL.test(title); i++) title = title.replace(PLACE_TAIL, '');
  title = title
    .replace(/^[\s\-–|:,]+|[\s\-–|:,]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return title.length >= 2 && /[A-Za-z]/.test(title) ? title : null;
}
