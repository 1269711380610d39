// What each PostgreSQL operation locks, and whether it rewrites or scans the table.
// test/db/locks/postgres.test.ts runs every `example` on a real server and checks the claimed modes in pg_locks.
import type { Operation } from '../model/migration';
import { isSerialType, isVolatileDefault, rawStatementKind } from './operationFacts';
import { pgTypeChangeRewrites } from './postgresTypes';

export type PgLockMode =
  | 'AccessShareLock' | 'RowShareLock' | 'RowExclusiveLock' | 'ShareUpdateExclusiveLock'
  | 'ShareLock' | 'ShareRowExclusiveLock' | 'ExclusiveLock' | 'AccessExclusiveLock';

/** What a lock mode stops other sessions doing on the table. */
export const PG_LOCK_BLOCKS: Record<PgLockMode, string> = {
  AccessShareLock: 'only ACCESS EXCLUSIVE (DROP/ALTER); reads and writes continue',
  RowShareLock: 'only EXCLUSIVE and ACCESS EXCLUSIVE; reads and writes continue',
  RowExclusiveLock: 'schema changes only; reads and writes continue',
  ShareUpdateExclusiveLock: 'other schema changes and VACUUM; reads and writes continue',
  ShareLock: 'all writes (INSERT/UPDATE/DELETE); reads continue',
  ShareRowExclusiveLock: 'all writes and other schema changes; reads continue',
  ExclusiveLock: 'all writes and SELECT … FOR UPDATE; plain reads continue',
  AccessExclusiveLock: 'every read and write, including plain SELECT',
};

export interface PgLockFact {
  key: string;
  operation: string;
  /** Lock on the table the operation names (null when it takes no table lock). */
  lock: PgLockMode | null;
  /** Lock on a second table (the referenced table of a foreign key). */
  otherLock?: PgLockMode;
  rewrites: boolean;
  /** Reads the whole table while holding the lock (validation, index build). */
  scans: boolean;
  /** Allowed inside a transaction block. */
  inTransaction: boolean;
  note?: string;
  /** Runs against the lock test fixture (tables accounts, orders; see the test). */
  example: { sql: string; table: string; otherTable?: string; setup?: string };
}

const F = (f: PgLockFact): PgLockFact => f;

