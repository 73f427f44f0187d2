/** A URL-safe slug: lower-case ASCII words joined by hyphens ("C++" → "c-plus-plus", "C#" → "c-sharp"). */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\+\+/g, ' plus plus ')
    .replace(/#/g, ' sharp ')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'unnamed';
}

/** Lower-cased with runs of white space collapsed: the form external ids derived from labels use. */
export function normalisedLabel(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

const MINOR_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);

/**
 * ESCO writes occupation labels in lower case ("ICT test analyst"); roles are shown in title case like the
 * authored ones. Words that already carry capitals (ICT, McDonald) are kept as written.
 */
export function titleCase(text: string): string {
  return text
    .trim()
    .replace(/\s+/g, ' ')
    .split(' ')
    .map((word, index) => {
      if (word !== word.toLowerCase()) return word;
      if (index > 0 && MINOR_WORDS.has(word)) return word;
      return word.charAt(0).toUpperCase() + word.slice(1);
    })
    .join(' ');
}
