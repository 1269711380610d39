// "Add idempotency guards": each dialect and ORM guarded its own way, indented like the file, read back as guarded.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { initEngine, readMigrationText } from '../../../server/src/engine/engine';
import { guardFileFix, guardStep, unguardedSteps } from '../../../server/src/actions/guards/idempotencyGuards';
import type { Dialect } from '../../../server/src/model/migration';
import { applyEdits } from './fixHarness';
import { checkFile } from '../../../server/src/engine/check';
import { DEFAULT_CONFIG } from '../../../server/src/config/types';

before(initEngine);

function guarded(path: string, text: string, dialect: Dialect): { text: string; stillUnguarded: number } {
  const file = { ...readMigrationText(path, text, { dialect }), text };
  const fix = guardFileFix(file);
  assert.ok(fix, 'a guard is offered');
  const out = applyEdits(text, fix.edits);
  return { text: out, stillUnguarded: unguardedSteps(readMigrationText(path, out, { dialect })).length };
}

const TYPEORM = "import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';\n\nexport class AddFlag1700000000001 implements MigrationInterface {\n    public async up(queryRunner: QueryRunner): Promise<void> {\n        await queryRunner.addColumn('orders', new TableColumn({\n            name: 'flag',\n            type: 'boolean',\n            isNullable: true,\n        }));\n        await queryRunner.query('CREATE INDEX orders_flag_idx ON orders (flag)');\n    }\n\n    public async down(queryRunner: QueryRunner): Promise<void> {\n        await queryRunner.query('DROP INDEX orders_flag_idx ON orders');\n        await queryRunner.dropColumn('orders', 'flag');\n    }\n}\n";