export const PG_LOCK_FACTS: PgLockFact[] = [
  F({ key: 'createTable', operation: 'CREATE TABLE', lock: 'AccessExclusiveLock', rewrites: false, scans: false, inTransaction: true, note: 'the lock is on the new table, which nobody uses yet', example: { sql: 'CREATE TABLE fresh (id int)', table: 'fresh' } }),
  F({ key: 'createTableWithForeignKey', operation: 'CREATE TABLE … REFERENCES', lock: 'AccessExclusiveLock', otherLock: 'ShareRowExclusiveLock', rewrites: false, scans: false, inTransaction: true, note: 'the referenced table stops taking writes until commit', example: { sql: 'CREATE TABLE fresh (id int, account_id int REFERENCES accounts(id))', table: 'fresh', otherTable: 'accounts' } }),
  F({ key: 'dropTable', operation: 'DROP TABLE', lock: 'AccessExclusiveLock', rewrites: false, scans: false, inTransaction: true, note: 'if the table has foreign keys, the tables they reference are locked ACCESS EXCLUSIVE too', example: { sql: 'DROP TABLE accounts_nopk', table: 'accounts_nopk' } }),
  // Measured in pg_locks inside a transaction on PostgreSQL 15.20 and PGlite (PostgreSQL 18.7): DROP TABLE of a table whose
  // foreign key references accounts holds AccessExclusiveLock on accounts too (the key's triggers there are removed).
  F({ key: 'dropTableWithForeignKey', operation: 'DROP TABLE (with foreign keys)', lock: 'AccessExclusiveLock', otherLock: 'AccessExclusiveLock', rewrites: false, scans: false, inTransaction: true, note: 'every table its foreign keys reference is locked too: reads and writes there wait until commit', example: { setup: 'CREATE TABLE payments (id int, account_id int REFERENCES accounts(id))', sql: 'DROP TABLE payments', table: 'payments', otherTable: 'accounts' } }),
  F({ key: 'renameTable', operation: 'ALTER TABLE … RENAME TO', lock: 'AccessExclusiveLock', rewrites: false, scans: false, inTransaction: true, example: { sql: 'ALTER TABLE orders RENAME TO orders_old', table: 'orders_old' } }),
  F({ key: 'addColumn', operation: 'ADD COLUMN (no default, or a constant default)', lock: 'AccessExclusiveLock', rewrites: false, scans: false, inTransaction: true, note: 'brief: catalog-only since PostgreSQL 11', example: { sql: "ALTER TABLE orders ADD COLUMN status text DEFAULT 'new'", table: 'orders' } }),
  F({ key: 'addColumnVolatileDefault', operation: 'ADD COLUMN with a volatile default', lock: 'AccessExclusiveLock', rewrites: true, scans: true, inTransaction: true, example: { sql: 'ALTER TABLE orders ADD COLUMN r float8 DEFAULT random()', table: 'orders' } }),
  F({ key: 'addColumnStoredGenerated', operation: 'ADD COLUMN … GENERATED ALWAYS AS (…) STORED', lock: 'AccessExclusiveLock', rewrites: true, scans: true, inTransaction: true, example: { sql: 'ALTER TABLE orders ADD COLUMN doubled numeric GENERATED ALWAYS AS (total * 2) STORED', table: 'orders' } }),
  F({ key: 'addColumnSerial', operation: 'ADD COLUMN serial / identity', lock: 'AccessExclusiveLock', rewrites: true, scans: true, inTransaction: true, example: { sql: 'ALTER TABLE orders ADD COLUMN seq bigserial', table: 'orders' } }),
  F({ key: 'addColumnWithForeignKey', operation: 'ADD COLUMN … REFERENCES', lock: 'AccessExclusiveLock', otherLock: 'ShareRowExclusiveLock', rewrites: false, scans: false, inTransaction: true, example: { sql: 'ALTER TABLE orders ADD COLUMN buyer_id int REFERENCES accounts(id)', table: 'orders', otherTable: 'accounts' } }),
  F({ key: 'dropColumn', operation: 'DROP COLUMN', lock: 'AccessExclusiveLock', rewrites: false, scans: false, inTransaction: true, example: { sql: 'ALTER TABLE orders DROP COLUMN note', table: 'orders' } }),
  F({ key: 'renameColumn', operation: 'RENAME COLUMN', lock: 'AccessExclusiveLock', rewrites: false, scans: false, inTransaction: true, example: { sql: 'ALTER TABLE orders RENAME COLUMN note TO remark', table: 'orders' } }),
  F({ key: 'alterColumnType', operation: 'ALTER COLUMN TYPE', lock: 'AccessExclusiveLock', rewrites: true, scans: true, inTransaction: true, note: 'rewrites the table and rebuilds its indexes', example: { sql: 'ALTER TABLE orders ALTER COLUMN id TYPE bigint', table: 'orders' } }),
  F({ key: 'alterColumnTypeBinaryCompatible', operation: 'ALTER COLUMN TYPE (binary-compatible widening)', lock: 'AccessExclusiveLock', rewrites: false, scans: false, inTransaction: true, note: 'brief: no rewrite for varchar(n)→varchar(m>n), varchar→text, numeric precision increase', example: { sql: 'ALTER TABLE orders ALTER COLUMN note TYPE varchar(20)', table: 'orders' } }),
  F({ key: 'setNotNull', operation: 'ALTER COLUMN SET NOT NULL', lock: 'AccessExclusiveLock', rewrites: false, scans: true, inTransaction: true, note: 'scans the whole table unless a validated CHECK (col IS NOT NULL) exists (PostgreSQL 12+)', example: { sql: 'ALTER TABLE orders ALTER COLUMN total SET NOT NULL', table: 'orders' } }),
  F({ key: 'dropNotNull', operation: 'ALTER COLUMN DROP NOT NULL', lock: 'AccessExclusiveLock', rewrites: false, scans: false, inTransaction: true, example: { sql: 'ALTER TABLE orders ALTER COLUMN account_id DROP NOT NULL', table: 'orders' } }),
  F({ key: 'setDefault', operation: 'ALTER COLUMN SET DEFAULT', lock: 'AccessExclusiveLock', rewrites: false, scans: false, inTransaction: true, note: 'brief, catalog only', example: { sql: 'ALTER TABLE orders ALTER COLUMN total SET DEFAULT 0', table: 'orders' } }),
  F({ key: 'dropDefault', operation: 'ALTER COLUMN DROP DEFAULT', lock: 'AccessExclusiveLock', rewrites: false, scans: false, inTransaction: true, example: { sql: 'ALTER TABLE orders ALTER COLUMN total DROP DEFAULT', table: 'orders' } }),
  F({ key: 'createIndex', operation: 'CREATE INDEX', lock: 'ShareLock', rewrites: false, scans: true, inTransaction: true, example: { sql: 'CREATE INDEX orders_total_idx ON orders (total)', table: 'orders' } }),
  F({ key: 'createIndexConcurrently', operation: 'CREATE INDEX CONCURRENTLY', lock: 'ShareUpdateExclusiveLock', rewrites: false, scans: true, inTransaction: false, note: 'cannot run inside a transaction block; a failed build leaves an INVALID index', example: { sql: 'CREATE INDEX CONCURRENTLY orders_total_idx ON orders (total)', table: 'orders' } }),
  F({ key: 'dropIndex', operation: 'DROP INDEX', lock: 'AccessExclusiveLock', rewrites: false, scans: false, inTransaction: true, note: 'the lock is taken on the indexed table', example: { sql: 'DROP INDEX orders_account_idx', table: 'orders' } }),
  F({ key: 'dropIndexConcurrently', operation: 'DROP INDEX CONCURRENTLY', lock: 'ShareUpdateExclusiveLock', rewrites: false, scans: false, inTransaction: false, example: { sql: 'DROP INDEX CONCURRENTLY orders_account_idx', table: 'orders' } }),
  F({ key: 'addForeignKey', operation: 'ADD FOREIGN KEY', lock: 'ShareRowExclusiveLock', otherLock: 'ShareRowExclusiveLock', rewrites: false, scans: true, inTransaction: true, note: 'validates every row while both tables refuse writes', example: { sql: 'ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts(id)', table: 'orders', otherTable: 'accounts' } }),
  F({ key: 'addForeignKeyNotValid', operation: 'ADD FOREIGN KEY … NOT VALID', lock: 'ShareRowExclusiveLock', otherLock: 'ShareRowExclusiveLock', rewrites: false, scans: false, inTransaction: true, note: 'brief: existing rows are checked later by VALIDATE CONSTRAINT', example: { sql: 'ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts(id) NOT VALID', table: 'orders', otherTable: 'accounts' } }),
  F({ key: 'addCheck', operation: 'ADD CHECK', lock: 'AccessExclusiveLock', rewrites: false, scans: true, inTransaction: true, example: { sql: 'ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0)', table: 'orders' } }),
  F({ key: 'addCheckNotValid', operation: 'ADD CHECK … NOT VALID', lock: 'AccessExclusiveLock', rewrites: false, scans: false, inTransaction: true, note: 'brief: no scan', example: { sql: 'ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID', table: 'orders' } }),
  F({ key: 'addUnique', operation: 'ADD UNIQUE constraint', lock: 'AccessExclusiveLock', rewrites: false, scans: true, inTransaction: true, note: 'builds the unique index while holding the lock', example: { sql: 'ALTER TABLE orders ADD CONSTRAINT orders_note_key UNIQUE (note)', table: 'orders' } }),
  F({ key: 'addUniqueUsingIndex', operation: 'ADD UNIQUE/PRIMARY KEY USING INDEX', lock: 'AccessExclusiveLock', rewrites: false, scans: false, inTransaction: true, note: 'brief: reuses an index built CONCURRENTLY', example: { setup: 'CREATE UNIQUE INDEX orders_note_uidx ON orders (note)', sql: 'ALTER TABLE orders ADD CONSTRAINT orders_note_key UNIQUE USING INDEX orders_note_uidx', table: 'orders' } }),
  F({ key: 'addPrimaryKey', operation: 'ADD PRIMARY KEY', lock: 'AccessExclusiveLock', rewrites: false, scans: true, inTransaction: true, note: 'builds the index and checks NOT NULL under the lock', example: { sql: 'ALTER TABLE accounts_nopk ADD PRIMARY KEY (id)', table: 'accounts_nopk' } }),
  F({ key: 'dropConstraint', operation: 'DROP CONSTRAINT', lock: 'AccessExclusiveLock', rewrites: false, scans: false, inTransaction: true, example: { sql: 'ALTER TABLE orders DROP CONSTRAINT orders_total_positive', table: 'orders' } }),
  F({ key: 'dropForeignKey', operation: 'DROP FOREIGN KEY', lock: 'AccessExclusiveLock', otherLock: 'AccessExclusiveLock', rewrites: false, scans: false, inTransaction: true, example: { sql: 'ALTER TABLE orders DROP CONSTRAINT orders_buyer_fk', table: 'orders', otherTable: 'accounts' } }),
  F({ key: 'validateConstraint', operation: 'VALIDATE CONSTRAINT', lock: 'ShareUpdateExclusiveLock', rewrites: false, scans: true, inTransaction: true, note: 'scans, but reads and writes continue', example: { sql: 'ALTER TABLE orders VALIDATE CONSTRAINT orders_total_nonneg', table: 'orders' } }),
  F({ key: 'validateForeignKey', operation: 'VALIDATE CONSTRAINT (foreign key)', lock: 'ShareUpdateExclusiveLock', otherLock: 'RowShareLock', rewrites: false, scans: true, inTransaction: true, example: { sql: 'ALTER TABLE orders VALIDATE CONSTRAINT orders_buyer_fk', table: 'orders', otherTable: 'accounts' } }),
  F({ key: 'dml', operation: 'INSERT / UPDATE / DELETE', lock: 'RowExclusiveLock', rewrites: false, scans: false, inTransaction: true, note: 'row locks on every row it touches, held until commit', example: { sql: 'UPDATE orders SET total = 0', table: 'orders' } }),
  F({ key: 'truncate', operation: 'TRUNCATE', lock: 'AccessExclusiveLock', rewrites: true, scans: false, inTransaction: true, example: { sql: 'TRUNCATE orders', table: 'orders' } }),
  F({ key: 'reindex', operation: 'REINDEX', lock: 'ShareLock', rewrites: false, scans: true, inTransaction: true, note: 'blocks writes; reads that would use the index wait on its ACCESS EXCLUSIVE lock', example: { sql: 'REINDEX TABLE orders', table: 'orders' } }),
  F({ key: 'reindexConcurrently', operation: 'REINDEX … CONCURRENTLY', lock: 'ShareUpdateExclusiveLock', rewrites: false, scans: true, inTransaction: false, example: { sql: 'REINDEX TABLE CONCURRENTLY orders', table: 'orders' } }),
  F({ key: 'vacuumFull', operation: 'VACUUM FULL', lock: 'AccessExclusiveLock', rewrites: true, scans: true, inTransaction: false, example: { sql: 'VACUUM FULL orders', table: 'orders' } }),
  F({ key: 'cluster', operation: 'CLUSTER', lock: 'AccessExclusiveLock', rewrites: true, scans: true, inTransaction: true, example: { sql: 'CLUSTER orders USING orders_pkey', table: 'orders' } }),
  F({ key: 'refreshMatView', operation: 'REFRESH MATERIALIZED VIEW', lock: 'AccessExclusiveLock', rewrites: true, scans: true, inTransaction: true, example: { sql: 'REFRESH MATERIALIZED VIEW order_totals', table: 'order_totals' } }),
  F({ key: 'refreshMatViewConcurrently', operation: 'REFRESH MATERIALIZED VIEW CONCURRENTLY', lock: 'ExclusiveLock', rewrites: false, scans: true, inTransaction: true, note: 'applies a diff instead of rewriting; needs a unique index on the view', example: { sql: 'REFRESH MATERIALIZED VIEW CONCURRENTLY order_totals', table: 'order_totals' } }),
  F({ key: 'detachPartition', operation: 'DETACH PARTITION', lock: 'AccessExclusiveLock', rewrites: false, scans: false, inTransaction: true, example: { sql: 'ALTER TABLE events DETACH PARTITION events_2024', table: 'events' } }),
  F({ key: 'detachPartitionConcurrently', operation: 'DETACH PARTITION … CONCURRENTLY', lock: 'ShareUpdateExclusiveLock', rewrites: false, scans: false, inTransaction: false, example: { sql: 'ALTER TABLE events DETACH PARTITION events_2024 CONCURRENTLY', table: 'events' } }),
];

