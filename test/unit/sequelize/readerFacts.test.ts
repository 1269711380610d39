// Facts the Sequelize reader records for rules: what Sequelize really emits, promises nobody awaits,
// statements inside try/catch, foreign keys declared with the column, and where the migration is named.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { initSqlParsers } from '../../../server/src/readers/sql';
import { readFile, readMigration } from './readMigration';

before(() => initSqlParsers());

test('removeIndex(…, { concurrently: true }) is DROP INDEX CONCURRENTLY IF EXISTS: guarded', () => {
  const m = readMigration(`module.exports = {
  async up(queryInterface) {
    await queryInterface.addIndex('projects', ['name'], { name: 'projects_name_idx', concurrently: true });
  },
  async down(queryInterface) {
    await queryInterface.removeIndex('projects', 'projects_name_idx', { concurrently: true });
  },
};
`, { dialect: 'postgres' });
  assert.deepEqual(m.down.map((o) => [o.kind, o.index, o.concurrently, o.ifExists, o.guarded]), [['dropIndex', 'projects_name_idx', true, true, true]]);
});

test('a sequelize.transaction(…) nobody awaits in down: every operation inside is marked unawaited', () => {
  const m = readMigration(`module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.addColumn('projects', 'archived', { type: Sequelize.BOOLEAN, allowNull: false, defaultValue: false });
  },
  down(queryInterface) {
    queryInterface.sequelize.transaction(async (transaction) => {
      await queryInterface.removeColumn('projects', 'archived', { transaction });
    });
  },
};
`);
  assert.equal(m.up[0].details?.unawaited, undefined);
  assert.deepEqual(m.down.map((o) => [o.kind, o.details?.unawaited]), [['dropColumn', true]]);
});

test('a bare queryInterface call without await or return is unawaited; a returned promise chain is not', () => {
  const m = readMigration(`module.exports = {
  up: (queryInterface, Sequelize) => {
    queryInterface.addColumn('users', 'nickname', Sequelize.STRING);
    return queryInterface.addColumn('users', 'bio', Sequelize.TEXT)
      .then(() => queryInterface.addIndex('users', ['nickname']));
  },
  down: (queryInterface) => queryInterface.removeColumn('users', 'bio'),
};
`);
  assert.deepEqual(m.up.map((o) => [o.kind, o.column ?? o.columns?.join(), !!o.details?.unawaited]), [
    ['addColumn', 'nickname', true], ['addColumn', 'bio', false], ['createIndex', 'nickname', false],
  ]);
});

test('inTryCatch marks statements whose error a catch swallows: not those of a catch that rolls back and rethrows', () => {
  const text = `module.exports = {
  async up(queryInterface, Sequelize) {
    const transaction = await queryInterface.sequelize.transaction();
    try {
      await queryInterface.addColumn('projects', 'ownerId', { type: Sequelize.INTEGER }, { transaction });
      await queryInterface.sequelize.query('UPDATE projects SET "ownerId" = "createdBy"', { transaction });
      await transaction.commit();
    } catch (err) {
      await transaction.rollback();
      throw err;
    }
  },
  async down(queryInterface) {
    await queryInterface.removeColumn('projects', 'ownerId');
  },
};
`;
  const m = readMigration(text);
  assert.deepEqual(m.up.map((o) => [o.kind, o.transaction, !!o.details?.inTryCatch]), [
    ['transactionControl', 'begin', false], ['addColumn', undefined, false], ['update', undefined, false],
    ['transactionControl', 'commit', false], ['transactionControl', 'rollback', false],
  ]);
  // The same catch without `throw err` swallows the error.
  const swallowed = readMigration(text.replace('      throw err;\n', ''));
  assert.deepEqual(swallowed.up.map((o) => [o.kind, !!o.details?.inTryCatch]), [
    ['transactionControl', false], ['addColumn', true], ['update', true], ['transactionControl', true], ['transactionControl', false],
  ]);
});

