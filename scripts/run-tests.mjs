// Runs compiled specs with node's test runner: `*.spec.js` by default, `*.int-spec.js` with --int,
// `*.e2e-spec.js` (black-box tests of the service deployment) with --e2e.
// Usage: node scripts/run-tests.mjs [--int|--e2e] [path-filter ...]
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const distRoot = new URL('../dist/', import.meta.url).pathname;
const args = process.argv.slice(2);
const integration = args.includes('--int');
const endToEnd = args.includes('--e2e');
const filters = args.filter((a) => a !== '--int' && a !== '--e2e');
const suffix = endToEnd ? '.e2e-spec.js' : integration ? '.int-spec.js' : '.spec.js';
// Each end-to-end file starts a whole deployment (five services): one at a time on a small machine.
const concurrency = endToEnd ? 1 : 2;

function findSpecs(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return findSpecs(full);
    return name.endsWith(suffix) && (integration || !name.endsWith('.int-spec.js')) ? [full] : [];
  });
}

const specs = ['apps', 'libs', 'test']
  .map((top) => join(distRoot, top))
  .filter((dir) => statSync(dir, { throwIfNoEntry: false })?.isDirectory())
  .flatMap(findSpecs)
  .filter((file) => filters.length === 0 || filters.some((f) => relative(distRoot, file).includes(f)))
  .sort();

if (specs.length === 0) {
  console.error(`No compiled ${suffix} files found: run \`npm run build\` first.`);
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--require', new URL('./module-aliases.js', import.meta.url).pathname, '--test', `--test-concurrency=${concurrency}`, ...specs],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
