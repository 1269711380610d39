import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Sequelize, DataTypes } from 'sequelize';
import type { Dialect } from '../../../server/src/model/migration';
import { readFile, readMigration } from './readMigration';

/** Reads `addColumn('t', 'c', { type: <source> })` and returns the column spec. */
function columnOf(typeSource: string, dialect: Dialect) {
  const m = readMigration(`module.exports = { async up(queryInterface, Sequelize) {
  await queryInterface.addColumn('t', 'c', { type: ${typeSource} });
}};`, { dialect });
  return m.up[0].columnSpec!;
}

/** What Sequelize itself emits for the type in CREATE TABLE on that dialect (no connection needed). */
function sequelizeSql(typeSource: string, dialect: 'postgres' | 'mysql'): string {
  const sequelize = new Sequelize({ dialect, logging: false });
  const type = new Function('Sequelize', `return ${typeSource}`)(Object.assign({}, Sequelize, DataTypes, { DataTypes }));
  const qg = (sequelize.getQueryInterface() as unknown as { queryGenerator: { attributesToSQL(a: object, o: object): Record<string, string> } }).queryGenerator;
  const warn = console.warn;
  const log = console.log;
  console.warn = console.log = () => {};
  try {
    // normalizeAttribute is what queryInterface.createTable applies first; it is missing from Sequelize's typings.
    const normalized = (sequelize as unknown as { normalizeAttribute(a: object): object }).normalizeAttribute({ type });
    return qg.attributesToSQL({ c: normalized }, { context: 'createTable', table: 't' }).c.toLowerCase();
  } finally { console.warn = warn; console.log = log; }
}

const SAME_AS_SEQUELIZE = [
  'Sequelize.STRING', 'Sequelize.STRING(100)', 'Sequelize.DataTypes.STRING(40)', 'Sequelize.TEXT', "Sequelize.TEXT('long')",
  'Sequelize.INTEGER', 'Sequelize.INTEGER.UNSIGNED', 'Sequelize.BIGINT', 'Sequelize.SMALLINT', 'Sequelize.DATE', 'Sequelize.DATE(6)',
  'Sequelize.DATEONLY', 'Sequelize.TIME', 'Sequelize.UUID', 'Sequelize.JSON', 'Sequelize.DECIMAL(10, 2)', 'Sequelize.FLOAT',
  'Sequelize.DOUBLE', 'Sequelize.REAL', 'Sequelize.CHAR(2)', 'Sequelize.BLOB', 'Sequelize.STRING.BINARY',
];

for (const dialect of ['postgres', 'mysql'] as const) {
  test(`data types match what Sequelize emits on ${dialect}`, () => {
    for (const source of SAME_AS_SEQUELIZE) {
      assert.equal(columnOf(source, dialect).type, sequelizeSql(source, dialect), source);
    }
  });
}

test('BOOLEAN stays boolean on both dialects (MySQL reads it as tinyint(1))', () => {
  assert.equal(columnOf('Sequelize.BOOLEAN', 'postgres').type, 'boolean');
  assert.equal(columnOf('Sequelize.BOOLEAN', 'mysql').type, 'boolean');
});

test('postgres-only types and arrays', () => {
  assert.equal(columnOf('Sequelize.JSONB', 'postgres').type, 'jsonb');
  assert.equal(columnOf('Sequelize.ARRAY(Sequelize.STRING(20))', 'postgres').type, 'varchar(20)[]');
  assert.equal(columnOf('Sequelize.ARRAY(Sequelize.INTEGER)', 'postgres').type, 'integer[]');
  assert.equal(columnOf('Sequelize.CITEXT', 'postgres').type, 'citext');
});

