// Two claims the verifier measured wrong, now in the knowledge tables (test/db/locks runs their examples on the
// real servers): DROP TABLE locks the tables its foreign keys reference; MariaDB drops an indexed column INPLACE.
import { before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { initEngine } from '../../../server/src/engine/engine';
import { readSql } from '../../../server/src/readers/sql';
import { LineIndex } from '../../../server/src/model/text';
import { pgLockFor } from '../../../server/src/knowledge/postgresLocks';
import { mysqlDdlKey, onlineDdlVerdict } from '../../../server/src/knowledge/mysqlOnlineDdl';

before(() => initEngine());

const opOf = (sql: string, dialect: 'postgres' | 'mariadb') => readSql(sql, { dialect, lines: new LineIndex(sql) }).operations[0];

test('PostgreSQL DROP TABLE: AccessExclusiveLock on the table, and on the referenced tables when it has foreign keys', () => {
  const drop = opOf('DROP TABLE payments;', 'postgres');
  assert.deepEqual([pgLockFor(drop)?.lock, pgLockFor(drop)?.otherLock], ['AccessExclusiveLock', undefined]);
  const withKeys = pgLockFor(drop, undefined, { hasForeignKeys: true });
  assert.deepEqual([withKeys?.key, withKeys?.lock, withKeys?.otherLock], ['dropTableWithForeignKey', 'AccessExclusiveLock', 'AccessExclusiveLock']);
});

test('MariaDB 10.11 DROP COLUMN: INSTANT for a plain column, INPLACE with writes continuing for an indexed one', () => {
  const drop = opOf('ALTER TABLE t DROP COLUMN a;', 'mariadb');
  const plain = onlineDdlVerdict(mysqlDdlKey(drop)!, 'mariadb', '10.11.19');
  assert.equal(plain?.algorithm, 'INSTANT');
  const indexed = onlineDdlVerdict(mysqlDdlKey(drop, { indexed: true })!, 'mariadb', '10.11.19');
  assert.deepEqual([indexed?.row.key, indexed?.algorithm, indexed?.dmlContinues], ['dropIndexedColumn', 'INPLACE', true]);
});