const BY_KEY = new Map(PG_LOCK_FACTS.map((f) => [f.key, f]));
export function pgLockFact(key: string): PgLockFact | undefined { return BY_KEY.get(key); }

/** What the schema says about the operation's table beyond the operation itself. */
export interface PgTableFacts {
  /** The table has foreign keys to other tables (a DROP TABLE locks those too). */
  hasForeignKeys?: boolean;
}

/** The lock-table key for an operation, or undefined when it takes no table lock worth reporting. */
export function pgLockKey(op: Operation, previousType?: string, table: PgTableFacts = {}): string | undefined {
  const raw = rawStatementKind(op);
  if (raw) return BY_KEY.has(raw) ? raw : undefined;
  const spec = op.columnSpec;
  switch (op.kind) {
    case 'createTable': return op.tableColumns?.some((c) => c.references) || op.references ? 'createTableWithForeignKey' : 'createTable';
    case 'addColumn':
      if (spec?.generated === 'stored') return 'addColumnStoredGenerated';
      if (spec?.generated === 'identity' || isSerialType(spec?.type) || spec?.autoIncrement) return 'addColumnSerial';
      if (isVolatileDefault(spec?.default)) return 'addColumnVolatileDefault';
      if (spec?.references || op.references) return 'addColumnWithForeignKey';
      return 'addColumn';
    case 'alterColumnType': return pgTypeChangeRewrites(previousType, spec?.type ?? '') === false ? 'alterColumnTypeBinaryCompatible' : 'alterColumnType';
    case 'createIndex': return op.concurrently ? 'createIndexConcurrently' : 'createIndex';
    case 'dropIndex': return op.concurrently ? 'dropIndexConcurrently' : 'dropIndex';
    case 'addForeignKey': return op.notValid ? 'addForeignKeyNotValid' : 'addForeignKey';
    case 'addCheck': return op.notValid ? 'addCheckNotValid' : 'addCheck';
    case 'addUnique': return usesIndex(op) ? 'addUniqueUsingIndex' : 'addUnique';
    case 'addPrimaryKey': return usesIndex(op) ? 'addUniqueUsingIndex' : 'addPrimaryKey';
    case 'insert': case 'update': case 'delete': return 'dml';
    case 'dropTable': return table.hasForeignKeys ? 'dropTableWithForeignKey' : 'dropTable';
    case 'renameTable': case 'dropColumn': case 'renameColumn': case 'setNotNull': case 'dropNotNull':
    case 'setDefault': case 'dropDefault': case 'dropForeignKey': case 'dropConstraint': case 'validateConstraint':
      return op.kind;
    default: return undefined;
  }
}

export function usesIndex(op: Operation): boolean {
  return /\bUSING\s+INDEX\b/i.test(op.text) || !!op.details?.usingIndex;
}

export function pgLockFor(op: Operation, previousType?: string, table?: PgTableFacts): PgLockFact | undefined {
  const key = pgLockKey(op, previousType, table);
  return key ? BY_KEY.get(key) : undefined;
}

/** Lock modes that stop writes (or worse) for as long as they are held. */
export function blocksWrites(mode: PgLockMode | null | undefined): boolean {
  return mode === 'ShareLock' || mode === 'ShareRowExclusiveLock' || mode === 'ExclusiveLock' || mode === 'AccessExclusiveLock';
}
