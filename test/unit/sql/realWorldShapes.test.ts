// Shapes met in public migration files that the SQL readers first got wrong (each SQL here is written
// for the test, in the same shape).
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { guessSqlDialect, initSqlParsers } from '../../../server/src/readers/sql';
import { at, kinds, read } from './readHelpers';

before(() => initSqlParsers());

test('comments do not vote for a dialect: Markdown backticks in a goose header leave PostgreSQL SQL alone', () => {
  const sql = [
    '-- +goose Up',
    '-- The `ON CONFLICT` clause never fired; dedupe `reports` first.',
    '/* see `notes` */',
    'DELETE FROM reports r USING dup WHERE r.id = dup.id;',
    'CREATE UNIQUE INDEX reports_dedup ON reports (a, b) WHERE kind = \'auto\';',
  ].join('\n');
  assert.notEqual(guessSqlDialect(sql)?.dialect, 'mysql');
  const r = read(sql, 'unknown');
  assert.deepEqual(kinds(r), ['delete', 'createIndex']);
  assert.equal(r.problems.length, 0);
  // Backticks that are SQL still count.
  assert.equal(guessSqlDialect('-- header\nALTER TABLE `t` ADD `a` int')?.dialect, 'mysql');
  // A `--` inside a string literal is not a comment.
  assert.equal(guessSqlDialect("UPDATE t SET a = '--x' WHERE b = 1; ALTER TABLE `t` ADD `c` int")?.dialect, 'mysql');
});

test('SQLite PRAGMA (Prisma RedefineTables) is a setting, not a syntax error, in either reader', () => {
  const sql = [
    'PRAGMA defer_foreign_keys=ON;',
    'PRAGMA foreign_keys=OFF;',
    'CREATE TABLE "new_T" ("id" TEXT NOT NULL PRIMARY KEY, "n" TEXT);',
    'INSERT INTO "new_T" ("id") SELECT "id" FROM "T";',
    'DROP TABLE "T";',
    'ALTER TABLE "new_T" RENAME TO "T";',
    'PRAGMA foreign_keys=ON;',
  ].join('\n');
  for (const dialect of ['unknown', 'postgres', 'mysql'] as const) {
    const r = read(sql, dialect);
    assert.equal(r.problems.length, 0, `${dialect}: ${JSON.stringify(r.problems)}`);
    const settings = r.operations.filter((o) => o.kind === 'setting');
    assert.equal(settings.length, 3, dialect);
    assert.deepEqual(settings[1].setting, { name: 'foreign_keys', value: 'OFF' });
    assert.equal(at(sql, settings[1]).replace(/;$/, ''), 'PRAGMA foreign_keys=OFF');
    assert.ok(!r.operations.some((o) => o.kind === 'unknown'), dialect);
  }
  const call = read('PRAGMA table_info("users")', 'postgres');
  assert.deepEqual(call.operations.map((o) => o.setting), [{ name: 'table_info', value: '"users"' }]);
  // Not a PRAGMA: still a syntax error.
  assert.ok(read('PRAGMAX foo', 'postgres').problems.some((p) => p.code === 'sql-syntax'));
});

test('MySQL ALTER DATABASE / ALTER EVENT are known statements, not unknown', () => {
  const r = read('ALTER DATABASE `app` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;\nALTER EVENT purge DISABLE;', 'mysql');
  assert.deepEqual(r.operations.map((o) => [o.kind, o.statement]), [['rawSql', 'ALTER DATABASE'], ['rawSql', 'ALTER EVENT']]);
  assert.equal(r.problems.length, 0);
});

test("SQLite 'single-quoted' table and column names (dbmate) are read; a DROP never vanishes", () => {
  const sql = "CREATE TABLE 'items' (\n\t'id'\tINTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,\n  'owner_id'\tINTEGER,\n  FOREIGN KEY(`owner_id`) REFERENCES 'owners' ( 'id' )\n);\nDROP TABLE IF EXISTS 'items';";
  const r = read(sql, 'unknown');
  assert.deepEqual(kinds(r), ['createTable', 'addForeignKey', 'dropTable']);
  assert.equal(r.operations[0].table, 'items');
  assert.deepEqual(r.operations[0].tableColumns?.map((c) => c.name), ['id', 'owner_id']);
  assert.deepEqual(r.operations[1].references, { table: 'owners', columns: ['id'] });
  assert.equal(r.operations[2].table, 'items');
  assert.equal(r.operations[2].guarded, true);
  // Whatever the name, a DROP TABLE statement stays an operation.
  const odd = read('DROP TABLE IF EXISTS 123;', 'mysql');
  assert.deepEqual(kinds(odd), ['dropTable']);
});

