import { aliasKey, type Catalog } from '@jdpipe/catalog';

import type { ReviewItem } from './review.ports';

export type SuggestedAction =
  | { type: 'new_skill' }
  | { type: 'alias_of'; skillSlug: string }
  | { type: 'merge_into_item'; itemId: number }
  | { type: 'add_alias'; skillSlug: string }
  | { type: 'add_kra'; roleSlug: string }
  | { type: 'new_role' };

/** Keys shorter than this are too ambiguous ("go", "r", "ml") to call near each other. */
const MIN_FUZZY_KEY_LENGTH = 4;

/**
 * What a reviewer most likely wants to do with an item. A proposed skill whose spelling is close to a
 * catalog skill (same key, one a prefix of the other, or a typo away) is probably an alias of it; one close
 * to another pending proposal is probably the same proposal; otherwise it is a new canonical skill.
 */
export function suggestAction(item: ReviewItem, catalog: Catalog, pending: readonly ReviewItem[]): SuggestedAction {
  switch (item.kind) {
    case 'alias':
      return { type: 'add_alias', skillSlug: item.target ?? '?' };
    case 'kra':
      return { type: 'add_kra', roleSlug: item.target ?? '?' };
    case 'role':
      return { type: 'new_role' };
    case 'skill':
      break;
  }
  const key = aliasKey(item.value);
  const closeSkill = closestSkill(key, catalog);
  if (closeSkill) return { type: 'alias_of', skillSlug: closeSkill };
  const twin = pending
    .filter((other) => other.id !== item.id && other.kind === item.kind && other.status === 'pending')
    .filter((other) => keysAreClose(key, aliasKey(other.value)) || wordsExtend(item.value, other.value))
    // The more frequent one (then the older one) is the survivor, so two twins never point at each other.
    .filter((other) => other.occurrences > item.occurrences || (other.occurrences === item.occurrences && other.id < item.id))
    .sort((a, b) => b.occurrences - a.occurrences || a.id - b.id)[0];
  return twin ? { type: 'merge_into_item', itemId: twin.id } : { type: 'new_skill' };
}

export function describeSuggestion(suggestion: SuggestedAction): string {
  switch (suggestion.type) {
    case 'new_skill':
      return 'new canonical skill';
    case 'alias_of':
      return `alias of ${suggestion.skillSlug}`;
    case 'merge_into_item':
      return `merge into #${suggestion.itemId}`;
    case 'add_alias':
      return `add alias to ${suggestion.skillSlug}`;
    case 'add_kra':
      return `add KRA to ${suggestion.roleSlug}`;
    case 'new_role':
      return 'new role';
  }
}

function closestSkill(key: string, catalog: Catalog): string | null {
  let best: { slug: string; distance: number } | null = null;
  for (const skill of catalog.skills) {
    for (const spelling of [skill.name, ...skill.aliases.map((alias) => alias.text)]) {
      const other = aliasKey(spelling);
      if (other === key) return skill.slug;
      if (!keysAreClose(key, other)) continue;
      const distance = editDistance(key, other);
      if (!best || distance < best.distance) best = { slug: skill.slug, distance };
    }
  }
  return best?.slug ?? null;
}

/** Same key, one a prefix of the other (at most half again as long), or within a typo or two. */
export function keysAreClose(a: string, b: string): boolean {
  if (a === b) return a.length > 0;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (shorter.length < MIN_FUZZY_KEY_LENGTH) return false;
  if (longer.startsWith(shorter) && longer.length <= shorter.length * 1.5) return true;
  const allowed = shorter.length >= 8 ? 2 : 1;
  return longer.length - shorter.length <= allowed && editDistance(a, b) <= allowed;
}

/** One proposal is the other plus trailing words: "Terraform Cloud" and "Terraform". */
function wordsExtend(a: string, b: string): boolean {
  const words = (text: string) => text.toLowerCase().split(/\s+/).filter(Boolean);
  const [shorter, longer] = [words(a), words(b)].sort((x, y) => x.length - y.length);
  if (shorter.length === 0 || shorter.length === longer.length || shorter.join('').length < MIN_FUZZY_KEY_LENGTH) return false;
  return shorter.every((word, index) => longer[index] === word);
}

/** Levenshtein distance; the keys compared are short spellings, so the quadratic table is cheap. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
