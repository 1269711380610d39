// What the verifier says when a down or a second up does not give the schema back (pure comparison).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { diffData, diffSnapshots } from '../../../server/src/verify/schemaDiff';
import type { SchemaSnapshot } from '../../../server/src/verify/schemaSnapshot';

const base = (): SchemaSnapshot => ({
  tables: ['orders'],
  columns: {
    'orders.id': { type: 'integer', nullable: false, default: "nextval('orders_id_seq'::regclass)" },
    'orders.status': { type: 'text', nullable: false, default: null },
  },
  indexes: { 'orders.orders_pkey': 'CREATE UNIQUE INDEX orders_pkey ON public.orders USING btree (id)' },
  constraints: { 'orders.orders_pkey': 'PRIMARY KEY (id)' },
  enums: { order_status: ['new', 'paid'] },
  views: { open_orders: "SELECT id FROM orders WHERE status = 'new'" },
});

test('equal snapshots: nothing to say', () => {
  assert.deepEqual(diffSnapshots(base(), base(), 'down'), []);
  assert.deepEqual(diffSnapshots(base(), base(), 'reup'), []);
});

test('an index left behind and a column that comes back with another type, nullability and default', () => {
  const after = base();
  after.indexes['orders.orders_status_idx'] = 'CREATE INDEX orders_status_idx ON public.orders USING btree (status)';
  after.columns['orders.status'] = { type: 'character varying(255)', nullable: true, default: "'new'::text" };
  assert.deepEqual(diffSnapshots(base(), after, 'down'), [
    'column orders.status comes back as character varying(255), was text',
    'column orders.status comes back nullable, was NOT NULL',
    "column orders.status comes back with default 'new'::text, was no default",
    'index orders_status_idx (on orders) is left behind by down',
  ]);
});

test('a down that drops the wrong column: one extra, one missing', () => {
  const afterUp = base();
  afterUp.columns['orders.note'] = { type: 'text', nullable: true, default: null };
  const afterDown = base();
  afterDown.columns['orders.note'] = afterUp.columns['orders.note'];
  delete afterDown.columns['orders.status'];
  assert.deepEqual(diffSnapshots(base(), afterDown, 'down'), [
    'column orders.note is left behind by down',
    'column orders.status is missing after down (it existed before up)',
  ]);
});

test('a missing table is said once, not once per column, index and constraint', () => {
  const after = base();
  after.tables = [];
  after.columns = {};
  after.indexes = {};
  after.constraints = {};
  assert.deepEqual(diffSnapshots(base(), after, 'down'), ['table orders is missing after down (it existed before up)']);
});

test('enum values, view definitions and constraint definitions that differ', () => {
  const after = base();
  after.enums.order_status = ['new', 'paid', 'refunded'];
  after.views.open_orders = 'SELECT id FROM orders';
  after.constraints['orders.orders_pkey'] = 'PRIMARY KEY (id, status)';
  assert.deepEqual(diffSnapshots(base(), after, 'reup'), [
    'constraint orders_pkey (on orders) comes back as PRIMARY KEY (id, status), the first up made PRIMARY KEY (id)',
    'enum type order_status comes back with values (new, paid, refunded), the first up made (new, paid)',
    'view open_orders comes back with another definition',
  ]);
});

test('the second up speaks of the first up, not of the down', () => {
  const second = base();
  second.tables.push('orders_archive');
  assert.deepEqual(diffSnapshots(base(), second, 'reup'), ['table orders_archive appears only after the second up']);
});

test('seeded rows: duplicates are counted, lost or changed rows reported per table, dropped tables left to the schema diff', () => {
  const before = { orders: ['1|new', '2|new', '2|new'], gone: ['x'] };
  assert.deepEqual(diffData(before, { orders: ['2|new', '1|new', '2|new'] }), []);
  assert.deepEqual(diffData(before, { orders: ['1|new', '2|new', '2|paid'] }), ['1 of 3 seeded rows of orders are lost or changed after down']);
});
