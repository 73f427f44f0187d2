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
  // The runs of /\S+/ in the range, found by hand: no match object per word.
  let at = start;
  for (;;) {
    while (at < end && isWhitespace(description.charCodeAt(at))) at++;
    if (at === end) break;
    const chunkStart = at;
    while (at < end && !isWhitespace(description.charCodeAt(at))) at++;
    const chunk = description.slice(chunkStart, at);
    let core = chunk;
    // Most words begin and end with a plain letter or digit: nothing to strip, and no pattern needs to run.
    const leading = isAsciiAlphanumeric(core.charCodeAt(0)) ? '' : (LEADING_PUNCTUATION.exec(core)?.[0] ?? '');
    core = core.slice(leading.length);
    const trailing = isAsciiAlphanumeric(core.charCodeAt(core.length - 1)) ? '' : (TRAILING_PUNCTUATION.exec(core)?.[0] ?? '');
    core = core.slice(0, core.length - trailing.length);
    if (!isAsciiAlphanumeric(core.charCodeAt(0)) && !/[\p{L}\p{N}]/u.test(core)) {
      if (COORDINATING_SYMBOLS.has(chunk)) {
        words.push({
          text: chunk,
          key: 'and',
          start: chunkStart,
          end: chunkStart + chunk.length,
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

/** What /\s/ matches: ECMAScript white space and line terminators. */
function isWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

export function breakBetween(left: PhraseWord, right: PhraseWord): boolean {
  return left.breakAfter || right.breakBefore;
}
