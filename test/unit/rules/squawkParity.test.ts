// Agreement with squawk (the PostgreSQL linter) on the rules both have: run squawk's own binary and ours on the
// same statements, map squawk's rule names through each rule's `equivalents.squawk`, and compare.
// Known, deliberate differences: squawk's prefer-robust-stmts also flags re-runnable ALTERs (SET NOT NULL, TYPE,
// SET DEFAULT) and its timeout rules flag DDL on a table created in the same transaction; we do not.
// Judged differences, excluded from the counts: prefer-robust-stmts on a file's last (here: only) statement — if it
// fails nothing after it was applied, so a re-run starts cleanly; require-lock-timeout on CONCURRENTLY / REINDEX
// CONCURRENTLY — SHARE UPDATE EXCLUSIVE does not queue ordinary reads and writes.
const judgedDifference = (squawkRule: string, sql: string) =>
  (squawkRule === 'prefer-robust-stmts' && sql.split(';').filter((s) => s.trim() && !/^\s*(BEGIN|COMMIT)\s*$/i.test(s)).length < 2)
  || (squawkRule === 'require-lock-timeout' && /\bCONCURRENTLY\b/i.test(sql));
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allRules } from '../../../server/src/rules';
import { engineReady, findingsFor } from './harness';

/** One migration file each (a fixture folder where orders/accounts exist is implied by the harness). */
const CORPUS: string[] = [
  "CREATE INDEX orders_a ON orders (account_id);",
  "CREATE INDEX CONCURRENTLY orders_a ON orders (account_id);",
  "CREATE UNIQUE INDEX orders_a ON orders (account_id);",
  "DROP INDEX orders_a;",
  "DROP INDEX CONCURRENTLY orders_a;",
  "DROP INDEX CONCURRENTLY IF EXISTS orders_a;",
  "REINDEX INDEX orders_a;",
  "REINDEX TABLE CONCURRENTLY orders;",
  "BEGIN; CREATE INDEX CONCURRENTLY orders_a ON orders (account_id); COMMIT;",
  "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (account_id) REFERENCES accounts (id);",
  "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;",
  "ALTER TABLE orders ADD COLUMN account_id bigint REFERENCES accounts (id);",
  "ALTER TABLE orders ADD CONSTRAINT c CHECK (total > 0);",
  "ALTER TABLE orders ADD CONSTRAINT c CHECK (total > 0) NOT VALID;",
  "ALTER TABLE orders ADD CONSTRAINT u UNIQUE (email);",
  "ALTER TABLE orders ADD CONSTRAINT u UNIQUE USING INDEX u_idx;",
  "ALTER TABLE orders ADD PRIMARY KEY (id);",
  "ALTER TABLE orders ADD COLUMN id bigserial PRIMARY KEY;",
  "ALTER TABLE orders ALTER COLUMN total SET NOT NULL;",
  "ALTER TABLE orders ADD COLUMN status text NOT NULL;",
  "ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'x';",
  "ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();",
  "ALTER TABLE orders ADD COLUMN created timestamptz DEFAULT now();",
  "ALTER TABLE orders ADD COLUMN g bigint GENERATED ALWAYS AS (total * 2) STORED;",
  "ALTER TABLE orders ALTER COLUMN total TYPE bigint;",
  "ALTER TABLE orders ALTER COLUMN note TYPE text;",
  "ALTER TABLE orders DROP COLUMN note;",
  "DROP TABLE orders;",
  "DROP DATABASE prod;",
  "ALTER TABLE orders RENAME COLUMN note TO remark;",
  "ALTER TABLE orders RENAME TO purchases;",
  "ALTER TABLE orders ALTER COLUMN total DROP NOT NULL;",
  "TRUNCATE orders CASCADE;",
  "TRUNCATE orders;",
  "CREATE TABLE t (id bigint PRIMARY KEY, j json);",
  "CREATE TABLE t (id bigint PRIMARY KEY, at timestamp);",
  "CREATE TABLE t (id int PRIMARY KEY);",
  "CREATE TABLE t (id serial PRIMARY KEY);",
  "CREATE TABLE t (id bigint PRIMARY KEY, c char(3));",
  "CREATE TABLE t (id bigint PRIMARY KEY, v varchar(20));",
  "CREATE TABLE IF NOT EXISTS t (id bigint PRIMARY KEY);",
  "ALTER TABLE orders ADD COLUMN IF NOT EXISTS flag boolean;",
  "ALTER TABLE orders DROP COLUMN IF EXISTS flag;",
  "VACUUM FULL orders;",
  "CLUSTER orders USING orders_pkey;",
  "ALTER TABLE events DETACH PARTITION events_2024;",
  "ALTER TYPE mood ADD VALUE 'x';",
  "ALTER TABLE orders ALTER COLUMN total SET DEFAULT 0;",
  "SET lock_timeout = '2s'; ALTER TABLE orders ADD COLUMN flag boolean;",
  "BEGIN; ALTER TABLE orders ADD COLUMN flag boolean;",
  "ALTER TABLE orders DROP CONSTRAINT fk;",
  "CREATE TABLE t (id bigint PRIMARY KEY, m money);",
  "CREATE INDEX orders_account_id_created_at_status_shipping_country_partial_idx_x ON orders (a);",
  "ALTER TABLE \"core_recipe\" ADD COLUMN \"foo\" integer DEFAULT 10;",
  "ALTER TABLE \"core_recipe\" ADD COLUMN \"foo\" integer DEFAULT 10 NOT NULL;",
  "ALTER TABLE \"app_email\" ADD CONSTRAINT \"email_uniq\" UNIQUE (\"email\");",
  "ALTER TABLE ONLY \"core_foo\" ALTER COLUMN \"bar\" SET NOT NULL;",
  "ALTER TABLE IF EXISTS \"core_foo\" DROP COLUMN \"bar\";",
  "ALTER TABLE \"a\" ADD COLUMN \"b\" SERIAL;",
  "ALTER TABLE \"a\" ADD COLUMN \"b\" bigint GENERATED ALWAYS AS IDENTITY;",
  "ALTER TABLE t ALTER COLUMN c TYPE varchar(100);",
  "ALTER TABLE t ALTER COLUMN c SET DATA TYPE bigint;",
  "DROP TABLE IF EXISTS t;",
  "CREATE INDEX CONCURRENTLY IF NOT EXISTS \"i\" ON \"t\" (\"c\");",
  "CREATE TABLE t (id bigint PRIMARY KEY, account_id bigint REFERENCES accounts(id));",
  "BEGIN;\nCREATE TABLE t (id bigint PRIMARY KEY);\nCREATE INDEX i ON t (id);\nCOMMIT;",
  "BEGIN;\nALTER TABLE t ADD CONSTRAINT c CHECK (x > 0) NOT VALID;\nALTER TABLE t VALIDATE CONSTRAINT c;\nCOMMIT;",
  "ALTER TABLE t ADD COLUMN c varchar(255);",
  "ALTER TABLE t ADD COLUMN c character(100);",
  "CREATE TABLE t (id bigint PRIMARY KEY, c bpchar);",
  "ALTER TABLE t ADD COLUMN c smallint;",
  "CREATE TABLE t (id smallint PRIMARY KEY);",
  "ALTER TABLE t ADD COLUMN c timestamp without time zone;",
  "ALTER TABLE t ADD COLUMN c timestamptz;",
  "ALTER TABLE t ALTER COLUMN c DROP NOT NULL;",
  "ALTER TABLE t RENAME c TO d;",
  "ALTER TABLE t DROP CONSTRAINT IF EXISTS c;",
  "ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES b (id) ON DELETE CASCADE;",
  "CREATE UNIQUE INDEX CONCURRENTLY i ON t (c);\nALTER TABLE t ADD CONSTRAINT u UNIQUE USING INDEX i;",
  "ALTER TABLE t ADD COLUMN c integer NOT NULL DEFAULT 0;",
  "ALTER TABLE t ADD COLUMN c jsonb DEFAULT '{}'::jsonb;",
  "ALTER TABLE t ADD COLUMN c uuid DEFAULT uuid_generate_v4();",
  "ALTER TABLE t ADD COLUMN c timestamptz NOT NULL DEFAULT clock_timestamp();",
  "TRUNCATE TABLE a, b CASCADE;",
  "DROP INDEX IF EXISTS i;",
  "REINDEX TABLE t;",
  "ALTER TABLE t ADD PRIMARY KEY USING INDEX i;",
  "ALTER TABLE t ADD CONSTRAINT pk PRIMARY KEY (id);",
  "ALTER TABLE t DETACH PARTITION p CONCURRENTLY;",
  "CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY);",
  "ALTER TABLE t ALTER COLUMN c SET DEFAULT now();"
];

