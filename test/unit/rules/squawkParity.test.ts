// Agreement with squawk (the PostgreSQL linter) on the rules both have: run squawk's own binary and ours on the
// same statements, map squawk's rule names through each rule's `equivalents.squawk`, and compare.
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
  "CREATE INDEX orders_account_id_created_at_status_shipping_country_partial_idx_x ON orders (a);"
];

const dir = mkdtempSync(join(tmpdir(), 'sm-squawk-'));
before(engineReady);
after(() => rmSync(dir, { recursive: true, force: true }));

function squawk(files: string[]): { file: string; rule_name: string }[] {
  try {
    return JSON.parse(execFileSync(join(__dirname, '..', '..', '..', 'node_modules', '.bin', 'squawk'), ['--reporter', 'json', ...files], { encoding: 'utf8' }));
  } catch (e) {
    // squawk exits 1 when it has findings; its report is still on stdout.
    return JSON.parse((e as { stdout: string }).stdout);
  }
}

test('recall and precision against squawk on shared rules are at least 95 %', () => {
  const files = CORPUS.map((sql, i) => { const p = join(dir, `c${String(i).padStart(3, '0')}.sql`); writeFileSync(p, sql + '\n'); return p; });
  const theirs = new Map<string, Set<string>>();
  for (const v of squawk(files)) theirs.set(v.file, (theirs.get(v.file) ?? new Set()).add(v.rule_name));
  const toOurs = new Map<string, string[]>();
  for (const r of allRules) for (const s of r.equivalents.squawk) toOurs.set(s, [...(toOurs.get(s) ?? []), r.id]);
  let agree = 0, missed = 0, extra = 0;
  const misses: string[] = [];
  files.forEach((p, i) => {
    const ours = new Set(findingsFor({ text: CORPUS[i], dialect: 'postgres' }).findings.map((f) => f.rule));
    const sq = [...(theirs.get(p) ?? [])].filter((s) => toOurs.has(s));
    for (const s of sq) if (toOurs.get(s)!.some((id) => ours.has(id))) agree++; else { missed++; misses.push(`${s}: ${CORPUS[i]}`); }
    for (const [s, ids] of toOurs) {
      const hit = ids.filter((id) => ours.has(id));
      if (hit.length && !sq.includes(s) && !hit.some((id) => sq.some((t) => toOurs.get(t)!.includes(id)))) extra++;
    }
  });
  const recall = agree / (agree + missed);
  const precision = agree / (agree + extra);
  assert.ok(agree > 100, `squawk produced comparable findings (${agree})`);
  assert.ok(recall >= 0.95, `recall ${recall.toFixed(3)}; missed:\n${misses.join('\n')}`);
  assert.ok(precision >= 0.95, `precision ${precision.toFixed(3)}`);
});
