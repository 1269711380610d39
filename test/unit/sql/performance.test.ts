import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { initSqlParsers } from '../../../server/src/readers/sql';
import { read } from './readHelpers';

before(() => initSqlParsers());

function script(statements: number): string {
  const parts: string[] = [];
  for (let i = 0; parts.length < statements; i++) parts.push(
    `CREATE TABLE t${i} (id bigserial PRIMARY KEY, name varchar(255) NOT NULL DEFAULT 'é', created_at timestamptz DEFAULT now());`,
    `ALTER TABLE t${i} ADD COLUMN c${i} integer, ALTER COLUMN name SET NOT NULL;`,
    `CREATE INDEX CONCURRENTLY ix${i} ON t${i} (name) WHERE name IS NOT NULL;`,
    `-- comment ${i}\nUPDATE t${i} SET name = 'x' WHERE id = ${i};`,
    `ALTER TABLE t${i} ADD CONSTRAINT fk${i} FOREIGN KEY (id) REFERENCES t0(id) NOT VALID;`);
  return parts.slice(0, statements).join('\n');
}

/** CPU milliseconds since `t`: on a shared, loaded machine wall time measures the neighbours, not the reader. */
function cpuMs(t: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

// A sanity bound, not a benchmark: warm it is about 50 ms of CPU (the parse is ~25 ms of it).
test('a 2,000-statement PostgreSQL file reads in under a second', () => {
  const sql = script(2000);
  read(sql, 'postgres');
  const t = process.cpuUsage();
  const r = read(sql, 'postgres');
  const ms = cpuMs(t);
  assert.equal(r.operations.length, 2400);
  assert.deepEqual(r.problems, []);
  assert.ok(ms < 1000, `took ${ms.toFixed(0)} ms of CPU`);
});

test('with one syntax error in the middle it stays fast (batches around the error)', () => {
  const sql = script(2000).replace('UPDATE t200 SET', 'UPDAT t200 SET');
  const t = process.cpuUsage();
  const r = read(sql, 'postgres');
  const ms = cpuMs(t);
  assert.equal(r.problems.length, 1);
  assert.equal(r.operations.filter((o) => o.kind === 'unknown').length, 1);
  assert.equal(r.operations.length, 2400);
  assert.ok(ms < 1000, `took ${ms.toFixed(0)} ms of CPU`);
});

test('a 2,000-statement MySQL file reads in under a second', () => {
  const sql = script(2000).replace(/bigserial/g, 'bigint AUTO_INCREMENT').replace(/timestamptz/g, 'datetime')
    .replace(/CONCURRENTLY /g, '').replace(/ NOT VALID/g, '').replace(/ WHERE name IS NOT NULL/g, '').replace(/ALTER COLUMN name SET NOT NULL/g, 'MODIFY name varchar(255) NOT NULL');
  const t = process.cpuUsage();
  const r = read(sql, 'mysql');
  const ms = cpuMs(t);
  assert.deepEqual(r.problems, []);
  assert.equal(r.operations.length, 2400);
  assert.ok(ms < 1000, `took ${ms.toFixed(0)} ms of CPU`);
});

test('a 2,000-statement MySQL file of unknown dialect (PostgreSQL fails on most of it) still reads in under a second', () => {
  const parts: string[] = [];
  for (let i = 0; i < 1000; i++) parts.push(`ALTER TABLE t${i} MODIFY a${i} BIGINT NOT NULL;`, `ALTER TABLE t${i} DROP INDEX ix${i};`);
  const sql = parts.join('\n');
  const t = process.cpuUsage();
  const r = read(sql, 'unknown');
  const ms = cpuMs(t);
  assert.equal(r.dialect, 'mysql');
  assert.equal(r.operations.length, 2000);
  assert.ok(ms < 1000, `took ${ms.toFixed(0)} ms of CPU`);
});
