// Knex migrations written the way Knex's documentation writes them: schema builder chains and table
// callbacks become the model's operations, knex.raw goes through the SQL reader, and the rules apply.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { initEngine, readMigrationText } from '../../../server/src/engine/engine';
import { DEFAULT_CONFIG } from '../../../server/src/config/types';
import { runRules } from '../../../server/src/rules';
import type { Dialect, FileModel } from '../../../server/src/model/migration';
import { generateDown } from '../../../server/src/actions/down/generateDown';
import { downEdit } from '../../../server/src/actions/down/downEdit';
import { hoverAt } from '../../../server/src/engine/hover';

before(() => initEngine());

const read = (text: string, dialect: Dialect = 'postgres', file = '/p/migrations/20240101120000_example.js'): FileModel => readMigrationText(file, text, { dialect });
const kinds = (f: FileModel, phase: 'up' | 'down' = 'up') => f.migrations[0][phase].map((o) => [o.kind, o.table, o.column ?? o.index ?? o.constraint].filter((x) => x !== undefined).join(' '));
const rules = (f: FileModel) => runRules(f, DEFAULT_CONFIG).map((x) => x.rule);

const CREATE_USERS = `exports.up = function (knex) {
  return knex.schema.createTable('users', (table) => {
    table.increments();
    table.string('name').notNullable();
    table.string('email', 100).unique();
    table.integer('account_id').unsigned().references('id').inTable('accounts').onDelete('CASCADE');
    table.timestamps(true, true);
    table.index(['name'], 'users_name_idx');
  });
};
`;

test('createTable: columns with Knex defaults spelled out, the index and the foreign key as their own operations', () => {
  const f = read(CREATE_USERS + "exports.down = function (knex) { return knex.schema.dropTable('users'); };\n");
  assert.equal(f.orm, 'knex');
  assert.deepEqual(kinds(f), ['createTable users', 'addForeignKey users account_id', 'createIndex users users_name_idx']);
  const create = f.migrations[0].up[0];
  assert.deepEqual(create.tableColumns?.map((c) => [c.name, c.type, c.nullable ?? null]), [
    ['id', 'serial', false], ['name', 'varchar(255)', false], ['email', 'varchar(100)', null], ['account_id', 'integer', null],
    ['created_at', 'timestamptz', false], ['updated_at', 'timestamptz', false],
  ]);
  assert.equal(create.tableColumns?.find((c) => c.name === 'email')?.unique, true);
  const fk = f.migrations[0].up[1];
  assert.deepEqual([fk.references, fk.constraint, fk.details?.inCreateTable], [{ table: 'accounts', columns: ['id'], onDelete: 'CASCADE' }, 'users_account_id_foreign', true]);
  assert.deepEqual(kinds(f, 'down'), ['dropTable users']);
  assert.equal(f.migrations[0].transactional, true);
});

test('a Knex createTable without down gets missing-down; with one it does not', () => {
  assert.ok(rules(read(CREATE_USERS)).includes('missing-down'));
  assert.ok(!rules(read(CREATE_USERS + "exports.down = (knex) => knex.schema.dropTable('users');\n")).includes('missing-down'));
});

test('alterTable: added, dropped, renamed and altered columns, indexes and keys on an existing table', () => {
  const f = read(`export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('orders', (table) => {
    table.string('status').notNullable().defaultTo('new');
    table.dropColumn('legacy');
    table.renameColumn('total', 'amount');
    table.text('note').alter();
    table.index(['customer_id']);
    table.foreign('customer_id').references('customers.id');
    table.unique(['code'], { indexName: 'orders_code_uniq' });
  });
}
export async function down(knex: Knex): Promise<void> {}
`, 'postgres', '/p/migrations/20240101120000_orders.ts');
  assert.deepEqual(kinds(f), [
    'addColumn orders status', 'dropColumn orders legacy', 'renameColumn orders total', 'alterColumnType orders note',
    'createIndex orders orders_customer_id_index', 'addForeignKey orders customer_id', 'addUnique orders orders_code_uniq',
  ]);
  const add = f.migrations[0].up[0];
  assert.deepEqual(add.columnSpec, { name: 'status', type: 'varchar(255)', nullable: false, default: "'new'" });
  assert.equal(f.migrations[0].up[2].newName, 'amount');
  assert.deepEqual(f.migrations[0].up[5].references, { table: 'customers', columns: ['id'] });
  const found = rules(f);
  // An index on an existing PostgreSQL table without CONCURRENTLY, a foreign key validated under lock, an empty down.
  for (const r of ['index-create-not-concurrent', 'fk-without-not-valid', 'empty-down']) assert.ok(found.includes(r), `${r} in ${found.join(', ')}`);
});

