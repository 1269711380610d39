// Every lock claim in PG_LOCK_FACTS, checked on the real server: run the example inside a transaction on one
// connection and read pg_locks from a second one.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from 'pg';
import { PG_LOCK_FACTS, type PgLockMode } from '../../../server/src/knowledge/postgresLocks';

const SCHEMA = `sm_locks_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
const STRENGTH: PgLockMode[] = ['AccessShareLock', 'RowShareLock', 'RowExclusiveLock', 'ShareUpdateExclusiveLock', 'ShareLock', 'ShareRowExclusiveLock', 'ExclusiveLock', 'AccessExclusiveLock'];

const FIXTURE = `
CREATE TABLE accounts (id int PRIMARY KEY, email text);
CREATE TABLE accounts_nopk (id int NOT NULL);
CREATE TABLE orders (id int PRIMARY KEY, account_id int NOT NULL, total numeric, note varchar(10), CONSTRAINT orders_total_positive CHECK (total >= 0));
CREATE INDEX orders_account_idx ON orders (account_id);
ALTER TABLE orders ADD CONSTRAINT orders_buyer_fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;
ALTER TABLE orders ADD CONSTRAINT orders_total_nonneg CHECK (total >= 0) NOT VALID;
INSERT INTO accounts VALUES (1, 'a@example.com'), (2, 'b@example.com');
INSERT INTO accounts_nopk VALUES (1), (2);
INSERT INTO orders VALUES (1, 1, 10, 'x'), (2, 2, 20, 'y');
CREATE MATERIALIZED VIEW order_totals AS SELECT account_id, sum(total) AS s FROM orders GROUP BY account_id;
CREATE UNIQUE INDEX order_totals_account ON order_totals (account_id);
CREATE TABLE events (id int, at date) PARTITION BY RANGE (at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TYPE order_status AS ENUM ('new', 'paid');
`;

const url = { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' };
let a: Client;
let b: Client;

async function strongestLock(pid: number, oid: number): Promise<PgLockMode | undefined> {
  const r = await b.query<{ mode: PgLockMode }>('SELECT mode FROM pg_locks WHERE pid = $1 AND relation = $2 AND granted', [pid, oid]);
  return r.rows.map((x) => x.mode).sort((x, y) => STRENGTH.indexOf(y) - STRENGTH.indexOf(x))[0];
}

async function oidOf(name: string): Promise<number | undefined> {
  const r = await a.query<{ oid: number | null }>('SELECT to_regclass($1)::oid AS oid', [`${SCHEMA}.${name}`]);
  return r.rows[0].oid ?? undefined;
}

/** Changes exactly when the table's storage is rewritten (seen from the migrating session). */
async function relfilenode(oid: number): Promise<number | undefined> {
  const r = await a.query<{ f: number }>('SELECT relfilenode AS f FROM pg_class WHERE oid = $1', [oid]);
  return r.rows[0]?.f;
}

describe('PostgreSQL lock facts', () => {
  before(async () => {
    a = new Client(url); b = new Client(url);
    await a.connect(); await b.connect();
    await a.query(`CREATE SCHEMA ${SCHEMA}`);
    await a.query(`SET search_path TO ${SCHEMA}`);
    await a.query(FIXTURE);
  });
  after(async () => {
    await a.query('ROLLBACK').catch(() => undefined);
    await a.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await a.end(); await b.end();
  });

  for (const fact of PG_LOCK_FACTS) {
    test(`${fact.key}: ${fact.example.sql}`, async () => {
      const pid = (await a.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
      await a.query('BEGIN');
      try {
        if (fact.example.setup) await a.query(fact.example.setup);
        if (!fact.inTransaction) {
          await assert.rejects(a.query(fact.example.sql), (e: { code?: string }) => e.code === '25001', 'claimed: cannot run inside a transaction block');
          return;
        }
        const before = await oidOf(fact.example.table);
        const otherBefore = fact.example.otherTable ? await oidOf(fact.example.otherTable) : undefined;
        const fileBefore = before ? await relfilenode(before) : undefined;
        await a.query(fact.example.sql);
        const oid = before ?? (await oidOf(fact.example.table));
        const fileAfter = before ? await relfilenode(before) : undefined;
        if (fileBefore !== undefined && fileAfter !== undefined) assert.equal(fileAfter !== fileBefore, fact.rewrites, `rewrites ${fact.example.table} (relfilenode changed)`);
        assert.ok(oid, `table ${fact.example.table} resolves`);
        assert.equal(await strongestLock(pid, oid), fact.lock, `lock on ${fact.example.table}`);
        if (fact.otherLock) assert.equal(await strongestLock(pid, otherBefore!), fact.otherLock, `lock on ${fact.example.otherTable}`);
      } finally {
        await a.query('ROLLBACK');
      }
    });
  }

  test('enum-change: a value added in a transaction cannot be used before commit (PostgreSQL 12+)', async () => {
    await a.query('BEGIN');
    try {
      await a.query("ALTER TYPE order_status ADD VALUE 'refunded'");
      await assert.rejects(a.query("SELECT 'refunded'::order_status"), (e: { code?: string }) => e.code === '55P04');
    } finally {
      await a.query('ROLLBACK');
    }
  });
});
