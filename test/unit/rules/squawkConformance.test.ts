// squawk's own rule tests (test/conformance/squawk, MIT, extracted from squawk's sources) as a conformance suite.
// For every rule of ours that names a squawk equivalent: a case of that squawk rule with violations must give at
// least one finding of one of our rules naming it; a case with none must give none. Cases of squawk rules nothing
// of ours names are skipped. Each case is one plain SQL migration on PostgreSQL, read alone (its tables existed
// before it), with the strict rule set on and squawk's settings translated: pg_version → postgresVersion,
// assume_in_transaction → a runner that wraps the file in a transaction; otherwise, as squawk assumes, no
// transaction but the file's own BEGIN…COMMIT.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONFIG, type SafeMigrationsConfig } from '../../../server/src/config/types';
import { readMigrationText } from '../../../server/src/engine/engine';
import { allRules, runRules } from '../../../server/src/rules';
import { engineReady } from './harness';

const CASES_DIR = join(__dirname, '..', '..', 'conformance', 'squawk');

interface SquawkSettings { pg_version?: string; assume_in_transaction?: boolean }
interface SquawkCase { rule: string; name: string; sql: string; violation: boolean; settings: SquawkSettings }

const LAST_STATEMENT = 'its only step that could fail is the last one (`select 1` changes nothing): if it fails nothing was applied, so a re-run starts cleanly';
/**
 * Cases where, in our judgement, squawk is wrong (or right only for a reason that does not hold in real projects).
 * They are reported, and left out of the percentages. Key: `<squawk-rule>/<case>`.
 */
const JUDGED_DISAGREEMENTS: Record<string, string> = {
  'adding-field-with-default/docs_example_error_on_pg_11': 'PostgreSQL 11.0 introduced catalog-stored defaults: a constant DEFAULT 10 does not rewrite the table on 11 (squawk\'s own message says "11+")',
  'adding-field-with-default/default_random_with_args_err': 'now(123) does not exist in PostgreSQL ("function now(integer) does not exist"): the statement fails before it locks or rewrites anything',
  'ban-char-field/all_the_types': '`m int array[]` is not PostgreSQL (syntax error at "]"; only `int array[5]` or `int array`): the file does not parse, and we report the syntax error instead of judging its columns',
  'ban-concurrent-index-creation-in-transaction/assuming_in_transaction_ok': 'a runner that wraps the file in a transaction makes CREATE INDEX CONCURRENTLY fail ("cannot run inside a transaction block") even when it is the only statement; squawk assumes tools run a lone statement outside',
  'require-timeout-settings/err_other_ddl_operations': 'CREATE TYPE makes a new type: it waits for no lock on an existing table, so nothing can queue behind it',
  'require-timeout-settings/err_lock_access_share_uses_correct_article': 'ACCESS SHARE conflicts only with ACCESS EXCLUSIVE: waiting for it queues no ordinary read or write',
  'require-timeout-settings/fix_multiple_ddl_statements': 'the ALTER is on a table the same file creates: no other session can hold or wait for a lock on it',
  'prefer-repack/cluster_below_pg19_ok': 'CLUSTER holds ACCESS EXCLUSIVE for the whole rewrite on every version; before REPACK (19) the way out is pg_repack, and we say so',
  'prefer-repack/vacuum_full_below_pg19_ok': 'VACUUM FULL holds ACCESS EXCLUSIVE for the whole rewrite on every version; before REPACK (19) the way out is pg_repack, and we say so',
  'prefer-robust-stmts/alter_table_err': LAST_STATEMENT,
  'prefer-robust-stmts/alter_table_drop_column_err': LAST_STATEMENT,
  'prefer-robust-stmts/alter_table_drop_constraint_err': LAST_STATEMENT,
  'prefer-robust-stmts/alter_column_set_not_null': LAST_STATEMENT,
  'prefer-robust-stmts/create_index_concurrently_err': LAST_STATEMENT,
  'prefer-robust-stmts/create_table_err': LAST_STATEMENT,
  'prefer-robust-stmts/create_table_with_on_commit_drop_err': LAST_STATEMENT,
  'prefer-robust-stmts/create_temp_table_without_on_commit_drop_err': LAST_STATEMENT,
  'prefer-robust-stmts/drop_index_err': LAST_STATEMENT,
  'prefer-robust-stmts/double_add_after_drop_err': 'the first ADD is made re-runnable by the DROP … IF EXISTS before it, and the second is the last statement: it always fails (a bug no guard fixes), and a re-run starts cleanly',
  'prefer-robust-stmts/enable_row_level_security_err': 'ENABLE ROW LEVEL SECURITY succeeds when run again and the CREATE TABLE before it is guarded: a re-run of this file cannot fail',
  'prefer-robust-stmts/enable_row_level_security_without_exists_check_err': 'ENABLE ROW LEVEL SECURITY succeeds when run again and the CREATE TABLE before it is guarded: a re-run of this file cannot fail',
  'prefer-robust-stmts/disable_row_level_security_err': 'DISABLE ROW LEVEL SECURITY succeeds when run again and the CREATE TABLE before it is guarded: a re-run of this file cannot fail',
};

