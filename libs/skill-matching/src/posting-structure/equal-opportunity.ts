// What only such a statement says: that the employer does not discriminate, or accommodates.
const STATEMENT_CUES = /\b(?:equal (?:employment )?opportunit|discriminat|reasonable accommodation|affirmative action)/i;
// Phrases such a statement opens its list with, which other sentences use too ("regardless of device").
const LIST_CUES = /\b(?:without regard to|regardless of)\b/i;
// The grounds it lists.
const PROTECTED_GROUNDS =
  /\b(?:race|colou?r|religion|creed|national origin|ancestry|sex|gender|sexual orientation|marital status|disabilit(?:y|ies)|veterans?|pregnancy|genetic information|age)\b/gi;

/**
 * Whether a sentence is an equal-opportunity or accommodation statement: "without regard to race, sex
 * (including pregnancy, childbirth, lactation)", "accommodation due to a disability during the application
 * process". The words it lists are grounds the law protects, not skills the job asks for, wherever the
 * posting puts the statement. "Regardless of" alone is common prose: it needs two grounds to count.
 */
export function isEqualOpportunityStatement(sentence: string): boolean {
  const statement = STATEMENT_CUES.test(sentence);
  if (!statement && !LIST_CUES.test(sentence)) return false;
  const grounds = new Set([...sentence.matchAll(PROTECTED_GROUNDS)].map(([ground]) => ground.toLowerCase()));
  return grounds.size >= (statement ? 1 : 2);
}
