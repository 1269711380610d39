// What a CLI run loads decides how fast it starts: `check`/`rules` on SQL files must not load the
// TypeScript compiler (≈9 MB to compile) or the Prisma schema WASM. Run from sources, where a lazy
// require() behaves as the bundle's lazy module init does (scripts/bundle.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..', '..');
const ENTRY = path.join(ROOT, 'server', 'src', 'cli', 'processEntry.ts');
const HEAVY = ['/node_modules/typescript/', '/node_modules/@prisma/prisma-schema-wasm/'];

/** Runs the CLI process; returns the heavy packages it had loaded when it exited. */
function heavyModulesLoaded(args: string[]): string[] {
  const script = `process.argv.splice(1, 0, 'safe-migrations');
process.on('exit', () => {
  const heavy = ${JSON.stringify(HEAVY)}.filter((h) => Object.keys(require.cache).some((k) => k.includes(h)));
  require('node:fs').writeSync(3, JSON.stringify(heavy));
});
require(${JSON.stringify(ENTRY)}).main();`;
  const res = spawnSync(process.execPath, ['--import', 'tsx', '-e', script, '--', ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  assert.ok(res.status === 0 || res.status === 1, `exit ${res.status}: ${res.stderr}`);
  return JSON.parse(String(res.output[3]));
}

test('check on plain SQL files loads neither the TypeScript compiler nor the Prisma WASM', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-startup-'));
  try {
    fs.writeFileSync(path.join(dir, '001_add_email.sql'), 'ALTER TABLE users ADD COLUMN email text;\n');
    fs.writeFileSync(path.join(dir, '002_index_email.sql'), 'CREATE INDEX CONCURRENTLY idx_users_email ON users (email);\n');
    assert.deepEqual(heavyModulesLoaded(['check', dir]), []);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('rules loads neither', () => {
  assert.deepEqual(heavyModulesLoaded(['rules']), []);
});

test('check on a TypeORM project does load the TypeScript compiler (the probe sees it)', () => {
  assert.ok(heavyModulesLoaded(['check', path.join(ROOT, 'test', 'fixtures', 'projects', 'typeorm-postgres')]).includes(HEAVY[0]));
});
