// The engine's front door: which reader, which dialect, and which settings win.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { initEngine, readMigrationText } from '../../../server/src/engine/engine';

before(async () => { await initEngine(); });

const TYPEORM = `import { MigrationInterface, QueryRunner } from "typeorm";
export class AddIndex1700000000000 implements MigrationInterface {
  async up(q: QueryRunner) { await q.query('CREATE INDEX i ON t (a)'); }
  async down(q: QueryRunner) { await q.query('DROP INDEX i'); }
}`;

test('the ORM comes from the content for files outside any project', () => {
  assert.equal(readMigrationText('/x/1700000000000-AddIndex.ts', TYPEORM).orm, 'typeorm');
  const seq = readMigrationText('/x/20240101000000-add.js', "module.exports = { async up(queryInterface, Sequelize) { await queryInterface.addColumn('t', 'c', Sequelize.STRING); }, async down(queryInterface) { await queryInterface.removeColumn('t', 'c'); } };");
  assert.equal(seq.orm, 'sequelize');
  assert.equal(seq.migrations[0].up[0].kind, 'addColumn');
  assert.equal(readMigrationText('/x/prisma/migrations/20240101000000_init/migration.sql', 'CREATE TABLE "A" ("id" int);').orm, 'prisma');
  assert.equal(readMigrationText('/x/001_init.sql', 'CREATE TABLE a (id int);').orm, 'sql');
});

test('dialect precedence: --dialect flag > setting > folder name > the SQL itself', () => {
  const sql = 'ALTER TABLE `users` ADD COLUMN `age` int;';
  assert.equal(readMigrationText('/x/postgres/001.sql', sql, { dialect: 'mariadb', config: { dialect: 'mysql' } }).dialectInfo.source, 'flag');
  const setting = readMigrationText('/x/postgres/001.sql', sql, { config: { dialect: 'mysql' } });
  assert.deepEqual([setting.dialect, setting.dialectInfo.source], ['mysql', 'setting']);
  const folder = readMigrationText('/x/mariadb/001.sql', sql);
  assert.deepEqual([folder.dialect, folder.dialectInfo.source], ['mariadb', 'folder']);
  const content = readMigrationText('/x/001.sql', sql);
  assert.deepEqual([content.dialect, content.dialectInfo.source], ['mysql', 'content']);
  const unknownTs = readMigrationText('/x/1700000000000-AddIndex.ts', TYPEORM.replace(/'CREATE INDEX i ON t \(a\)'/, 'someSql'));
  assert.equal(unknownTs.dialect, 'unknown');
  assert.ok(unknownTs.dialectInfo.reason.length > 10, 'an unknown dialect says why');
});

test('the typeormTransactionMode setting decides whether TypeORM wraps the migration', () => {
  const file = '/x/src/migrations/1700000000000-AddIndex.ts';
  assert.equal(readMigrationText(file, TYPEORM).migrations[0].transactional, true);
  const none = readMigrationText(file, TYPEORM, { config: { typeormTransactionMode: 'none' } }).migrations[0];
  assert.equal(none.transactional, false);
  assert.match(none.transactionalReason ?? '', /setting/);
});

test('a reader error is reported as a problem and the text is kept', () => {
  const model = readMigrationText('/x/1700000000000-AddIndex.ts', TYPEORM);
  assert.equal(model.text, TYPEORM);
  assert.equal(model.problems.filter((p) => p.severity === 'error').length, 0);
});

test('a Prisma migrations folder outside any project takes its dialect from migration_lock.toml', () => {
  const file = '/x/migrations/20240101000000_init/migration.sql';
  const readSibling = (f: string) => (f === '/x/migrations/migration_lock.toml' ? '# Please do not edit\nprovider = "mysql"\n' : undefined);
  const model = readMigrationText(file, 'CREATE TABLE t (id int);', { readSibling });
  assert.deepEqual([model.orm, model.dialect, model.dialectInfo.source], ['prisma', 'mysql', 'project']);
  assert.equal(readMigrationText(file, 'CREATE TABLE t (id int);').dialect, 'unknown');
});
