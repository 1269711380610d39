// The stats file as check reads it: shape checks, which table a migration's name means, the wording of a
// size, the grading rules, and where the config finds the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatBytes, formatRows, lookupTableSize, parseTableStats, serializeTableStats, type TableStats } from '../../../server/src/stats/tableStats';
import { gradeBySize } from '../../../server/src/stats/sizeGrading';
import { loadConfigWithSources } from '../../../server/src/config/load';

const STATS: TableStats = {
  version: 1, dialect: 'postgres', generatedAt: '2026-12-07T10:00:00.000Z',
  tables: { 'public.orders': { rows: 41_000_000, bytes: 18 * 1024 ** 3 }, 'shop.orders': { rows: 20, bytes: 8192 }, 'shop.carts': { rows: 900, bytes: 65536 }, 'a.dup': { rows: 1, bytes: 1 }, 'b.dup': { rows: 2, bytes: 2 } },
};

test('a stats file must say version 1, its dialect and its tables; odd counts become unknown', () => {
  assert.throws(() => parseTableStats({ version: 2, dialect: 'postgres', tables: {} }), /version 2/);
  assert.throws(() => parseTableStats({ version: 1, dialect: 'oracle', tables: {} }), /dialect/);
  assert.throws(() => parseTableStats({ version: 1, dialect: 'mysql', tables: [] }), /tables/);
  assert.deepEqual(parseTableStats({ version: 1, dialect: 'mysql', generatedAt: 'x', tables: { 'db.t': { rows: -1, bytes: '3' } } }).tables, { 'db.t': { rows: null, bytes: null } });
  const text = serializeTableStats({ ...STATS, tables: { 'z.b': { rows: 1, bytes: 2 }, 'a.a': { rows: 3, bytes: 4 } } });
  assert.ok(text.indexOf('"a.a"') < text.indexOf('"z.b"'), 'sorted');
});

test('names: qualified exactly, unqualified by the only match or public, quotes ignored, other families never', () => {
  assert.equal(lookupTableSize(STATS, 'orders', 'postgres')?.size.rows, 41_000_000, 'public wins, as on the default search_path');
  assert.equal(lookupTableSize(STATS, 'shop.orders', 'postgres')?.size.rows, 20);
  assert.equal(lookupTableSize(STATS, '"shop"."orders"', 'postgres')?.size.rows, 20);
  assert.equal(lookupTableSize(STATS, 'Carts', 'postgres')?.size.rows, 900);
  assert.equal(lookupTableSize(STATS, 'dup', 'postgres'), undefined, 'two schemas, neither public: unknown');
  assert.equal(lookupTableSize(STATS, 'missing', 'postgres'), undefined);
  assert.equal(lookupTableSize(STATS, 'orders', 'mysql'), undefined, 'PostgreSQL statistics say nothing about a MySQL migration');
  assert.equal(lookupTableSize({ ...STATS, dialect: 'mysql' }, 'carts', 'mariadb')?.size.rows, 900, 'MySQL and MariaDB share statistics');
});

test('sizes read like pg_size_pretty and rounded row counts', () => {
  assert.deepEqual([1, 50, 999, 1000, 52_345, 41_000_000, 1_234_000_000].map(formatRows), ['1 row', '50 rows', '999 rows', '~1 k rows', '~52 k rows', '~41 M rows', '~1.2 B rows']);
  assert.deepEqual([0, 8192, 16384, 5_398_528, 18 * 1024 ** 3].map(formatBytes), ['0 bytes', '8 kB', '16 kB', '5.1 MB', '18 GB']);
});

test('grading: a hint below the threshold, the size above it; an explicit severity stays; timeout rules are size-independent', () => {
  const finding = { severity: 'warning' as const, message: 'blocks writes' };
  assert.deepEqual(gradeBySize('index-create-not-concurrent', finding, 'shop.carts', 'postgres', { tableStats: STATS }, false),
    { severity: 'hint', message: 'blocks writes (carts: 900 rows, 64 kB; below the 10,000-row threshold)', tableSize: { table: 'carts', rows: 900, bytes: 65536 } });
  assert.equal(gradeBySize('index-create-not-concurrent', finding, 'carts', 'postgres', { tableStats: STATS, largeTableRows: 500 }, false).severity, 'warning');
  assert.equal(gradeBySize('index-create-not-concurrent', finding, 'orders', 'postgres', { tableStats: STATS }, false).message, 'blocks writes (orders: ~41 M rows, 18 GB)');
  assert.equal(gradeBySize('index-create-not-concurrent', finding, 'carts', 'postgres', { tableStats: STATS }, true).severity, 'warning', 'the user set this rule\'s severity');
  assert.deepEqual(gradeBySize('missing-lock-timeout', finding, 'carts', 'postgres', { tableStats: STATS }, false), finding);
  assert.deepEqual(gradeBySize('index-create-not-concurrent', finding, 'carts', 'postgres', {}, false), finding, 'no statistics: unchanged');
});

test('config: statsFile relative to the config\'s folder, the default file found upwards, a broken file reported', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm_stats_cfg_'));
  try {
    const sub = path.join(dir, 'db', 'migrations');
    fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(dir, '.safe-migrations-stats.json'), serializeTableStats(STATS));
    assert.equal(loadConfigWithSources(sub).config.tableStats?.tables['shop.carts'].rows, 900, 'default file, two folders up');
    fs.mkdirSync(path.join(dir, 'ci'));
    fs.writeFileSync(path.join(dir, 'ci', 'sizes.json'), serializeTableStats({ ...STATS, tables: { 'public.t': { rows: 7, bytes: 8 } } }));
    fs.writeFileSync(path.join(dir, '.safe-migrations.json'), JSON.stringify({ statsFile: 'ci/sizes.json', largeTableRows: 5 }));
    const loaded = loadConfigWithSources(sub);
    assert.deepEqual(Object.keys(loaded.config.tableStats?.tables ?? {}), ['public.t']);
    assert.equal(loaded.config.largeTableRows, 5);
    fs.writeFileSync(path.join(dir, 'ci', 'sizes.json'), '{ "version": 1 ');
    const broken = loadConfigWithSources(sub);
    assert.equal(broken.config.tableStats, undefined);
    assert.match(broken.problems.join('\n'), /sizes\.json: not a safe-migrations stats file/);
  } finally { fs.rmSync(dir, { recursive: true, force: true }); }
});
