import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { guessSqlDialect, initSqlParsers } from '../../../server/src/readers/sql';
import { read } from './readHelpers';

before(() => initSqlParsers());

test('MySQL clues: backticks, ENGINE=, AUTO_INCREMENT, MODIFY COLUMN, unsigned', () => {
  for (const sql of ['ALTER TABLE `users` ADD `a` int', 'CREATE TABLE t (id int) ENGINE=InnoDB', 'CREATE TABLE t (id int AUTO_INCREMENT)',
    'ALTER TABLE t MODIFY COLUMN a text', 'ALTER TABLE t ADD a int unsigned']) {
    const g = guessSqlDialect(sql);
    assert.equal(g?.dialect, 'mysql', sql);
    assert.equal(g?.source, 'content');
    assert.ok(g?.reason);
  }
});

test('PostgreSQL clues: double-quoted names, ::, SERIAL, CONCURRENTLY, $$, USING INDEX, NOT VALID', () => {
  for (const sql of ['ALTER TABLE "users" ADD "a" integer', "SELECT '1'::int", 'CREATE TABLE t (id serial)', 'CREATE INDEX CONCURRENTLY i ON t (a)',
    'DO $$ BEGIN END $$', 'ALTER TABLE t ADD CONSTRAINT u UNIQUE USING INDEX i', 'ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID']) {
    assert.equal(guessSqlDialect(sql)?.dialect, 'postgres', sql);
  }
});

test('plain SQL gives no guess', () => {
  assert.equal(guessSqlDialect('ALTER TABLE t ADD COLUMN a int; DROP TABLE u;'), undefined);
});

test('readSql guesses an unknown dialect from the content', () => {
  const r = read('ALTER TABLE `t` ADD COLUMN a INT, ALGORITHM=INSTANT', 'unknown');
  assert.equal(r.dialect, 'mysql');
  assert.equal(r.operations[0].algorithm, 'INSTANT');
  assert.equal(read('CREATE INDEX CONCURRENTLY i ON t (a)', 'sqlite').dialect, 'postgres');
});

test('unknown dialect without clues: read as PostgreSQL but not claimed as such; MySQL when PostgreSQL cannot read it', () => {
  const plain = read('ALTER TABLE t ADD COLUMN a int', 'unknown');
  // Portable SQL proves nothing about the server: the dialect stays unknown (no guess shown as fact).
  assert.equal(plain.dialect, 'unknown');
  assert.equal(plain.operations[0].kind, 'addColumn');
  const mysqlOnly = read('ALTER TABLE t CHANGE a b int; ALTER TABLE t DROP INDEX i', 'unknown');
  assert.equal(mysqlOnly.dialect, 'mysql');
  assert.deepEqual(mysqlOnly.operations.map((o) => o.kind), ['alterColumnType', 'renameColumn', 'dropIndex']);
  assert.deepEqual(mysqlOnly.problems, []);
});

test('unknown dialect: one PostgreSQL typo among good statements stays a PostgreSQL syntax error', () => {
  const r = read('ALTER TABLE a ADD COLUMN x int; ALTER TABLE b ADD COLUM y int; DROP TABLE c;', 'unknown');
  assert.equal(r.dialect, 'unknown');
  assert.deepEqual(r.operations.map((o) => o.kind), ['addColumn', 'unknown', 'dropTable']);
  assert.equal(r.problems[0].code, 'sql-syntax');
});
