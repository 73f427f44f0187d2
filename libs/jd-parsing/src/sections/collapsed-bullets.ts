/**
 * Scraped postings often lose their line breaks, so bullets run together:
 * "... maintainable code Develop and support software ... standards Support test and deployment".
 * A new bullet starts where a capitalised duty verb (or a requirement opener such as "Ability to",
 * "Bachelor's", "3+ years") follows a word that ends without punctuation. A capitalised word after
 * another capitalised word ("in Python Development") is a name, not a bullet start.
 */

const DUTY_VERBS = [
  'achieve',
  'act',
  'administer',
  'advise',
  'align',
  'analyse',
  'analyze',
  'apply',
  'architect',
  'assess',
  'assist',
  'attend',
  'audit',
  'automate',
  'be',
  'build',
  'calculate',
  'champion',
  'close',
  'coach',
  'collaborate',
  'collect',
  'communicate',
  'compile',
  'conduct',
  'configure',
  'contribute',
  'coordinate',
  'create',
  'debug',
  'define',
  'deliver',
  'demonstrate',
  'deploy',
  'design',
  'develop',
  'document',
  'drive',
  'educate',
  'engage',
  'ensure',
  'establish',
  'estimate',
  'evaluate',
  'execute',
  'facilitate',
  'follow',
  'forecast',
  'foster',
  'gather',
  'generate',
  'grow',
  'guide',
  'handle',
  'have',
  'help',
  'identify',
  'implement',
  'improve',
  'increase',
  'install',
  'integrate',
  'interact',
  'interpret',
  'investigate',
  'keep',
  'lead',
  'leverage',
  'liaise',
  'maintain',
  'manage',
  'mentor',
  'meet',
  'model',
  'monitor',
  'motivate',
  'negotiate',
  'operate',
  'optimise',
  'optimize',
  'organise',
  'organize',
  'own',
  'oversee',
  'participate',
  'partner',
  'perform',
  'plan',
  'possess',
  'prepare',
  'present',
  'prioritise',
  'prioritize',
  'process',
  'produce',
  'promote',
  'propose',
  'prospect',
  'provide',
  'recommend',
  'recruit',
  'reduce',
  'refactor',
  'report',
  'research',
  'resolve',
  'respond',
  'review',
  'run',
  'schedule',
  'scale',
  'serve',
  'set',
  'share',
  'source',
  'stay',
  'streamline',
  'supervise',
  'support',
  'take',
  'teach',
  'test',
  'track',
  'train',
  'translate',
  'troubleshoot',
  'understand',
  'update',
  'use',
  'utilise',
  'utilize',
  'validate',
  'verify',
  'work',
  'write',
];

const DOUBLED_FINAL_CONSONANT = new Set(['plan', 'run', 'set', 'model', 'refactor']);

function inflections(verb: string): string[] {
  const forms = [verb];
  forms.push(/(?:s|sh|ch|x|z|o)$/.test(verb) ? `${verb}es` : /[^aeiou]y$/.test(verb) ? `${verb.slice(0, -1)}ies` : `${verb}s`);
  if (verb === 'be') forms.push('being');
  else if (DOUBLED_FINAL_CONSONANT.has(verb) && !verb.endsWith('l') && !verb.endsWith('r')) forms.push(`${verb}${verb.at(-1)}ing`);
  else if (/[^e]e$/.test(verb)) forms.push(`${verb.slice(0, -1)}ing`);
  else forms.push(`${verb}ing`);
  return forms;
}

const VERB_FORMS = new Set(DUTY_VERBS.flatMap(inflections));

/** True for a duty verb in any form ("Develop", "Develops", "Developing"). */
export function isDutyVerb(word: string): boolean {
  return VERB_FORMS.has(word.toLowerCase());
}

