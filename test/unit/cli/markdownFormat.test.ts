// `check --format markdown`: the pull-request comment, from findings as the engine gives them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { formatCheckMarkdown } from '../../../server/src/cli/format/markdownFormat';
import type { PathFinding } from '../../../server/src/cli/format/checkFormat';
import type { FileModel } from '../../../server/src/model/migration';

const ROOT = path.join(path.sep, 'repo');
const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 5 } });

function finding(file: string, migration: string, rule: string, severity: PathFinding['severity'], line: number, message: string, tableSize?: PathFinding['tableSize']): PathFinding {
  return { path: path.join(ROOT, file), migration, rule, severity, message, range: at(line), offset: { start: line * 10, end: line * 10 + 5 }, phase: 'up', ...(tableSize ? { tableSize } : {}) };
}

const files = [{ path: path.join(ROOT, 'db/1.sql') }, { path: path.join(ROOT, 'db/2.sql') }] as FileModel[];

test('per migration, findings grouped by severity (errors first) with the rule\'s safe alternative, then the table sizes', () => {
  const out = formatCheckMarkdown(files, [
    finding('db/1.sql', 'm1', 'index-create-not-concurrent', 'warning', 3, 'CREATE INDEX on "orders" blocks writes (orders: ~41 M rows, 18 GB)', { table: 'orders', rows: 41_000_000, bytes: 18 * 1024 ** 3 }),
    finding('db/1.sql', 'm1', 'drop-column', 'error', 1, 'Dropping "orders"."note" | <b>gone</b>'),
    finding('db/2.sql', 'm2', 'mysql-copy-algorithm-or-lock', 'hint', 0, 'copy (countries: 50 rows, 16 kB; below the 10,000-row threshold)', { table: 'countries', rows: 50, bytes: 16384 }),
  ], ROOT, { changedSince: 'origin/main', stats: { version: 1, dialect: 'postgres', generatedAt: '2026-12-07T10:00:00.000Z', tables: {} } });
  const lines = out.split('\n');
  assert.equal(lines[0], '### Safe Migrations: 1 error, 1 warning, 1 hint');
  assert.ok(out.includes('2 migration files changed since `origin/main` checked.'));
  const m1 = lines.indexOf('#### `m1`');
  const m2 = lines.indexOf('#### `m2`');
  assert.ok(m1 > 0 && m2 > m1);
  assert.equal(lines[m1 + 2], '`db/1.sql`');
  const errors = lines.indexOf('**Errors**');
  const warnings = lines.indexOf('**Warnings**');
  assert.ok(m1 < errors && errors < warnings && warnings < m2, 'errors before warnings, inside m1');
  assert.equal(lines[errors + 2], '- `drop-column` (line 2, up): Dropping "orders"."note" \\| &lt;b&gt;gone&lt;/b&gt;', 'no raw HTML, no accidental table cell');
  assert.match(lines[errors + 3], /^ {2}- Safe alternative: \S/);
  assert.ok(lines.indexOf('**Hints**') > m2);
  const sizes = lines.indexOf('**Table sizes** (statistics of 2026-12-07)');
  assert.deepEqual(lines.slice(sizes + 2, sizes + 6), ['| table | rows | size |', '|---|---:|---:|', '| orders | ~41 M | 18 GB |', '| countries | 50 | 16 kB |']);
});

test('no findings: one line says so, no table sizes section', () => {
  const out = formatCheckMarkdown(files, [], ROOT);
  assert.equal(out, '### Safe Migrations: no findings\n\n2 migration files checked.\n');
});
