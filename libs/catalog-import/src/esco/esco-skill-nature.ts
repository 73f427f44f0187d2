import type { SkillNature } from '@jdpipe/catalog';

// ESCO qualifies software by a parenthesis: "Ruby (computer programming)", "Nessus (penetration testing tool)".
const PROGRAMMING_QUALIFIER = /\((computer programming|programming language)\)\s*$/i;
const TOOL_QUALIFIER = /\([^)]*\b(software|systems?|tools?|frameworks?|platforms?|database management)\b[^)]*\)\s*$/i;
const TOOL_SUFFIX = /\b(software|database|framework|IDE)\s*$/;
// Alt labels of spoken languages read "competent in Finnish", "ability to comprehend spoken … Finnish".
const SPOKEN_LANGUAGE = /\b(spoken|competent in|speak and write)\b/i;

/**
 * The nature of an ESCO skill: knowledge is a CONCEPT, a skill/competence a PRACTICE, unless the entry is a
 * named product or programming language. ESCO writes concepts in lower case, so a capitalised label whose
 * alt labels are all capitalised too (or which has none) is a proper name: Haskell, Drupal, Adobe Photoshop.
 */
export function escoSkillNature(label: string, altLabels: string[], skillType: string): SkillNature {
  if (PROGRAMMING_QUALIFIER.test(label)) return 'LANGUAGE';
  const knowledge = skillType.trim().toLowerCase() === 'knowledge';
  if (TOOL_QUALIFIER.test(label)) return 'TOOL';
  // "captioning software" is a tool; "maintain database" (a competence, verb first) is not.
  if (knowledge && TOOL_SUFFIX.test(label)) return 'TOOL';
  if (looksLikeProductName(label, altLabels)) return 'TOOL';
  return knowledge ? 'CONCEPT' : 'PRACTICE';
}

// Single-word names of spoken languages and peoples: Spanish, Estonian, Japanese, Arabic, Bihari.
const LANGUAGE_NAME = /^\p{Lu}\p{Ll}+(ish|ian|ese|ic|i)$/u;
const MINOR_WORDS = new Set(['and', 'of', 'for', 'the', 'in', 'on', 'to', 'a']);

function looksLikeProductName(label: string, altLabels: string[]): boolean {
  const startsUpper = (text: string) => /^\p{Lu}/u.test(text.trim());
  if (!startsUpper(label) || /^ICT\b/.test(label) || LANGUAGE_NAME.test(label)) return false;
  if (altLabels.some((alt) => SPOKEN_LANGUAGE.test(alt))) return false;
  // "Apache Maven", "IBM InfoSphere DataStage" are names throughout; "Agile project management" is not.
  const words = label.split(/\s+/).filter((word) => !MINOR_WORDS.has(word));
  if (!words.every((word) => /[\p{Lu}\d]/u.test(word))) return false;
  return altLabels.every((alt) => alt.trim() === '' || startsUpper(alt));
}
