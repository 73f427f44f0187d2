import type { JdSection, SectionKind } from '../parsed-jd';
import { classifyHeading, cleanHeading, inlineHeadingsIn, knownHeadingKind } from './section-headings';

/** A heading found in the description: its own span and where its body begins. */
export interface HeadingSpan {
  start: number;
  bodyStart: number;
  heading: string;
  kind: SectionKind;
}

const LINE = /[^\r\n]+/g;
const FUNCTION_WORD_BEFORE =
  /\b(?:the|a|an|our|your|their|its|his|her|of|and|or|for|with|to|in|on|at|by|from|as|these|those|this|that|all|any|meet|meets|meeting|about|see|following|new|other|such|including|per|under|job|key|core|main)\s+$/i;
const COMPANY_CUES =
  /\b(?:we are|we're|our (?:company|mission|vision|team|clients|customers|platform|products?|services)|founded|is an? (?:leading|global|fast[- ]growing|well[- ]known|premier)|headquartered|about us|employees worldwide)\b/i;

function isLineHeading(line: string): { heading: string; kind: SectionKind } | null {
  const trimmed = line.trim();
  const heading = cleanHeading(trimmed);
  if (heading.length < 2 || heading.length > 80 || !/[A-Za-z]{2}/.test(heading)) return null;
  const known = knownHeadingKind(heading);
  if (known) return { heading, kind: known };
  const words = heading.split(' ').length;
  if (words > 7 || /[.!?;]\s|[.!?;,]$/.test(heading)) return null;
  const markdown = /^#{1,6}\s+\S/.test(trimmed);
  const bold = /^(?:\*\*|__)[^*_]+(?:\*\*|__)\s*:?$/.test(trimmed);
  const colon = /[:：]$/.test(trimmed) && !/^[-*•●▪◦·]/.test(trimmed);
  const capitals = heading === heading.toUpperCase() && /[A-Z]{3}/.test(heading) && !heading.includes(',') && words >= 2;
  if (markdown || bold || colon || capitals) return { heading, kind: classifyHeading(heading) };
  return null;
}

function inlineHeadingsOf(line: string, lineStart: number): HeadingSpan[] {
  const spans: HeadingSpan[] = [];
  for (const match of inlineHeadingsIn(line)) {
    if (!/^[A-Z]/.test(match.text)) continue;
    const before = line.slice(0, match.start);
    const after = line.slice(match.end);
    const atLineStart = /^\s*(?:[#*_•●▪\-–]+\s*)?$/.test(before);
    const afterSentence = /[.!?:;)\]*"”]\s*$/.test(before);
    const afterRunOnWord = /[a-z0-9%]\s+$/.test(before) && !FUNCTION_WORD_BEFORE.test(before);
    const colonAfter = /^\s*(?:\*\*)?\s*[:：\-–—]/.exec(after);
    const newBlockAfter = /^\s+[A-Z0-9"“(•*●▪]/.test(after);
    if (!(atLineStart || afterSentence || afterRunOnWord)) continue;
    if (!(colonAfter || newBlockAfter)) continue;
    // A mid-line heading needs a capitalised or colon-marked start of its block to be trusted.
    if (atLineStart && !colonAfter && !newBlockAfter) continue;
    const start = lineStart + match.start;
    const bodyStart = lineStart + match.end + (colonAfter ? colonAfter[0].length : 0);
    spans.push({ start, bodyStart, heading: cleanHeading(match.text), kind: classifyHeading(match.text) });
  }
  return spans;
}

/** Every heading of the description, in order, whether on its own line or run into the text. */
export function findHeadings(description: string): HeadingSpan[] {
  const spans: HeadingSpan[] = [];
  LINE.lastIndex = 0;
  for (let line = LINE.exec(description); line; line = LINE.exec(description)) {
    const lineStart = line.index;
    const lineHeading = isLineHeading(line[0]);
    if (lineHeading) {
      const indent = line[0].length - line[0].trimStart().length;
      spans.push({ start: lineStart + indent, bodyStart: lineStart + line[0].length, ...lineHeading });
      continue;
    }
    spans.push(...inlineHeadingsOf(line[0], lineStart));
  }
  return spans;
}

function kindOfLeadingText(text: string): SectionKind {
  return COMPANY_CUES.test(text) ? 'company' : 'other';
}

/**
 * Splits the description into sections that tile it exactly: text before the first heading is a
 * section with a null heading, each heading opens a section that runs to the next heading.
 */
export function splitSections(description: string): { sections: JdSection[]; bodyStarts: number[] } {
  const headings = findHeadings(description);
  const sections: JdSection[] = [];
  const bodyStarts: number[] = [];
  const firstStart = headings[0]?.start ?? description.length;
  if (firstStart > 0 && description.slice(0, firstStart).trim() !== '') {
    const text = description.slice(0, firstStart);
    sections.push({ heading: null, kind: kindOfLeadingText(text), text, start: 0, end: firstStart });
    bodyStarts.push(0);
  } else if (headings.length === 0) {
    sections.push({ heading: null, kind: 'other', text: description, start: 0, end: description.length });
    bodyStarts.push(0);
  }
  headings.forEach((heading, i) => {
    // Leading whitespace before the first heading belongs to it, so sections still start at 0.
    const start = i === 0 && sections.length === 0 ? 0 : heading.start;
    const end = headings[i + 1]?.start ?? description.length;
    sections.push({ heading: heading.heading, kind: heading.kind, text: description.slice(start, end), start, end });
    bodyStarts.push(heading.bodyStart);
  });
  return { sections, bodyStarts };
}
