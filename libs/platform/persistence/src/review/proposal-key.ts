/**
 * The form under which recurring proposals are recognised as the same item: "Apache  Kafka." and
 * "apache kafka" are one review item. Case, width variants, spacing and trailing punctuation do not count.
 */
export function normaliseProposalValue(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s.,;:!?]+$/u, '')
    .trim();
}
