// Writes ./openapi.json from the compiled HTTP API (`npm run build` first); with --check, exits 1 when the
// checked-in file differs from what the code describes. Needs no database and no broker.
//   node scripts/openapi.mjs [--check] [FILE]
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
require('./module-aliases.js');
const { openApiFileCommand } = require('@jdpipe/http-api');

const args = process.argv.slice(2);
const check = args.includes('--check');
const file = args.find((arg) => arg !== '--check') ?? fileURLToPath(new URL('../openapi.json', import.meta.url));
process.exitCode = await openApiFileCommand(file, check);
