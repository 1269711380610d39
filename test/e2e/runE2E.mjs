#!/usr/bin/env node
// `npm run test:e2e`: the extension's tests in a real VS Code extension host (VS Code's server build
// + headless Chromium, see VSCODE-E2E.md). Sets up the host once, bundles the extension, compiles
// the tests, copies the fixture workspace, then runs @vscode/test-electron's runTests against
// scripts/vscode-launcher.sh so nothing is downloaded.
//   SAFE_MIGRATIONS_E2E_RESULT=file   also write { passes, failures } there (test/run-all.mjs does)
//   SAFE_MIGRATIONS_E2E_GREP=text     run only the tests whose title matches
//   --deliberate-failure              add one failing test: the command must exit non-zero
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'package.json'));
const started = Date.now();
const deliberateFailure = process.argv.includes('--deliberate-failure');

const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

function step(name, cmd, args) {
  const res = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', process.env.SAFE_MIGRATIONS_E2E_VERBOSE ? 'inherit' : 'ignore', 'inherit'] });
  if (res.status !== 0) {
    console.error(`e2e: ${name} failed (${res.status ?? res.signal})`);
    process.exit(1);
  }
  console.log(`e2e: ${name} done at ${elapsed()}`);
}

step('host setup', 'bash', [path.join(root, 'scripts/setup-vscode-host.sh')]);
step('bundle', process.execPath, [path.join(root, 'scripts/bundle.mjs')]);

const out = path.join(root, '.vscode-test', 'e2e-out');
fs.rmSync(out, { recursive: true, force: true });
const suiteDir = path.join(root, 'test/e2e/suite');
const esbuild = require('esbuild');
await esbuild.build({
  entryPoints: fs.readdirSync(suiteDir).filter((f) => f === 'index.ts' || f.endsWith('.e2e.ts')).map((f) => path.join(suiteDir, f)),
  outdir: out,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});

// A scratch copy of the fixture: tests may open and edit files without touching the repository.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-e2e-'));
const workspace = path.join(tmp, 'typeorm-postgres');
fs.cpSync(path.join(root, 'test/fixtures/projects/typeorm-postgres'), workspace, { recursive: true });
fs.cpSync(path.join(root, 'test/e2e/workspace'), workspace, { recursive: true, filter: (src) => !src.endsWith('README.md') });

// The built-in TypeScript service stays on (as for users) but in syntax-only mode: a full tsserver
// costs 5–15 s per run on a busy machine, and our hovers must show up beside its hovers anyway.
fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
fs.writeFileSync(path.join(workspace, '.vscode/settings.json'), JSON.stringify({
  'typescript.tsserver.useSyntaxServer': 'always',
  'typescript.validate.enable': false,
  'javascript.validate.enable': false,
}, null, 2));

const resultPath = process.env.SAFE_MIGRATIONS_E2E_RESULT ?? path.join(tmp, 'result.json');
const logPath = path.join(tmp, 'mocha.log');
fs.writeFileSync(path.join(out, 'e2e-env.json'), JSON.stringify({ resultPath, logPath, deliberateFailure, grep: process.env.SAFE_MIGRATIONS_E2E_GREP }));
fs.rmSync(resultPath, { force: true });

const { runTests } = require('@vscode/test-electron');
let exitCode = 0;
try {
  await runTests({
    vscodeExecutablePath: path.join(root, 'scripts/vscode-launcher.sh'),
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(out, 'index.js'),
    launchArgs: [workspace],
    extensionTestsEnv: {
      SAFE_MIGRATIONS_E2E_LOG: logPath,
      SAFE_MIGRATIONS_E2E_RESULT: resultPath,
    },
    reuseMachineInstall: true,
    stdout: process.stdout,
    stderr: process.stderr,
  });
} catch (e) {
  exitCode = typeof e?.code === 'number' && e.code !== 0 ? e.code : 1;
}

if (fs.existsSync(logPath)) process.stdout.write(fs.readFileSync(logPath, 'utf8'));
let counts;
try { counts = JSON.parse(fs.readFileSync(resultPath, 'utf8')); } catch { counts = undefined; }
if (!counts) {
  console.error('e2e: the tests wrote no result (the extension host did not run them)');
  exitCode ||= 1;
} else if (counts.failures > 0) {
  exitCode ||= 1;
}
console.log(`e2e: ${counts?.passes ?? 0} passed, ${counts?.failures ?? 0} failed in ${elapsed()}`);
fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
process.exit(exitCode);
