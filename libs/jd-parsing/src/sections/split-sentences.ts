import type { JdSection, JdSentence } from '../parsed-jd';
import { collapsedBulletStarts } from './collapsed-bullets';

/**
 * Splits each section body into sentences and bullets with exact offsets: line breaks and bullet
 * markers first, then sentence punctuation, then run-together bullets (see collapsed-bullets.ts).
 */

const LINE = /[^\r\n]+/g;
const INLINE_BULLET = /\s[•●▪◦·➢►✓✔]\s|\s\*{1,3}\s?(?=\S)/g;
// Emphasis runs ("...experience**** The ideal") end a sentence as a full stop would.
const SENTENCE_END = /(?:[.!?;]+|\*{2,})["'”’)\]]*\s+(?=["“'(]?[A-Z0-9•])/g;
const ABBREVIATION =
  /^(?:e\.g|i\.e|mr|mrs|ms|dr|sr|jr|rs|no|nos|vs|inc|ltd|co|pvt|st|approx|dept|u\.s|u\.k|ph\.d|b\.tech|m\.tech|b\.e|m\.e|b\.sc|m\.sc|b\.com|m\.com|b\.a|m\.a|b\.s|m\.s|incl|fig|ref|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|[a-z])$/i;
const LEADING_MARKER = /^(?:\s|[-–—*•●▪◦·➢►✓✔>]|\(?\d{1,2}[.)](?=\s)|\(?[a-z][.)](?=\s))+/;
const TRAILING_SPACE = /[\s*_]+$/;

interface Span {
  start: number;
  end: number;
}

function trimSpan(description: string, span: Span): Span | null {
  const text = description.slice(span.start, span.end);
  const lead = LEADING_MARKER.exec(text)?.[0].length ?? 0;
  const trail = TRAILING_SPACE.exec(text)?.[0].length ?? 0;
  const start = span.start + lead;
  const end = span.end - trail;
  if (end <= start || !/[A-Za-z0-9]/.test(description.slice(start, end))) return null;
  return { start, end };
}

function cutAt(span: Span, cuts: number[]): Span[] {
  const pieces: Span[] = [];
  let start = span.start;
  for (const cut of cuts) {
    if (cut > start && cut < span.end) {
      pieces.push({ start, end: cut });
      start = cut;
    }
  }
  pieces.push({ start, end: span.end });
  return pieces;
}

function sentenceCuts(description: string, span: Span): number[] {
  const text = description.slice(span.start, span.end);
  const cuts: number[] = [];
  SENTENCE_END.lastIndex = 0;
  for (let found = SENTENCE_END.exec(text); found; found = SENTENCE_END.exec(text)) {
    const wordBefore = /(\S+)$/.exec(text.slice(0, found.index))?.[1].replace(/^["“'(]+/, '') ?? '';
    if (found[0].startsWith('.') && ABBREVIATION.test(wordBefore)) continue;
    cuts.push(span.start + found.index + found[0].length);
  }
  return cuts;
}

function inlineBulletCuts(description: string, span: Span): number[] {
  const text = description.slice(span.start, span.end);
  const cuts: number[] = [];
  INLINE_BULLET.lastIndex = 0;
  for (let found = INLINE_BULLET.exec(text); found; found = INLINE_BULLET.exec(text)) cuts.push(span.start + found.index + 1);
  return cuts;
}

/** Sentence and bullet spans of one stretch of text (offsets into `description`). */
export function sentenceSpans(description: string, start: number, end: number): Span[] {
  const spans: Span[] = [];
  const body = description.slice(start, end);
  LINE.lastIndex = 0;
  for (let line = LINE.exec(body); line; line = LINE.exec(body)) {
    const lineSpan = { start: start + line.index, end: start + line.index + line[0].length };
    for (const bulletSpan of cutAt(lineSpan, inlineBulletCuts(description, lineSpan))) {
      for (const sentence of cutAt(bulletSpan, sentenceCuts(description, bulletSpan))) {
        const trimmed = trimSpan(description, sentence);
        if (!trimmed) continue;
        const relativeStarts = collapsedBulletStarts(description.slice(trimmed.start, trimmed.end));
        for (const piece of cutAt(
          trimmed,
          relativeStarts.map((offset) => trimmed.start + offset),
        )) {
          const final = trimSpan(description, piece);
          if (final) spans.push(final);
        }
      }
    }
  }
  return spans;
}

/** Every sentence/bullet of every section; headings are not sentences. */
export function splitSentences(description: string, sections: JdSection[], bodyStarts: number[]): JdSentence[] {
  return sections.flatMap((section, sectionIndex) =>
    sentenceSpans(description, Math.max(section.start, bodyStarts[sectionIndex] ?? section.start), section.end).map((span) => ({
      text: description.slice(span.start, span.end),
      start: span.start,
      end: span.end,
      sectionIndex,
    })),
  );
}
