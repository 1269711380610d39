// Where splitting would change what the migration does, it is refused with the reason shown to the user.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { initEngine } from '../../../server/src/engine/engine';
import type { ProjectInfo } from '../../../server/src/project/types';
import { refusal, sequelizeFile, splitOk, typeormFile } from './splitHelpers';

before(async () => { await initEngine(); });

const FILE = '/p/m/1700000000000-Billing.ts';

test('a loop whose steps would go to different migrations', () => {
  const up = ['for (const region of ["eu", "us"]) {', '    await queryRunner.query(`ALTER TABLE "orders" ADD "x" text`);', '    await queryRunner.query(`ALTER TABLE "accounts" ADD "y" text`);', '}'];
  assert.match(refusal(FILE, typeormFile('Billing', '1700000000000', up, []), 'postgres'), /the statement at line 7 runs steps that belong to different migrations inside control flow/);
});

test('a guard around one step stays with that step', () => {
  const up = [
    'if (!(await queryRunner.hasColumn("orders", "status"))) {',
    '    await queryRunner.query(`ALTER TABLE "orders" ADD "status" text`);',
    '}',
    'await queryRunner.query(`ALTER TABLE "accounts" ADD "tier" text`);',
  ];
  const r = splitOk(FILE, typeormFile('Billing', '1700000000000', up, []), 'postgres');
  assert.match(r.files[0].text, /if \(!\(await queryRunner.hasColumn\("orders", "status"\)\)\) \{\n {12}await queryRunner.query\(`ALTER TABLE "orders" ADD "status" text`\);\n {8}\}/);
});

test('an early return that decides whether later steps run', () => {
  const up = [
    'if (await queryRunner.hasColumn("orders", "status")) return;',
    'await queryRunner.query(`ALTER TABLE "orders" ADD "status" text`);',
    'await queryRunner.query(`ALTER TABLE "accounts" ADD "tier" text`);',
  ];
  assert.match(refusal(FILE, typeormFile('Billing', '1700000000000', up, []), 'postgres'), /the if at line 7 decides whether later steps run/);
});

test('a variable computed once and read by steps of different migrations', () => {
  const up = [
    'const now = await queryRunner.query(`SELECT now() AS t`);',
    'await queryRunner.query(`UPDATE "orders" SET "seen" = $1`, [now[0].t]);',
    'await queryRunner.query(`UPDATE "accounts" SET "seen" = $1`, [now[0].t]);',
  ];
  assert.match(refusal(FILE, typeormFile('Billing', '1700000000000', up, []), 'postgres'), /variable now declared at line 7 is shared by steps that go to different migrations/);
});

test('a constant read by several pieces is repeated in each instead', () => {
  const up = [
    "const table = 'orders';",
    'await queryRunner.query(`ALTER TABLE "${table}" ADD "status" text`);',
    'await queryRunner.query(`ALTER TABLE "accounts" ADD "tier" text`);',
    'await queryRunner.query(`UPDATE "${table}" SET "status" = \'new\'`);',
  ];
  const r = splitOk(FILE, typeormFile('Billing', '1700000000000', up, []), 'postgres');
  assert.deepEqual(r.files.map((f) => f.text.includes("const table = 'orders';")), [true, false, true]);
});

test('SQL built at run time that cannot be attributed to a step', () => {
  const up = ['await queryRunner.query(process.env.EXTRA_SQL);', 'await queryRunner.query(`ALTER TABLE "orders" ADD "status" text`);', 'await queryRunner.query(`ALTER TABLE "accounts" ADD "tier" text`);'];
  assert.match(refusal(FILE, typeormFile('Billing', '1700000000000', up, []), 'postgres'), /could not be read .*cannot be attributed to a piece/);
});

