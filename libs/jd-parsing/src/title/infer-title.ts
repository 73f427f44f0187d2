import { singularRoleNoun } from './role-nouns';
import { cleanTitle } from './clean-title';

/**
 * Infers the title when none is given: a labelled field ("Job Title: ..."), then a hiring phrase
 * ("looking for exceptionally talented Senior Developers and Team Leads"), then a short first line
 * that names a role. The hiring phrase also yields the role aliases: the other titles it joins with
 * "and"/"or"/"/".
 */

const LABELLED =
  /(?:^|\n|\.\s|;\s*)\s*(?:[*_#-]+\s*)?(?:job title|position title|title|position|role|designation|job role|job position|opening)\s*[:\-–]\s*([^\n;|]{2,80})/i;
const HIRING_CUE =
  /\b(?:looking for|seeking|searching for|hiring(?: for)?|recruiting|in search of|need(?:s)? (?:a|an)|wants? (?:a|an)|join (?:us|our team|the team) as|position of|role of|opening for|vacancy for)\s+(?:(?:a|an|the|one|two|three|\d+|multiple|several|exceptionally|highly|talented|experienced|motivated|passionate|dynamic|skilled|dedicated|enthusiastic|driven|proactive|results[- ]oriented|self[- ]motivated|qualified|energetic|creative|detail[- ]oriented|strong|exceptional|outstanding|curious|smart|young|bright|ambitious|seasoned|hands[- ]on|technical|full[- ]time|part[- ]time|remote|certified|licensed|and|,)\s+){0,6}/g;

export interface InferredTitle {
  title: string;
  aliases: string[];
}

const CONNECTOR = /^(?:of|and|&|-|\/|for)$/i;
const isTitleWord = (word: string): boolean => /^(?:[A-Z][A-Za-z0-9+#.&'’-]*|\.NET|[A-Z]{2,}[a-z]*)$/.test(word);

/** The title at the start of a phrase: up to six capitalised words, ending on the last role noun among them. */
function tidyRolePhrase(phrase: string): string | null {
  const words = phrase.trim().split(/\s+/).filter(Boolean);
  const leading: string[] = [];
  for (const word of words) {
    if (leading.length >= 7) break;
    if (isTitleWord(word) || (leading.length > 0 && CONNECTOR.test(word))) leading.push(word);
    else break;
  }
  let lastNoun = -1;
  leading.forEach((word, i) => {
    if (singularRoleNoun(word)) lastNoun = i;
  });
  if (lastNoun < 0) return null;
  const title = leading.slice(0, lastNoun + 1);
  const last = title[lastNoun];
  const noun = singularRoleNoun(last) ?? '';
  // Keep the writer's casing; only drop the plural.
  if (last.toLowerCase().replace(/[^a-z]/g, '') !== noun) title[lastNoun] = last.replace(/s$/i, '');
  return title.join(' ');
}

/** Role phrases at the start of `text`, split on "and"/"or"/"/": "Senior Developers and Team Leads" → two titles. */
function rolePhrasesAt(text: string): string[] {
  const head = text.slice(0, 120).split(/[.,;:!?()\n]| to | who | with | for | in | at | based /)[0];
  const titles: string[] = [];
  for (const part of head.split(/\s+(?:and|or|&)\s+|\s*\/\s*/)) {
    const title = tidyRolePhrase(part);
    if (!title) break;
    titles.push(title);
  }
  return titles;
}

function fromHiringPhrase(text: string): InferredTitle | null {
  HIRING_CUE.lastIndex = 0;
  for (let cue = HIRING_CUE.exec(text); cue; cue = HIRING_CUE.exec(text)) {
    const titles = rolePhrasesAt(text.slice(cue.index + cue[0].length));
    if (titles.length > 0) return { title: titles[0], aliases: titles.slice(1) };
  }
  return null;
}

function fromFirstLine(text: string): string | null {
  const firstLine = text.trim().split('\n')[0].trim();
  if (firstLine.length > 70 || firstLine.split(/\s+/).length > 9 || /[.!?]$/.test(firstLine)) return null;
  const cleaned = cleanTitle(firstLine.replace(/^[*#_\s]+|[*#_\s:]+$/g, ''));
  if (!cleaned) return null;
  const lastWord = cleaned
    .split(/[\s(]/)
    .filter(Boolean)
    .find((word) => singularRoleNoun(word));
  return lastWord ? cleaned : null;
}

export function inferTitle(text: string): InferredTitle | null {
  const labelled = LABELLED.exec(text);
  if (labelled) {
    const title = cleanTitle(labelled[1].split(/\s{2,}|\.\s/)[0]);
    if (title && title.split(/\s+/).length <= 10) return { title, aliases: [] };
  }
  const hiring = fromHiringPhrase(text);
  if (hiring) return hiring;
  const firstLine = fromFirstLine(text);
  return firstLine ? { title: firstLine, aliases: [] } : null;
}

/** Other titles named for the same opening: slash alternatives in the title and titles joined in the hiring phrase. */
export function roleAliasesOf(title: string | null, text: string): string[] {
  const aliases: string[] = [];
  if (title) {
    for (const part of title.split(/\s*\/\s*|\s+or\s+/).slice(1)) {
      const alias = tidyRolePhrase(part.replace(/\s*[-–(].*$/, ''));
      if (alias) aliases.push(alias);
    }
  }
  const hiring = fromHiringPhrase(text);
  if (hiring) aliases.push(...[hiring.title, ...hiring.aliases]);
  const titleKey = title?.toLowerCase().replace(/\s+/g, ' ');
  const seen = new Set<string>();
  return aliases.filter((alias) => {
    const key = alias.toLowerCase();
    if (key === titleKey || seen.has(key) || (titleKey && titleKey.split(/\s*\/\s*/)[0] === key)) return false;
    seen.add(key);
    return true;
  });
}
