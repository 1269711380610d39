// node-pg-migrate migrations written the way its documentation writes them, and its own test
// migrations (MIT; test/fixtures/node-pg-migrate/README.md): pgm calls become the model's operations.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { initEngine, readMigrationText } from '../../../server/src/engine/engine';
import { DEFAULT_CONFIG } from '../../../server/src/config/types';
import { runRules } from '../../../server/src/rules';
import type { FileModel } from '../../../server/src/model/migration';
import { readRealFolder } from '../project/readRealMigrations';
import { generateDown } from '../../../server/src/actions/down/generateDown';

before(() => initEngine());

// No dialect flag: a node-pg-migrate file is PostgreSQL by itself.
const read = (text: string, file = '/p/migrations/1712345678901_example.js'): FileModel => readMigrationText(file, text);
const rules = (f: FileModel) => runRules(f, DEFAULT_CONFIG).map((x) => x.rule);

test('createTable with the id shorthand, notNull, references and pgm.func defaults', () => {
  const f = read(`exports.shorthands = undefined;

exports.up = (pgm) => {
  pgm.createTable('users', {
    id: 'id',
    name: { type: 'varchar(1000)', notNull: true },
    account_id: { type: 'integer', references: '"accounts"', onDelete: 'CASCADE' },
    createdAt: { type: 'timestamp', notNull: true, default: pgm.func('current_timestamp') },
  });
};

exports.down = (pgm) => {
  pgm.dropTable('users');
};
`);
  assert.equal(f.orm, 'node-pg-migrate');
  assert.equal(f.dialect, 'postgres');
  const [create, fk] = f.migrations[0].up;
  assert.equal(create.kind, 'createTable');
  assert.deepEqual(create.tableColumns?.map((c) => [c.name, c.type, c.nullable ?? null, c.default ?? null]), [
    ['id', 'serial', false, null], ['name', 'varchar(1000)', false, null], ['account_id', 'integer', null, null], ['createdAt', 'timestamp', false, 'current_timestamp'],
  ]);
  assert.deepEqual([fk.kind, fk.column, fk.references], ['addForeignKey', 'account_id', { table: 'accounts', columns: [], onDelete: 'CASCADE' }]);
  assert.deepEqual(f.migrations[0].down.map((o) => o.kind), ['dropTable']);
  assert.equal(f.migrations[0].transactional, true);
});

test('addColumns / dropColumns / renameColumn / alterColumn on an existing table', () => {
  const f = read(`export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.addColumns('orders', { status: { type: 'text', notNull: true, default: 'new' } });
  pgm.dropColumns('orders', ['legacy', 'old']);
  pgm.renameColumn('orders', 'total', 'amount');
  pgm.alterColumn('orders', 'amount', { type: 'numeric(12,2)', using: 'amount::numeric', notNull: true });
}
export async function down(pgm: MigrationBuilder): Promise<void> {}
`, '/p/migrations/1712345678901_orders.ts');
  assert.deepEqual(f.migrations[0].up.map((o) => `${o.kind} ${o.table}.${o.column}`), [
    'addColumn orders.status', 'dropColumn orders.legacy', 'dropColumn orders.old', 'renameColumn orders.total', 'alterColumnType orders.amount', 'setNotNull orders.amount',
  ]);
  assert.deepEqual(f.migrations[0].up[0].columnSpec, { name: 'status', type: 'text', nullable: false, default: "'new'" });
  assert.equal(f.migrations[0].up[4].expression, 'amount::numeric');
  const found = rules(f);
  for (const r of ['change-column-type', 'set-not-null-existing', 'empty-down']) assert.ok(found.includes(r), `${r} in ${found.join(', ')}`);
});

test('addIndex without concurrently gets the index rule; with concurrently inside the transaction it fails; with noTransaction it is right', () => {
  const plain = read(`exports.up = (pgm) => { pgm.addIndex('orders', 'created_at'); };\nexports.down = (pgm) => { pgm.dropIndex('orders', 'created_at'); };\n`);
  assert.deepEqual(plain.migrations[0].up.map((o) => [o.kind, o.index, o.concurrently ?? false]), [['createIndex', 'orders_created_at_index', false]]);
  assert.ok(rules(plain).includes('index-create-not-concurrent'));
  const inTx = read(`exports.up = (pgm) => { pgm.addIndex('orders', 'created_at', { concurrently: true }); };\nexports.down = (pgm) => { pgm.dropIndex('orders', 'created_at', { concurrently: true }); };\n`);
  assert.ok(rules(inTx).includes('concurrently-in-transaction'));
  const online = read(`exports.up = (pgm) => {\n  pgm.noTransaction();\n  pgm.addIndex('orders', 'created_at', { concurrently: true, ifNotExists: true });\n};\nexports.down = (pgm) => {\n  pgm.noTransaction();\n  pgm.dropIndex('orders', 'created_at', { concurrently: true, ifExists: true });\n};\n`);
  assert.equal(online.migrations[0].transactional, false);
  const found = rules(online);
  assert.ok(!found.includes('index-create-not-concurrent') && !found.includes('concurrently-in-transaction'), found.join(', '));
});

