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
