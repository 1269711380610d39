// The two claims the verifier once measured wrong, end to end on the local servers: a DROP TABLE whose table has a
// foreign key (PostgreSQL locks the referenced table too) and a MariaDB DROP COLUMN of an indexed column (INPLACE,
// not INSTANT) now verify without a lock disagreement, and the measurement is in the steps.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { verifyPaths } from '../../../server/src/verify/verify';
import { writePrismaProject } from './prismaProject';

/** A Prisma project in this folder (so the workspace's pg / mysql2 resolve); returns the last migration's file. */
function prismaProject(provider: 'postgresql' | 'mysql', migrations: [string, string, string][]): { dir: string; target: string } {
  const dir = fs.mkdtempSync(path.join(__dirname, `sm_verify_claims_${provider}_`));
  const files = writePrismaProject(dir, provider, migrations.map(([name, up, down]) => ({ name, up, down })));
  return { dir, target: files[files.length - 1] };
}

test('PostgreSQL: DROP TABLE of a table with a foreign key takes AccessExclusiveLock on the referenced table, as the rules now say', { timeout: 120_000 }, async () => {
  const project = prismaProject('postgresql', [
    ['20240101000000_init', 'CREATE TABLE accounts (id int PRIMARY KEY);\nCREATE TABLE payments (id int PRIMARY KEY, account_id int REFERENCES accounts(id));\n', 'DROP TABLE payments;\nDROP TABLE accounts;\n'],
    ['20240102000000_drop_payments', 'DROP TABLE payments;\n', 'CREATE TABLE payments (id int PRIMARY KEY, account_id int REFERENCES accounts(id));\n'],
  ]);
  try {
    const run = await verifyPaths([project.target], { database: 'postgres://postgres@127.0.0.1:5432/test', scratchPrefix: 'sm_verify_claims_' });
    assert.deepEqual(run.setupErrors, []);
    const [result] = run.results;
    const drop = result.steps.find((s) => s.phase === 'up' && /DROP TABLE payments/.test(s.statement ?? ''));
    assert.ok(drop?.locks.some((l) => l.relation === 'accounts' && l.mode === 'AccessExclusiveLock'), JSON.stringify(drop));
    assert.deepEqual(result.differences, []);
    assert.equal(result.ok, true);
  } finally {
    fs.rmSync(project.dir, { recursive: true, force: true });
  }
});

test('MariaDB: DROP COLUMN of an indexed column is accepted INPLACE (INSTANT refused), as the rules now say', { timeout: 120_000 }, async () => {
  const project = prismaProject('mysql', [
    ['20240101000000_init', 'CREATE TABLE orders (id int PRIMARY KEY, status varchar(20), INDEX orders_status_idx (status));\n', 'DROP TABLE orders;\n'],
    ['20240102000000_drop_status', 'ALTER TABLE orders DROP COLUMN status;\n', 'ALTER TABLE orders ADD COLUMN status varchar(20);\nCREATE INDEX orders_status_idx ON orders (status);\n'],
  ]);
  try {
    const run = await verifyPaths([project.target], { database: 'mariadb://root@127.0.0.1:3306', scratchPrefix: 'sm_verify_claims_' });
    assert.deepEqual(run.setupErrors, []);
    const [result] = run.results;
    const drop = result.steps.find((s) => s.phase === 'up' && /DROP COLUMN status/.test(s.statement ?? ''));
    assert.equal(drop?.algorithm, 'INPLACE, LOCK=NONE', JSON.stringify(drop));
    assert.deepEqual(result.differences, []);
    assert.equal(result.ok, true);
  } finally {
    fs.rmSync(project.dir, { recursive: true, force: true });
  }
});
