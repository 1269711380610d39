// `safe-migrations down PATH… [--write] [--force] [--format text|json]`: the JSON contract, and what
// --write does to the files (down.sql created, an empty down filled, a written down left alone unless forced).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { initEngine } from '../../../server/src/engine/engine';
import { runCli } from '../../../server/src/cli/main';
import { typeormFile } from '../split/splitHelpers';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-down-cli-'));
before(async () => { await initEngine(); });
after(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s: string) => { out += s; }, stderr: (s: string) => { err += s; }, cwd });
  return { code, out, err };
}

function write(file: string, text: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

function prismaProject(name: string): string {
  const root = path.join(dir, name);
  write(path.join(root, 'prisma', 'schema.prisma'), 'datasource db {\n  provider = "postgresql"\n}\n');
  write(path.join(root, 'prisma', 'migrations', '20240101000000_init', 'migration.sql'), 'CREATE TABLE "Post" ("id" SERIAL NOT NULL, "title" TEXT NOT NULL, CONSTRAINT "Post_pkey" PRIMARY KEY ("id"));\n');
  write(path.join(root, 'prisma', 'migrations', '20240102000000_title_index', 'migration.sql'), 'CREATE INDEX "Post_title_idx" ON "Post"("title");\n');
  return root;
}

test('--format json keeps the contract: version, downs[] with source, migration, orm, text, complete, notes[{ message, range? }]', async () => {
  const root = prismaProject('json');
  const { code, out } = await cli(['down', 'prisma/migrations/20240102000000_title_index', '--format', 'json'], root);
  assert.equal(code, 0);
  const json = JSON.parse(out) as { version: number; downs: Record<string, unknown>[] };
  assert.equal(json.version, 1);
  assert.equal(json.downs.length, 1);
  const [d] = json.downs;
  assert.equal(d.source, path.join('prisma', 'migrations', '20240102000000_title_index', 'migration.sql'));
  assert.equal(d.migration, '20240102000000_title_index');
  assert.equal(d.orm, 'prisma');
  assert.equal(d.text, 'DROP INDEX IF EXISTS "Post_title_idx";\n');
  assert.equal(d.complete, true);
  assert.deepEqual(d.notes, []);
  assert.ok(!fs.existsSync(path.join(root, 'prisma', 'migrations', '20240102000000_title_index', 'down.sql')), 'nothing written without --write');
});

test('an incomplete down: complete false, each note with its message and range', async () => {
  const root = prismaProject('notes');
  write(path.join(root, 'prisma', 'migrations', '20240103000000_backfill', 'migration.sql'), 'UPDATE "Post" SET "title" = trim("title");\n');
  const { out } = await cli(['down', 'prisma/migrations/20240103000000_backfill', '--format', 'json'], root);
  const [d] = (JSON.parse(out) as { downs: { complete: boolean; notes: { message: string; range?: { start: { line: number } } }[]; text: string }[] }).downs;
  assert.equal(d.complete, false);
  assert.equal(d.notes[0].message, 'cannot be undone: data change on Post: UPDATE — the previous values are not kept');
  assert.equal(d.notes[0].range?.start.line, 0);
  assert.match(d.text, /^-- INCOMPLETE DOWN/);
});

test('--write creates down.sql beside migration.sql (Prisma), and refuses to replace a non-empty one without --force', async () => {
  const root = prismaProject('write');
  const downSql = path.join(root, 'prisma', 'migrations', '20240102000000_title_index', 'down.sql');
  const first = await cli(['down', 'prisma/migrations/20240102000000_title_index', '--write'], root);
  assert.equal(first.code, 0, first.err);
  assert.equal(fs.readFileSync(downSql, 'utf8'), 'DROP INDEX IF EXISTS "Post_title_idx";\n');
  assert.match(first.out, /wrote prisma\/migrations\/20240102000000_title_index\/down\.sql/);

  fs.writeFileSync(downSql, '-- hand-written\nDROP INDEX "Post_title_idx";\n');
  const refused = await cli(['down', 'prisma/migrations/20240102000000_title_index', '--write'], root);
  assert.equal(refused.code, 1);
  assert.match(refused.err, /not written: down\.sql already exists and is not empty \(use --force to replace it\)/);
  assert.equal(fs.readFileSync(downSql, 'utf8'), '-- hand-written\nDROP INDEX "Post_title_idx";\n');

  const forced = await cli(['down', 'prisma/migrations/20240102000000_title_index', '--write', '--force'], root);
  assert.equal(forced.code, 0);
  assert.equal(fs.readFileSync(downSql, 'utf8'), 'DROP INDEX IF EXISTS "Post_title_idx";\n');
});

test('--write fills an empty TypeORM down in place, and leaves a written one alone without --force', async () => {
  const folder = path.join(dir, 'typeorm', 'src', 'migrations');
  write(path.join(folder, '1700000000000-Users.ts'), typeormFile('Users', '1700000000000', ['await queryRunner.query(`CREATE TABLE "users" ("id" SERIAL PRIMARY KEY)`);'], ['await queryRunner.query(`DROP TABLE "users"`);']));
  const target = write(path.join(folder, '1700000000001-Flag.ts'), typeormFile('Flag', '1700000000001', ['await queryRunner.query(`ALTER TABLE "users" ADD "flag" boolean`);'], []));
  const { code, err } = await cli(['down', target, '--write', '--dialect', 'postgres'], folder);
  assert.equal(code, 0, err);
  assert.equal(fs.readFileSync(target, 'utf8'), typeormFile('Flag', '1700000000001', ['await queryRunner.query(`ALTER TABLE "users" ADD "flag" boolean`);'], ['await queryRunner.query(\'ALTER TABLE "users" DROP COLUMN IF EXISTS "flag"\');']));

  const written = path.join(folder, '1700000000000-Users.ts');
  const before = fs.readFileSync(written, 'utf8');
  const refused = await cli(['down', written, '--write', '--dialect', 'postgres'], folder);
  assert.equal(refused.code, 1);
  assert.match(refused.err, /1700000000000-Users\.ts \(Users1700000000000\): not written: down is not empty \(use --force to replace it\)/);
  assert.equal(fs.readFileSync(written, 'utf8'), before);
});

test('--write adds a missing Sequelize down after up, in the file\'s own style', async () => {
  const folder = path.join(dir, 'sequelize', 'migrations');
  const target = write(path.join(folder, '20240101000000-add-flag.js'), "'use strict';\n\nmodule.exports = {\n  up: async (queryInterface, Sequelize) => {\n    await queryInterface.addColumn('Users', 'flag', { type: Sequelize.BOOLEAN });\n  },\n};\n");
  const { code, err } = await cli(['down', target, '--write', '--dialect', 'postgres'], folder);
  assert.equal(code, 0, err);
  assert.equal(fs.readFileSync(target, 'utf8'), "'use strict';\n\nmodule.exports = {\n  up: async (queryInterface, Sequelize) => {\n    await queryInterface.addColumn('Users', 'flag', { type: Sequelize.BOOLEAN });\n  },\n\n  down: async (queryInterface, Sequelize) => {\n    await queryInterface.removeColumn('Users', 'flag');\n  },\n};\n");
});

test('plain SQL: --write adds a -- migrate:down section (dbmate) and creates the .down.sql of an .up.sql pair', async () => {
  const folder = path.join(dir, 'sql');
  write(path.join(folder, '20240101000000_users.sql'), '-- migrate:up\nCREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL);\n\n-- migrate:down\nDROP TABLE users;\n');
  const dbmate = write(path.join(folder, '20240102000000_email_index.sql'), '-- migrate:up\nCREATE INDEX users_email_idx ON users (email);\n');
  const { code, err } = await cli(['down', dbmate, '--write', '--dialect', 'postgres'], folder);
  assert.equal(code, 0, err);
  assert.equal(fs.readFileSync(dbmate, 'utf8'), '-- migrate:up\nCREATE INDEX users_email_idx ON users (email);\n\n-- migrate:down\nDROP INDEX IF EXISTS "users_email_idx";\n');

  const pairs = path.join(dir, 'pairs');
  const up = write(path.join(pairs, '000001_flag.up.sql'), 'ALTER TABLE users ADD COLUMN flag boolean;\n');
  const second = await cli(['down', up, '--write', '--dialect', 'postgres'], pairs);
  assert.equal(second.code, 0, second.err);
  assert.equal(fs.readFileSync(path.join(pairs, '000001_flag.down.sql'), 'utf8'), 'ALTER TABLE "users" DROP COLUMN IF EXISTS "flag";\n');
});
