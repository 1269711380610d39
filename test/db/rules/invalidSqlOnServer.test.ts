// invalid-sql-for-dialect's MySQL/MariaDB claims, checked on the real server: every statement of its rule cases
// that the rule reports is rejected with a syntax error (1064), every one it stays silent on is accepted.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import mysql from 'mysql2/promise';
import { compatibilityCases } from '../../unit/rules/cases/compatibility';
import { engineReady, findingsFor } from '../../unit/rules/harness';

const DB = `sm_rules_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
const RULE = 'invalid-sql-for-dialect';
const cases = compatibilityCases.filter((c) => c.rule === RULE && c.dialect === 'mariadb');

let conn: mysql.Connection;

async function errnoOf(sql: string): Promise<number | 'ok'> {
  await conn.query('DROP TABLE IF EXISTS orders');
  await conn.query('CREATE TABLE orders (id int PRIMARY KEY, note varchar(200))');
  try { await conn.query(sql); return 'ok'; } catch (e) { return (e as { errno: number }).errno; }
}

describe(`${RULE} on MariaDB`, () => {
  before(async () => {
    await engineReady();
    const admin = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root', password: '' });
    await admin.query(`CREATE DATABASE ${DB}`);
    await admin.end();
    conn = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root', password: '', database: DB });
  });
  after(async () => {
    await conn?.query(`DROP DATABASE IF EXISTS ${DB}`);
    await conn?.end();
  });

  test('the rule has MariaDB cases both ways', () => {
    assert.ok(cases.some((c) => c.expect) && cases.some((c) => !c.expect));
  });
  for (const c of cases) {
    test(`${c.expect ? 'rejected' : 'accepted'}: ${c.text}`, async () => {
      const reported = findingsFor(c).findings.some((f) => f.rule === RULE);
      assert.equal(reported, c.expect, 'the rule agrees with the case');
      const result = await errnoOf(c.text);
      assert.equal(result, c.expect ? 1064 : 'ok', `MariaDB answered ${result}`);
    });
  }
});