test('knex.raw SQL is read by the SQL reader with ranges on the statement in the file', () => {
  const text = `exports.config = { transaction: false };
exports.up = async function (knex) {
  await knex.raw('CREATE INDEX CONCURRENTLY orders_created_idx ON orders (created_at)');
};
exports.down = async function (knex) {
  await knex.schema.raw('DROP INDEX CONCURRENTLY orders_created_idx');
};
`;
  const f = read(text);
  const [op] = f.migrations[0].up;
  assert.equal(op.kind, 'createIndex');
  assert.equal(op.concurrently, true);
  assert.equal(op.via, 'sql');
  assert.equal(text.slice(op.offset.start, op.offset.end), 'CREATE INDEX CONCURRENTLY orders_created_idx ON orders (created_at)');
  assert.equal(f.migrations[0].transactional, false);
  assert.match(f.migrations[0].transactionalReason ?? '', /transaction: false/);
  assert.ok(!rules(f).includes('concurrently-in-transaction'));
  // Without the config export Knex wraps it in a transaction, where CONCURRENTLY fails.
  assert.ok(rules(read(text.replace('exports.config = { transaction: false };\n', ''))).includes('concurrently-in-transaction'));
});

test('knex.raw inside a query (a WHERE fragment) is not a statement; data writes are', () => {
  const f = read(`exports.up = async (knex) => {
  const rows = await knex('orders').select('id').where(knex.raw('LENGTH(??) < 15', ['code']));
  await knex('orders').update({ status: 'done' });
  await knex('orders').where('id', 1).del();
  await knex('orders').insert({ id: 2 });
};
exports.down = async () => {};
`);
  assert.deepEqual(f.migrations[0].up.map((o) => [o.kind, o.table, o.hasWhere]), [['update', 'orders', false], ['delete', 'orders', true], ['insert', 'orders', undefined]]);
});

test('dropTableIfExists and createTable inside a hasTable check are guarded', () => {
  const f = read(`exports.up = async function (knex) {
  if (!(await knex.schema.hasTable('tags'))) {
    await knex.schema.createTable('tags', (t) => { t.bigIncrements('id'); t.jsonb('meta'); });
  }
  await knex.schema.dropTableIfExists('old_tags');
};
exports.down = async function (knex) { await knex.schema.dropTable('tags'); };
`);
  assert.deepEqual(f.migrations[0].up.map((o) => [o.kind, o.guarded]), [['createTable', true], ['dropTable', true]]);
  assert.deepEqual(f.migrations[0].up[0].tableColumns?.map((c) => c.type), ['bigserial', 'jsonb']);
});

test('MySQL: Knex types as Knex writes them for mysql/mysql2', () => {
  const f = read(`exports.up = (knex) => knex.schema.createTable('t', (table) => {
  table.increments('id');
  table.uuid('uid');
  table.text('body', 'longtext');
  table.enu('state', ['a', 'b']);
  table.boolean('flag');
});
exports.down = (knex) => knex.schema.dropTable('t');
`, 'mysql');
  assert.deepEqual(f.migrations[0].up[0].tableColumns?.map((c) => c.type), ['int unsigned', 'char(36)', 'longtext', "enum('a', 'b')", 'boolean']);
});

test('an unknown table builder method is an unknown operation with its reason', () => {
  const f = read(`exports.up = (knex) => knex.schema.alterTable('t', (table) => { table.frobnicate('x'); });
exports.down = () => {};
`);
  assert.equal(f.migrations[0].up[0].kind, 'unknown');
  assert.match(f.migrations[0].up[0].reason ?? '', /frobnicate/);
});

test('the down generator writes a Knex down in the file\'s style, with schema builder calls', () => {
  const f = read(`exports.up = function (knex) {
  return knex.schema.createTable('tags', (table) => {
    table.increments();
    table.string('name').notNullable();
  }).alterTable('posts', (table) => {
    table.integer('tag_id');
    table.index(['tag_id']);
  });
};
`);
  const down = generateDown(f);
  assert.equal(down.complete, true);
  assert.equal(down.text, [
    'exports.down = async function (knex) {',
    "  await knex.schema.alterTable('posts', (table) => { table.dropIndex([], 'posts_tag_id_index'); });",
    "  await knex.schema.alterTable('posts', (table) => { table.dropColumn('tag_id'); });",
    "  await knex.schema.dropTable('tags');",
    '};',
  ].join('\n'));
  const edit = downEdit(f, f.migrations[0], down.text);
  assert.equal(edit.kind, 'edit');
  // The file with the generated down reads back with the inverse operations.
  const text = f.text!;
  const after = edit.kind === 'edit' ? text.slice(0, edit.start) + edit.text + text.slice(edit.end) : text;
  assert.deepEqual(read(after).migrations[0].down.map((o) => o.kind), ['dropIndex', 'dropColumn', 'dropTable']);
});

test('hover on a Knex table builder call shows the lock it takes and the transaction Knex opens', () => {
  const text = "exports.up = (knex) => knex.schema.alterTable('orders', (table) => {\n  table.index(['customer_id']);\n});\nexports.down = () => {};\n";
  const hover = hoverAt(read(text), text.indexOf('index('), DEFAULT_CONFIG);
  assert.ok(hover);
  assert.match(hover.markdown, /`SHARE` lock on "orders"/);
  assert.match(hover.markdown, /Knex runs each migration in its own transaction/);
});
