import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readMigration } from './readMigration';

test('a managed transaction around everything makes the migration transactional', () => {
  const m = readMigration(`module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.sequelize.transaction(async (t) => {
      await queryInterface.addColumn('users', 'a', Sequelize.STRING, { transaction: t });
      await queryInterface.addColumn('users', 'b', Sequelize.STRING);
    });
  },
  async down(queryInterface) {
    await queryInterface.removeColumn('users', 'b');
  }
};`);
  // Without CLS, the call that does not pass { transaction: t } runs outside the transaction.
  assert.deepEqual(m.up.map(o => o.inTransaction), [true, undefined]);
  assert.deepEqual(m.up.map(o => o.details?.missingTransactionOption), [undefined, true]);
  assert.equal(m.transactional, false, 'not every operation is in the transaction');
  assert.equal(m.down[0].inTransaction, undefined);
  assert.equal(m.up.some(o => o.kind === 'transactionControl'), false);
});

test('a managed transaction where every call passes { transaction: t } makes the migration transactional; CLS makes the option implicit', () => {
  const body = (opt: string) => `module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.sequelize.transaction(async (t) => {
      await queryInterface.addColumn('users', 'a', Sequelize.STRING${opt});
      await queryInterface.addColumn('users', 'b', Sequelize.STRING${opt});
    });
  },
  async down(queryInterface) { await queryInterface.removeColumn('users', 'b'); }
};`;
  const m = readMigration(body(', { transaction: t }'));
  assert.equal(m.transactional, true);
  assert.match(m.transactionalReason ?? '', /transaction the migration opens/);
  assert.deepEqual(m.up.map(o => o.inTransaction), [true, true]);
  const cls = readMigration(`const { Sequelize: S } = require('sequelize');\nS.useCLS(require('cls-hooked').createNamespace('m'));\n` + body(''));
  assert.deepEqual(cls.up.map(o => o.inTransaction), [true, true]);
});

test('an unmanaged transaction: begin, ops passing { transaction }, commit and rollback', () => {
  const m = readMigration(`module.exports = {
  async up(queryInterface, Sequelize) {
    const transaction = await queryInterface.sequelize.transaction();
    try {
      await queryInterface.addColumn('users', 'a', Sequelize.STRING, { transaction });
      await queryInterface.addIndex('users', ['a'], { transaction });
      await transaction.commit();
    } catch (err) {
      await transaction.rollback();
      throw err;
    }
  }
};`);
  assert.deepEqual(m.up.map(o => [o.kind, o.transaction, o.inTransaction]), [
    ['transactionControl', 'begin', undefined],
    ['addColumn', undefined, true],
    ['createIndex', undefined, true],
    ['transactionControl', 'commit', undefined],
    ['transactionControl', 'rollback', undefined],
  ]);
  assert.equal(m.transactional, true);
});

test('some operations outside the transaction: not transactional, and the reason says how many', () => {
  const m = readMigration(`module.exports = {
  async up(queryInterface, Sequelize) {
    const { sequelize } = queryInterface;
    await sequelize.transaction(async (t) => {
      await queryInterface.addColumn('users', 'a', Sequelize.STRING, { transaction: t });
    });
    await queryInterface.addIndex('users', ['a'], { concurrently: true });
  }
};`);
  assert.equal(m.transactional, false);
  assert.match(m.transactionalReason ?? '', /1 of 2/);
  assert.deepEqual(m.up.map(o => o.inTransaction), [true, undefined]);
});

test('no transaction at all: Sequelize does not wrap migrations', () => {
  const m = readMigration(`module.exports = { up: (qi, S) => qi.addColumn('a', 'b', S.INTEGER) };`);
  assert.equal(m.transactional, false);
  assert.equal(m.up[0].inTransaction, undefined);
});

test('Sequelize 4/5 style: return a managed transaction around Promise.all', () => {
  const m = readMigration(`module.exports = {
  up: (queryInterface, Sequelize) => queryInterface.sequelize.transaction((t) => Promise.all([
    queryInterface.addColumn('Person', 'petName', { type: Sequelize.DataTypes.STRING }, { transaction: t }),
    queryInterface.addColumn('Person', 'favoriteColor', { type: Sequelize.DataTypes.STRING }, { transaction: t }),
  ])),
  down: (queryInterface) => queryInterface.sequelize.transaction((t) => Promise.all([
    queryInterface.removeColumn('Person', 'petName', { transaction: t }),
    queryInterface.removeColumn('Person', 'favoriteColor', { transaction: t }),
  ])),
};`);
  assert.deepEqual(m.up.map(o => [o.kind, o.column, o.inTransaction]), [['addColumn', 'petName', true], ['addColumn', 'favoriteColor', true]]);
  assert.equal(m.transactional, true);
  assert.equal(m.downTransactional, undefined, 'down is transactional like up');
  assert.deepEqual(m.down.map(o => o.inTransaction), [true, true]);
});

test('down without the transaction up has: downTransactional says so', () => {
  const m = readMigration(`module.exports = {
  up: (qi, S) => qi.sequelize.transaction(async (t) => { await qi.addColumn('a', 'b', S.INTEGER, { transaction: t }); }),
  down: (qi) => qi.removeColumn('a', 'b'),
};`);
  assert.equal(m.transactional, true);
  assert.equal(m.downTransactional, false);
});
