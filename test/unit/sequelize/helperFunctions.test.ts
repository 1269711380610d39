import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readMigration } from './readMigration';

const text = `'use strict';
const addTimestamps = async (qi, table, Sequelize, transaction) => {
  await qi.addColumn(table, 'createdAt', { type: Sequelize.DATE }, { transaction });
  await qi.addColumn(table, 'updatedAt', { type: Sequelize.DATE }, { transaction });
};
async function dropTimestamps(queryInterface, table) {
  await queryInterface.removeColumn(table, 'createdAt');
  await queryInterface.removeColumn(table, 'updatedAt');
}
module.exports = {
  async up(queryInterface, Sequelize) {
    const cols = await queryInterface.describeTable('users');
    if (!cols.createdAt) await addTimestamps(queryInterface, 'users', Sequelize);
  },
  async down(queryInterface) {
    await queryInterface.sequelize.transaction(async (t) => dropTimestamps(queryInterface, 'users'));
  },
};`;

test('operations in file-level helper functions count, with the guard and transaction of the call site', () => {
  const m = readMigration(text);
  assert.deepEqual(m.up.map(o => [o.kind, o.column, o.guarded]), [['addColumn', 'createdAt', true], ['addColumn', 'updatedAt', true]]);
  assert.equal(m.up[0].offset.start, text.indexOf("await qi.addColumn(table, 'createdAt'"), 'the range is the call inside the helper');
  assert.equal(m.up[0].inTransaction, true, '{ transaction } passes a property, even when undefined at run time');
  // The helper is called inside the transaction callback but its calls pass no { transaction }:
  // without CLS they run outside it.
  assert.deepEqual(m.down.map(o => [o.kind, o.column, o.inTransaction, o.details?.missingTransactionOption]), [['dropColumn', 'createdAt', undefined, true], ['dropColumn', 'updatedAt', undefined, true]]);
});

test('a recursive helper is read once, not forever', () => {
  const m = readMigration(`function again(qi) { qi.dropTable('x'); again(qi); }
module.exports = { up: (qi) => again(qi) };`);
  assert.deepEqual(m.up.map(o => o.kind), ['dropTable']);
});
