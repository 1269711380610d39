// Prisma migrations as `prisma migrate dev` writes them: one folder per migration, optional down.sql.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { initSqlParsers } from '../../../server/src/readers/sql';
import { readPrismaMigration } from '../../../server/src/readers/prisma/prismaMigrationReader';
import { LineIndex } from '../../../server/src/model/text';
import type { Dialect } from '../../../server/src/model/migration';
import type { ReadContext } from '../../../server/src/readers/types';

const PROJECTS = path.join(__dirname, '..', '..', 'fixtures', 'projects');

before(() => initSqlParsers());

function ctxFor(file: string, dialect: Dialect, text = fs.readFileSync(file, 'utf8')): ReadContext {
  return { path: file, text, lines: new LineIndex(text), dialect: { dialect, source: 'project', reason: 'test' } };
}

function downOf(file: string): { path: string; text: string } | undefined {
  const down = path.join(path.dirname(file), 'down.sql');
  return fs.existsSync(down) ? { path: down, text: fs.readFileSync(down, 'utf8') } : undefined;
}

test('postgres init migration: name and timestamp from the folder, one op per table/index, down from down.sql', () => {
  const file = path.join(PROJECTS, 'prisma-postgres', 'prisma', 'migrations', '20240110120000_init', 'migration.sql');
  const down = downOf(file)!;
  const res = readPrismaMigration(ctxFor(file, 'postgres'), down);
  assert.equal(res.migrations.length, 1);
  const m = res.migrations[0];
  assert.equal(m.name, '20240110120000_init');
  assert.equal(m.timestamp, '20240110120000');
  assert.equal(m.orm, 'prisma');
  assert.equal(m.dialect, 'postgres');
  assert.equal(m.transactional, true);
  assert.match(m.transactionalReason!, /single implicit transaction/);
  assert.deepEqual(m.up.map((o) => o.kind), ['createEnum', 'createTable', 'createTable', 'createIndex', 'createIndex']);
  assert.deepEqual(m.up.filter((o) => o.kind === 'createTable').map((o) => o.table), ['User', 'Product']);
  assert.equal(m.hasDown, true);
  assert.equal(m.downPath, down.path);
  assert.deepEqual(m.down.filter((o) => o.kind === 'dropTable').map((o) => o.table), ['Product', 'User']);
  // Ranges of down operations are in down.sql's coordinates.
  const downLines = new LineIndex(down.text);
  const first = m.down[0];
  assert.equal(down.text.slice(first.offset.start, first.offset.end).replace(/;$/, ''), 'DROP TABLE "Product"');
  assert.deepEqual(first.range.start, downLines.positionAt(first.offset.start));
});

test('a migration without down.sql has no down', () => {
  const file = path.join(PROJECTS, 'prisma-postgres', 'prisma', 'migrations', '20240201100000_add_product_stock', 'migration.sql');
  assert.equal(downOf(file), undefined);
  const m = readPrismaMigration(ctxFor(file, 'postgres')).migrations[0];
  assert.equal(m.hasDown, false);
  assert.deepEqual(m.down, []);
  assert.equal(m.downPath, undefined);
  // Prisma's multi-action ALTER TABLE: drop column + add NOT NULL column without default.
  const kinds = m.up.map((o) => o.kind);
  assert.ok(kinds.includes('dropColumn'), kinds.join());
  const add = m.up.find((o) => o.kind === 'addColumn');
  assert.equal(add?.column, 'stock');
  assert.equal(add?.columnSpec?.nullable, false);
});

test('an empty or comment-only down.sql does not count as a down', () => {
  const file = path.join(PROJECTS, 'prisma-postgres', 'prisma', 'migrations', '20240301120000_orders_status_index', 'migration.sql');
  const m = readPrismaMigration(ctxFor(file, 'postgres'), { path: path.join(path.dirname(file), 'down.sql'), text: '-- nothing to undo\n' }).migrations[0];
  assert.equal(m.hasDown, false);
  assert.equal(m.up[0].kind, 'createIndex');
  assert.equal(m.up[0].concurrently, true);
});

test('postgres: a single-statement migration is not a transaction block (CONCURRENTLY works there); two statements are', () => {
  const file = path.join(PROJECTS, 'prisma-postgres', 'prisma', 'migrations', '20240301120000_orders_status_index', 'migration.sql');
  const single = readPrismaMigration(ctxFor(file, 'postgres')).migrations[0];
  assert.equal(single.transactional, false);
  assert.match(single.transactionalReason!, /single statement/);
  const text = fs.readFileSync(file, 'utf8') + '\n-- CreateIndex\nCREATE INDEX "orders_total_idx" ON "orders"("total_cents");\n';
  const two = readPrismaMigration(ctxFor(file, 'postgres', text)).migrations[0];
  assert.equal(two.transactional, true);
});

test('mysql migration: not transactional, with its down.sql', () => {
  const file = path.join(PROJECTS, 'prisma-mysql', 'prisma', 'migrations', '20240402120000_post_title_length', 'migration.sql');
  const m = readPrismaMigration(ctxFor(file, 'mysql'), downOf(file)).migrations[0];
  assert.equal(m.name, '20240402120000_post_title_length');
  assert.equal(m.transactional, false);
  assert.match(m.transactionalReason!, /commit every DDL statement implicitly/);
  assert.equal(m.hasDown, true);
  assert.equal(m.downPath, downOf(file)!.path);
});

test('mysql migration: backtick SQL read, down.sql read with the same dialect', () => {
  const file = path.join(PROJECTS, 'prisma-mysql', 'prisma', 'migrations', '20240402120000_post_title_length', 'migration.sql');
  const m = readPrismaMigration(ctxFor(file, 'mysql'), downOf(file)).migrations[0];
  assert.deepEqual(m.up.map((o) => o.kind), ['alterColumnType', 'update', 'createIndex']);
  assert.equal(m.up[1].hasWhere, false);
  assert.deepEqual(m.down.map((o) => o.kind), ['dropIndex', 'alterColumnType']);
});

test('unknown dialect: learned from the SQL and reported as content', () => {
  const file = path.join(PROJECTS, 'prisma-mysql', 'prisma', 'migrations', '20240305101500_init', 'migration.sql');
  const res = readPrismaMigration(ctxFor(file, 'unknown'));
  assert.equal(res.dialect?.dialect, 'mysql');
  assert.equal(res.dialect?.source, 'content');
  assert.equal(res.migrations[0].dialect, 'mysql');
  assert.equal(res.migrations[0].transactional, false);
});

test('sqlite: transactional is null with a reason; a file outside a migration folder is named after itself', () => {
  const res = readPrismaMigration(ctxFor('/tmp/x/manual.sql', 'sqlite', 'CREATE TABLE a (id integer);'));
  const m = res.migrations[0];
  assert.equal(m.name, 'manual');
  assert.equal(m.timestamp, undefined);
  assert.equal(m.transactional, null);
  assert.match(m.transactionalReason!, /sqlite/);
});

test('problems in down.sql point at migration.sql and name the down file', () => {
  const text = 'CREATE TABLE "a" ("id" integer);\n';
  const file = '/tmp/p/20240101000000_a/migration.sql';
  const res = readPrismaMigration(ctxFor(file, 'postgres', text), { path: '/tmp/p/20240101000000_a/down.sql', text: 'DROP TABLE "a";\nDROPP nonsense;\n' });
  const p = res.problems.find((x) => /down\.sql/.test(x.message));
  assert.ok(p, JSON.stringify(res.problems));
  assert.match(p.message, /^down\.sql line 2:/);
  assert.deepEqual(p.range.start, { line: 0, character: 0 });
});
