import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataTypes, Sequelize } from 'sequelize';
import { sequelizeIndexName } from '../../../server/src/readers/sequelize/indexName';
import { readMigration } from './readMigration';

// The reader's guarded/ifExists flags and generated index names claim what Sequelize emits; check them against
// Sequelize's own query generator (no connection needed).
interface Generator {
  createTableQuery(t: string, a: object, o: object): string;
  dropTableQuery(t: string): string;
  removeIndexQuery(t: string, f: string[] | string): string;
  addIndexQuery(t: string, f: string[], o: object, raw: string): string;
  changeColumnQuery(t: string, attributes: object): string;
  attributesToSQL(a: object, o: object): object;
}
const generator = (dialect: 'postgres' | 'mysql'): Generator =>
  (new Sequelize({ dialect, logging: false }).getQueryInterface() as unknown as { queryGenerator: Generator }).queryGenerator;

for (const dialect of ['postgres', 'mysql'] as const) {
  test(`guard flags agree with the SQL Sequelize generates on ${dialect}`, () => {
    const qg = generator(dialect);
    const m = readMigration(`module.exports = {
  async up(qi, S) { await qi.createTable('t', { id: S.INTEGER }); await qi.removeIndex('t', ['a']); },
  async down(qi) { await qi.dropTable('t'); },
};`, { dialect });
    assert.equal(m.up[0].ifNotExists === true, /IF NOT EXISTS/.test(qg.createTableQuery('t', { id: 'INTEGER' }, {})));
    assert.equal(m.down[0].ifExists === true, /IF EXISTS/.test(qg.dropTableQuery('t')));
    const dropIndex = qg.removeIndexQuery('t', ['a']);
    assert.equal(m.up[1].ifExists === true, /IF EXISTS/.test(dropIndex));
    assert.equal(m.up[1].guarded, /IF EXISTS/.test(dropIndex));
    assert.ok(dropIndex.includes(m.up[1].index!), `${dropIndex} names ${m.up[1].index}`);
  });
}

test('generated index names match Sequelize for camelCase, PascalCase and snake_case', () => {
  const qg = generator('postgres');
  for (const [table, fields] of [['UserProfiles', ['userId', 'createdAt']], ['users', ['email']], ['order_items', ['order_id', 'SKU']], ['APIKeys', ['keyHash']]] as const) {
    const sql = qg.addIndexQuery(table, [...fields], {}, table);
    const name = /INDEX "([^"]+)"/.exec(sql)?.[1];
    assert.equal(sequelizeIndexName(table, [...fields]), name, sql);
  }
});

test('changeColumn without allowNull/defaultValue resets them, as Sequelize does', () => {
  const sequelize = new Sequelize({ dialect: 'postgres', logging: false });
  const qg = (sequelize.getQueryInterface() as unknown as { queryGenerator: Generator }).queryGenerator;
  const normalize = (a: object) => (sequelize as unknown as { normalizeAttribute(a: object): object }).normalizeAttribute(a);
  const sql = qg.changeColumnQuery('t', qg.attributesToSQL({ c: normalize({ type: DataTypes.STRING(20) }) }, { context: 'changeColumn', table: 't' }));
  assert.match(sql, /DROP NOT NULL/);
  assert.match(sql, /DROP DEFAULT/);
  const m = readMigration(`module.exports = { async up(qi, Sequelize) {
  await qi.changeColumn('t', 'c', { type: Sequelize.STRING(20) });
  await qi.changeColumn('t', 'd', { type: Sequelize.STRING(20), allowNull: false, defaultValue: 'x' });
}};`);
  assert.deepEqual(m.up[0].columnSpec, { name: 'c', type: 'varchar(20)', nullable: true });
  assert.equal(m.up[0].details?.impliedNullable, true);
  assert.equal(m.up[0].details?.dropsDefault, true);
  assert.deepEqual(m.up[1].columnSpec, { name: 'd', type: 'varchar(20)', nullable: false, default: "'x'" });
  assert.equal(m.up[1].details?.impliedNullable, undefined);
  assert.equal(m.up[1].details?.dropsDefault, undefined);
});
