#!/usr/bin/env node
'use strict';
// Entry point of the `safe-migrations` CLI: one esbuild bundle, dist/cli.js (built by `npm run build`,
// which npm ci runs through `prepare`).
const path = require('node:path');
let cli;
try {
  cli = require(path.join(__dirname, '..', 'dist', 'cli.js'));
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes('cli.js')) {
    process.stderr.write('safe-migrations: not built yet; run `npm run build` in ' + path.join(__dirname, '..') + '\n');
    process.exit(2);
  }
  throw e;
}
cli.main();
