// The pieces run in an order that keeps every dependence, each with the original's own code and its part of the down.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { initEngine } from '../../../server/src/engine/engine';
import { sequelizeFile, splitOk, typeormFile } from './splitHelpers';

before(async () => { await initEngine(); });

const body = (text: string, method: 'up' | 'down') => new RegExp(`async ${method}\\([^)]*\\)[^{]*\\{\\n([\\s\\S]*?)\\n\\s*\\}`).exec(text)![1];

test('expand, then the backfill, then the constraint that needs it; each down undoes its own piece', () => {
  const up = [
    'await queryRunner.query(`ALTER TABLE "orders" ADD "status" text`);',
    'await queryRunner.query(`UPDATE "orders" SET "status" = \'new\' WHERE "status" IS NULL`);',
    'await queryRunner.query(`ALTER TABLE "orders" ALTER COLUMN "status" SET NOT NULL`);',
  ];
  const down = [
    'await queryRunner.query(`ALTER TABLE "orders" ALTER COLUMN "status" DROP NOT NULL`);',
    'await queryRunner.query(`ALTER TABLE "orders" DROP COLUMN "status"`);',
  ];
  const r = splitOk('/p/m/1700000000000-OrderStatus.ts', typeormFile('OrderStatus', '1700000000000', up, down), 'postgres');
  assert.deepEqual(r.files.map((f) => path.basename(f.path)), ['1700000000001-AddStatusToOrders.ts', '1700000000002-BackfillOrders.ts', '1700000000003-SetOrdersStatusNotNull.ts']);
  assert.deepEqual(r.files.map((f) => body(f.text, 'up').trim()), up);
  assert.deepEqual(r.files.map((f) => body(f.text, 'down').trim()), [down[1], '// Nothing in the original down undoes this step.', down[0]]);
});

test('the referenced table is created before the foreign key, and a new table keeps its index and key', () => {
  const sql = [
    'CREATE TABLE "customers" ("id" SERIAL PRIMARY KEY, "email" TEXT NOT NULL);',
    'ALTER TABLE "accounts" ADD COLUMN "tier" TEXT;',
    'CREATE UNIQUE INDEX "customers_email_key" ON "customers"("email");',
    'ALTER TABLE "orders" ADD COLUMN "customer_id" INTEGER;',
    'ALTER TABLE "orders" ADD CONSTRAINT "orders_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id");',
  ].join('\n\n') + '\n';
  const r = splitOk('/p/prisma/migrations/20240101000000_customers/migration.sql', sql, 'postgres');
  assert.deepEqual(r.files.map((f) => path.basename(path.dirname(f.path))), ['20240101000001_create_customers', '20240101000002_add_tier_to_accounts', '20240101000003_alter_orders']);
  assert.match(r.files[0].text, /CREATE TABLE "customers"[\s\S]*CREATE UNIQUE INDEX "customers_email_key"/);
  assert.match(r.files[2].text, /ADD COLUMN "customer_id"[\s\S]*FOREIGN KEY/);
});

test('a step does not move before a change to the table its foreign key points at', () => {
  const sql = [
    'CREATE TABLE "invoices" ("id" SERIAL PRIMARY KEY, "account_ref" TEXT);',
    'ALTER TABLE "accounts" ADD CONSTRAINT "accounts_ref_key" UNIQUE ("ref");',
    'ALTER TABLE "invoices" ADD CONSTRAINT "invoices_account_fkey" FOREIGN KEY ("account_ref") REFERENCES "accounts"("ref");',
  ].join('\n') + '\n';
  const r = splitOk('/p/prisma/migrations/20240101000000_invoices/migration.sql', sql, 'postgres');
  assert.equal(r.files.length, 3);
  assert.match(r.files[2].text, /FOREIGN KEY/);
});

test('Prisma: a CONCURRENTLY index gets a folder of its own with that one statement; the lock timeout goes to every other piece', () => {
  const sql = "SET lock_timeout = '5s';\n\nALTER TABLE \"orders\" ADD COLUMN \"note\" TEXT;\n\nCREATE INDEX CONCURRENTLY \"orders_note_idx\" ON \"orders\"(\"note\");\n\nALTER TABLE \"accounts\" ADD COLUMN \"tier\" TEXT;\n";
  const r = splitOk('/p/prisma/migrations/20240101000000_notes/migration.sql', sql, 'postgres');
  assert.deepEqual(r.files.map((f) => f.text), [
    "SET lock_timeout = '5s';\n\nALTER TABLE \"orders\" ADD COLUMN \"note\" TEXT;\n",
    'CREATE INDEX CONCURRENTLY "orders_note_idx" ON "orders"("note");\n',
    "SET lock_timeout = '5s';\n\nALTER TABLE \"accounts\" ADD COLUMN \"tier\" TEXT;\n",
  ]);
});

test('TypeORM: only the CONCURRENTLY piece keeps transaction = false', () => {
  const up = [
    'await queryRunner.query(`ALTER TABLE "orders" ADD "note" text`);',
    'await queryRunner.query(`CREATE INDEX CONCURRENTLY "orders_note_idx" ON "orders" ("note")`);',
  ];
  const r = splitOk('/p/m/1700000000000-Notes.ts', typeormFile('Notes', '1700000000000', up, [], '\n    transaction = false;'), 'postgres');
  assert.deepEqual(r.files.map((f) => /transaction = false/.test(f.text)), [false, true]);
  assert.ok(r.notes.some((n) => /Only the CONCURRENTLY piece keeps transaction = false/.test(n)));
  const added = splitOk('/p/m/1700000000000-Notes.ts', typeormFile('Notes', '1700000000000', up, []), 'postgres');
  assert.deepEqual(added.files.map((f) => /\n {4}transaction = false;/.test(f.text)), [false, true]);
});

test('one query() holding statements of different pieces becomes one call per piece, in the file\'s own quoting', () => {
  const up = ['await queryRunner.query(`ALTER TABLE "orders" ADD "a" text; ALTER TABLE "accounts" ADD "b" text`);'];
  const r = splitOk('/p/m/1700000000000-Ab.ts', typeormFile('Ab', '1700000000000', up, []), 'postgres');
  assert.deepEqual(r.files.map((f) => body(f.text, 'up')), [
    '        await queryRunner.query(`ALTER TABLE "orders" ADD "a" text`);',
    '        await queryRunner.query(`ALTER TABLE "accounts" ADD "b" text`);',
  ]);
});

test('Sequelize: the file keeps its 2-space indentation, comments above a step and multi-line calls', () => {
  const text = sequelizeFile([
    '// Where invoices are sent.',
    "await queryInterface.addColumn('accounts', 'billing_email', {",
    '  type: Sequelize.STRING,',
    '  allowNull: true,',
    '});',
    "await queryInterface.addColumn('orders', 'invoiced_at', Sequelize.DATE);",
  ], ["await queryInterface.removeColumn('orders', 'invoiced_at');", "await queryInterface.removeColumn('accounts', 'billing_email');"]);
  const r = splitOk('/p/migrations/20240101000000-billing.js', text, 'postgres');
  assert.ok(r.files[0].text.includes("  async up(queryInterface, Sequelize) {\n    // Where invoices are sent.\n    await queryInterface.addColumn('accounts', 'billing_email', {\n      type: Sequelize.STRING,\n      allowNull: true,\n    });\n  },\n"), r.files[0].text);
  assert.equal(body(r.files[0].text, 'down'), "    await queryInterface.removeColumn('accounts', 'billing_email');");
});