test('MySQL prepared-statement guard: the DDL in SET @sql = IF(…) is read, guarded, with its range in the literal', () => {
  const sql = [
    "SET @exists = (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_NAME = 'users' AND COLUMN_NAME = 'age');",
    "SET @sql = IF(@exists = 0, 'ALTER TABLE users ADD COLUMN age INT NULL DEFAULT ''0''', 'SELECT ''skip''');",
    'PREPARE stmt FROM @sql;',
    'EXECUTE stmt;',
    'DEALLOCATE PREPARE stmt;',
    'ALTER TABLE `users` DISABLE KEYS;',
  ].join('\n');
  const r = read(sql, 'mysql');
  assert.equal(r.problems.length, 0, JSON.stringify(r.problems));
  assert.deepEqual(r.operations.map((o) => o.kind === 'rawSql' ? o.statement : o.kind),
    ['setting', 'addColumn', 'PREPARE', 'EXECUTE', 'DEALLOCATE PREPARE', 'DISABLE KEYS']);
  const add = r.operations[1];
  assert.equal(add.guarded, true);
  assert.equal(add.table, 'users');
  assert.equal(add.column, 'age');
  assert.equal(add.columnSpec?.default, "'0'");
  assert.ok(at(sql, add).startsWith('ADD COLUMN age INT'), at(sql, add));
});

test('psql scripts: a meta-command line is its own statement, and COPY … FROM stdin data is skipped', () => {
  const sql = '\\set ON_ERROR_STOP on\nBEGIN;\nCOPY public.t (id, name) FROM stdin;\n1\tfoo; DROP TABLE x\n2\tbar\n\\.\nCREATE TABLE y (id int);\nCOMMIT;\n';
  for (const dialect of ['postgres', 'unknown'] as const) {
    const r = read(sql, dialect);
    assert.equal(r.problems.length, 0, `${dialect}: ${JSON.stringify(r.problems)}`);
    assert.deepEqual(r.operations.map((o) => o.kind === 'rawSql' ? o.statement : o.kind),
      ['psql meta-command', 'transactionControl', 'COPY', 'createTable', 'transactionControl'], dialect);
    assert.equal(at(sql, r.operations[0]), '\\set ON_ERROR_STOP on');
    assert.equal(r.operations[3].table, 'y');
  }
});

test('SQLite-only SQL (PRAGMA, AUTOINCREMENT, WITHOUT ROWID) is reported as sqlite, not PostgreSQL or MySQL', () => {
  for (const sql of [
    'PRAGMA foreign_keys=OFF;\nCREATE TABLE "new_T" ("id" TEXT NOT NULL PRIMARY KEY);\nPRAGMA foreign_keys=ON;',
    'CREATE TABLE "t" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "at" DATETIME);',
    "CREATE TABLE 'k' ('id' INTEGER PRIMARY KEY AUTOINCREMENT, FOREIGN KEY(`o`) REFERENCES 'o' ('id'));",
  ]) {
    const r = read(sql, 'unknown');
    assert.equal(r.dialect, 'sqlite', sql);
    assert.ok(r.operations.some((o) => o.kind === 'createTable'), sql);
    assert.equal(r.problems.length, 0, sql);
  }
  // A stated dialect stays; MySQL's AUTO_INCREMENT is not SQLite's AUTOINCREMENT.
  assert.equal(read('CREATE TABLE t (id int AUTOINCREMENT)', 'postgres').dialect, 'postgres');
  assert.equal(read('CREATE TABLE `t` (`id` int AUTO_INCREMENT PRIMARY KEY)', 'unknown').dialect, 'mysql');
});
