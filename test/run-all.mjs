#!/usr/bin/env node
// The one test command (`npm test`): unit tests, real-database tests, and the real VS Code host
// tests. Prints one line per suite, the failing tests, and a closing line `N passed, N failed` in
// which a suite that could not run counts as one failure. Exits non-zero when anything failed.
//   npm test                   everything
//   npm test -- unit db        only some suites (unit, db, e2e)
//   npm test -- --verbose      the full output of every suite (also SAFE_MIGRATIONS_TEST_VERBOSE=1)
// Quiet runs keep each suite's full output in a log file, named when the suite failed.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose') || args.includes('-v') || /^(1|true|yes)$/i.test(process.env.SAFE_MIGRATIONS_TEST_VERBOSE ?? '');
const wanted = args.filter((a) => !a.startsWith('-'));
const suites = wanted.length ? wanted : ['unit', 'db', 'e2e'];
for (const s of suites) {
  if (!['unit', 'db', 'e2e'].includes(s)) { console.error(`unknown suite "${s}" (expected unit, db, e2e)`); process.exit(2); }
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-test-'));
const failuresReporter = path.join(root, 'test', 'failures-reporter.mjs');

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

/**
 * Runs a child with its output either on the terminal (verbose) or in `log`; resolves to its exit
 * status. A child that cannot even be spawned resolves to its error text.
 */
function run(cmd, argv, env, log) {
  return new Promise((resolve) => {
    const fd = verbose ? undefined : fs.openSync(log, 'w');
    const stdio = verbose ? ['ignore', 'inherit', 'inherit'] : ['ignore', fd, fd];
    const child = spawn(cmd, argv, { cwd: root, stdio, env: { ...process.env, ...env } });
    child.on('error', (e) => { if (fd !== undefined) fs.closeSync(fd); resolve(String(e.message)); });
    child.on('close', (status, signal) => { if (fd !== undefined) fs.closeSync(fd); resolve(status ?? signal); });
  });
}

function tail(file, lines) {
  try { return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n'); } catch { return ''; }
}

/** Node's test runner: counts from TAP, failing tests from our reporter, the spec output in the log. */
async function runNodeTests(name, files, concurrency) {
  if (!files.length) return { passed: 0, failed: 0, problem: 'no test files' };
  const tap = path.join(tmp, `${name}.tap`);
  const failures = path.join(tmp, `${name}.failures`);
  const log = path.join(tmp, `${name}.log`);
  const status = await run(process.execPath, [
    '--import', 'tsx', '--test', '--test-force-exit', `--test-concurrency=${concurrency}`,
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`,
    `--test-reporter=${failuresReporter}`, `--test-reporter-destination=${failures}`,
    ...files.map((f) => path.relative(root, f)),
  ], { FORCE_COLOR: verbose && !process.env.CI ? process.env.FORCE_COLOR : '0' }, log);
  const text = fs.existsSync(tap) ? fs.readFileSync(tap, 'utf8') : '';
  // --test-force-exit can end the run before the TAP file gets its totals; the spec summary in the log has them too.
  const spec = fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '';
  const count = (label) => Number(new RegExp(`^# ${label} (\\d+)$`, 'm').exec(text)?.[1] ?? new RegExp(`^ℹ ${label} (\\d+)$`, 'm').exec(spec)?.[1] ?? 0);
  const passed = count('pass');
  const failed = count('fail') + count('cancelled');
  const details = fs.existsSync(failures) ? fs.readFileSync(failures, 'utf8').trimEnd() : '';
  let problem;
  if (status !== 0 && failed === 0) problem = `the test runner exited with ${status} without a failing test`;
  else if (passed + failed === 0) problem = 'no test ran';
  return { passed, failed, details, problem, log };
}

async function runE2E() {
  const result = path.join(tmp, 'e2e.json');
  const log = path.join(tmp, 'e2e.log');
  const status = await run(process.execPath, [path.join(root, 'test/e2e/runE2E.mjs')], { SAFE_MIGRATIONS_E2E_RESULT: result }, log);
  let counts = { passes: 0, failures: 0 };
  try { counts = JSON.parse(fs.readFileSync(result, 'utf8')); } catch { /* no result: the host never ran the tests */ }
  const passed = counts.passes ?? 0;
  const failed = counts.failures ?? 0;
  let problem;
  if (status !== 0 && !failed) problem = `exited with ${status} without a failing test`;
  else if (passed + failed === 0) problem = 'no test ran';
  // mocha's own report (in the log) names the failing tests and their errors.
  const details = failed && !verbose ? tail(log, 80) : '';
  return { passed, failed, details, problem, log };
}

const totals = { passed: 0, failed: 0, broken: [] };
let keepLogs = false;
for (const suite of suites) {
  const started = Date.now();
  const r = suite === 'unit' ? await runNodeTests('unit', findTests(path.join(root, 'test', 'unit')), Math.max(2, os.cpus().length))
    : suite === 'db' ? await runNodeTests('db', findTests(path.join(root, 'test', 'db')), 1)
    : await runE2E();
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  totals.passed += r.passed;
  totals.failed += r.failed;
  if (r.problem) { totals.failed += 1; totals.broken.push(suite); }
  console.log(`${suite.padEnd(5)} ${r.passed} passed, ${r.failed} failed${r.problem ? ` — could not run cleanly: ${r.problem}` : ''} (${seconds} s)`);
  if (r.details) console.log(r.details);
  if (r.problem && !verbose && r.log) console.log(tail(r.log, 30).split('\n').map((l) => `    ${l}`).join('\n'));
  if ((r.failed || r.problem) && !verbose && r.log) { keepLogs = true; console.log(`    full output: ${r.log}`); }
}
if (!keepLogs) fs.rmSync(tmp, { recursive: true, force: true });
const broken = totals.broken.length ? ` (${totals.broken.join(', ')} could not run cleanly, counted as failed)` : '';
console.log(`${totals.passed} passed, ${totals.failed} failed${broken}`);
process.exit(totals.failed ? 1 : 0);
