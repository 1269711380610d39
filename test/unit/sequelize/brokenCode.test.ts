import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from './readMigration';

test('half-typed code still yields the operations that parse; the parser errors are counted, not repeated as our problems', () => {
  const r = readFile(`module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.addColumn('users', 'age', Sequelize.INTEGER);
    await queryInterface.addIndex('users', [
  },
};`);
  assert.ok((r.syntaxErrors ?? 0) > 0);
  assert.ok(!r.problems.some(p => p.code === 'ts-syntax'));
  assert.equal(r.migrations.length, 1);
  assert.deepEqual(r.migrations[0].up.map(o => o.kind).slice(0, 1), ['addColumn']);
});

test('an unterminated string does not throw', () => {
  const r = readFile(`module.exports = { async up(queryInterface) { await queryInterface.sequelize.query('ALTER TABLE x`);
  assert.ok((r.syntaxErrors ?? 0) > 0);
  assert.ok(r.problems.every(p => p.code !== 'reader-error'));
});

test('empty, binary-ish and random inputs never throw and never produce a reader-error', () => {
  const inputs = ['', '\u0000\u0001\u0002', 'module.exports =', 'exports.up = ', 'export default', '}}}{{{', 'module.exports = { up: 42, down: null }',
    'module.exports = { async up(queryInterface) { await queryInterface.addColumn(); await queryInterface.createTable(); await queryInterface.addIndex(); await queryInterface.addConstraint(); await queryInterface.bulkDelete(); } }'];
  for (const input of inputs) {
    const r = readFile(input);
    assert.ok(r.problems.every(p => p.code !== 'reader-error'), JSON.stringify(input));
  }
  const noArgs = readFile(inputs[inputs.length - 1]).migrations[0];
  assert.deepEqual(noArgs.up.map(o => o.kind), ['addColumn', 'createTable', 'createIndex', 'unknown', 'delete']);
});

test('truncating a real migration at every position never throws', () => {
  const full = `'use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    const t = await queryInterface.sequelize.transaction();
    const d = await queryInterface.describeTable('users');
    if (!d.x) await queryInterface.addColumn('users', 'x', { type: Sequelize.ENUM('a', 'b'), references: { model: 'o' } }, { transaction: t });
    await queryInterface.sequelize.query(\`UPDATE users SET x = '\${'a'}'\`, { transaction: t });
    await t.commit();
  },
  down: (qi) => qi.removeColumn('users', 'x'),
};`;
  for (let i = 0; i <= full.length; i += 3) {
    const r = readFile(full.slice(0, i));
    assert.ok(r.problems.every(p => p.code !== 'reader-error'), `cut at ${i}: ${JSON.stringify(r.problems.filter(p => p.code === 'reader-error'))}`);
  }
});

test('up exported but not readable (imported from elsewhere) explains itself', () => {
  const r = readFile(`const { up, down } = require('./shared');\nmodule.exports = { up, down };`);
  assert.equal(r.migrations.length, 0);
  assert.equal(r.problems[0].code, 'no-migration-found');
  assert.match(r.problems[0].message, /up, down/);
});

test('a down that is imported still counts as present, with an info problem', () => {
  const r = readFile(`const shared = require('./shared');
module.exports = { async up(qi) { await qi.dropTable('x'); }, down: shared.recreateX };`);
  assert.equal(r.migrations[0].hasDown, true);
  assert.deepEqual(r.problems.map(p => [p.code, p.severity]), [['unreadable-export', 'info']]);
});