/** Openers of requirement bullets; they start a bullet after a lowercase word. */
const REQUIREMENT_OPENERS = new Set([
  'ability',
  'bachelor',
  "bachelor's",
  'bachelors',
  'bachelor’s',
  'master',
  "master's",
  'masters',
  'master’s',
  'degree',
  'experience',
  'expertise',
  'exposure',
  'familiarity',
  'knowledge',
  'proficiency',
  'understanding',
  'strong',
  'excellent',
  'proven',
  'good',
  'solid',
  'demonstrated',
  'must',
  'should',
  'minimum',
  'hands-on',
  'prior',
  'previous',
  'proficient',
  'familiar',
  'comfortable',
  'fluent',
  'fluency',
  'passion',
  'passionate',
  'willingness',
  'eagerness',
  'outstanding',
  'exceptional',
  'deep',
  'basic',
  'working',
  'self-motivated',
  'attention',
  'great',
]);

/** Noun openers that start a bullet even after a capitalised word when followed by a preposition ("Development Experience with"). */
const NOUN_OPENERS = new Set([
  'experience',
  'expertise',
  'knowledge',
  'proficiency',
  'familiarity',
  'understanding',
  'exposure',
  'ability',
]);
const NOUN_OPENER_FOLLOWERS = new Set(['with', 'in', 'of', 'to', 'on', 'using', 'working', 'across']);

const FUNCTION_WORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'in',
  'and',
  'or',
  'for',
  'with',
  'to',
  'on',
  'at',
  'by',
  'from',
  'as',
  'our',
  'your',
  'their',
  'its',
  'this',
  'that',
  'these',
  'those',
  'is',
  'are',
  'be',
  'will',
  'can',
  'such',
  'like',
  'including',
  'into',
  'via',
  'using',
  'across',
  'within',
  'about',
  'per',
  'has',
  'have',
  'had',
  'who',
  'which',
  'we',
  'you',
  'they',
  'his',
  'her',
  'not',
  'no',
  'nor',
  'than',
  'both',
  'either',
  'any',
  'all',
  'each',
  'every',
  'other',
  'new',
  'must',
  'should',
  'may',
  'hands-on',
  'prior',
  'relevant',
  'good',
  'strong',
  'proven',
  'solid',
  'deep',
  'practical',
  'professional',
  'extensive',
  'previous',
  'technical',
  'some',
  'excellent',
  'sound',
  'basic',
  'advanced',
  'minimum',
  'overall',
  'total',
  'industry',
  'work',
  'related',
  'significant',
  'demonstrated',
  'working',
]);

interface Token {
  word: string;
  start: number;
}

const TOKEN = /\S+/g;

function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let found = TOKEN.exec(text); found; found = TOKEN.exec(text)) tokens.push({ word: found[0], start: found.index });
  return tokens;
}

const bare = (word: string): string => word.replace(/^["“'(]+|[,;:"”')]+$/g, '').toLowerCase();
const isTitleCase = (word: string): boolean => /^[A-Z][a-z’'-]/.test(word) || /^[A-Z]$/.test(word);
const endsRunOn = (word: string): boolean => /[a-z)]$/.test(word) && !/^[A-Z]{2,}/.test(word);

/** Offsets (relative to `text`) where a run-together bullet begins. */
export function collapsedBulletStarts(text: string): number[] {
  const tokens = tokensOf(text);
  const starts: number[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const previous = tokens[i - 1].word;
    const current = tokens[i].word;
    const next = tokens[i + 1]?.word ?? '';
    const previousBare = bare(previous);
    if (FUNCTION_WORDS.has(previousBare)) continue;
    const word = bare(current);

    if (/^\d{1,2}\+?$/.test(current) && /^(?:\+\s*)?(?:years?|yrs?)\b/i.test(next) && /[a-z)]$/.test(previous)) {
      starts.push(tokens[i].start);
      continue;
    }
    if (!isTitleCase(current)) continue;
    const nextStartsLower = /^[a-z(]/.test(next);
    if (endsRunOn(previous) && !isTitleCase(previous)) {
      if (VERB_FORMS.has(word) && nextStartsLower) starts.push(tokens[i].start);
      else if (REQUIREMENT_OPENERS.has(word) && (nextStartsLower || /^(?:degree|of)\b/i.test(next))) starts.push(tokens[i].start);
      continue;
    }
    if (NOUN_OPENERS.has(word) && NOUN_OPENER_FOLLOWERS.has(bare(next)) && isTitleCase(previous) && /[a-z]$/.test(previous)) {
      starts.push(tokens[i].start);
    }
  }
  return starts;
}
