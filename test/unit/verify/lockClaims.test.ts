// The verifier's comparison of measured locks / accepted ALGORITHM with the rules' claims (pure).
import { before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { initEngine } from '../../../server/src/engine/engine';
import { claimDisagreements, foreignKeyTargets, indexedColumns, type ClaimContext } from '../../../server/src/verify/lockClaims';
import type { LockTaken, VerifyStep } from '../../../server/src/verify/types';

before(() => initEngine());

const step = (statement: string, locks: LockTaken[] = [], extra: Partial<VerifyStep> = {}): VerifyStep => ({ phase: 'up', statement, locks, ms: 1, ...extra });
const pg = (extra: Partial<ClaimContext> = {}): ClaimContext => ({ dialect: 'postgres', tablesBefore: new Set(['orders', 'accounts', 'payments']), columnTypes: new Map([['orders.total', 'integer']]), ...extra });
const ae = (relation: string): LockTaken => ({ relation, mode: 'AccessExclusiveLock' });

test('a measured lock equal to the claim is no disagreement; a stronger one is reported with both modes', () => {
  assert.deepEqual(claimDisagreements(step('CREATE INDEX orders_total_idx ON orders (total)', [{ relation: 'orders', mode: 'ShareLock' }]), pg()), []);
  assert.deepEqual(claimDisagreements(step('CREATE INDEX orders_total_idx ON orders (total)', [ae('orders')]), pg()),
    ['CREATE INDEX on orders: the rules claim ShareLock, measured AccessExclusiveLock']);
});

test('a rewrite the rules claim but the server did not do (and the reverse) is reported', () => {
  const change = 'ALTER TABLE orders ALTER COLUMN total TYPE bigint';
  assert.deepEqual(claimDisagreements(step(change, [ae('orders')], { rewrite: ['orders'] }), pg()), []);
  const [message] = claimDisagreements(step(change, [ae('orders')], { rewrite: [] }), pg());
  assert.match(message, /on orders: the rules claim a rewrite, measured none$/);
});

test('DROP TABLE of a table with a foreign key: the referenced table\'s AccessExclusiveLock is expected only when the schema shows the key', () => {
  const drop = step('DROP TABLE payments', [ae('payments'), ae('accounts')]);
  assert.deepEqual(claimDisagreements(drop, pg({ foreignKeyTargets: new Map([['payments', ['accounts']]]) })), []);
  assert.deepEqual(claimDisagreements(drop, pg()), ['takes AccessExclusiveLock on accounts (blocks every read and write), which the rules did not expect for this statement']);
});

test('locks on tables the migration itself creates block nobody and are not compared', () => {
  assert.deepEqual(claimDisagreements(step('CREATE INDEX fresh_idx ON fresh (a)', [ae('fresh')]), pg()), []);
});

test('a failed statement or a step without SQL claims nothing', () => {
  assert.deepEqual(claimDisagreements(step('CREATE INDEX i ON orders (total)', [ae('orders')], { error: 'boom' }), pg()), []);
  assert.deepEqual(claimDisagreements({ phase: 'down', locks: [ae('orders')], ms: 1 }, pg()), []);
});

test('MariaDB 10.11 DROP COLUMN: INSTANT claimed for a plain column, INPLACE for an indexed one (as the server measured)', () => {
  const ctx = (indexed: boolean): ClaimContext => ({ dialect: 'mariadb', serverVersion: '10.11.19', tablesBefore: new Set(['t']), columnTypes: new Map([['t.a', 'int(11)']]), indexedColumns: new Set(indexed ? ['t.a'] : []) });
  const drop = step('ALTER TABLE t DROP COLUMN a', [], { algorithm: 'INPLACE, LOCK=NONE' });
  assert.deepEqual(claimDisagreements(drop, ctx(true)), []);
  assert.deepEqual(claimDisagreements(drop, ctx(false)), ['DROP COLUMN on t: the rules claim ALGORITHM=INSTANT on mariadb 10.11.19, the server accepted INPLACE, LOCK=NONE']);
  assert.deepEqual(claimDisagreements(step('ALTER TABLE t DROP COLUMN a', [], { algorithm: 'INSTANT' }), ctx(false)), []);
});

test('indexed columns and foreign-key targets read from snapshot definitions (both dialects\' spellings)', () => {
  assert.deepEqual([...indexedColumns({ 't.PRIMARY': 'UNIQUE BTREE (id)', 't.ab_idx': 'BTREE (a, b(10))', 'T2.x': 'BTREE ((expression))' })].sort(), ['t.a', 't.b', 't.id']);
  const fks = foreignKeyTargets({
    'payments.payments_account_fk': 'FOREIGN KEY (account_id) REFERENCES accounts(id)',
    'Post.Post_authorId_fkey': 'FOREIGN KEY ("authorId") REFERENCES "User"(id) ON UPDATE CASCADE ON DELETE RESTRICT',
    'lines.lines_order_fk': 'FOREIGN KEY (order_id) REFERENCES orders (id) ON UPDATE/DELETE CASCADE/RESTRICT',
    'payments.payments_pkey': 'PRIMARY KEY (id)',
  });
  assert.deepEqual(Object.fromEntries(fks), { payments: ['accounts'], post: ['user'], lines: ['orders'] });
});
