import type { SuggestionView } from '../api/api-types.js';

/**
 * The merge target to offer first: the catalog skill the proposal looks like an alias of, or `#id` of the
 * pending twin it duplicates; empty when the suggestion is not a merge.
 */
export function suggestedMergeTarget(suggestion: SuggestionView): string {
  switch (suggestion.type) {
    case 'alias_of':
      return suggestion.skillSlug;
    case 'merge_into_item':
      return `#${suggestion.itemId}`;
    default:
      return '';
  }
}

/** A typed target as the API takes it: a skill slug, or `#12` / `12` for another review item. */
export function normaliseMergeTarget(input: string): string | null {
  const target = input.trim();
  if (target === '') return null;
  return /^#?\d+$/.test(target) ? target.replace(/^#/, '') : target.toLowerCase();
}
