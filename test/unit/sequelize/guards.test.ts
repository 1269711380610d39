import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readMigration } from './readMigration';

test('describeTable guards: property test, `in` test, else branch', () => {
  const m = readMigration(`module.exports = {
  async up(queryInterface, Sequelize) {
    const table = await queryInterface.describeTable('users');
    if (!table.nickname) {
      await queryInterface.addColumn('users', 'nickname', Sequelize.STRING);
    }
    if (!('age' in table)) await queryInterface.addColumn('users', 'age', Sequelize.INTEGER);
    if (table.legacy) {} else { await queryInterface.addColumn('users', 'legacy', Sequelize.BOOLEAN); }
    await queryInterface.addColumn('users', 'unguarded', Sequelize.STRING);
  }
};`);
  assert.deepEqual(m.up.map(o => [o.column, o.guarded]), [['nickname', true], ['age', true], ['legacy', true], ['unguarded', false]]);
});

test('tableExists in the condition, and an early return after a check', () => {
  const m = readMigration(`module.exports = {
  async up(queryInterface, Sequelize) {
    if (!(await queryInterface.tableExists('audit'))) {
      await queryInterface.createTable('audit', { id: Sequelize.INTEGER });
    }
  },
  async down(queryInterface) {
    const indexes = await queryInterface.showIndex('users');
    if (!indexes.some((i) => i.name === 'users_email')) return;
    await queryInterface.removeIndex('users', 'users_email');
  }
};`, { dialect: 'mysql' });
  assert.equal(m.up[0].guarded, true);
  assert.deepEqual(m.down.map(o => [o.kind, o.guarded]), [['dropIndex', true]]);
});

test('removeIndex is unguarded on MySQL but DROP INDEX IF EXISTS on PostgreSQL', () => {
  const text = `module.exports = { async up(qi) { await qi.removeIndex('users', 'users_email'); } };`;
  assert.equal(readMigration(text, { dialect: 'mysql' }).up[0].guarded, false);
  assert.equal(readMigration(text, { dialect: 'postgres' }).up[0].ifExists, true);
  assert.equal(readMigration(text, { dialect: 'postgres' }).up[0].guarded, true);
});

test('information_schema probe through sequelize.query, short-circuit and .then forms', () => {
  const m = readMigration(`module.exports = {
  async up(queryInterface, Sequelize) {
    const [rows] = await queryInterface.sequelize.query(
      "SELECT 1 FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'x'");
    if (rows.length === 0) await queryInterface.addColumn('users', 'x', Sequelize.STRING);
    const cols = await queryInterface.describeTable('users');
    cols.y || await queryInterface.addColumn('users', 'y', Sequelize.STRING);
    await queryInterface.describeTable('users').then((d) => d.z ? null : queryInterface.addColumn('users', 'z', Sequelize.STRING));
  }
};`);
  assert.deepEqual(m.up.map(o => [o.column, o.guarded]), [['x', true], ['y', true], ['z', true]]);
});

test('an unrelated if does not count as a guard', () => {
  const m = readMigration(`module.exports = {
  async up(queryInterface, Sequelize) {
    if (process.env.NODE_ENV !== 'test') {
      await queryInterface.addColumn('users', 'x', Sequelize.STRING);
    }
  }
};`);
  assert.equal(m.up[0].guarded, false);
});

test('ifNotExists / ifExists options guard on @sequelize/core 7, not on Sequelize 6 which ignores them', () => {
  const text = `module.exports = { async up(queryInterface, Sequelize) {
  await queryInterface.addColumn('users', 'x', Sequelize.STRING, { ifNotExists: true });
  await queryInterface.removeColumn('users', 'y', { ifExists: true });
  await queryInterface.removeConstraint('users', 'users_fk', { ifExists: true });
}};`;
  const v7 = readMigration(text, { sequelizeVersion: '7.0.0-alpha.47', dialect: 'mysql' });
  assert.deepEqual(v7.up.map(o => [o.guarded, o.ifNotExists ?? o.ifExists]), [[true, true], [true, true], [true, true]]);
  const v6 = readMigration(text, { sequelizeVersion: '^6.37.8', dialect: 'mysql' });
  assert.deepEqual(v6.up.map(o => o.guarded), [false, false, false]);
});

test('a swallowed error makes a re-run harmless; a rethrow does not', () => {
  const m = readMigration(`module.exports = {
  async up(queryInterface, Sequelize) {
    try {
      await queryInterface.addColumn('users', 'a', Sequelize.STRING);
    } catch (err) {
      if (!/already exists|Duplicate column/.test(err.message)) throw err;
    }
    await queryInterface.addIndex('users', ['a']).catch(() => {});
    const t = await queryInterface.sequelize.transaction();
    try {
      await queryInterface.addColumn('users', 'b', Sequelize.STRING, { transaction: t });
      await t.commit();
    } catch (err) {
      await t.rollback();
      throw err;
    }
  }
};`);
  const byColumn = m.up.filter(o => o.kind !== 'transactionControl').map(o => [o.kind, o.guarded, o.details?.guardedBy]);
  assert.deepEqual(byColumn, [['addColumn', true, 'error-swallowed'], ['createIndex', true, 'error-swallowed'], ['addColumn', false, undefined]]);
});

test('guards say what kind they are', () => {
  const m = readMigration(`module.exports = { async up(queryInterface, Sequelize) {
  const t = await queryInterface.describeTable('users');
  if (!t.a) await queryInterface.addColumn('users', 'a', Sequelize.STRING);
}};`);
  assert.equal(m.up[0].details?.guardedBy, 'schema-check');
});
