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

const TOKEN_PATTERN = /\.?[\p{L}\p{N}]+[+#]*/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export function tokenize(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    let start = match.index;
    let tokenText = match[0];
    // A dot glued to the previous word is a separator ("ASP.NET", "Node.js"), not a leading dot.
    if (tokenText.startsWith('.') && start > 0 && LETTER_OR_DIGIT.test(text[start - 1])) {
      start += 1;
      tokenText = tokenText.slice(1);
    }
    // A lone "+"/"#" run after digits is a count ("3+ years"), not a symbol like C++.
    if (endsWithSymbol(tokenText) && /^\p{N}+[+#]+$/u.test(tokenText)) tokenText = tokenText.replace(/[+#]+$/, '');
    tokens.push({ text: tokenText, key: tokenText.toLowerCase(), start, end: start + tokenText.length });
  }
  return tokens;
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
