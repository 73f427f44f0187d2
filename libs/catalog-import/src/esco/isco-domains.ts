/**
 * ISCO-08 groups mapped to the authored domains where the fit is clear; the longest matching code prefix
 * wins. Everything else lands in an `imported-…` domain named after its ISCO major group, so a role is
 * never forced into a domain it does not belong to.
 */
const ISCO_DOMAINS: ReadonlyArray<readonly [prefix: string, domain: string]> = [
  ['1211', 'finance-accounting'],
  ['1212', 'human-resources'],
  ['1221', 'sales'],
  ['1222', 'marketing'],
  ['1321', 'mechanical-engineering'],
  ['1323', 'civil-engineering'],
  ['1324', 'operations-logistics'],
  ['1330', 'software-engineering'],
  ['1342', 'healthcare'],
  ['1343', 'healthcare'],
  ['1345', 'education'],
  ['2120', 'data-ai'],
  ['2141', 'mechanical-engineering'],
  ['2142', 'civil-engineering'],
  ['2144', 'mechanical-engineering'],
  ['215', 'electrical-engineering'],
  ['2161', 'civil-engineering'],
  ['2163', 'design'],
  ['2166', 'design'],
  ['22', 'healthcare'],
  ['23', 'education'],
  ['241', 'finance-accounting'],
  ['2423', 'human-resources'],
  ['2424', 'human-resources'],
  ['2431', 'marketing'],
  ['2432', 'marketing'],
  ['2433', 'sales'],
  ['2434', 'sales'],
  ['2511', 'software-engineering'],
  ['2512', 'software-engineering'],
  ['2513', 'software-engineering'],
  ['2514', 'software-engineering'],
  ['2519', 'quality-assurance'],
  ['2521', 'data-ai'],
  ['2522', 'cloud-devops'],
  ['2523', 'cloud-devops'],
  ['2529', 'cloud-devops'],
  ['3112', 'civil-engineering'],
  ['3113', 'electrical-engineering'],
  ['3114', 'electrical-engineering'],
  ['3115', 'mechanical-engineering'],
  ['32', 'healthcare'],
  ['331', 'finance-accounting'],
  ['332', 'sales'],
  ['3331', 'operations-logistics'],
  ['334', 'administration'],
  ['35', 'cloud-devops'],
  ['41', 'administration'],
  ['42', 'customer-support'],
  ['431', 'finance-accounting'],
  ['432', 'operations-logistics'],
  ['44', 'administration'],
  ['531', 'education'],
  ['532', 'healthcare'],
];

/** The authored domain an ISCO code belongs to, or null when none fits. */
export function authoredDomainForIsco(iscoCode: string): string | null {
  let best: readonly [string, string] | null = null;
  for (const entry of ISCO_DOMAINS) {
    if (iscoCode.startsWith(entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  }
  return best?.[1] ?? null;
}
