// Shapes met in public TypeORM migrations that the reader first missed (each file here is written
// for the test, in the same shape).
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { initSqlParsers } from '../../../server/src/readers/sql';
import { readFile, readMigration, textAt } from './readTypeorm';

before(() => initSqlParsers());

test('compiled up-only class taking a context object ({ queryRunner, tablePrefix }) is a migration', () => {
  const text = [
    '"use strict";',
    'Object.defineProperty(exports, "__esModule", { value: true });',
    'class AddFlag1690000000000 {',
    '    async up({ queryRunner, tablePrefix }) {',
    '        await queryRunner.query(`ALTER TABLE ${tablePrefix}orders ADD COLUMN flag boolean`);',
    '    }',
    '}',
    'exports.AddFlag1690000000000 = AddFlag1690000000000;',
  ].join('\n');
  const m = readMigration(text, { path: '/p/dist/migrations/1690000000000-AddFlag.js' });
  assert.equal(m.name, 'AddFlag1690000000000');
  assert.equal(m.hasDown, false);
  assert.deepEqual(m.up.map((o) => o.kind), ['addColumn']);
  assert.equal(m.up[0].column, 'flag');
  // The prefix is unknown, the table is not: history and rules match `orders`; the name as written stays in details.
  assert.equal(m.up[0].table, 'orders');
  assert.deepEqual(m.up[0].details?.writtenNames, { table: '${tablePrefix}orders' });
  assert.equal(textAt(text, m.up[0].offset), 'ALTER TABLE ${tablePrefix}orders ADD COLUMN flag boolean');
});

test('a class with only up and no timestamp in its name is not taken for a migration', () => {
  const text = 'export class Helper {\n  async up(x) { await x.query("DROP TABLE t"); }\n}\n';
  assert.equal(readFile(text).migrations.length, 0);
});

test('names built from ${…} are reported as the expression, not as an internal placeholder', () => {
  const text = [
    "import { MigrationInterface, QueryRunner } from 'typeorm';",
    'export class Relax1700000000001 implements MigrationInterface {',
    '  async up(queryRunner: QueryRunner): Promise<void> {',
    '    for (const t of ["a", "b"]) {',
    '      await queryRunner.query(`ALTER TABLE "${t}" ALTER COLUMN "${col(t)}" DROP NOT NULL`);',
    '    }',
    '  }',
    '  async down(): Promise<void> {}',
    '}',
  ].join('\n');
  const [op] = readMigration(text).up;
  assert.equal(op.kind, 'dropNotNull');
  assert.equal(op.table, '${t}');
  assert.equal(op.column, '${col(t)}');
});

test('static readonly names (ClassName.TABLE, or through const self = ClassName) resolve', () => {
  const text = [
    "import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';",
    'export class Tokens1700000000002 implements MigrationInterface {',
    "  private static readonly TABLE = 'tokens';",
    "  private static readonly INDEX = 'idx_tokens_user';",
    '  async up(queryRunner: QueryRunner): Promise<void> {',
    '    const self = Tokens1700000000002;',
    "    await queryRunner.createTable(new Table({ name: self.TABLE, columns: [{ name: 'id', type: 'int', isPrimary: true }] }));",
    "    await queryRunner.createIndex(Tokens1700000000002.TABLE, new TableIndex({ name: self.INDEX, columnNames: ['userId'] }));",
    '  }',
    '  async down(queryRunner: QueryRunner): Promise<void> {',
    '    await queryRunner.dropTable(Tokens1700000000002.TABLE);',
    '  }',
    '}',
  ].join('\n');
  const m = readMigration(text);
  assert.deepEqual(m.up.map((o) => [o.kind, o.table]), [['createTable', 'tokens'], ['createIndex', 'tokens']]);
  assert.equal(m.up[1].index, 'idx_tokens_user');
  assert.deepEqual(m.down.map((o) => [o.kind, o.table]), [['dropTable', 'tokens']]);
});

test('a SELECT whose result the code uses is a probe, not an operation; a bare one still shows', () => {
  const text = [
    "import { MigrationInterface, QueryRunner } from 'typeorm';",
    'export class Backfill1700000000003 implements MigrationInterface {',
    '  async up(queryRunner: QueryRunner): Promise<void> {',
    "    const rows = await queryRunner.manager.query('SELECT id FROM users');",
    '    for (const r of rows) await queryRunner.query(`UPDATE users SET n = 1 WHERE id = $1`, [r.id]);',
    "    await queryRunner.query('SELECT pg_sleep(1)');",
    '  }',
    '  async down(): Promise<void> {}',
    '}',
  ].join('\n');
  const m = readMigration(text);
  assert.deepEqual(m.up.map((o) => o.kind), ['update', 'rawSql']);
  assert.equal(m.up[1].statement, 'SELECT');
});

test('SQL run through the manager of queryRunner.manager.transaction(async (em) => …) is read', () => {
  const text = [
    "import { MigrationInterface, QueryRunner } from 'typeorm';",
    'export class Backfill1700000000004 implements MigrationInterface {',
    '  async up(queryRunner: QueryRunner): Promise<void> {',
    '    await queryRunner.manager.transaction(async (em) => {',
    "      await em.query('UPDATE users SET active = true WHERE active IS NULL');",
    '    });',
    '  }',
    '  async down(): Promise<void> {}',
    '}',
  ].join('\n');
  const m = readMigration(text);
  assert.deepEqual(m.up.map((o) => [o.kind, o.table, o.hasWhere]), [['update', 'users', true]]);
  assert.equal(textAt(text, m.up[0].offset), 'UPDATE users SET active = true WHERE active IS NULL');
});

test("data written through TypeORM 0.2's global getRepository (also tsc's (0, typeorm_1.getRepository)) is read", () => {
  const text = [
    '"use strict";',
    'const typeorm_1 = require("typeorm");',
    'class Seed1650000000000 {',
    '    async up(queryRunner) {',
    "        await (0, typeorm_1.getRepository)('Permission').save([{ name: 'a' }]);",
    "        await typeorm_1.getRepository('Role').delete({ name: 'old' });",
    '    }',
    '    async down(queryRunner) {}',
    '}',
    'exports.Seed1650000000000 = Seed1650000000000;',
  ].join('\n');
  const m = readMigration(text, { path: '/p/dist/migrations/1650000000000-Seed.js' });
  assert.deepEqual(m.up.map((o) => [o.kind, o.table]), [['insert', 'Permission'], ['delete', 'Role']]);
  // A helper of the project's own with the same shape is not mistaken for one.
  const other = readMigration(text.replace(/getRepository/g, 'lookup'), { path: '/p/dist/migrations/1650000000000-Seed.js' });
  assert.deepEqual(other.up, []);
});
