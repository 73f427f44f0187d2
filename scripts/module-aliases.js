'use strict';
// Resolves the monorepo's `@jdpipe/*` import names to the compiled libraries under dist/, using the same
// table as tsconfig.base.json so that the compiler and the runtime can never disagree.
const Module = require('node:module');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '..');
const { paths } = require(path.join(repoRoot, 'tsconfig.base.json')).compilerOptions;
const compiledEntry = new Map(
  Object.entries(paths).map(([name, [source]]) => [name, path.join(repoRoot, 'dist', source.replace(/\.ts$/, '.js'))]),
);

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveWithAliases(request, ...rest) {
  const entry = compiledEntry.get(request);
  return resolveFilename.call(this, entry ?? request, ...rest);
};
