/** Offsets of a piece of the posting, end exclusive. */
export interface TextSpan {
  start: number;
  end: number;
}

// Text that addresses a model rather than a candidate. It is never evidence for anything, so an answer that
// obeyed it cannot be grounded in it.
const INSTRUCTION_PATTERNS: readonly RegExp[] = [
  /\b(ignore|disregard|forget|override)\b[^.\n]{0,40}\b(instructions?|prompts?|rules|guidelines|above|previous)\b/i,
  /\b(classify|label|categori[sz]e|mark|tag)\s+(this|the|me|it)\b[^.\n]{0,40}\bas\b/i,
  /\byou are (now )?(an?|the) (ai|assistant|model|language model|chatbot)\b/i,
  /\b(system|developer) (prompt|message|instructions?)\b/i,
  /\b(respond|answer|reply|output)\s+(only\s+)?(with|in)\b[^.\n]{0,30}\b(json|yes|no)\b/i,
];

/** The sentences (split on line breaks and sentence ends) that read as instructions to a model. */
export function instructionLikeSpans(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  const sentence = /[^\n.!?]+[.!?]?/g;
  for (let match = sentence.exec(text); match; match = sentence.exec(text)) {
    if (INSTRUCTION_PATTERNS.some((pattern) => pattern.test(match[0]))) {
      spans.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  return spans;
}

/**
 * Where `quote` occurs in `text`, compared case-insensitively with runs of whitespace treated as one
 * space (models tidy line breaks and bullets), skipping occurrences inside instruction-like sentences.
 * Null when the quote is empty, too short to mean anything, or not in the text.
 */
export function locateQuote(text: string, quote: string, excluded: readonly TextSpan[] = []): TextSpan | null {
  const wanted = quote.trim().replace(/\s+/g, ' ').toLowerCase();
  if (wanted.length < 2) return null;
  const { folded, offsets } = foldWhitespace(text);
  for (let at = folded.indexOf(wanted); at !== -1; at = folded.indexOf(wanted, at + 1)) {
    const span = { start: offsets[at]!, end: offsets[at + wanted.length - 1]! + 1 };
    if (!excluded.some((zone) => span.start < zone.end && zone.start < span.end)) return span;
  }
  return null;
}

/** Lower-cased text with whitespace runs as one space, and each folded character's offset in the original. */
function foldWhitespace(text: string): { folded: string; offsets: number[] } {
  let folded = '';
  const offsets: number[] = [];
  let previousWasSpace = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    const isSpace = /\s/.test(char);
    if (isSpace && previousWasSpace) continue;
    folded += isSpace ? ' ' : char.toLowerCase();
    offsets.push(index);
    previousWasSpace = isSpace;
  }
  return { folded, offsets };
}

const AMOUNT_SCALES = [1, 1_000, 100_000, 1_000_000, 10_000_000];

/**
 * True when `amount` is written in `evidence`, as is or in a common scale (80k, 12 LPA = 12 lakh,
 * 1.2M, 1 crore). The model may convert units; it may not invent a number.
 */
export function amountIsWritten(amount: number, evidence: string, scales: readonly number[] = AMOUNT_SCALES): boolean {
  const numbers = [...evidence.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((match) => Number(match[0].replace(/,/g, '')));
  return numbers.some((written) => scales.some((scale) => Math.abs(written * scale - amount) < 0.5));
}