test('TypeORM on MySQL: hasColumn / getTable presence checks around each call, in the file\'s 4-space indent', () => {
  const { text, stillUnguarded } = guarded('src/migrations/1700000000001-AddFlag.ts', TYPEORM, 'mysql');
  assert.equal(stillUnguarded, 0);
  assert.match(text, /\n {8}if \(!\(await queryRunner\.hasColumn\('orders', 'flag'\)\)\) \{\n {12}await queryRunner\.addColumn\('orders', new TableColumn\(\{\n {16}name: 'flag',/);
  assert.match(text, /\n {8}if \(\(\(await queryRunner\.getTable\('orders'\)\)\?\.indices \?\? \[\]\)\.some\(\(index\) => index\.name === 'orders_flag_idx'\)\) \{\n {12}await queryRunner\.query\('DROP INDEX orders_flag_idx ON orders'\);\n {8}\}/);
});

test('TypeORM on PostgreSQL: IF NOT EXISTS inside the SQL, hasColumn around the API call', () => {
  const { text } = guarded('src/migrations/1700000000001-AddFlag.ts', TYPEORM, 'postgres');
  assert.match(text, /CREATE INDEX IF NOT EXISTS orders_flag_idx/);
  assert.match(text, /if \(await queryRunner\.hasColumn\('orders', 'flag'\)\) \{\n {12}await queryRunner\.dropColumn/);
});

test('Sequelize on MySQL: describeTable / showIndex', () => {
  const js = "module.exports = {\n  async up(queryInterface, Sequelize) {\n    await queryInterface.addColumn('orders', 'flag', Sequelize.BOOLEAN);\n    await queryInterface.addIndex('orders', ['flag'], { name: 'orders_flag_idx' });\n  },\n  async down(queryInterface) {\n    await queryInterface.removeIndex('orders', 'orders_flag_idx');\n    await queryInterface.removeColumn('orders', 'flag');\n  },\n};\n";
  const { text, stillUnguarded } = guarded('migrations/20240102000000-flag.js', js, 'mysql');
  assert.equal(stillUnguarded, 0);
  assert.match(text, /\n {4}if \(!\('flag' in \(await queryInterface\.describeTable\('orders'\)\)\)\) \{\n {6}await queryInterface\.addColumn/);
  assert.match(text, /\n {4}if \(\(await queryInterface\.showIndex\('orders'\)\)\.some\(\(index\) => index\.name === 'orders_flag_idx'\)\) \{\n {6}await queryInterface\.removeIndex/);
});

test('plain SQL on MySQL: a prepared statement over information_schema; MariaDB: IF NOT EXISTS', () => {
  const sql = 'ALTER TABLE orders ADD COLUMN flag int;\nCREATE INDEX orders_flag_idx ON orders (flag);\n';
  const mysql = guarded('db/migrations/20240102000000_flag.sql', sql, 'mysql');
  assert.equal(mysql.stillUnguarded, 0);
  assert.match(mysql.text, /SET @sm_sql = IF\(\(SELECT COUNT\(\*\) AS n FROM information_schema\.COLUMNS WHERE TABLE_SCHEMA = DATABASE\(\) AND TABLE_NAME = 'orders' AND COLUMN_NAME = 'flag'\) = 0, 'ALTER TABLE orders ADD COLUMN flag int', 'DO 0'\);\nPREPARE sm_stmt FROM @sm_sql;/);
  assert.equal(guarded('db/migrations/20240102000000_flag.sql', sql, 'mariadb').text, 'ALTER TABLE orders ADD COLUMN IF NOT EXISTS flag int;\nCREATE INDEX IF NOT EXISTS orders_flag_idx ON orders (flag);\n');
});

test('PostgreSQL constraint: a DO block over pg_constraint (there is no ADD CONSTRAINT IF NOT EXISTS)', () => {
  const sql = 'ALTER TABLE orders ADD COLUMN total int;\nALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;\n';
  const { text, stillUnguarded } = guarded('db/migrations/20240102000000_total.sql', sql, 'postgres');
  assert.equal(stillUnguarded, 0);
  assert.match(text, /^ALTER TABLE orders ADD COLUMN IF NOT EXISTS total int;\nDO \$\$\nBEGIN\n {2}IF NOT EXISTS \(SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass\('"orders"'\) AND conname = 'orders_total_check'\) THEN\n {4}ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK \(total >= 0\) NOT VALID;\n {2}END IF;\nEND \$\$;\n$/);
});

test('what cannot be guarded says why: a rename, a CONCURRENTLY build', () => {
  const sql = 'ALTER TABLE orders RENAME COLUMN note TO remark;\nCREATE INDEX CONCURRENTLY orders_remark_idx ON orders (remark);\n';
  const file = { ...readMigrationText('db/migrations/20240102000000_r.sql', sql, { dialect: 'postgres' }), text: sql };
  const m = file.migrations[0];
  const reasons = m.up.map((op) => guardStep(file, m, op)).map((g) => ('reason' in g ? g.reason : 'guarded'));
  assert.match(reasons[0], /rename/);
  assert.match(reasons[1], /INVALID/);
});

test('PostgreSQL DROP INDEX "public"."name" (TypeORM\'s output, no table named): IF EXISTS, and the file-wide guard resolves the finding', () => {
  const up = '        await queryRunner.query(`DROP INDEX "public"."IDX_orders_state"`);\n        await queryRunner.query(`ALTER TABLE "orders" ADD "note" text`);\n';
  const ts = `import { MigrationInterface, QueryRunner } from "typeorm";\n\nexport class DropStateIndex1700000000002 implements MigrationInterface {\n    transaction = false\n\n    public async up(queryRunner: QueryRunner): Promise<void> {\n${up}    }\n\n    public async down(queryRunner: QueryRunner): Promise<void> {\n    }\n}\n`;
  const path = 'src/migrations/1700000000002-DropStateIndex.ts';
  const rule = (text: string) => checkFile(readMigrationText(path, text, { dialect: 'postgres' }), DEFAULT_CONFIG).filter((f) => f.rule === 'missing-idempotency-guard');
  assert.equal(rule(ts).length, 1, 'the input has the finding');
  const { text } = guarded(path, ts, 'postgres');
  assert.match(text, /DROP INDEX IF EXISTS "public"\."IDX_orders_state"/);
  assert.match(text, /ADD COLUMN IF NOT EXISTS "note" text/);
  assert.deepEqual(rule(text), []);
});
