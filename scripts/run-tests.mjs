// Runs compiled specs with node's test runner: `*.spec.js` by default, `*.int-spec.js` with --int.
// Usage: node scripts/run-tests.mjs [--int] [path-filter ...]
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const distRoot = new URL('../dist/', import.meta.url).pathname;
const args = process.argv.slice(2);
const integration = args.includes('--int');
const filters = args.filter((a) => a !== '--int');
const suffix = integration ? '.int-spec.js' : '.spec.js';

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
  ['--require', new URL('./module-aliases.js', import.meta.url).pathname, '--test', '--test-concurrency=2', ...specs],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
