import { aliasKey } from '@jdpipe/catalog';

import type { DroppedAliasCounts } from '../import-batch';

// Words that say nothing on their own: matching them would put a skill or a role on most postings.
const STOP_WORDS = [
  'a',
  'an',
  'and',
  'any',
  'as',
  'at',
  'be',
  'by',
  'do',
  'for',
  'from',
  'in',
  'into',
  'is',
  'it',
  'of',
  'on',
  'or',
  'other',
  'others',
  'the',
  'to',
  'use',
  'using',
  'with',
  'work',
  'working',
  'n/a',
  'na',
  'none',
  'misc',
  'various',
  'general',
  'etc',
];
const GENERIC_SKILL_WORDS = [
  'analysis',
  'communication',
  'communicate',
  'control',
  'coordination',
  'design',
  'development',
  'ict',
  'it',
  'leadership',
  'management',
  'manage',
  'monitor',
  'monitoring',
  'operate',
  'operation',
  'operations',
  'planning',
  'plan',
  'research',
  'software',
  'support',
  'system',
  'systems',
  'teamwork',
  'technology',
  'tool',
  'tools',
  'training',
  'service',
  'services',
  'skills',
  'knowledge',
  'quality',
  'safety',
  'sales',
  'production',
];
// A lone job-level word is a title of every occupation at once.
const GENERIC_TITLE_WORDS = [
  'administrator',
  'advisor',
  'adviser',
  'agent',
  'analyst',
  'assistant',
  'associate',
  'chief',
  'clerk',
  'consultant',
  'coordinator',
  'developer',
  'director',
  'employee',
  'engineer',
  'executive',
  'expert',
  'head',
  'helper',
  'inspector',
  'laborer',
  'labourer',
  'lead',
  'leader',
  'manager',
  'member',
  'officer',
  'operator',
  'operative',
  'owner',
  'partner',
  'president',
  'professional',
  'representative',
  'specialist',
  'staff',
  'supervisor',
  'technician',
  'trainee',
  'worker',
  'apprentice',
  'intern',
  'volunteer',
  'aide',
  'attendant',
];

const GENERIC_SKILL_KEYS = new Set([...STOP_WORDS, ...GENERIC_SKILL_WORDS].map(aliasKey));
const GENERIC_TITLE_KEYS = new Set([...STOP_WORDS, ...GENERIC_TITLE_WORDS].flatMap((word) => [aliasKey(word), aliasKey(`${word}s`)]));

export type AliasKind = 'skill' | 'role';

/**
 * Keeps the aliases worth matching and counts the rest: at most two characters, purely numeric, or a generic
 * word. Duplicates (same alias key) and the entry's own name are dropped without counting: they lose nothing.
 */
export class AliasFilter {
  readonly dropped: DroppedAliasCounts = { short: 0, numeric: 0, generic: 0 };

  constructor(private readonly kind: AliasKind) {}

  /** The aliases to keep, in their first-seen spelling, without the name itself. */
  keep(name: string, candidates: Iterable<string>): string[] {
    const seen = new Set([aliasKey(name)]);
    const kept: string[] = [];
    for (const raw of candidates) {
      const text = raw.trim().replace(/\s+/g, ' ');
      if (!text) continue;
      const key = aliasKey(text);
      if (seen.has(key)) continue;
      seen.add(key);
      const reason = this.rejection(text, key);
      if (reason) this.dropped[reason] += 1;
      else kept.push(text);
    }
    return kept;
  }

  private rejection(text: string, key: string): keyof DroppedAliasCounts | null {
    if (key.replace(/[^\p{L}\p{N}+#]/gu, '').length <= 2) return 'short';
    if (/^[\d\s.,/-]+$/.test(text)) return 'numeric';
    const generic = this.kind === 'skill' ? GENERIC_SKILL_KEYS : GENERIC_TITLE_KEYS;
    return generic.has(key) ? 'generic' : null;
  }
}

/** Adds the counts of several filters (skills and roles of one batch). */
export function sumDropped(...counts: DroppedAliasCounts[]): DroppedAliasCounts {
  return counts.reduce(
    (sum, count) => ({ short: sum.short + count.short, numeric: sum.numeric + count.numeric, generic: sum.generic + count.generic }),
    { short: 0, numeric: 0, generic: 0 },
  );
}
