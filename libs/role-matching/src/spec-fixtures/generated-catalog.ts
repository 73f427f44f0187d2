import { type CatalogRole } from '@jdpipe/catalog';

// Random but reproducible role libraries, for checking that indexed lookups equal exhaustive ones.

/** Deterministic generator, so a failing catalog can be reproduced from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export const VOCABULARY = [
  'design',
  'build',
  'maintain',
  'server',
  'application',
  'database',
  'schema',
  'query',
  'customer',
  'account',
  'invoice',
  'ledger',
  'payroll',
  'audit',
  'campaign',
  'brand',
  'content',
  'patient',
  'clinic',
  'nurse',
  'lesson',
  'student',
  'curriculum',
  'warehouse',
  'shipment',
  'inventory',
  'supplier',
  'contract',
  'budget',
  'forecast',
  'report',
  'team',
  'quality',
  'safety',
  'machine',
  'repair',
  'network',
  'security',
  'incident',
  'vendor',
  'training',
  'policy',
  'compliance',
  'pipeline',
  'model',
  'dashboard',
  'recruit',
  'interview',
];
/** Words no KRA uses: they only lengthen a sentence and so lower its similarity. */
const POSTING_ONLY_WORDS = ['zephyr', 'quokka', 'marzipan', 'obelisk', 'tundra'];

export function phrase(random: () => number, words: readonly string[], minimum: number, maximum: number): string {
  const length = minimum + Math.floor(random() * (maximum - minimum + 1));
  return Array.from({ length }, () => words[Math.floor(random() * words.length)]).join(' ');
}

export function generatedCatalog(seed: number, roleCount: number): CatalogRole[] {
  const random = seededRandom(seed);
  return Array.from({ length: roleCount }, (_, index) => ({
    slug: `role-${index}`,
    name: `${phrase(random, VOCABULARY, 1, 2)} specialist`,
    domain: 'generated',
    description: '',
    aliases: Array.from({ length: 1 + Math.floor(random() * 3) }, () => phrase(random, VOCABULARY, 1, 3)),
    kras: Array.from({ length: 1 + Math.floor(random() * 6) }, () => phrase(random, VOCABULARY, 2, 7)),
    coreSkills: [],
    dimensions: [],
  }));
}

export function generatedSentences(seed: number, count: number): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => phrase(random, [...VOCABULARY, ...POSTING_ONLY_WORDS], 1, 9));
}
