// Plain SQL migrations: foreign keys declared inside CREATE TABLE reach fk-missing-index, and the
// migration is named by its first line.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { initEngine, readMigrationText } from '../../../server/src/engine/engine';
import { DEFAULT_CONFIG } from '../../../server/src/config/types';
import { runRules } from '../../../server/src/rules';

before(() => initEngine());

const CREATE_ORDERS = `-- migrate:up
CREATE TABLE orders (
  id bigserial PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts (id),
  coupon_id bigint,
  CONSTRAINT orders_coupon_fk FOREIGN KEY (coupon_id) REFERENCES coupons (id) ON DELETE SET NULL
);
`;

test('PostgreSQL: column REFERENCES and table-level FOREIGN KEY in CREATE TABLE are checked by fk-missing-index', () => {
  const file = readMigrationText('/p/db/migrations/20240101000000_create_orders.sql', CREATE_ORDERS, { dialect: 'postgres' });
  const fks = file.migrations[0].up.filter((o) => o.kind === 'addForeignKey');
  assert.deepEqual(fks.map((o) => [o.columns, o.references?.table, o.constraint, o.details?.inCreateTable]), [
    [['account_id'], 'accounts', undefined, true], [['coupon_id'], 'coupons', 'orders_coupon_fk', true],
  ]);
  const findings = runRules(file, DEFAULT_CONFIG).filter((f) => f.rule === 'fk-missing-index');
  assert.equal(findings.length, 2);
  assert.match(findings[0].message, /account_id/);
});

test('an index on the referencing column in the same migration satisfies fk-missing-index', () => {
  const text = CREATE_ORDERS + 'CREATE INDEX orders_account_id_idx ON orders (account_id);\nCREATE INDEX orders_coupon_id_idx ON orders (coupon_id);\n';
  const file = readMigrationText('/p/db/migrations/20240101000000_create_orders.sql', text, { dialect: 'postgres' });
  assert.deepEqual(runRules(file, DEFAULT_CONFIG).filter((f) => f.rule === 'fk-missing-index'), []);
});

test('the migration is named by the first non-blank line of the file', () => {
  const file = readMigrationText('/p/db/migrations/20240101000000_create_orders.sql', '\n\n' + CREATE_ORDERS, { dialect: 'postgres' });
  assert.deepEqual(file.migrations[0].nameRange, { start: { line: 2, character: 0 }, end: { line: 2, character: 13 } });
});