/**
 * Not disagreements: squawk ran each case with one rule enabled, and our rule also stands for another squawk rule
 * that reports this SQL (the case named). Left out of the percentages. Key: `<squawk-rule>/<case>`.
 */
const REPORTED_BY_OTHER_EQUIVALENT: Record<string, string> = {
  'prefer-bigint-over-int/ok': 'prefer-bigint-over-smallint/err',
  'prefer-bigint-over-smallint/ok': 'prefer-bigint-over-int/err',
  'ban-uncommitted-transaction/nested_begin_only_last_uncommitted_err': 'transaction-nesting/begin_repeated_err',
};

/**
 * Settings the extraction lost: prefer_repack.rs runs its cases with `pg19()` (lint_*_with, fix_sql_with), except the
 * two `*_below_pg19_ok` cases, which use the default version.
 */
function settingsOf(c: { rule: string; name: string; sql: string; settings: SquawkSettings }): SquawkSettings {
  let settings = c.settings;
  if (c.rule === 'prefer-repack' && !c.name.endsWith('_below_pg19_ok')) settings = { ...settings, pg_version: '19' };
  // squawk's per-file setting: this file is not run in a transaction, whatever assume_in_transaction says.
  if (/^\s*--\s*squawk-disable-assume-in-transaction\b/m.test(c.sql)) settings = { ...settings, assume_in_transaction: false };
  return settings;
}

function loadCases(): SquawkCase[] {
  const rows = readFileSync(join(CASES_DIR, 'index.tsv'), 'utf8').split('\n').slice(1).filter(Boolean);
  return rows.map((row) => {
    const [rule, name] = row.split('\t');
    const expected = JSON.parse(readFileSync(join(CASES_DIR, rule, `${name}.expected`), 'utf8')) as { outcome: string; settings: SquawkSettings };
    const sql = readFileSync(join(CASES_DIR, rule, `${name}.sql`), 'utf8');
    return { rule, name, sql, violation: expected.outcome !== 'none', settings: settingsOf({ rule, name, sql, settings: expected.settings }) };
  });
}

/** squawk rule → our rules that name it. */
function ourEquivalents(): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const r of allRules) for (const s of r.equivalents.squawk) map.set(s, [...(map.get(s) ?? []), r.id]);
  return map;
}

/** Our rules' findings on one case (ids only). */
function ourFindings(c: SquawkCase): Set<string> {
  const config: SafeMigrationsConfig = { ...DEFAULT_CONFIG, extends: 'strict' };
  if (c.settings.pg_version) config.postgresVersion = Number(c.settings.pg_version);
  const file = readMigrationText(`db/migrations/20240102000000_${c.name}.sql`, c.sql, { dialect: 'postgres' });
  for (const m of file.migrations) {
    m.transactional = c.settings.assume_in_transaction === true;
    m.transactionalReason = m.transactional ? 'the runner wraps the file in a transaction (squawk: assume_in_transaction)' : 'run as written (squawk\'s default)';
  }
  return new Set(runRules([{ ...file, text: c.sql }], config).map((f) => f.rule));
}

interface Tally { tp: number; fn: number; fp: number; tn: number; misses: string[]; extras: string[] }
const tally = (): Tally => ({ tp: 0, fn: 0, fp: 0, tn: 0, misses: [], extras: [] });
const pct = (n: number, d: number) => (d ? (100 * n / d).toFixed(1) : '100.0') + ' %';
const recallOf = (t: Tally) => (t.tp + t.fn ? t.tp / (t.tp + t.fn) : 1);
const precisionOf = (t: Tally) => (t.tp + t.fp ? t.tp / (t.tp + t.fp) : 1);

interface Conformance {
  perSquawkRule: Map<string, Tally>;
  all: Tally;
  withJudged: Tally;
  judged: string[];
  /** Judged disagreements where we now agree with squawk, or whose case does not exist: the list must be kept true. */
  stale: string[];
  covered: string[];
  skipped: Set<string>;
}