test('references in createTable and addColumn become addForeignKey operations (what fk-missing-index checks)', () => {
  const m = readMigration(`module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('projects', {
      id: { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true },
      accountId: { type: Sequelize.INTEGER, allowNull: false, references: { model: 'accounts', key: 'id' }, onDelete: 'CASCADE' },
    });
    await queryInterface.addColumn('projects', 'ownerId', { type: Sequelize.INTEGER, references: { model: 'users', key: 'id' } });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('projects');
  },
};
`);
  const fks = m.up.filter((o) => o.kind === 'addForeignKey');
  assert.deepEqual(fks.map((o) => [o.table, o.columns, o.references?.table, !!o.details?.inCreateTable, !!o.details?.inAddColumn]), [
    ['projects', ['accountId'], 'accounts', true, false], ['projects', ['ownerId'], 'users', false, true],
  ]);
});

test('the migration is named at its export head: module.exports =, export default, export async function up', () => {
  const at = (text: string) => { const m = readMigration(text); return text.split('\n')[m.nameRange!.start.line].slice(m.nameRange!.start.character, m.nameRange!.end.character); };
  assert.equal(at("'use strict';\n\nmodule.exports = {\n  async up(queryInterface) { await queryInterface.dropTable('a'); },\n  async down() {},\n};\n"), 'module.exports =');
  assert.equal(at("export default {\n  async up({ context: qi }) { await qi.dropTable('a'); },\n};\n"), 'export default');
  assert.equal(at("import type { MigrationFn } from 'umzug';\n\nexport async function up({ context: qi }) { await qi.dropTable('a'); }\nexport async function down() {}\n"), 'export async function up');
});

test('a half-typed module: the parser errors are counted, not repeated as problems', () => {
  const r = readFile("module.exports = {\n  async up(queryInterface, Sequelize) {\n    await queryInterface.addColumn('users', 'age', Sequelize.INTEGER);\n  },\n  async down(queryInterface) {\n    await queryInterface.removeColumn('users', \n");
  assert.ok((r.syntaxErrors ?? 0) > 0);
  assert.equal(r.migrations.length, 1);
  assert.deepEqual(r.problems.filter((p) => p.severity !== 'info'), []);
});

test('SQL passed to a helper (`const exec = (sql) => queryInterface.sequelize.query(sql)`) is read at each call, once', () => {
  const m = readMigration(`'use strict';
module.exports = {
  async up(queryInterface) {
    const exec = (sql) => queryInterface.sequelize.query(sql);
    await exec('ALTER TABLE "users" ADD COLUMN "nickname" varchar(50)');
    await exec('CREATE INDEX "users_nickname" ON "users" ("nickname")');
  },
  async down(queryInterface) {
    const exec = (sql) => queryInterface.sequelize.query(sql);
    await exec('ALTER TABLE "users" DROP COLUMN "nickname"');
  },
};
`);
  assert.deepEqual(m.up.map((o) => [o.kind, o.table, o.details?.helper]), [['addColumn', 'users', 'exec'], ['createIndex', 'users', 'exec']]);
  assert.deepEqual(m.down.map((o) => o.kind), ['dropColumn']);
});

test('changeColumn(…, { unique: true }) adds a unique constraint (PostgreSQL names it <table>_<column>_key)', () => {
  const m = readMigration(`module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.changeColumn('AuthorizedLocks', 'address', { type: Sequelize.STRING, unique: true });
  },
  async down(queryInterface, Sequelize) {
    await queryInterface.changeColumn('AuthorizedLocks', 'address', { type: Sequelize.STRING });
  },
};
`, { dialect: 'postgres' });
  assert.deepEqual(m.up.map((o) => [o.kind, o.constraint, o.columns]), [['alterColumnType', undefined, undefined], ['addUnique', 'AuthorizedLocks_address_key', ['address']]]);
  assert.deepEqual(m.down.map((o) => o.kind), ['alterColumnType']);
});
