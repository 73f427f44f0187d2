import type { JdSection, JdSentence, Requirement } from '../parsed-jd';

const PREFERRED_WORDING =
  /\b(?:preferred|preferable|preferably|(?:is |are |would be |will be )?an? (?:added |big |huge |strong )?(?:plus|advantage|bonus)|plus point|nice[- ]to[- ]have|good[- ]to[- ]have|bonus|desirable|desired|advantageous|not (?:required|mandatory)|optional|ideally)\b/i;

/** True when the wording of a sentence marks it as optional. */
export function soundsPreferred(text: string): boolean {
  return PREFERRED_WORDING.test(text);
}

/** 'preferred' when the section is nice_to_have or the sentence says preferred/plus/nice to have/good to have/bonus/desirable. */
export function requirementOf(sentence: JdSentence, sections: JdSection[]): Requirement {
  if (sections[sentence.sectionIndex]?.kind === 'nice_to_have') return 'preferred';
  return soundsPreferred(sentence.text) ? 'preferred' : 'required';
}
