// Pieces are named in the project's convention and ordered strictly between the original and the next migration.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { initEngine } from '../../../server/src/engine/engine';
import { pieceStamps } from '../../../server/src/actions/split/pieceNames';
import { refusal, sequelizeFile, splitOk, typeormFile } from './splitHelpers';

before(async () => { await initEngine(); });

const TWO_TABLES = [
  'await queryRunner.query(`ALTER TABLE "orders" ADD "status" text`);',
  'await queryRunner.query(`ALTER TABLE "accounts" ADD "tier" text`);',
];
const TWO_DROPS = [
  'await queryRunner.query(`ALTER TABLE "accounts" DROP COLUMN "tier"`);',
  'await queryRunner.query(`ALTER TABLE "orders" DROP COLUMN "status"`);',
];

test('TypeORM: <ms>-<Name>.ts with class <Name><ms>, one millisecond apart after the original, original removed', () => {
  const r = splitOk('/p/src/migrations/1700000000000-Billing.ts', typeormFile('Billing', '1700000000000', TWO_TABLES, TWO_DROPS), 'postgres');
  assert.deepEqual(r.files.map((f) => path.basename(f.path)), ['1700000000001-AddStatusToOrders.ts', '1700000000002-AddTierToAccounts.ts']);
  assert.match(r.files[0].text, /export class AddStatusToOrders1700000000001 implements MigrationInterface \{\n {4}name = 'AddStatusToOrders1700000000001'/);
  assert.match(r.files[1].text, /export class AddTierToAccounts1700000000002 /);
  assert.deepEqual(r.removes, ['/p/src/migrations/1700000000000-Billing.ts']);
});

test('sequelize-cli: YYYYMMDDHHmmss-name.js, one second apart, kebab-case like the original', () => {
  const text = sequelizeFile(
    ["await queryInterface.addColumn('orders', 'status', Sequelize.STRING);", "await queryInterface.addColumn('accounts', 'tier', Sequelize.STRING);"],
    ["await queryInterface.removeColumn('accounts', 'tier');", "await queryInterface.removeColumn('orders', 'status');"]);
  const r = splitOk('/p/migrations/20240131235959-billing-columns.js', text, 'mariadb');
  assert.deepEqual(r.files.map((f) => path.basename(f.path)), ['20240201000000-add-status-to-orders.js', '20240201000001-add-tier-to-accounts.js']);
});

test('Prisma: one YYYYMMDDHHMMSS_name folder per piece, sorting after the original, each with down.sql where the original had one', () => {
  const sql = 'ALTER TABLE "orders" ADD COLUMN "status" TEXT;\n\nALTER TABLE "accounts" ADD COLUMN "tier" TEXT;\n';
  const down = 'ALTER TABLE "accounts" DROP COLUMN "tier";\nALTER TABLE "orders" DROP COLUMN "status";\n';
  const r = splitOk('/p/prisma/migrations/20240101000000_billing/migration.sql', sql, 'postgres', { downText: down, neighbours: ['/p/prisma/migrations/20240101000000_billing', '/p/prisma/migrations/20240102000000_later'] });
  assert.deepEqual(r.files.map((f) => path.relative('/p/prisma/migrations', f.path)), [
    '20240101000001_add_status_to_orders/migration.sql', '20240101000001_add_status_to_orders/down.sql',
    '20240101000002_add_tier_to_accounts/migration.sql', '20240101000002_add_tier_to_accounts/down.sql',
  ]);
  assert.equal(r.files[1].text, 'ALTER TABLE "orders" DROP COLUMN "status";\n');
  assert.deepEqual(r.removes, ['/p/prisma/migrations/20240101000000_billing']);
  const folders = r.files.map((f) => path.basename(path.dirname(f.path)));
  assert.deepEqual([...folders, '20240102000000_later'].sort(), [...folders, '20240102000000_later']);
});

test('no room before the next migration: refused, saying why', () => {
  const text = typeormFile('Billing', '1700000000000', TWO_TABLES, TWO_DROPS);
  const reason = refusal('/p/m/1700000000000-Billing.ts', text, 'postgres', { neighbours: ['/p/m/1700000000000-Billing.ts', '/p/m/1700000000002-Next.ts'] });
  assert.match(reason, /no room for 2 migrations between 1700000000000 and the next migration \(1700000000002\)/);
  assert.ok('files' in splitOkOrRefusal(text, ['/p/m/1700000000003-Next.ts']));
});

function splitOkOrRefusal(text: string, neighbours: string[]) {
  return splitOk('/p/m/1700000000000-Billing.ts', text, 'postgres', { neighbours });
}

test('timestamps roll over minutes, days and years like a clock', () => {
  assert.deepEqual(pieceStamps('prisma', '20231231235958', undefined, 3), ['20231231235959', '20240101000000', '20240101000001']);
});

test('two pieces that would get the same name get distinct names and class names', () => {
  const add = (c: string) => `await queryRunner.query(\`ALTER TABLE "orders" ADD "${c}" text\`);`;
  // Both column pieces describe themselves as "add columns to orders".
  const up = [add('a'), add('b'), add('c'), 'await queryRunner.query(`UPDATE "orders" SET "a" = \'x\'`);', add('d'), add('e'), add('f')];
  const r = splitOk('/p/m/1700000000000-Orders.ts', typeormFile('Orders', '1700000000000', up, []), 'postgres');
  const names = r.files.map((f) => /export class (\w+)/.exec(f.text)![1]);
  assert.deepEqual(names, ['AddColumnsToOrders1700000000001', 'BackfillOrders1700000000002', 'AddColumnsToOrdersPart21700000000003']);
  assert.equal(new Set(names).size, names.length);
  assert.equal(new Set(r.files.map((f) => f.path)).size, r.files.length);
});

test('TypeORM orders by the timestamp in the class name: a file without one is refused', () => {
  assert.match(refusal('/p/m/billing.ts', typeormFile('Billing', '', TWO_TABLES, TWO_DROPS), 'postgres'), /does not follow TypeORM's <ms>-<Name>.ts/);
});

test('Prisma folders named in order without timestamps (umami\'s 03_big_int): the pieces extend the name, so they sort right after it', () => {
  const sql = 'ALTER TABLE "orders" ADD COLUMN "status" TEXT;\n\nALTER TABLE "accounts" ADD COLUMN "tier" TEXT;\n';
  const neighbours = ['/p/prisma/migrations/02_init', '/p/prisma/migrations/03_billing', '/p/prisma/migrations/04_next'];
  const r = splitOk('/p/prisma/migrations/03_billing/migration.sql', sql, 'postgres', { neighbours, orm: 'prisma' });
  const folders = r.files.map((f) => path.basename(path.dirname(f.path)));
  assert.deepEqual(folders, ['03_billing_01_add_status_to_orders', '03_billing_02_add_tier_to_accounts']);
  assert.deepEqual([...folders, ...neighbours.map((n) => path.basename(n))].sort(), ['02_init', '03_billing', ...folders, '04_next']);
  assert.match(refusal('/p/prisma/migrations/03_billing/migration.sql', sql, 'postgres', { neighbours: ['/p/prisma/migrations/03_billing_01_a'], orm: 'prisma' }), /would not all sort before the next migration \(03_billing_01_a\)/);
});
