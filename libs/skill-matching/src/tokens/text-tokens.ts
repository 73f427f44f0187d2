/**
 * Word tokens with exact offsets. A token is a run of letters/digits, optionally led by a dot that starts a
 * word (".NET") and followed by the symbols that change meaning (C++, C#, F#). Everything else separates.
 */
export interface TextToken {
  /** Exact text of the token. */
  text: string;
  /** Lower-cased text: the trie key. */
  key: string;
  start: number;
  end: number;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const DOT = 0x2e;
const PLUS = 0x2b;
const HASH = 0x23;

// Scanned by hand rather than with /\.?[\p{L}\p{N}]+[+#]*/gu: the same tokens without a match object per
// token, and ASCII letters and digits tested without the Unicode tables.
export function tokenize(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  let at = 0;
  while (at < text.length) {
    const dot = text.charCodeAt(at) === DOT ? 1 : 0;
    const first = letterOrDigitLength(text, at + dot);
    if (first === 0) {
      at += codePointLength(text, at);
      continue;
    }
    let start = at;
    let end = at + dot + first;
    for (let length = letterOrDigitLength(text, end); length > 0; length = letterOrDigitLength(text, end)) end += length;
    while (end < text.length && (text.charCodeAt(end) === PLUS || text.charCodeAt(end) === HASH)) end++;
    at = end;
    let tokenText = text.slice(start, end);
    // A dot glued to the previous word is a separator ("ASP.NET", "Node.js"), not a leading dot.
    if (dot === 1 && start > 0 && LETTER_OR_DIGIT.test(text[start - 1])) {
      start += 1;
      tokenText = tokenText.slice(1);
    }
    // A lone "+"/"#" run after digits is a count ("3+ years"), not a symbol like C++.
    if (endsWithSymbol(tokenText) && /^\p{N}+[+#]+$/u.test(tokenText)) tokenText = tokenText.replace(/[+#]+$/, '');
    tokens.push({ text: tokenText, key: tokenText.toLowerCase(), start, end: start + tokenText.length });
  }
  return tokens;
}

/** Code units of the letter or digit at `at` (2 for one outside the BMP), or 0 when there is none. */
function letterOrDigitLength(text: string, at: number): number {
  if (at >= text.length) return 0;
  const code = text.charCodeAt(at);
  if (code < 0x80) {
    const lower = code | 0x20;
    return (code >= 0x30 && code <= 0x39) || (lower >= 0x61 && lower <= 0x7a) ? 1 : 0;
  }
  const point = text.codePointAt(at)!;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(point)) ? codePointLength(text, at) : 0;
}

function codePointLength(text: string, at: number): number {
  return text.codePointAt(at)! > 0xffff ? 2 : 1;
}

// Most tokens are plain words: the count check below runs only on the few ending in "+" or "#".
function endsWithSymbol(tokenText: string): boolean {
  const last = tokenText.charCodeAt(tokenText.length - 1);
  return last === 0x2b || last === 0x23;
}

/**
 * Whether two neighbouring tokens may belong to one alias: spaces/tabs, or one tight hyphen, dot, underscore
 * or apostrophe, or a slash/ampersand with optional spaces ("CI / CD"). Commas, line breaks and sentence
 * punctuation followed by a space end a multi-word match.
 */
export function isFlexibleSeparator(separator: string): boolean {
  // One space is most gaps: answered before any pattern runs.
  if (separator.length === 0 || separator === ' ') return true;
  if (/^[ \t\u00a0]+$/.test(separator)) return true;
  if (/^[-._'\u2019]$/.test(separator)) return true;
  return /^[ \t]*[/&][ \t]*$/.test(separator);
}
