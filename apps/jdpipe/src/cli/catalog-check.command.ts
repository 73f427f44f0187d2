import { checkCatalog, loadSeedCatalog } from '@jdpipe/catalog';

/** `jdpipe catalog check`: seed-file problems and catalog findings; exit 1 when any is an error. */
export function checkSeedCatalog(seedDir: string | undefined): number {
  const seed = loadSeedCatalog(seedDir);
  const findings = [
    ...seed.problems.map((p) => ({ severity: 'error', code: 'CATALOG.SEED_FORMAT', message: `${p.file} [${p.entry}] ${p.message}` })),
    ...checkCatalog(seed.catalog),
  ];
  const { skills, roles, dimensions, domains } = seed.catalog;
  const aliases = skills.reduce((sum, s) => sum + s.aliases.length, 0);
  for (const finding of findings) process.stdout.write(`${finding.severity.padEnd(7)} ${finding.code.padEnd(28)} ${finding.message}\n`);
  const errors = findings.filter((f) => f.severity === 'error').length;
  process.stdout.write(
    `${skills.length} skills, ${aliases} aliases, ${roles.length} roles, ${dimensions.length} dimensions, ${domains.length} domains — ` +
      `${errors} errors, ${findings.length - errors} warnings\n`,
  );
  return errors > 0 ? 1 : 0;
}
