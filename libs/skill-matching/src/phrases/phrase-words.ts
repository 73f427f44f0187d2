/** A whitespace-delimited word of a sentence, with the punctuation around it turned into flags. */
export interface PhraseWord {
  text: string;
  key: string;
  start: number;
  end: number;
  /** Punctuation before the word ends any phrase running into it ("(", quotes, bullets). */
  breakBefore: boolean;
  /** Punctuation after the word ends any phrase running on from it (",", ".", ";", ":", ")"). */
  breakAfter: boolean;
  /** The break after the word is a comma, which may continue a list. */
  commaAfter: boolean;
}

const LEADING_PUNCTUATION = /^[("'\u201c\u2018[{*\u2022\u00b7]+/;
const TRAILING_PUNCTUATION = /[,.;:!?)"'\u201d\u2019\]}*]+$/;
// Stand-alone "&" and "/" join items like "and"; other lone symbols break.
const COORDINATING_SYMBOLS = new Set(['&', '/', '+']);

/** Splits `description[start, end)` into words; lone "&" and "/" become the coordinator "and". */
export function splitPhraseWords(description: string, start: number, end: number): PhraseWord[] {
  const words: PhraseWord[] = [];
  const slice = description.slice(start, end);
  for (const chunk of slice.matchAll(/\S+/g)) {
    const chunkStart = start + chunk.index;
    let core = chunk[0];
    // Most words begin and end with a plain letter or digit: nothing to strip, and no pattern needs to run.
    const leading = isAsciiAlphanumeric(core.charCodeAt(0)) ? '' : (LEADING_PUNCTUATION.exec(core)?.[0] ?? '');
    core = core.slice(leading.length);
    const trailing = isAsciiAlphanumeric(core.charCodeAt(core.length - 1)) ? '' : (TRAILING_PUNCTUATION.exec(core)?.[0] ?? '');
    core = core.slice(0, core.length - trailing.length);
    if (!isAsciiAlphanumeric(core.charCodeAt(0)) && !/[\p{L}\p{N}]/u.test(core)) {
      if (COORDINATING_SYMBOLS.has(chunk[0])) {
        words.push({
          text: chunk[0],
          key: 'and',
          start: chunkStart,
          end: chunkStart + chunk[0].length,
          breakBefore: false,
          breakAfter: false,
          commaAfter: false,
        });
      } else if (words.length > 0) {
        words[words.length - 1].breakAfter = true;
      }
      continue;
    }
    const wordStart = chunkStart + leading.length;
    words.push({
      text: core,
      key: core.toLowerCase(),
      start: wordStart,
      end: wordStart + core.length,
      breakBefore: leading.length > 0,
      breakAfter: trailing.length > 0,
      commaAfter: trailing.startsWith(','),
    });
  }
  return words;
}

function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

export function breakBetween(left: PhraseWord, right: PhraseWord): boolean {
  return left.breakAfter || right.breakBefore;
}
