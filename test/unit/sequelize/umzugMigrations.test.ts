import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readMigration } from './readMigration';

const umzug = `import type { MigrationFn } from 'umzug';
import { DataTypes, QueryInterface } from 'sequelize';

export const up: MigrationFn<QueryInterface> = async ({ context: queryInterface }) => {
  await queryInterface.addColumn('users', 'last_seen', { type: DataTypes.DATE, allowNull: true });
  await queryInterface.addIndex('users', ['last_seen'], { name: 'users_last_seen_idx', concurrently: true });
};

export const down: MigrationFn<QueryInterface> = async ({ context: queryInterface }) => {
  await queryInterface.removeIndex('users', 'users_last_seen_idx');
  await queryInterface.removeColumn('users', 'last_seen');
};
`;

test('umzug TypeScript migration with { context: queryInterface }', () => {
  const m = readMigration(umzug, { path: '/p/migrations/2024.03.01T10.00.00.add-last-seen.ts' });
  assert.equal(m.name, '2024.03.01T10.00.00.add-last-seen');
  assert.equal(m.timestamp, '2024.03.01T10.00.00');
  assert.deepEqual(m.up.map(o => [o.kind, o.column ?? o.index]), [['addColumn', 'last_seen'], ['createIndex', 'users_last_seen_idx']]);
  assert.deepEqual(m.up[0].columnSpec, { name: 'last_seen', type: 'timestamp with time zone', nullable: true });
  assert.equal(m.up[1].concurrently, true);
  assert.deepEqual(m.down.map(o => [o.kind, o.index ?? o.column]), [['dropIndex', 'users_last_seen_idx'], ['dropColumn', 'last_seen']]);
  assert.equal(m.hasDown, true);
  assert.equal(m.transactional, false);
});

test('umzug with the bare { context } name, export async function, and DATE on MySQL', () => {
  const m = readMigration(`import { DataTypes } from 'sequelize';
export async function up({ context }) {
  await context.createTable('events', { id: { type: DataTypes.BIGINT, primaryKey: true }, at: DataTypes.DATE });
}
export async function down({ context }) {
  await context.dropTable('events');
}`, { path: '/p/m/20240101000000-events.mjs', dialect: 'mysql' });
  assert.deepEqual(m.up[0].tableColumns, [{ name: 'id', type: 'bigint', primary: true }, { name: 'at', type: 'datetime' }]);
  assert.deepEqual(m.down.map(o => o.kind), ['dropTable']);
});

test('umzug with the Sequelize instance as context: getQueryInterface()', () => {
  const m = readMigration(`export const up = async ({ context: sequelize }) => {
  const qi = sequelize.getQueryInterface();
  await qi.addColumn('a', 'b', { type: 'VARCHAR(20)' });
  await sequelize.getQueryInterface().removeColumn('a', 'c');
};`, { path: 'x.ts' });
  assert.deepEqual(m.up.map(o => [o.kind, o.column, o.columnSpec?.type]), [['addColumn', 'b', 'varchar(20)'], ['dropColumn', 'c', undefined]]);
  assert.equal(m.hasDown, false);
});

test('export default { up, down } and export = object', () => {
  const m = readMigration(`import { QueryInterface, DataTypes } from 'sequelize';
export default {
  up: async (queryInterface: QueryInterface) => { await queryInterface.renameColumn('t', 'a', 'b'); },
  down: async (queryInterface: QueryInterface) => { await queryInterface.renameColumn('t', 'b', 'a'); },
} satisfies { up: unknown; down: unknown };`, { path: 'm.ts' });
  assert.deepEqual(m.up.map(o => [o.kind, o.column, o.newName]), [['renameColumn', 'a', 'b']]);
  assert.deepEqual(m.down.map(o => [o.kind, o.column, o.newName]), [['renameColumn', 'b', 'a']]);
  const eq = readMigration(`export = { async up(qi: any) { await qi.dropTable('x'); } };`, { path: 'n.ts' });
  assert.deepEqual(eq.up.map(o => o.kind), ['dropTable']);
});

test('export { up, down } of local consts', () => {
  const m = readMigration(`const up = async ({ context: qi }) => { await qi.removeColumn('t', 'c'); };
const down = async ({ context: qi }) => { await qi.addColumn('t', 'c', { type: 'text' }); };
export { up, down };`, { path: 'y.js' });
  assert.deepEqual(m.up.map(o => o.kind), ['dropColumn']);
  assert.deepEqual(m.down.map(o => o.kind), ['addColumn']);
});

test('a TypeScript umzug migration compiled to CommonJS by tsc', () => {
  const m = readMigration(`"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.down = exports.up = void 0;
const sequelize_1 = require("sequelize");
const up = async ({ context: queryInterface }) => {
    await queryInterface.addColumn('users', 'bio', { type: sequelize_1.DataTypes.TEXT });
};
exports.up = up;
const down = async ({ context: queryInterface }) => {
    await queryInterface.removeColumn('users', 'bio');
};
exports.down = down;
`, { path: '/p/dist/migrations/2024.05.01T00.00.00.add-bio.js' });
  assert.deepEqual(m.up.map(o => [o.kind, o.column, o.columnSpec?.type]), [['addColumn', 'bio', 'text']]);
  assert.deepEqual(m.down.map(o => [o.kind, o.column]), [['dropColumn', 'bio']]);
});
