// `safe-migrations stats` against real servers: tables of 50 and 50,000 rows (ANALYZEd) in databases of
// our own, read through the read-only session (which must refuse writes), and `check` grading lock
// findings by those sizes: a hint on the small table, the size in the message on the large one.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import * as mysql from 'mysql2/promise';
import { runCli } from '../../../server/src/cli/main';
import { openReadOnlySession, readTableStats } from '../../../server/src/stats/readStats';
import { parseDatabaseTarget } from '../../../server/src/verify/databaseUrl';
import { loadConfig } from '../../../server/src/config/load';
import { initEngine, readMigrationText } from '../../../server/src/engine/engine';
import { hoverAt } from '../../../server/src/engine/hover';
import type { TableStats } from '../../../server/src/stats/tableStats';

const REPO = path.join(__dirname, '..', '..', '..');
const NAME = `sm_stats_${process.pid}_${randomBytes(3).toString('hex')}`;

async function cli(args: string[], cwd = REPO): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; }, cwd });
  return { code, out, err };
}

function project(config: object, migration: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm_stats_'));
  fs.mkdirSync(path.join(dir, 'db', 'migrations'), { recursive: true });
  fs.writeFileSync(path.join(dir, '.safe-migrations.json'), JSON.stringify(config));
  fs.writeFileSync(path.join(dir, 'db', 'migrations', '20240102000000_change.sql'), migration);
  return dir;
}

interface JsonFinding { rule: string; severity: string; message: string; path: string }
const onTable = (findings: JsonFinding[], rule: string, table: string) => findings.find((f) => f.rule === rule && f.message.includes(`"${table}"`));

interface Case {
  dialect: 'postgres' | 'mariadb';
  url: string;
  setup(): Promise<void>;
  teardown(): Promise<void>;
  config: object;
  migration: string;
  /** The lock rule each statement of the migration triggers. */
  rules: { small: string; large: string };
  largeKey: string;
  smallKey: string;
  /** The server's estimate for 50,000 rows may be off this much (InnoDB samples pages). */
  tolerance: number;
}

