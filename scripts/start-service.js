'use strict';
// Runs one compiled service: node scripts/start-service.js <gateway|parser|role-matcher|skill-resolver|persister>
const path = require('node:path');
const SERVICES = ['gateway', 'parser', 'role-matcher', 'skill-resolver', 'persister'];
const name = process.argv[2];
if (!SERVICES.includes(name)) {
  process.stderr.write(`usage: node scripts/start-service.js <${SERVICES.join('|')}>\n`);
  process.exit(2);
}
require('./module-aliases.js');
require(path.join(__dirname, '..', 'dist', 'apps', name, 'src', 'main.js'));
