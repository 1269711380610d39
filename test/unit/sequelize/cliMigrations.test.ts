import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readMigration } from './readMigration';
import { looksLikeSequelize } from '../../../server/src/readers/sequelize/sequelizeReader';

const generated = `'use strict';

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('Users', {
      id: { allowNull: false, autoIncrement: true, primaryKey: true, type: Sequelize.INTEGER },
      email: { type: Sequelize.STRING(120), allowNull: false, unique: true },
      teamId: { type: Sequelize.INTEGER, references: { model: 'Teams', key: 'id' }, onDelete: 'cascade' },
      createdAt: { allowNull: false, type: Sequelize.DATE },
      updatedAt: { allowNull: false, type: Sequelize.DATE }
    });
  },
  async down(queryInterface, Sequelize) {
    await queryInterface.dropTable('Users');
  }
};
`;

test('a sequelize-cli generated model migration reads as createTable + its foreign key, dropTable in down', () => {
  const m = readMigration(generated, { path: '/p/migrations/20240115093000-create-user.js' });
  assert.equal(m.name, '20240115093000-create-user');
  assert.equal(m.timestamp, '20240115093000');
  assert.equal(m.orm, 'sequelize');
  assert.equal(m.hasDown, true);
  assert.deepEqual(m.up.map(o => o.kind), ['createTable', 'addForeignKey']);
  const [create, fk] = m.up;
  assert.equal(create.table, 'Users');
  assert.equal(create.via, 'api');
  assert.deepEqual(create.tableColumns?.map(c => c.name), ['id', 'email', 'teamId', 'createdAt', 'updatedAt']);
  assert.deepEqual(create.tableColumns?.[0], { name: 'id', type: 'integer', nullable: false, primary: true, autoIncrement: true });
  assert.deepEqual(create.tableColumns?.[1], { name: 'email', type: 'varchar(120)', nullable: false, unique: true });
  assert.deepEqual(create.tableColumns?.[2].references, { table: 'Teams', columns: ['id'] });
  assert.equal(fk.column, 'teamId');
  assert.deepEqual(fk.references, { table: 'Teams', columns: ['id'], onDelete: 'CASCADE' });
  assert.equal(fk.details?.inCreateTable, true);
  assert.deepEqual(m.down.map(o => [o.kind, o.table]), [['dropTable', 'Users']]);
  assert.equal(m.transactional, false);
  assert.match(m.transactionalReason ?? '', /does not open one/);
});

test('Sequelize emits CREATE TABLE IF NOT EXISTS and DROP TABLE IF EXISTS, so both count as guarded', () => {
  const m = readMigration(generated);
  assert.equal(m.up[0].ifNotExists, true);
  assert.equal(m.up[0].guarded, true);
  assert.equal(m.down[0].ifExists, true);
  assert.equal(m.down[0].guarded, true);
});

test('arrow-function properties, promise-returning down, and column operations', () => {
  const m = readMigration(`module.exports = {
  up: async (qi, S) => {
    await qi.addColumn('orders', 'note', { type: S.TEXT, allowNull: true });
    await qi.renameColumn('orders', 'total', 'amount');
    await qi.changeColumn('orders', 'amount', { type: S.DECIMAL(12, 2), allowNull: false, defaultValue: 0 });
    await qi.removeColumn('orders', 'legacy');
    await qi.renameTable('orders', 'purchases');
  },
  down: function (qi, S) {
    return qi.renameTable('purchases', 'orders');
  }
};`);
  assert.deepEqual(m.up.map(o => o.kind), ['addColumn', 'renameColumn', 'alterColumnType', 'dropColumn', 'renameTable']);
  assert.deepEqual(m.up[0].columnSpec, { name: 'note', type: 'text', nullable: true });
  assert.equal(m.up[1].column, 'total');
  assert.equal(m.up[1].newName, 'amount');
  assert.deepEqual(m.up[2].columnSpec, { name: 'amount', type: 'decimal(12,2)', nullable: false, default: '0' });
  assert.equal(m.up[2].details?.sequelizeChangeColumn, true);
  assert.equal(m.up.filter(o => o.kind === 'setNotNull').length, 0, 'changeColumn restates the definition; no separate setNotNull');
  assert.equal(m.up[3].column, 'legacy');
  assert.equal(m.up[4].newName, 'purchases');
  assert.deepEqual(m.down.map(o => [o.kind, o.table, o.newName]), [['renameTable', 'purchases', 'orders']]);
});