test('ENUM in every spelling gives enum + values', () => {
  for (const source of ["Sequelize.ENUM('draft', 'live')", "DataTypes.ENUM(['draft', 'live'])", "Sequelize.DataTypes.ENUM({ values: ['draft', 'live'] })", "new DataTypes.ENUM('draft', 'live')"]) {
    const spec = columnOf(source, 'postgres');
    assert.equal(spec.type, 'enum', source);
    assert.deepEqual(spec.enumValues, ['draft', 'live'], source);
  }
  const m = readMigration(`module.exports = { async up(queryInterface, Sequelize) {
  await queryInterface.addColumn('posts', 'state', { type: Sequelize.ENUM, values: ['a', 'b'], allowNull: false, defaultValue: 'a' });
}};`);
  assert.deepEqual(m.up[0].columnSpec, { name: 'state', type: 'enum', enumValues: ['a', 'b'], nullable: false, default: "'a'" });
  assert.deepEqual(m.up[0].enumValues, ['a', 'b']);
});

test('defaults: literals, fn, literal, NOW, booleans', () => {
  const m = readMigration(`module.exports = { async up(queryInterface, Sequelize) {
  await queryInterface.createTable('t', {
    a: { type: Sequelize.INTEGER, defaultValue: -1 },
    b: { type: Sequelize.BOOLEAN, defaultValue: false },
    c: { type: Sequelize.DATE, defaultValue: Sequelize.fn('NOW') },
    d: { type: Sequelize.DATE, defaultValue: Sequelize.literal('CURRENT_TIMESTAMP') },
    e: { type: Sequelize.DATE, defaultValue: Sequelize.NOW },
    f: { type: Sequelize.STRING, defaultValue: "it's" },
  });
}};`);
  assert.deepEqual(m.up[0].tableColumns?.map(c => c.default), ['-1', 'false', 'now()', 'CURRENT_TIMESTAMP', 'now()', "'it''s'"]);
});

test('a type held in a constant, and a destructured DataTypes name', () => {
  const m = readMigration(`const { STRING } = require('sequelize').DataTypes;
const ID = Sequelize.UUID;
module.exports = { async up(queryInterface, Sequelize) {
  await queryInterface.createTable('t', { id: { type: ID, primaryKey: true }, name: STRING(30) });
}};`);
  assert.deepEqual(m.up[0].tableColumns, [{ name: 'id', type: 'uuid', primary: true }, { name: 'name', type: 'varchar(30)' }]);
});

test('on PostgreSQL an ENUM column names the type Sequelize creates for it', () => {
  const text = `module.exports = { async up(queryInterface, Sequelize) {
  await queryInterface.createTable('posts', { id: Sequelize.INTEGER, state: Sequelize.ENUM('a', 'b'), kind: { type: Sequelize.ENUM('x') } });
  await queryInterface.addColumn('users', 'role', { type: Sequelize.ENUM('admin', 'user') });
}};`;
  const pg = readMigration(text, { dialect: 'postgres' });
  assert.deepEqual(pg.up[0].details?.pgEnumTypes, ['enum_posts_state', 'enum_posts_kind']);
  assert.deepEqual(pg.up[1].details?.pgEnumTypes, ['enum_users_role']);
  const sequelize = new Sequelize({ dialect: 'postgres', logging: false });
  const qg = (sequelize.getQueryInterface() as unknown as { queryGenerator: { pgEnumName(t: string, c: string, o: object): string } }).queryGenerator;
  assert.equal(qg.pgEnumName('users', 'role', { schema: false }), `"${pg.up[1].details?.pgEnumTypes}"`);
  assert.equal(readMigration(text, { dialect: 'mysql' }).up[0].details?.pgEnumTypes, undefined);
});

test('an unknown dialect is learned from PostgreSQL-only types', () => {
  const r = readFile(`module.exports = { async up(queryInterface, Sequelize) {
  await queryInterface.addColumn('users', 'prefs', { type: Sequelize.JSONB });
}};`, { dialect: 'unknown' });
  assert.equal(r.dialect?.dialect, 'postgres');
  assert.match(r.dialect?.reason ?? '', /jsonb/);
  assert.equal(readFile(`module.exports = { async up(qi, S) { await qi.addColumn('u', 'p', { type: S.JSON }); } };`, { dialect: 'unknown' }).dialect, undefined);
});