const CASES: Case[] = [
  {
    dialect: 'postgres',
    url: `postgres://postgres:not-the-password@127.0.0.1:5432/${NAME}`,
    async setup() {
      const admin = new Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' });
      await admin.connect();
      try { await admin.query(`CREATE DATABASE ${NAME}`); } finally { await admin.end(); }
      const db = new Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: NAME });
      await db.connect();
      try {
        await db.query(`CREATE TABLE small_lookup (id serial PRIMARY KEY, code text NOT NULL);
          INSERT INTO small_lookup (code) SELECT 'c' || g FROM generate_series(1, 50) g;
          CREATE TABLE orders (id serial PRIMARY KEY, customer_id int NOT NULL, note text);
          INSERT INTO orders (customer_id, note) SELECT g % 977, repeat('x', 40) FROM generate_series(1, 50000) g;
          CREATE SCHEMA shop; CREATE TABLE shop.orders (id int);
          CREATE TABLE events (id int, at date) PARTITION BY RANGE (at);
          CREATE TABLE events_2020 PARTITION OF events FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
          CREATE TABLE events_2021 PARTITION OF events FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');
          INSERT INTO events SELECT g, date '2020-01-01' + (g % 700) FROM generate_series(1, 20000) g;
          ANALYZE small_lookup; ANALYZE orders; ANALYZE shop.orders; ANALYZE events;`);
      } finally { await db.end(); }
    },
    async teardown() {
      const admin = new Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' });
      await admin.connect();
      try { await admin.query(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`); } finally { await admin.end(); }
    },
    config: { dialect: 'postgres' },
    migration: 'SET lock_timeout = \'2s\';\nCREATE INDEX idx_small_code ON small_lookup (code);\nCREATE INDEX idx_orders_customer ON orders (customer_id);\n',
    rules: { small: 'index-create-not-concurrent', large: 'index-create-not-concurrent' },
    largeKey: 'public.orders', smallKey: 'public.small_lookup', tolerance: 0.1,
  },
  {
    dialect: 'mariadb',
    url: `mysql://root@127.0.0.1:3306/${NAME}`,
    async setup() {
      const admin = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root', multipleStatements: true });
      try {
        await admin.query(`CREATE DATABASE ${NAME}; USE ${NAME};
          CREATE TABLE small_lookup (id int AUTO_INCREMENT PRIMARY KEY, code varchar(20) NOT NULL);
          INSERT INTO small_lookup (code) SELECT CONCAT('c', seq) FROM seq_1_to_50;
          CREATE TABLE orders (id int AUTO_INCREMENT PRIMARY KEY, customer_id int NOT NULL, note varchar(60));
          INSERT INTO orders (customer_id, note) SELECT seq % 977, REPEAT('x', 40) FROM seq_1_to_50000;
          ANALYZE TABLE small_lookup, orders;`);
      } finally { await admin.end(); }
    },
    async teardown() {
      const admin = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root' });
      try { await admin.query(`DROP DATABASE IF EXISTS ${NAME}`); } finally { await admin.end(); }
    },
    config: { dialect: 'mariadb', mariadbVersion: '10.11' },
    migration: 'ALTER TABLE small_lookup ADD COLUMN note VARCHAR(10) NULL, ALGORITHM=COPY;\nALTER TABLE orders MODIFY customer_id BIGINT NOT NULL;\n',
    rules: { small: 'mysql-copy-algorithm-or-lock', large: 'change-column-type' },
    largeKey: `${NAME}.orders`, smallKey: `${NAME}.small_lookup`, tolerance: 0.5,
  },
];

for (const c of CASES) {
  describe(`stats on ${c.dialect}`, () => {
    let stats: TableStats;
    const dirs: string[] = [];
    before(async () => { await c.setup(); await initEngine(); });
    after(async () => {
      for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
      await c.teardown();
    });

    test('the session refuses writes: INSERT, CREATE TABLE and temporary tables fail; reads work', async () => {
      const session = await openReadOnlySession(parseDatabaseTarget(c.url) as never, { projectRoot: REPO });
      try {
        await assert.rejects(session.query('INSERT INTO small_lookup (code) VALUES (\'written\')'), /read-only|READ ONLY/i);
        await assert.rejects(session.query('CREATE TABLE sm_stats_written (id int)'), /read-only|READ ONLY/i);
        await assert.rejects(session.query('CREATE TEMPORARY TABLE sm_stats_tmp (id int)'), /read-only|READ ONLY/i);
        const read = await readTableStats(session);
        assert.equal(read.dialect, c.dialect);
        assert.equal(read.tables[c.smallKey]?.rows, 50);
      } finally { await session.close(); }
      const count = await cli(['stats', '--database', c.url, '--out', '-']);
      assert.equal(JSON.parse(count.out).tables[c.smallKey].rows, 50, 'nothing was inserted');
    });

    test('stats --database writes a stable version-1 file with rows and bytes per schema-qualified table, no password printed', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm_stats_out_'));
      dirs.push(dir);
      const out = path.join(dir, 'stats.json');
      const run = await cli(['stats', '--database', c.url, '--out', out]);
      assert.equal(run.code, 0, run.err);
      assert.doesNotMatch(run.out + run.err, /not-the-password/);
      stats = JSON.parse(fs.readFileSync(out, 'utf8'));
      assert.equal(stats.version, 1);
      assert.equal(stats.dialect, c.dialect);
      assert.ok(!Number.isNaN(Date.parse(stats.generatedAt)));
      assert.deepEqual(Object.keys(stats.tables), Object.keys(stats.tables).sort(), 'tables sorted: a committed file diffs cleanly');
      const large = stats.tables[c.largeKey];
      assert.ok(large.rows! > 50_000 * (1 - c.tolerance) && large.rows! < 50_000 * (1 + c.tolerance), `orders estimated at ${large.rows} rows`);
      assert.ok(large.bytes! > 1_000_000, `orders is ${large.bytes} bytes`);
      assert.ok(stats.tables[c.smallKey].bytes! < large.bytes!);
      if (c.dialect === 'postgres') {
        assert.equal(stats.tables['shop.orders'].rows, 0);
        // A partitioned table is as large as its partitions (it has no storage of its own).
        const [events, p2020, p2021] = ['public.events', 'public.events_2020', 'public.events_2021'].map((k) => stats.tables[k]);
        assert.equal(events.rows, p2020.rows! + p2021.rows!);
        assert.ok(Math.abs(events.rows! - 20_000) < 2000, `events estimated at ${events.rows} rows`);
        assert.equal(events.bytes, p2020.bytes! + p2021.bytes!);
        assert.ok(events.bytes! > 0);
      }
      assert.ok(!Object.keys(stats.tables).some((k) => /^(pg_catalog|information_schema|mysql|performance_schema|sys)\./.test(k)), 'no system schemas');
    });

    test('check grades lock findings by the statistics: a hint on 50 rows, the size in the message on 50,000', async () => {
      const dir = project(c.config, c.migration);
      dirs.push(dir);
      const plain = JSON.parse((await cli(['check', dir, '--format', 'json', '--hints', '--fail-on', 'never'])).out).findings as JsonFinding[];
      const smallBefore = onTable(plain, c.rules.small, 'small_lookup');
      const largeBefore = onTable(plain, c.rules.large, 'orders');
      assert.ok(smallBefore && largeBefore, JSON.stringify(plain, null, 1));
      assert.equal(smallBefore.severity, 'warning', 'without statistics nothing changes');
      assert.doesNotMatch(largeBefore.message, /rows/);

      const statsFile = path.join(dir, 'stats.json');
      fs.writeFileSync(statsFile, JSON.stringify(stats));
      for (const source of [['--stats', statsFile], ['--database', c.url]]) {
        const run = await cli(['check', dir, '--format', 'json', '--hints', '--fail-on', 'never', ...source]);
        assert.equal(run.code, 0, run.err);
        const findings = JSON.parse(run.out).findings as JsonFinding[];
        const small = onTable(findings, c.rules.small, 'small_lookup')!;
        const large = onTable(findings, c.rules.large, 'orders')!;
        assert.equal(small.severity, 'hint', source[0]);
        assert.match(small.message, /\(small_lookup: 50 rows, [\d.]+ kB; below the 10,000-row threshold\)$/);
        assert.equal(large.severity, largeBefore.severity);
        assert.match(large.message, /\(orders: ~\d+(\.\d)? k rows, [\d.]+ MB\)$/);
        assert.deepEqual(Object.keys((large as JsonFinding & { tableSize: object }).tableSize), ['table', 'rows', 'bytes'], 'JSON carries the size');
      }
      // Without --hints the small table's finding is gone from the report; the large one stays.
      const quiet = JSON.parse((await cli(['check', dir, '--format', 'json', '--fail-on', 'never', '--stats', statsFile])).out).findings as JsonFinding[];
      assert.ok(!onTable(quiet, c.rules.small, 'small_lookup'));
      assert.ok(onTable(quiet, c.rules.large, 'orders'));
    });

    test('the default stats file at the project root is read by check and by hovers; largeTableRows moves the threshold', async () => {
      const dir = project({ ...c.config, largeTableRows: 100_000 }, c.migration);
      dirs.push(dir);
      fs.writeFileSync(path.join(dir, '.safe-migrations-stats.json'), JSON.stringify(stats));
      const findings = JSON.parse((await cli(['check', dir, '--format', 'json', '--hints', '--fail-on', 'never'])).out).findings as JsonFinding[];
      assert.equal(onTable(findings, c.rules.large, 'orders')?.severity, 'hint', '50,000 rows are below a 100,000-row threshold');
      const file = path.join(dir, 'db', 'migrations', '20240102000000_change.sql');
      const text = fs.readFileSync(file, 'utf8');
      const config = loadConfig(path.dirname(file));
      const model = readMigrationText(file, text, { config });
      // On the statement's clause (MySQL ALTER clauses are operations of their own).
      const hover = hoverAt(model, text.indexOf('customer_id', text.indexOf('orders')), config);
      assert.match(hover?.markdown ?? '', /Table size: orders: ~\d+(\.\d)? k rows, [\d.]+ MB \(statistics of \d{4}-\d\d-\d\d\)/);
    });
  });
}

test('a refused connection is reported without the password, exit code 2 (stats and check --database)', async () => {
  const url = 'mysql://root:s3cret-pw@127.0.0.1:3306/test';
  const stats = await cli(['stats', '--database', url, '--out', '-']);
  assert.equal(stats.code, 2);
  assert.match(stats.err, /cannot connect to mysql:\/\/root:\*\*\*@127\.0\.0\.1:3306\/test/);
  const check = await cli(['check', path.join(REPO, 'test', 'fixtures', 'projects', 'loose-sql'), '--database', url]);
  assert.equal(check.code, 2);
  assert.match(check.err, /--database: cannot connect/);
  assert.doesNotMatch(stats.out + stats.err + check.out + check.err, /s3cret-pw/);
});
