// Every MariaDB row of MYSQL_ONLINE_DDL, checked on the real server: the algorithm the table claims works is
// accepted, the cheaper one it claims impossible is refused (ER_ALTER_OPERATION_NOT_SUPPORTED[_REASON]).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import mysql from 'mysql2/promise';
import { MYSQL_ONLINE_DDL, onlineDdlVerdict } from '../../../server/src/knowledge/mysqlOnlineDdl';
import { DEFAULT_CONFIG } from '../../../server/src/config/types';
import { ruleApplies } from '../../../server/src/rules';
import inlineReferencesIgnored from '../../../server/src/rules/mysql/mysql-inline-references-ignored';

const DB = `sm_locks_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
const FIXTURE = [
  'DROP TABLE IF EXISTS t, t_renamed, inline_ref',
  'DROP TABLE IF EXISTS p',
  'CREATE TABLE p (id int PRIMARY KEY) ENGINE=InnoDB',
  `CREATE TABLE t (id int NOT NULL, a int, b varchar(10), v varchar(60), e enum('x','y'), n int NULL, k int NOT NULL, c int, c2 int,
     INDEX ia (a), CONSTRAINT ck CHECK (a >= 0), CONSTRAINT fk_p FOREIGN KEY (c2) REFERENCES p (id)) ENGINE=InnoDB CHARSET=utf8mb4`,
];
/** Rows whose example needs the table to have a primary key already (the fixture has none, for ADD PRIMARY KEY). */
const NEEDS_PK = new Set(['dropPrimaryKey', 'replacePrimaryKey', 'addFulltextIndex', 'addAutoIncrementColumn']);
const REFUSED = new Set([1845, 1846]);

let conn: mysql.Connection;
let version = '';

async function fresh(key: string): Promise<void> {
  for (const s of FIXTURE) await conn.query(s);
  if (NEEDS_PK.has(key)) await conn.query('ALTER TABLE t ADD PRIMARY KEY (id)');
}

async function tryAlter(clause: string, algorithm: string, lock?: string): Promise<number | 'ok'> {
  try {
    await conn.query(`ALTER TABLE t ${clause}, ALGORITHM=${algorithm}${lock && lock !== 'DEFAULT' ? `, LOCK=${lock}` : ''}`);
    return 'ok';
  } catch (e) {
    return (e as { errno: number }).errno;
  }
}

describe('MariaDB online DDL facts', () => {
  before(async () => {
    conn = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root', password: '' });
    await conn.query(`CREATE DATABASE ${DB} CHARACTER SET utf8mb4`);
    await conn.query(`USE ${DB}`);
    const [rows] = await conn.query('SELECT VERSION() AS v');
    version = String((rows as { v: string }[])[0].v).replace(/-.*/, '');
  });
  after(async () => {
    await conn.query(`DROP DATABASE IF EXISTS ${DB}`);
    await conn.end();
  });

  for (const row of MYSQL_ONLINE_DDL.filter((r) => r.example)) {
    test(`${row.key}: ALTER TABLE t ${row.example}`, async () => {
      const v = onlineDdlVerdict(row.key, 'mariadb', version)!;
      await fresh(row.key);
      assert.equal(await tryAlter(row.example!, v.algorithm, v.lock), 'ok', `claimed ALGORITHM=${v.algorithm} LOCK=${v.lock} works on ${version}`);
      if (v.algorithm === 'COPY') {
        await fresh(row.key);
        const r = await tryAlter(row.example!, 'INPLACE');
        assert.ok(r !== 'ok' && REFUSED.has(r), `claimed INPLACE is refused (got ${r})`);
      }
      if (v.algorithm === 'INPLACE') {
        await fresh(row.key);
        const r = await tryAlter(row.example!, 'INSTANT');
        assert.ok(r !== 'ok' && REFUSED.has(r), `claimed INSTANT is refused (got ${r})`);
        if (!v.dmlContinues) {
          await fresh(row.key);
          const n = await tryAlter(row.example!, 'INPLACE', 'NONE');
          assert.ok(n !== 'ok' && REFUSED.has(n), `claimed LOCK=NONE is refused (got ${n})`);
        }
      }
    });
  }

  test('MariaDB accepts IF [NOT] EXISTS on columns and indexes (MySQL does not)', async () => {
    await fresh('');
    await conn.query('ALTER TABLE t ADD COLUMN IF NOT EXISTS a int');
    await conn.query('ALTER TABLE t DROP COLUMN IF EXISTS nope');
    await conn.query('CREATE INDEX IF NOT EXISTS ia ON t (a)');
  });

  test('column-level REFERENCES creates a foreign key exactly when mysql-inline-references-ignored says so', async () => {
    await fresh('');
    await conn.query('CREATE TABLE inline_ref (id int PRIMARY KEY, p_id int REFERENCES p (id)) ENGINE=InnoDB');
    const [rows] = await conn.query('SELECT COUNT(*) AS n FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? AND TABLE_NAME = ?', [DB, 'inline_ref']);
    const ignored = ruleApplies(inlineReferencesIgnored, { dialect: 'mariadb', config: { ...DEFAULT_CONFIG, mariadbVersion: version } });
    assert.equal(Number((rows as { n: number }[])[0].n), ignored ? 0 : 1);
  });

  test('DDL commits implicitly: a ROLLBACK after ALTER does not undo it', async () => {
    await fresh('');
    await conn.query('BEGIN');
    await conn.query('ALTER TABLE t ADD COLUMN committed_anyway int');
    await conn.query('ROLLBACK');
    const [rows] = await conn.query('SELECT COUNT(*) AS n FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND COLUMN_NAME = ?', [DB, 't', 'committed_anyway']);
    assert.equal(Number((rows as { n: number }[])[0].n), 1);
  });
});