function measure(cases: SquawkCase[], equivalents: Map<string, string[]>): Conformance {
  const r: Conformance = { perSquawkRule: new Map(), all: tally(), withJudged: tally(), judged: [], stale: [], covered: [], skipped: new Set() };
  for (const c of cases) {
    const ours = equivalents.get(c.rule);
    if (!ours) { r.skipped.add(c.rule); continue; }
    const found = ourFindings(c);
    const key = `${c.rule}/${c.name}`;
    const reporting = ours.filter((id) => found.has(id));
    const label = `${key}: ${c.sql.trim().replace(/\s+/g, ' ').slice(0, 160)}${reporting.length ? ` → ${reporting.join(', ')}` : ''}`;
    const count = (t: Tally) => {
      if (c.violation) { if (reporting.length) t.tp++; else { t.fn++; t.misses.push(label); } }
      else if (reporting.length) { t.fp++; t.extras.push(label); }
      else t.tn++;
    };
    count(r.withJudged);
    const other = REPORTED_BY_OTHER_EQUIVALENT[key];
    if (other !== undefined) {
      const [otherRule, otherCase] = other.split('/');
      const shown = cases.find((o) => o.rule === otherRule && o.name === otherCase);
      assert.ok(shown?.violation && reporting.every((id) => equivalents.get(otherRule)?.includes(id)), `${key}: ${other} must be a violation case of a squawk rule ${reporting.join(', ')} names`);
      r.covered.push(`${key} → ${reporting.join(', ')}, as squawk's ${otherRule} (${other})`);
      continue;
    }
    const reason = JUDGED_DISAGREEMENTS[key];
    if (reason !== undefined) {
      if (c.violation === reporting.length > 0) r.stale.push(`${key}: we agree with squawk now`);
      r.judged.push(`${key} (squawk ${c.violation ? 'reports' : 'is silent'}, we ${reporting.length ? 'report' : 'are silent'}): ${reason}`);
      continue;
    }
    count(r.all);
    count(r.perSquawkRule.get(c.rule) ?? r.perSquawkRule.set(c.rule, tally()).get(c.rule)!);
  }
  const keys = new Set(cases.map((c) => `${c.rule}/${c.name}`));
  for (const key of [...Object.keys(JUDGED_DISAGREEMENTS), ...Object.keys(REPORTED_BY_OTHER_EQUIVALENT)]) if (!keys.has(key)) r.stale.push(`${key}: no such case`);
  return r;
}

const line = (name: string, t: Tally) => `${name.padEnd(45)} ${String(t.tp + t.fn + t.fp + t.tn).padStart(3)} cases  recall ${pct(t.tp, t.tp + t.fn).padStart(7)}  precision ${pct(t.tp, t.tp + t.fp).padStart(7)}`;

const CASES = loadCases();
const EQUIVALENTS = ourEquivalents();
let result: Conformance;
before(async () => {
  await engineReady();
  result = measure(CASES, EQUIVALENTS);
  if (process.env.SQUAWK_CONFORMANCE_VERBOSE) {
    const { perSquawkRule, all, judged, covered, skipped } = result;
    console.log([...[...perSquawkRule].sort(([a], [b]) => a.localeCompare(b)).map(([rule, t]) => line(rule, t)), line('all', all),
      'missed:', ...all.misses.map((m) => `  ${m}`), 'wrongly reported:', ...all.extras.map((m) => `  ${m}`),
      `judged disagreements (${judged.length}):`, ...judged.map((j) => `  ${j}`),
      `reported as another squawk rule our rule also stands for (${covered.length}):`, ...covered.map((j) => `  ${j}`),
      `skipped squawk rules: ${[...skipped].sort().join(', ')}`].join('\n'));
  }
});

// One test per squawk rule we name an equivalent of: ≥ 95 % recall and precision on its cases.
for (const rule of [...new Set(CASES.map((c) => c.rule))].filter((r) => EQUIVALENTS.has(r)).sort()) {
  test(`squawk conformance: ${rule} (as ${EQUIVALENTS.get(rule)!.join(', ')})`, () => {
    const t = result.perSquawkRule.get(rule) ?? tally();
    assert.ok(recallOf(t) >= 0.95 && precisionOf(t) >= 0.95,
      [line(rule, t), ...t.misses.map((m) => `  missed: ${m}`), ...t.extras.map((m) => `  wrongly reported: ${m}`)].join('\n'));
  });
}

test('squawk conformance overall: ≥ 95 % recall and precision', () => {
  const { all, withJudged, judged, stale, covered, skipped, perSquawkRule } = result;
  assert.deepEqual(stale, [], 'judged disagreements to remove');
  assert.ok(recallOf(all) >= 0.95 && precisionOf(all) >= 0.95, line('all', all));
  console.log(`squawk conformance: ${all.tp + all.fn + all.fp + all.tn} cases of ${perSquawkRule.size} squawk rules, recall ${pct(all.tp, all.tp + all.fn)}, precision ${pct(all.tp, all.tp + all.fp)}; `
    + `counting the ${judged.length} judged disagreements too: recall ${pct(withJudged.tp, withJudged.tp + withJudged.fn)}, precision ${pct(withJudged.tp, withJudged.tp + withJudged.fp)}; `
    + `${covered.length} cases reported as another of our rule's squawk equivalents; ${skipped.size} squawk rules skipped (no equivalent of ours)`);
});