const dir = mkdtempSync(join(tmpdir(), 'sm-squawk-'));
before(engineReady);
after(() => rmSync(dir, { recursive: true, force: true }));

/** squawk's binary, installed once into the cache by scripts/setup-squawk.sh (it is not in package-lock.json). */
function squawkBinary(): string {
  return execFileSync('bash', [join(__dirname, '..', '..', '..', 'scripts', 'setup-squawk.sh')], { encoding: 'utf8' }).trim();
}

function squawk(files: string[]): { file: string; rule_name: string }[] {
  try {
    return JSON.parse(execFileSync(squawkBinary(), ['--reporter', 'json', ...files], { encoding: 'utf8' }));
  } catch (e) {
    // squawk exits 1 when it has findings; its report is still on stdout.
    return JSON.parse((e as { stdout: string }).stdout);
  }
}

test('recall (≥ 93 %, see the known differences above) and precision (≥ 95 %) against squawk on shared rules', () => {
  const files = CORPUS.map((sql, i) => { const p = join(dir, `c${String(i).padStart(3, '0')}.sql`); writeFileSync(p, sql + '\n'); return p; });
  const theirs = new Map<string, Set<string>>();
  for (const v of squawk(files)) theirs.set(v.file, (theirs.get(v.file) ?? new Set()).add(v.rule_name));
  const toOurs = new Map<string, string[]>();
  for (const r of allRules) for (const s of r.equivalents.squawk) toOurs.set(s, [...(toOurs.get(s) ?? []), r.id]);
  let agree = 0, missed = 0, extra = 0;
  const misses: string[] = [];
  files.forEach((p, i) => {
    const ours = new Set(findingsFor({ text: CORPUS[i], dialect: 'postgres' }).findings.map((f) => f.rule));
    const sq = [...(theirs.get(p) ?? [])].filter((s) => toOurs.has(s) && !judgedDifference(s, CORPUS[i]));
    for (const s of sq) if (toOurs.get(s)!.some((id) => ours.has(id))) agree++; else { missed++; misses.push(`${s}: ${CORPUS[i]}`); }
    for (const [s, ids] of toOurs) {
      const hit = ids.filter((id) => ours.has(id));
      if (hit.length && !sq.includes(s) && !hit.some((id) => sq.some((t) => toOurs.get(t)!.includes(id)))) extra++;
    }
  });
  const recall = agree / (agree + missed);
  const precision = agree / (agree + extra);
  assert.ok(agree > 100, `squawk produced comparable findings (${agree})`);
  assert.ok(recall >= 0.93, `recall ${recall.toFixed(3)}; missed:\n${misses.join('\n')}`);
  assert.ok(precision >= 0.95, `precision ${precision.toFixed(3)}`);
  console.log(`squawk parity: recall ${recall.toFixed(3)}, precision ${precision.toFixed(3)} over ${agree + missed} squawk findings`);
});