test('exports.up / module.exports.down assignments', () => {
  const m = readMigration(`exports.up = function (queryInterface, Sequelize) {
  return queryInterface.addColumn('a', 'b', Sequelize.BOOLEAN);
};
module.exports.down = (queryInterface) => queryInterface.removeColumn('a', 'b');`);
  assert.deepEqual(m.up.map(o => [o.kind, o.column, o.columnSpec?.type]), [['addColumn', 'b', 'boolean']]);
  assert.deepEqual(m.down.map(o => [o.kind, o.column]), [['dropColumn', 'b']]);
  assert.equal(m.hasDown, true);
});

test('module.exports = { up, down } with top-level functions, and a local object', () => {
  const shorthand = readMigration(`async function up(queryInterface) { await queryInterface.dropTable('x'); }
async function down(queryInterface) {}
module.exports = { up, down };`);
  assert.deepEqual(shorthand.up.map(o => o.kind), ['dropTable']);
  assert.equal(shorthand.hasDown, false, 'an empty down does nothing');
  const viaConst = readMigration(`const migration = { async up(qi) { await qi.removeIndex('t', 't_a'); } };
module.exports = migration;`);
  assert.deepEqual(viaConst.up.map(o => [o.kind, o.index]), [['dropIndex', 't_a']]);
});

test('promise chains and Promise.all keep source order', () => {
  const m = readMigration(`module.exports = {
  up(queryInterface, Sequelize) {
    return queryInterface.createTable('a', { id: Sequelize.INTEGER })
      .then(() => queryInterface.addIndex('a', ['id']))
      .then(() => Promise.all([
        queryInterface.addColumn('a', 'x', Sequelize.STRING),
        queryInterface.addColumn('a', 'y', Sequelize.STRING),
      ]));
  },
  down(queryInterface) { return queryInterface.dropTable('a'); }
};`);
  assert.deepEqual(m.up.map(o => [o.kind, o.column ?? o.index ?? o.table]), [
    ['createTable', 'a'], ['createIndex', 'a_id'], ['addColumn', 'x'], ['addColumn', 'y'],
  ]);
  assert.deepEqual(m.up[0].tableColumns, [{ name: 'id', type: 'integer' }]);
});

test('missing down, and a down that only throws', () => {
  const noDown = readMigration(`module.exports = { async up(qi) { await qi.removeColumn('t', 'c'); } };`);
  assert.equal(noDown.hasDown, false);
  assert.equal(noDown.downRange, undefined);
  assert.deepEqual(noDown.down, []);
  const throws = readMigration(`module.exports = {
  async up(qi) { await qi.removeColumn('t', 'c'); },
  async down() { throw new Error('irreversible: the column data is gone'); }
};`);
  assert.equal(throws.hasDown, true);
  assert.equal(throws.downThrows, true);
  for (const down of ['down: async () => {}', 'down: () => Promise.resolve()', 'async down() { return; }', 'down: () => undefined']) {
    assert.equal(readMigration(`module.exports = { up: (qi) => qi.removeColumn('t', 'c'), ${down} };`).hasDown, false, down);
  }
  const rejects = readMigration(`module.exports = { up: (qi) => qi.removeColumn('t', 'c'), down: () => Promise.reject(new Error('no')) };`);
  assert.equal(rejects.downThrows, true);
});

test('indexes: array form, options form, unique, concurrently, where, using; generated names match Sequelize', () => {
  const m = readMigration(`module.exports = { async up(queryInterface, Sequelize) {
  await queryInterface.addIndex('Users', ['teamId', 'createdAt']);
  await queryInterface.addIndex('Users', { fields: ['email'], unique: true, name: 'users_email_uq', concurrently: true });
  await queryInterface.addIndex('Users', ['deletedAt'], { where: { deletedAt: null }, using: 'BTREE' });
  await queryInterface.addIndex('Posts', { fields: [{ name: 'title', order: 'DESC' }], type: 'FULLTEXT' });
  await queryInterface.removeIndex('Users', ['teamId', 'createdAt']);
}};`);
  const [a, b, c, d, e] = m.up;
  assert.equal(a.index, 'users_team_id_created_at');
  assert.deepEqual(a.columns, ['teamId', 'createdAt']);
  assert.equal(a.concurrently, undefined);
  assert.equal(b.index, 'users_email_uq');
  assert.equal(b.unique, true);
  assert.equal(b.concurrently, true);
  assert.equal(c.expression, '{ deletedAt: null }');
  assert.equal(c.indexMethod, 'btree');
  assert.deepEqual(d.columns, ['title']);
  assert.equal(d.indexMethod, 'FULLTEXT');
  assert.equal(e.kind, 'dropIndex');
  assert.equal(e.index, a.index, 'removeIndex by fields computes the same name addIndex did');
});

