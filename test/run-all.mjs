#!/usr/bin/env node
// The one test command (`npm test`): unit tests, real-database tests, and the real VS Code host
// tests, summed into one closing line `N passed, N failed`. Exits non-zero when anything failed
// or a suite could not run.
//   npm test                 everything
//   npm test -- unit db      only some suites (unit, db, e2e)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const suites = wanted.length ? wanted : ['unit', 'db', 'e2e'];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-test-'));

function findTests(dir) {
  const out = [];
  const walk = (d) => {
    let entries;
    try { entries = fs.readdirSync(d, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) { if (e.name !== 'fixtures' && e.name !== 'node_modules') walk(full); }
      else if (e.name.endsWith('.test.ts')) out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}

/** Runs node's test runner on files, spec output to the terminal, TAP to a file we count. */
function runNodeTests(name, files, concurrency) {
  if (!files.length) { console.log(`\n== ${name}: no test files`); return { passed: 0, failed: 0, crashed: false }; }
  console.log(`\n== ${name}: ${files.length} file(s)`);
  const tap = path.join(tmp, `${name}.tap`);
  const res = spawnSync(process.execPath, [
    '--import', 'tsx', '--test', `--test-concurrency=${concurrency}`,
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`,
    ...files.map((f) => path.relative(root, f)),
  ], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : process.env.FORCE_COLOR } });
  const text = fs.existsSync(tap) ? fs.readFileSync(tap, 'utf8') : '';
  const count = (label) => Number(new RegExp(`^# ${label} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  const passed = count('pass');
  const failed = count('fail') + count('cancelled');
  const crashed = res.status !== 0 && failed === 0;
  if (crashed) console.log(`!! ${name}: the test runner exited with ${res.status ?? res.signal} without a failing test`);
  return { passed, failed, crashed };
}

function runE2E() {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  if (!pkg.scripts?.['test:e2e']) { console.log('\n== e2e: no test:e2e script'); return { passed: 0, failed: 0, crashed: true }; }
  console.log('\n== e2e: the extension in a real VS Code extension host');
  const result = path.join(tmp, 'e2e.json');
  const res = spawnSync('npm', ['run', '--silent', 'test:e2e'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, SAFE_MIGRATIONS_E2E_RESULT: result } });
  let counts = { passes: 0, failures: 0 };
  try { counts = JSON.parse(fs.readFileSync(result, 'utf8')); } catch { /* no result file: counted as a crash below */ }
  const crashed = res.status !== 0 && !counts.failures;
  if (crashed) console.log(`!! e2e: exited with ${res.status ?? res.signal} without a failing test`);
  return { passed: counts.passes ?? 0, failed: counts.failures ?? 0, crashed: crashed || (counts.passes ?? 0) + (counts.failures ?? 0) === 0 };
}

const totals = { passed: 0, failed: 0, crashedSuites: [] };
for (const suite of suites) {
  let r;
  if (suite === 'unit') r = runNodeTests('unit', findTests(path.join(root, 'test', 'unit')), Math.max(2, os.cpus().length));
  else if (suite === 'db') r = runNodeTests('db', findTests(path.join(root, 'test', 'db')), 1);
  else if (suite === 'e2e') r = runE2E();
  else { console.error(`unknown suite "${suite}" (expected unit, db, e2e)`); process.exit(2); }
  totals.passed += r.passed;
  totals.failed += r.failed;
  if (r.crashed) totals.crashedSuites.push(suite);
  console.log(`-- ${suite}: ${r.passed} passed, ${r.failed} failed`);
}
fs.rmSync(tmp, { recursive: true, force: true });
if (totals.crashedSuites.length) console.log(`suites that did not run cleanly: ${totals.crashedSuites.join(', ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed || totals.crashedSuites.length ? 1 : 0);
