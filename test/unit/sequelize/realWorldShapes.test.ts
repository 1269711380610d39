// Shapes met in public Sequelize migrations that the reader first missed (each file here is written
// for the test, in the same shape).
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { initSqlParsers } from '../../../server/src/readers/sql';
import { readFile, readMigration } from './readMigration';

before(() => initSqlParsers());

test('SQL concatenated from many string pieces (one per column) is read, not dynamic', () => {
  const columns = Array.from({ length: 30 }, (_, i) => `      '"c${i}" TEXT, ' +`).join('\n');
  const text = [
    'module.exports = {',
    '  up: async ({ context: queryInterface }) => {',
    "    await queryInterface.sequelize.query('CREATE TABLE \"s\".\"wide\" (' +",
    '      \'"id" BIGINT PRIMARY KEY NOT NULL, \' + // the key',
    columns,
    "      '\"last\" TEXT' +",
    "      ');');",
    '  },',
    '  down: async ({ context: queryInterface }) => {',
    "    await queryInterface.sequelize.query('DROP TABLE \"s\".\"wide\"');",
    '  },',
    '};',
  ].join('\n');
  const result = readFile(text);
  assert.deepEqual(result.problems, []);
  const m = readMigration(text);
  assert.equal(m.up.length, 1);
  assert.equal(m.up[0].kind, 'createTable');
  assert.equal(m.up[0].table, 'wide');
  assert.equal(m.up[0].tableColumns?.length, 32);
  // The range starts at the first piece of SQL in the file.
  assert.equal(text.slice(m.up[0].offset.start, m.up[0].offset.start + 12), 'CREATE TABLE');
});

test('${…} names in raw SQL are reported as the expression', () => {
  const text = [
    'module.exports = {',
    '  async up(queryInterface) {',
    '    const { database } = queryInterface.sequelize.config;',
    '    await queryInterface.sequelize.query(`ALTER TABLE ${database}.orders ADD COLUMN note text`);',
    '  },',
    '  async down() {},',
    '};',
  ].join('\n');
  const [op] = readMigration(text, { dialect: 'mysql' }).up;
  assert.equal(op.kind, 'addColumn');
  assert.equal(op.schema, '${database}');
  assert.equal(op.table, 'orders');
  assert.ok(op.text.includes('${database}.orders'), op.text);
});

test('schema, function and trigger helpers of queryInterface, and upsert/insert, are known operations', () => {
  const text = [
    "'use strict';",
    'module.exports = {',
    '  async up(queryInterface, Sequelize) {',
    "    await queryInterface.createSchema('billing');",
    "    await queryInterface.createFunction('touch', [], 'trigger', 'plpgsql', 'BEGIN RETURN NEW; END;', [], { force: true });",
    "    await queryInterface.upsert('settings', { key: 'a', value: '1' }, { value: '1' }, { key: 'a' });",
    "    await queryInterface.insert(null, 'settings', { key: 'b', value: '2' });",
    '  },',
    '  async down(queryInterface) {',
    "    await queryInterface.dropFunction('touch', []);",
    "    await queryInterface.dropSchema('billing');",
    '  },',
    '};',
  ].join('\n');
  const m = readMigration(text);
  assert.deepEqual(m.up.map((o) => [o.kind, o.statement ?? o.table]), [
    ['rawSql', 'CREATE SCHEMA'], ['rawSql', 'CREATE FUNCTION'], ['insert', 'settings'], ['insert', 'settings'],
  ]);
  assert.equal(m.up[0].details?.name, 'billing');
  assert.deepEqual(m.down.map((o) => o.statement), ['DROP FUNCTION', 'DROP SCHEMA']);
  assert.ok(![...m.up, ...m.down].some((o) => o.kind === 'unknown'));
});

test('let/var names the file never reassigns resolve like constants; reassigned ones do not', () => {
  const text = [
    "'use strict';",
    "let opts = { tableName: 'Tags' };",
    "var COLUMN = 'state';",
    "let moving = 'a';",
    "moving = 'b';",
    'module.exports = {',
    '  up: (queryInterface, Sequelize) => queryInterface.sequelize.transaction(async (t) => {',
    '    opts.schema = "app";',
    '    await queryInterface.addColumn(opts, COLUMN, { type: Sequelize.STRING }, { transaction: t });',
    '    await queryInterface.removeColumn(moving, COLUMN, { transaction: t });',
    '  }),',
    '  down: (queryInterface) => queryInterface.removeColumn(opts, COLUMN),',
    '};',
  ].join('\n');
  const m = readMigration(text);
  assert.deepEqual(m.up.map((o) => [o.kind, o.table, o.column]), [['addColumn', 'Tags', 'state'], ['dropColumn', undefined, 'state']]);
  assert.deepEqual(m.down.map((o) => [o.kind, o.table, o.column]), [['dropColumn', 'Tags', 'state']]);
});
