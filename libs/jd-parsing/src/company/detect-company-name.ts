/**
 * The hiring company's name when the text states it: a labelled field, an "About <Name>" heading,
 * "At <Name>, we ...", "<Name> is a leading ...", or "Join <Name>". Null rather than a guess.
 */

const NAME = String.raw`((?:[A-Z][A-Za-z0-9&'’.-]*|[A-Z]{2,})(?:\s+(?:[A-Z][A-Za-z0-9&'’.-]*|&|of|and|de|for)){0,5})`;
const PATTERNS: RegExp[] = [
  /(?:^|\n)\s*(?:[*_#-]+\s*)?(?:company(?: name)?|organi[sz]ation|employer|client)\s*[:\-–]\s*([^\n|;]{2,60})/i,
  new RegExp(String.raw`(?:^|\n)\s*(?:#+\s*|\*\*)?About\s+${NAME}\s*(?:\*\*)?\s*:?\s*(?:\n|$)`),
  new RegExp(String.raw`\bAt\s+${NAME},\s+(?:we|our)\b`),
  new RegExp(
    String.raw`(?:^|[.!]\s+|\n)${NAME}\s+(?:is|are)\s+(?:an?|the|one of)\s+(?:leading|global|fast[- ]growing|well[- ]known|premier|largest|top|rapidly|innovative|world|trusted|award)`,
  ),
  new RegExp(String.raw`\b(?:Join|join)\s+${NAME}\s+(?:as|and|to|in|team)\b`),
];
const NOT_A_COMPANY = /^(?:the|us|our|this|we|you|your|job|role|position|team|company|opportunity|it|a|an)$/i;
const GENERIC_ABOUT = /^(?:the|us|you|our|job|role|position|team|company|opportunity|this)\b/i;

export function detectCompanyName(text: string): string | null {
  for (const pattern of PATTERNS) {
    const found = pattern.exec(text);
    if (!found) continue;
    const name = found[1]
      .trim()
      .replace(/[.,:;]+$/, '')
      .replace(/\s+(?:and|of|&|for)$/i, '');
    if (name.length < 2 || NOT_A_COMPANY.test(name) || GENERIC_ABOUT.test(name)) continue;
    return name;
  }
  return null;
}