test('constraints: foreign key, unique, check, primary key, remove', () => {
  const m = readMigration(`module.exports = { async up(queryInterface) {
  await queryInterface.addConstraint('orders', { fields: ['user_id'], type: 'foreign key', name: 'orders_user_fk', references: { table: 'users', field: 'id' }, onDelete: 'set null' });
  await queryInterface.addConstraint('orders', { fields: ['code'], type: 'unique', name: 'orders_code_uq' });
  await queryInterface.addConstraint('orders', { fields: ['amount'], type: 'check', where: { amount: { [Sequelize.Op.gt]: 0 } } });
  await queryInterface.addConstraint('orders', { fields: ['id'], type: 'primary key' });
  await queryInterface.removeConstraint('orders', 'orders_old_fk');
}};`);
  assert.deepEqual(m.up.map(o => o.kind), ['addForeignKey', 'addUnique', 'addCheck', 'addPrimaryKey', 'dropConstraint']);
  assert.deepEqual(m.up[0].references, { table: 'users', columns: ['id'], onDelete: 'SET NULL' });
  assert.equal(m.up[0].constraint, 'orders_user_fk');
  assert.deepEqual(m.up[0].columns, ['user_id']);
  assert.equal(m.up[1].constraint, 'orders_code_uq');
  assert.match(m.up[2].expression ?? '', /amount/);
  assert.equal(m.up[4].constraint, 'orders_old_fk');
});

test('data changes: bulkInsert, bulkUpdate and bulkDelete with and without where', () => {
  const m = readMigration(`module.exports = { async up(queryInterface) {
  await queryInterface.bulkInsert('roles', [{ name: 'admin' }, { name: 'user' }]);
  await queryInterface.bulkUpdate('users', { role: 'user' }, { role: null });
  await queryInterface.bulkUpdate('users', { active: true }, {});
  await queryInterface.bulkDelete('sessions', null, {});
  await queryInterface.bulkDelete('sessions', { expired: true });
}};`);
  assert.deepEqual(m.up.map(o => [o.kind, o.table, o.hasWhere]), [
    ['insert', 'roles', undefined], ['update', 'users', true], ['update', 'users', false], ['delete', 'sessions', false], ['delete', 'sessions', true],
  ]);
  assert.equal(m.up[0].details?.rows, 2);
});

test('unrecognised queryInterface calls become unknown operations; reads produce nothing', () => {
  const m = readMigration(`module.exports = { async up(queryInterface) {
  const cols = await queryInterface.describeTable('users');
  await queryInterface.frobnicateTable('users');
}};`);
  assert.deepEqual(m.up.map(o => [o.kind, o.reason]), [['unknown', 'unrecognised queryInterface call: frobnicateTable']]);
});

test('table names from constants and { tableName, schema } objects', () => {
  const m = readMigration(`const TABLE = 'accounts';
module.exports = { async up(queryInterface, Sequelize) {
  await queryInterface.addColumn(TABLE, 'plan', Sequelize.STRING);
  await queryInterface.addColumn({ tableName: 'users', schema: 'billing' }, 'plan', Sequelize.STRING);
}};`);
  assert.deepEqual(m.up.map(o => [o.schema, o.table]), [[undefined, 'accounts'], ['billing', 'users']]);
});

test('looksLikeSequelize is a cheap content test', () => {
  assert.equal(looksLikeSequelize(generated), true);
  assert.equal(looksLikeSequelize(`export const up = async ({ context: sequelize }) => sequelize.getQueryInterface().dropTable('x')`), true);
  assert.equal(looksLikeSequelize(`export async function up({ context }) { await context.dropTable('x'); }`), true, 'umzug context parameter');
  assert.equal(looksLikeSequelize(`export class A1 implements MigrationInterface { async up(queryRunner) {} }`), false);
  assert.equal(looksLikeSequelize('CREATE TABLE a (id int);'), false);
});

test('a file without up or down reports no-migration-found', () => {
  const r = readFile(`const x = 1; module.exports = { helper() {} };`);
  assert.equal(r.migrations.length, 0);
  assert.deepEqual(r.problems.map(p => [p.code, p.severity]), [['no-migration-found', 'info']]);
});

test('bulkInsert with ignoreDuplicates is safe to re-run', () => {
  const m = readMigration(`module.exports = { async up(queryInterface) {
  await queryInterface.bulkInsert('roles', [{ name: 'admin' }], { ignoreDuplicates: true });
  await queryInterface.bulkInsert('roles', [{ name: 'user' }]);
}};`);
  assert.deepEqual(m.up.map(o => [o.guarded, o.details?.guardedBy]), [[true, 'ignore-duplicates'], [false, undefined]]);
});
