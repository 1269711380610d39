// Names the user picks are checked per dialect before anything is rendered.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { scaffold, ScaffoldError } from '../../../server/src/patterns/index';
import { validateIdentifier } from '../../../server/src/patterns/identifiers';

const target = (dialect: 'postgres' | 'mysql' | 'mariadb') => ({ orm: 'typeorm' as const, dialect, dir: 'm', now: new Date(0) });
const add = (column: string, dialect: 'postgres' | 'mysql' | 'mariadb' = 'postgres') =>
  () => scaffold('addColumnNullable', { table: 'users', column, type: 'text' }, target(dialect));

test('PostgreSQL counts bytes: 63 fit, 64 are refused (they would be silently truncated)', () => {
  assert.doesNotThrow(add('a'.repeat(63)));
  assert.throws(add('a'.repeat(64)), (e: Error) => e instanceof ScaffoldError && /64 bytes; PostgreSQL allows at most 63/.test(e.message));
  // 32 two-byte characters are 64 bytes.
  assert.throws(() => validateIdentifier('é'.repeat(32), 'postgres', 'Column', false), /64 bytes/);
});

test('MySQL and MariaDB count characters: 64 fit, 65 are refused', () => {
  assert.doesNotThrow(add('a'.repeat(64), 'mysql'));
  assert.throws(add('a'.repeat(65), 'mariadb'), /65 characters; MariaDB allows at most 64/);
  assert.doesNotThrow(() => validateIdentifier('é'.repeat(64), 'mysql', 'Column', false));
});

test('reserved words are refused for new names, per dialect', () => {
  assert.throws(add('user'), /"user" is a reserved word in PostgreSQL/);
  assert.doesNotThrow(add('user', 'mysql'), 'user is not reserved in MySQL');
  assert.throws(add('order', 'mysql'), /reserved word in MySQL/);
  assert.throws(add('key', 'mariadb'), /reserved word in MariaDB/);
});

test('existing names are quoted rather than refused', () => {
  const { files } = scaffold('addColumnNullable', { table: 'user', column: 'nickname', type: 'text' }, target('postgres'));
  assert.match(files[0].text, /ALTER TABLE "user" ADD COLUMN IF NOT EXISTS "nickname" text NULL/);
});

test('quote characters, upper case on PostgreSQL and odd characters in new names are refused', () => {
  assert.throws(() => scaffold('addColumnNullable', { table: 'us"ers', column: 'x', type: 'text' }, target('postgres')), /contains ", the PostgreSQL identifier quote/);
  assert.throws(() => scaffold('addColumnNullable', { table: 'us`ers', column: 'x', type: 'text' }, target('mysql')), /contains `/);
  assert.throws(add('Nickname'), /upper-case letters/);
  assert.doesNotThrow(add('Nickname', 'mysql'));
  assert.throws(add('nick name'), /only letters, digits/);
  assert.throws(add('1st'), /must start with a letter/);
});

test('parameters: unknown, missing, numbers and SQL fragments', () => {
  assert.throws(() => scaffold('addColumnNullable', { table: 't', column: 'c', type: 'text', colour: 'red' }, target('postgres')), /has no parameter "colour"/);
  assert.throws(() => scaffold('addColumnNullable', { table: 't', column: 'c' }, target('postgres')), /needs --type/);
  assert.throws(() => scaffold('batchedBackfill', { table: 't', column: 'c', expression: '1', batchSize: '0' }, target('postgres')), /positive whole number/);
  assert.throws(() => scaffold('addColumnNullable', { table: 't', column: 'c', type: 'text; DROP TABLE t' }, target('postgres')), /without ';'/);
  assert.throws(() => scaffold('addColumnWithDefault', { table: 't', column: 'c', type: 'text', default: "'a" }, target('postgres')), /unclosed '/);
  assert.throws(() => scaffold('nope', {}, target('postgres')), /Unknown pattern "nope"/);
});

test('generated default names are shortened to fit instead of refused', () => {
  const { files } = scaffold('addColumnNotNullSafe', { table: 't'.repeat(40), column: 'c'.repeat(20), type: 'int', default: '0' }, target('postgres'));
  const name = /CONSTRAINT "([^"]+)"/.exec(files.map((f) => f.text).join('\n'))?.[1] ?? '';
  assert.equal(name.length, 63);
});