test('pgm.sql goes through the SQL reader with ranges on the statement in the file', () => {
  const text = "exports.up = (pgm) => {\n  pgm.sql(`ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total > 0) NOT VALID`);\n};\nexports.down = false;\n";
  const f = read(text);
  const [op] = f.migrations[0].up;
  assert.deepEqual([op.kind, op.notValid, op.via], ['addCheck', true, 'sql']);
  assert.equal(text.slice(op.offset.start, op.offset.end), 'ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total > 0) NOT VALID');
  // `exports.down = false` marks the migration irreversible on purpose.
  assert.equal(f.migrations[0].downThrows, true);
  assert.ok(!rules(f).includes('missing-down'));
});

test('without a down, node-pg-migrate reverses reversible calls itself; an irreversible one leaves it without a down', () => {
  const auto = read(`exports.up = (pgm) => {\n  pgm.createTable('tags', { id: 'id' });\n  pgm.addColumns('posts', { tag_id: { type: 'integer' } });\n};\n`);
  assert.deepEqual(auto.migrations[0].down.map((o) => `${o.kind} ${o.table}`), ['dropColumn posts', 'dropTable tags']);
  assert.equal(auto.migrations[0].hasDown, true);
  assert.ok(!rules(auto).includes('missing-down'));
  const manual = read(`exports.up = (pgm) => {\n  pgm.createTable('tags', { id: 'id' });\n  pgm.sql('UPDATE posts SET tag_id = 1');\n};\n`);
  assert.equal(manual.migrations[0].hasDown, false);
  assert.ok(rules(manual).includes('missing-down'));
});

test("custom shorthands from exports.shorthands expand like the built-in 'id'", () => {
  const f = read(`exports.shorthands = { uuid_pk: { type: 'uuid', primaryKey: true, default: { literal: true } }, created: { type: 'timestamptz', notNull: true } };
exports.up = (pgm) => { pgm.createTable('events', { id: 'uuid_pk', at: 'created' }); };
exports.down = (pgm) => { pgm.dropTable('events'); };
`);
  assert.deepEqual(f.migrations[0].up[0].tableColumns?.map((c) => [c.name, c.type, c.primary ?? false, c.nullable ?? null]), [['id', 'uuid', true, false], ['at', 'timestamptz', false, false]]);
});

test('node-pg-migrate\'s own test migrations: every call read, unknown operations below 1 %', () => {
  const real = readRealFolder(path.join(__dirname, '../../fixtures/node-pg-migrate/salsita-tests'));
  assert.equal(real.files.length, 11);
  for (const f of real.files) assert.deepEqual([f.orm, f.dialect], ['node-pg-migrate', 'postgres'], f.path);
  assert.ok(real.operations.length >= 20, `${real.operations.length} operations`);
  assert.ok(real.unknownShare < 0.01, `unknown ${real.unknown.length}/${real.operations.length}: ${real.unknown.map((o) => o.reason).join('; ')}`);
  const up = (name: string) => real.files.find((f) => f.path.includes(name))!.migrations[0];
  assert.deepEqual(up('014_add_constraint').up.map((o) => `${o.kind} ${o.schema ?? ''}.${o.table ?? ''} ${o.constraint ?? ''}`.trim()), [
    'addCheck .t1 chck_nmbr', 'rawSql .', 'createTable payroll_reports.upload_headers', 'addCheck payroll_reports.upload_headers chk_only_one_header_type',
  ]);
  assert.deepEqual(up('027_add_type_value').up.map((o) => [o.kind, o.table, o.enumValues, o.guarded]), [['alterEnum', 'list', ['d'], true]]);
  assert.equal(up('027_add_type_value').transactional, false);
  assert.deepEqual(up('019_add_index').up.map((o) => [o.kind, o.index, o.unique]), [['createIndex', 't1_nmbr_unique_index', true]]);
  assert.deepEqual(up('021_add_type').up.map((o) => [o.kind, o.table, o.enumValues ?? o.statement]), [['createEnum', 'list', ['a', 'b', 'c']], ['rawSql', 'obj', 'CREATE TYPE']]);
  // Without a down, node-pg-migrate reverses createType and createFunction itself.
  assert.deepEqual(up('021_add_type').down.map((o) => o.statement), ['DROP TYPE', 'DROP TYPE']);
  assert.deepEqual(up('039_function_create').down.map((o) => o.statement), ['DROP FUNCTION']);
});

test('the down generator writes pgm calls, CONCURRENTLY kept outside a transaction, and says what it cannot undo', () => {
  const f = read(`export const up = (pgm) => {
  pgm.noTransaction();
  pgm.addColumns('posts', { tag_id: { type: 'integer' } });
  pgm.sql('UPDATE posts SET tag_id = 1');
  pgm.createIndex('posts', 'tag_id', { concurrently: true });
};
`);
  const down = generateDown(f);
  assert.equal(down.complete, false);
  assert.ok(down.notes.some((n) => /UPDATE/.test(n.message)));
  assert.deepEqual(down.text.split('\n').filter((l) => !l.includes('//')), [
    'export const down = (pgm) => {',
    '  pgm.noTransaction();',
    "  pgm.dropIndex('posts', [], { name: 'posts_tag_id_index', concurrently: true });",
    "  pgm.dropColumns('posts', ['tag_id']);",
    '};',
  ]);
});
