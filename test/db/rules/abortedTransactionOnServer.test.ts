// try-catch-in-transaction's claim, checked on the real PostgreSQL: after a failed statement inside a transaction,
// catching the error in JavaScript does not help, the next statement fails with 25P02 (in_failed_sql_transaction);
// a SAVEPOINT rolled back in the catch (the rule's safe alternative) lets the transaction go on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';

const connect = async () => {
  const c = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' });
  await c.connect();
  return c;
};

test('a caught error leaves a PostgreSQL transaction aborted; a savepoint saves it', async () => {
  const c = await connect();
  try {
    await c.query('BEGIN');
    await assert.rejects(c.query('CREATE EXTENSION sm_no_such_extension'));
    await assert.rejects(c.query('SELECT 1'), (e: { code?: string }) => e.code === '25P02');
    await c.query('ROLLBACK');

    await c.query('BEGIN');
    await c.query('SAVEPOINT optional_ext');
    await assert.rejects(c.query('CREATE EXTENSION sm_no_such_extension'));
    await c.query('ROLLBACK TO SAVEPOINT optional_ext');
    assert.equal((await c.query('SELECT 1 AS one')).rows[0].one, 1);
    await c.query('ROLLBACK');
  } finally {
    await c.end();
  }
});
