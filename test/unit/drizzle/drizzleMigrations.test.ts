// Drizzle Kit migrations: real output from Homarr (Apache-2.0; test/fixtures/drizzle/README.md) read
// through detection (config named in a package.json script → dialect and out folder), the journal's
// order, and Drizzle's lack of downs treated like Prisma's.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { initEngine, readMigrationText } from '../../../server/src/engine/engine';
import { checkFiles } from '../../../server/src/engine/check';
import { DEFAULT_CONFIG } from '../../../server/src/config/types';
import { runRules } from '../../../server/src/rules';
import { orderedMigrations } from '../../../server/src/rules/schemaHistory';
import { readRealFolder } from '../project/readRealMigrations';
import { downEdit } from '../../../server/src/actions/down/downEdit';

const FIXTURES = path.join(__dirname, '../../fixtures/drizzle');
before(() => initEngine());

test('Homarr PostgreSQL: every migration read as Drizzle on PostgreSQL, unknown operations below 1 %', () => {
  const real = readRealFolder(path.join(FIXTURES, 'homarr-postgresql'));
  assert.equal(real.files.length, 8);
  for (const f of real.files) assert.deepEqual([f.orm, f.dialect, f.dialectInfo.source], ['drizzle', 'postgres', 'project'], f.path);
  assert.match(real.files[0].dialectInfo.reason, /configs\/postgresql\.config\.ts: out "\.\/migrations\/postgresql", dialect "postgresql"/);
  assert.ok(real.unknownShare < 0.01, `unknown ${real.unknown.length}/${real.operations.length}`);
  const up = (name: string) => real.files.find((f) => f.path.includes(name))!.migrations[0].up;
  // Statements split at `--> statement-breakpoint`, each with its own range.
  assert.deepEqual(up('0007_merge').map((o) => `${o.kind} ${o.column ?? ''}`.trim()), [
    'addColumn url', 'update', 'setNotNull url', 'dropColumn base_url', 'dropColumn endpoint', 'addColumn enabled',
  ]);
  assert.deepEqual(up('0010_workable_shard').map((o) => o.kind), ['createTable', 'createTable', 'createTable', 'addForeignKey', 'addForeignKey', 'createIndex', 'createIndex']);
  const m = real.files.find((f) => f.path.includes('0006'))!.migrations[0];
  assert.deepEqual([m.transactional, m.hasDown, m.timestamp], [true, false, '1780764416094']);
});

test('the journal gives the order, and a file the journal does not list is said so', () => {
  const real = readRealFolder(path.join(FIXTURES, 'homarr-postgresql'));
  const order = orderedMigrations(real.files).map((e) => e.migration.name);
  assert.deepEqual(order, [...order].sort());
  const journal = '{"version":"7","dialect":"postgresql","entries":[{"idx":0,"when":1700000000000,"tag":"0001_b"},{"idx":1,"when":1700000000001,"tag":"0000_a"}]}';
  const read = (name: string, journalText = journal) => readMigrationText(`/p/drizzle/${name}.sql`, 'ALTER TABLE "t" ADD COLUMN "c" text;', { readSibling: (p) => (p.endsWith('_journal.json') ? journalText : undefined), config: { orm: 'drizzle' } });
  const a = read('0000_a');
  const b = read('0001_b');
  // The journal, not the file name, decides: 0001_b runs first here.
  assert.deepEqual(orderedMigrations([a, b]).map((e) => e.migration.name), ['0001_b', '0000_a']);
  assert.deepEqual([a.orm, a.dialect, a.dialectInfo.reason], ['drizzle', 'postgres', 'meta/_journal.json says "dialect": "postgresql"']);
  assert.ok(read('0002_c').problems.some((p) => p.code === 'not-in-journal'));
});

test('Homarr MySQL: the dialect from configs/mysql.config.ts', () => {
  const real = readRealFolder(path.join(FIXTURES, 'homarr-mysql'));
  assert.equal(real.files.length, 3);
  for (const f of real.files) assert.deepEqual([f.orm, f.dialect], ['drizzle', 'mysql'], f.path);
  assert.equal(real.unknown.length, 0);
  assert.deepEqual(real.files.find((f) => f.path.includes('0044'))!.migrations[0].up.map((o) => `${o.kind} ${o.column}`), ['addColumn left_gutter_column_count', 'addColumn right_gutter_column_count']);
});

test('no down in Drizzle is a hint at most (as for Prisma), while lock rules still apply', () => {
  const real = readRealFolder(path.join(FIXTURES, 'homarr-postgresql'));
  const findings = checkFiles(real.files, DEFAULT_CONFIG);
  const missingDown = findings.filter((f) => f.rule === 'missing-down');
  assert.ok(missingDown.length > 0);
  assert.ok(missingDown.every((f) => f.severity === 'hint'), missingDown.map((f) => f.severity).join(', '));
  // ALTER … SET NOT NULL on an existing table scans it under an ACCESS EXCLUSIVE lock.
  assert.ok(findings.some((f) => f.rule === 'set-not-null-existing' && f.path.endsWith('0007_merge_custom_widget_url.sql')));
});

test('CREATE INDEX CONCURRENTLY in a Drizzle migration fails: drizzle runs migrations inside a transaction', () => {
  const f = readMigrationText('/p/drizzle/0003_idx.sql', 'CREATE INDEX CONCURRENTLY "orders_created_idx" ON "orders" ("created_at");', { dialect: 'postgres', config: { orm: 'drizzle' } });
  assert.equal(f.orm, 'drizzle');
  assert.ok(runRules(f, DEFAULT_CONFIG).some((x) => x.rule === 'concurrently-in-transaction'));
});

test('the down generator refuses to write into a Drizzle migration: drizzle-kit has no downs', () => {
  const f = readMigrationText('/p/drizzle/0003_x.sql', 'ALTER TABLE "t" ADD COLUMN "c" text;', { dialect: 'postgres', config: { orm: 'drizzle' } });
  const edit = downEdit(f, f.migrations[0], 'ALTER TABLE "t" DROP COLUMN "c";');
  assert.equal(edit.kind, 'refused');
});
