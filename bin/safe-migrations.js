#!/usr/bin/env node
'use strict';
// Entry point of the `safe-migrations` CLI; the code is compiled by `npm run build` (run by npm ci/install).
const path = require('node:path');
const fs = require('node:fs');
const compiled = path.join(__dirname, '..', 'out', 'server', 'src', 'cli', 'main.js');
if (!fs.existsSync(compiled)) {
  process.stderr.write('safe-migrations: not built yet; run `npm run build` in ' + path.join(__dirname, '..') + '\n');
  process.exit(2);
}
const { runCli } = require(compiled);
runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  isTTY: Boolean(process.stderr.isTTY),
}).then((code) => { process.exitCode = code; });
