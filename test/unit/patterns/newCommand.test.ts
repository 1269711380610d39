// `safe-migrations new`: listing, dry runs, writing into --dir, refusing to overwrite, usage errors.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { runNewCommand } from '../../../server/src/cli/newCommand';

async function run(args: string[], cwd = os.tmpdir()) {
  let stdout = '';
  let stderr = '';
  const code = await runNewCommand(args, { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; }, cwd });
  return { code, stdout, stderr };
}

test('new --list --format json lists every pattern with id, title, orms and dialects', async () => {
  const { code, stdout } = await run(['--list', '--format', 'json']);
  assert.equal(code, 0);
  const parsed = JSON.parse(stdout) as { patterns: Record<string, unknown>[] };
  assert.equal(parsed.patterns.length, 15);
  assert.deepEqual(Object.keys(parsed.patterns[0]).sort(), ['dialects', 'id', 'orms', 'title']);
  assert.ok(parsed.patterns.some((p) => p.id === 'renameColumnExpandContract'));
});

test('--dry-run prints the files and writes nothing', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-new-'));
  const { code, stdout } = await run(['add-column-nullable', '--orm', 'typeorm', '--dialect', 'postgres', '--dir', dir, '--table', 'users', '--column', 'nickname', '--type', 'text', '--dry-run', '--now', '2026-01-01T00:00:00Z']);
  assert.equal(code, 0);
  assert.match(stdout, /1767225600000-AddNicknameToUsers\.ts/);
  assert.match(stdout, /ADD COLUMN IF NOT EXISTS "nickname" text NULL/);
  assert.deepEqual(fs.readdirSync(dir), []);
});

test('--dir writes every phase, prints what it wrote, and never overwrites', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-new-'));
  const args = ['renameColumnExpandContract', '--orm', 'prisma', '--dialect', 'mariadb', '--dir', dir, '--table', 'users', '--column', 'name', '--param', 'newName=full_name', '--type', 'varchar(100)', '--now', '2026-01-01T00:00:00Z'];
  const first = await run(args);
  assert.equal(first.code, 0, first.stderr);
  assert.equal(first.stdout.match(/^Wrote /gm)?.length, 10);
  assert.equal(fs.readdirSync(dir).length, 5);
  assert.ok(fs.existsSync(path.join(dir, '20260101000000_rename_users_name_to_full_name_p1_expand', 'down.sql')));
  const again = await run(args);
  assert.equal(again.code, 2);
  assert.match(again.stderr, /Not overwriting/);
});

test('--format json reports the files and whether they were written', async () => {
  const { code, stdout } = await run(['emptyMigration', '--orm', 'sequelize', '--dialect', 'mysql', '--dir', 'x', '--name', 'hello', '--dry-run', '--format', 'json', '--extension', '.cjs']);
  assert.equal(code, 0);
  const out = JSON.parse(stdout) as { written: boolean; files: { path: string }[] };
  assert.equal(out.written, false);
  assert.match(out.files[0].path, /-hello\.cjs$/);
});

test('usage errors exit 2 with a message', async () => {
  assert.equal((await run([])).code, 2);
  const bad = await run(['addColumnNullable', '--orm', 'typeorm', '--dialect', 'postgres', '--dir', 'x', '--table', 'users', '--column', 'user', '--type', 'text', '--dry-run']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /reserved word in PostgreSQL/);
  assert.match((await run(['addColumnNullable', '--orm', 'hibernate'])).stderr, /--orm must be one of/);
  const help = await run(['splitColumn', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /--oldType \(required\)/);
});

test('without --dir, the detected migrations folder is used only with --yes', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-new-proj-'));
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'app', dependencies: { sequelize: '6.37.0', pg: '8.0.0' } }));
  fs.writeFileSync(path.join(root, '.sequelizerc'), "const path = require('path');\nmodule.exports = { 'migrations-path': path.resolve('db', 'migrations') };\n");
  fs.mkdirSync(path.join(root, 'db', 'migrations'), { recursive: true });
  fs.writeFileSync(path.join(root, 'db', 'migrations', '20250101000000-init.js'), "module.exports = { async up(queryInterface) {}, async down(queryInterface) {} };\n");
  const args = ['addColumnNullable', '--dialect', 'postgres', '--table', 'users', '--column', 'nickname', '--type', 'text'];
  const preview = await run(args, root);
  assert.equal(preview.code, 0, preview.stderr);
  assert.match(preview.stdout, /re-run with --yes/);
  assert.equal(fs.readdirSync(path.join(root, 'db', 'migrations')).length, 1);
  const written = await run([...args, '--yes'], root);
  assert.equal(written.code, 0, written.stderr);
  assert.match(written.stdout, /Wrote db\/migrations\/\d{14}-add-nickname-to-users\.js/);
});
