// The per-dialect knowledge the rules and hovers share.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../../server/src/config/types';
import { explainOperation } from '../../../server/src/knowledge/explain';
import { charsetBytes, mysqlDdlKey, onlineDdlVerdict, varcharLengthBytes } from '../../../server/src/knowledge/mysqlOnlineDdl';
import { pgTypeChangeRewrites } from '../../../server/src/knowledge/postgresTypes';
import { isNarrowing } from '../../../server/src/knowledge/typeWidth';
import { engineReady, readFile, SQL_PATH } from './harness';

const opOf = (sql: string, dialect: 'postgres' | 'mysql' | 'mariadb') => readFile(SQL_PATH, sql, dialect).migrations[0].up[0];

describe('PostgreSQL type changes', () => {
  const cases: [string | undefined, string, boolean | undefined][] = [
    ['varchar(20)', 'varchar(40)', false], ['varchar(20)', 'varchar(10)', true], ['varchar(20)', 'text', false],
    ['character varying(20)', 'varchar', false], ['text', 'varchar', false], ['text', 'varchar(10)', true],
    ['numeric(10,2)', 'numeric(12,2)', false], ['numeric(10,2)', 'numeric(12,3)', true], ['numeric(10,2)', 'numeric', false],
    ['integer', 'bigint', true], ['cidr', 'inet', false], [undefined, 'bigint', undefined],
  ];
  for (const [from, to, rewrites] of cases) test(`${from ?? '?'} → ${to}: ${rewrites === undefined ? 'unknown' : rewrites ? 'rewrites' : 'no rewrite'}`, () => assert.equal(pgTypeChangeRewrites(from, to), rewrites));
  test('narrowing', () => {
    assert.ok(isNarrowing('bigint', 'int'));
    assert.ok(isNarrowing('varchar(20)', 'varchar(5)'));
    assert.ok(isNarrowing('text', 'varchar(5)'));
    assert.ok(!isNarrowing('int', 'bigint'));
    assert.ok(!isNarrowing('varchar(5)', 'text'));
    assert.ok(isNarrowing('longtext', 'text'));
    assert.ok(!isNarrowing('text', 'longtext'));
    assert.ok(!isNarrowing('text', 'longblob'));
  });
});

describe('MySQL/MariaDB online DDL', () => {
  before(engineReady);
  test('length-prefix bytes depend on the charset', () => {
    assert.equal(charsetBytes(undefined), 4);
    assert.equal(charsetBytes('latin1'), 1);
    assert.equal(varcharLengthBytes(63, 4), 1);
    assert.equal(varcharLengthBytes(64, 4), 2);
    assert.equal(varcharLengthBytes(255, 1), 1);
  });
  test('varchar growth: same class in place, crossing 255 bytes copies', () => {
    const op = opOf('ALTER TABLE t MODIFY v varchar(70);', 'mysql');
    assert.equal(mysqlDdlKey(op, { previousType: 'varchar(60)', charset: 'utf8mb4' }), 'varcharCrossesLengthBytes');
    assert.equal(mysqlDdlKey(op, { previousType: 'varchar(60)', charset: 'latin1' }), 'extendVarchar');
  });
  test('ADD COLUMN … AFTER is instant only from MySQL 8.0.29 / MariaDB 10.4', () => {
    assert.equal(onlineDdlVerdict('addColumnNotLast', 'mysql', '8.0.28')!.algorithm, 'INPLACE');
    assert.equal(onlineDdlVerdict('addColumnNotLast', 'mysql', '8.0.29')!.algorithm, 'INSTANT');
    assert.equal(onlineDdlVerdict('addColumnNotLast', 'mariadb', '10.3.30')!.algorithm, 'INPLACE');
    assert.equal(onlineDdlVerdict('addColumnNotLast', 'mariadb', '10.11')!.algorithm, 'INSTANT');
  });
  test('type change copies and blocks writes', () => {
    const v = onlineDdlVerdict('changeType', 'mysql', '8.4')!;
    assert.equal(v.algorithm, 'COPY');
    assert.equal(v.dmlContinues, false);
  });
});

describe('explainOperation (hover text)', () => {
  before(engineReady);
  test('PostgreSQL CREATE INDEX: SHARE lock, blocks writes, rolls back with DROP INDEX', () => {
    const md = explainOperation(opOf('CREATE INDEX orders_a ON orders (account_id);', 'postgres'), 'postgres', DEFAULT_CONFIG);
    assert.match(md, /`SHARE` lock on "orders"/);
    assert.match(md, /blocks all writes/);
    assert.match(md, /Transactional: \*\*yes\*\*/);
    assert.match(md, /Rollback: DROP INDEX/);
  });
  test('PostgreSQL CONCURRENTLY: not transactional', () => {
    const md = explainOperation(opOf('CREATE INDEX CONCURRENTLY orders_a ON orders (account_id);', 'postgres'), 'postgres', DEFAULT_CONFIG);
    assert.match(md, /SHARE UPDATE EXCLUSIVE/);
    assert.match(md, /cannot run inside a transaction block/);
  });
  test('PostgreSQL FK: both tables', () => {
    const md = explainOperation(opOf('ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (account_id) REFERENCES accounts (id);', 'postgres'), 'postgres', DEFAULT_CONFIG);
    assert.match(md, /SHARE ROW EXCLUSIVE` lock on "orders"/);
    assert.match(md, /on "accounts"/);
  });
  test('MariaDB ADD COLUMN: instant, implicit commit', () => {
    const md = explainOperation(opOf('ALTER TABLE orders ADD COLUMN flag int;', 'mariadb'), 'mariadb', DEFAULT_CONFIG);
    assert.match(md, /ALGORITHM=INSTANT/);
    assert.match(md, /commits implicitly/);
    assert.match(md, /Rollback: DROP COLUMN/);
  });
  test('MySQL type change: COPY, writes wait', () => {
    const md = explainOperation(opOf('ALTER TABLE orders MODIFY total bigint;', 'mysql'), 'mysql', DEFAULT_CONFIG);
    assert.match(md, /ALGORITHM=COPY/);
    assert.match(md, /writes wait/);
  });
  test('DROP COLUMN: irreversible, needs a checkpoint', () => {
    const md = explainOperation(opOf('ALTER TABLE orders DROP COLUMN note;', 'postgres'), 'postgres', DEFAULT_CONFIG);
    assert.match(md, /irreversible.*checkpoint/);
  });
});