test('a Sequelize transaction opened by hand and committed after the steps', () => {
  const text = sequelizeFile([
    'const transaction = await queryInterface.sequelize.transaction();',
    'try {',
    "  await queryInterface.addColumn('orders', 'status', Sequelize.STRING, { transaction });",
    "  await queryInterface.addColumn('accounts', 'tier', Sequelize.STRING, { transaction });",
    '  await transaction.commit();',
    '} catch (e) {',
    '  await transaction.rollback();',
    '  throw e;',
    '}',
  ], []);
  assert.match(refusal('/p/m/20240101000000-billing.js', text, 'postgres'), /runs its steps in a transaction it opens itself \(line 5\); splitting would change what commits together/);
});

test('a Sequelize transaction callback around the whole body is kept around each piece', () => {
  const text = sequelizeFile([
    'await queryInterface.sequelize.transaction(async (transaction) => {',
    "  await queryInterface.addColumn('orders', 'status', Sequelize.STRING, { transaction });",
    "  await queryInterface.addColumn('accounts', 'tier', Sequelize.STRING, { transaction });",
    '});',
  ], []);
  const r = splitOk('/p/m/20240101000000-billing.js', text, 'postgres');
  assert.ok(r.files[1].text.includes("  async up(queryInterface, Sequelize) {\n    await queryInterface.sequelize.transaction(async (transaction) => {\n      await queryInterface.addColumn('accounts', 'tier', Sequelize.STRING, { transaction });\n    });\n  },"), r.files[1].text);
  assert.ok(r.notes.some((n) => /a piece commits on its own/.test(n)));
});

test('BEGIN … COMMIT in a Prisma migration', () => {
  const sql = 'BEGIN;\nALTER TABLE "orders" ADD COLUMN "status" TEXT;\nALTER TABLE "accounts" ADD COLUMN "tier" TEXT;\nCOMMIT;\n';
  assert.match(refusal('/p/prisma/migrations/20240101000000_billing/migration.sql', sql, 'postgres'), /transaction it opens itself/);
});

test('a migration with one job has nothing to split', () => {
  const up = ['await queryRunner.query(`ALTER TABLE "orders" ADD "a" text`);', 'await queryRunner.query(`ALTER TABLE "orders" ADD "b" text`);'];
  assert.match(refusal(FILE, typeormFile('Billing', '1700000000000', up, []), 'postgres'), /nothing to split/);
});

test('a down step that undoes nothing any piece does', () => {
  const up = ['await queryRunner.query(`ALTER TABLE "orders" ADD "a" text`);', 'await queryRunner.query(`ALTER TABLE "accounts" ADD "b" text`);'];
  const down = ['await queryRunner.query(`DROP TABLE "audit_log"`);'];
  assert.match(refusal(FILE, typeormFile('Billing', '1700000000000', up, down), 'postgres'), /down step at line 12 .*undoes nothing a piece does/);
});

test("CONCURRENTLY under TypeORM's migrationsTransactionMode 'all': transaction = false would be refused by TypeORM", () => {
  const project: ProjectInfo = {
    root: '/p', orms: [{ orm: 'typeorm', source: 'package.json' }], dialect: { dialect: 'postgres', source: 'project', reason: 'data source' }, migrationDirs: [], unknowns: [],
    typeorm: { configFiles: ['/p/src/data-source.ts'], entityFiles: [], dataSources: [{ file: '/p/src/data-source.ts', dialect: 'postgres', type: 'postgres', migrations: ['m/*.ts'], migrationsTransactionMode: 'all', transactionModeSource: 'config', entities: [] }] },
  };
  const up = ['await queryRunner.query(`ALTER TABLE "orders" ADD "a" text`);', 'await queryRunner.query(`CREATE INDEX CONCURRENTLY "orders_a" ON "orders" ("a")`);'];
  assert.match(refusal('/p/m/1700000000000-Billing.ts', typeormFile('Billing', '1700000000000', up, []), 'postgres', { project }), /migrationsTransactionMode 'all'.*set it to 'each' first/);
  project.typeorm!.dataSources[0].migrationsTransactionMode = 'each';
  const r = splitOk('/p/m/1700000000000-Billing.ts', typeormFile('Billing', '1700000000000', up, []), 'postgres', { project });
  assert.equal(r.files.length, 2);
});
