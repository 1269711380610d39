// `safe-migrations port` as a user runs it: the JSON contract, one file or a whole folder, --write
// (and never over an existing file), the baseline hint, usage errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../server/src/cli/main';

const PROJECTS = path.join(__dirname, '..', '..', 'fixtures', 'projects');

async function cli(cwd: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; }, cwd });
  return { code, out, err };
}

test('port a folder --format json: version 1, files in the order they run, untranslated with source, message and range', async () => {
  const { code, out, err } = await cli(PROJECTS, 'port', 'prisma-postgres/prisma/migrations', '--to', 'sequelize', '--dialect', 'mysql', '--format', 'json');
  assert.equal(code, 0, err);
  const json = JSON.parse(out) as { version: number; files: { path: string; text: string }[]; untranslated: { source: string; message: string; range?: unknown }[] };
  assert.equal(json.version, 1);
  assert.deepEqual(json.files.map((f) => f.path), [
    'migrations/20240110120000-init.js', 'migrations/20240115083000-add-orders.js', 'migrations/20240201100000-add-product-stock.js',
    'migrations/20240210090000-rename-user-name.js', 'migrations/20240301120000-orders-status-index.js',
  ]);
  assert.deepEqual(json.untranslated.map((u) => [u.source, u.message.slice(0, 32), !!u.range]), [
    ['prisma-postgres/prisma/migrations/20240210090000_rename_user_name/migration.sql', 'data statement uses split_part()', true],
  ]);
  assert.match(json.files[4].text, /ALGORITHM=INPLACE LOCK=NONE/);
});

test('port one file: only that migration, against the history before it', async () => {
  const { code, out, err } = await cli(PROJECTS, 'port', 'typeorm-postgres/src/migrations/1700000300000-AddUserStatus.ts', '--to', 'prisma', '--format', 'json');
  assert.equal(code, 0, err);
  const json = JSON.parse(out) as { files: { path: string; text: string }[] };
  assert.deepEqual(json.files.map((f) => f.path), ['prisma/migrations/20231114221820_add_user_status/migration.sql', 'prisma/migrations/20231114221820_add_user_status/down.sql']);
  assert.match(json.files[0].text, /ALTER TABLE "users" RENAME COLUMN "display_name" TO "full_name"/);
});

test('--write writes the files, refuses to overwrite them; --baseline prints the migrate resolve step', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-port-cli-'));
  try {
    const source = path.join(PROJECTS, 'sequelize-postgres/db/migrations');
    const first = await cli(dir, 'port', source, '--to', 'prisma', '--baseline', '--write');
    assert.equal(first.code, 0, first.err);
    assert.ok(fs.existsSync(path.join(dir, 'prisma/schema.prisma')));
    const [folder] = fs.readdirSync(path.join(dir, 'prisma/migrations'));
    assert.match(folder, /^\d{14}_baseline$/);
    assert.ok(fs.existsSync(path.join(dir, 'prisma/migrations', folder, 'migration.sql')));
    assert.match(first.out, new RegExp(`npx prisma migrate resolve --applied ${folder}`));
    const again = await cli(dir, 'port', source, '--to', 'typeorm', '--dir', 'prisma/migrations/..', '--baseline', '--write');
    assert.equal(again.code, 0, again.err);
    const twice = await cli(dir, 'port', source, '--to', 'sequelize', '--write');
    assert.equal(twice.code, 0, twice.err);
    const refused = await cli(dir, 'port', source, '--to', 'sequelize', '--write');
    assert.equal(refused.code, 2);
    assert.match(refused.err, /not overwriting migrations\/20240105120000-create-user\.js/);
  } finally { fs.rmSync(dir, { recursive: true, force: true }); }
});

test('usage errors exit 2 and say why', async () => {
  assert.match((await cli(PROJECTS, 'port', 'prisma-postgres')).err, /--to is required/);
  assert.equal((await cli(PROJECTS, 'port', 'prisma-postgres', '--to', 'knex')).code, 2);
  assert.match((await cli(PROJECTS, 'port', 'prisma-postgres', '--to', 'prisma', '--dialect', 'oracle')).err, /--dialect must be postgres, mysql or mariadb/);
  assert.match((await cli(PROJECTS, 'port', '--help')).out, /--baseline/);
  assert.match((await cli(PROJECTS, '--help')).out, /port PATH…/);
});
