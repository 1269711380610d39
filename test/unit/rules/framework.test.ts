// The runner around the rules: ignore comments, config overrides, small tables, the recentlyCreated window, fixes.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding, FixEdit } from '../../../server/src/model/finding';
import { allRules, baselineIndex, rulesMetadata, rulesSchema, runRules } from '../../../server/src/rules';
import { DEFAULT_CONFIG } from '../../../server/src/config/types';
import { engineReady, findingsFor, readFile, SQL_PATH, TYPEORM_PATH } from './harness';

function applyEdits(text: string, edits: FixEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}
const rules = (fs: Finding[]) => fs.map((f) => f.rule);

describe('rule runner', () => {
  before(engineReady);

  test('safe-migrations-ignore on the line above silences that rule only', () => {
    const text = '-- safe-migrations-ignore index-create-not-concurrent\nCREATE INDEX orders_account_idx ON orders (account_id);\nALTER TABLE orders ADD COLUMN flag boolean;';
    const r = rules(findingsFor({ text, dialect: 'postgres' }).findings);
    assert.ok(!r.includes('index-create-not-concurrent'));
    assert.ok(r.includes('missing-idempotency-guard'));
  });

  test('safe-migrations-ignore on the same line, several rules, // form in TypeScript', () => {
    const text = "import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class Change1700000000001 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query('ALTER TABLE orders DROP COLUMN note'); // safe-migrations-ignore drop-column, irreversible-without-checkpoint\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query('ALTER TABLE orders ADD COLUMN note varchar(20)');\n  }\n}\n";
    const r = rules(findingsFor({ text, dialect: 'postgres', path: TYPEORM_PATH }).findings);
    assert.ok(!r.includes('drop-column') && !r.includes('irreversible-without-checkpoint'), r.join());
    assert.ok(r.includes('missing-lock-timeout'));
  });

  test('safe-migrations-ignore-file anywhere silences the rule in the whole file', () => {
    const text = 'CREATE INDEX a_idx ON orders (account_id);\nCREATE INDEX b_idx ON orders (total);\n-- safe-migrations-ignore-file index-create-not-concurrent';
    assert.ok(!rules(findingsFor({ text, dialect: 'postgres' }).findings).includes('index-create-not-concurrent'));
  });

  test('config: severity override and off', () => {
    const text = 'CREATE INDEX orders_account_idx ON orders (account_id);';
    const errs = findingsFor({ text, dialect: 'postgres', config: { rules: { 'index-create-not-concurrent': 'error', 'missing-lock-timeout': 'off' } } }).findings;
    assert.equal(errs.find((f) => f.rule === 'index-create-not-concurrent')?.severity, 'error');
    assert.ok(!rules(errs).includes('missing-lock-timeout'));
  });

  test('smallTables lowers lock findings to info, not data-loss findings', () => {
    const text = 'CREATE INDEX orders_account_idx ON orders (account_id);\nALTER TABLE orders DROP COLUMN note;';
    const fs = findingsFor({ text, dialect: 'postgres', config: { smallTables: ['orders'] } }).findings;
    assert.equal(fs.find((f) => f.rule === 'index-create-not-concurrent')?.severity, 'info');
    assert.equal(fs.find((f) => f.rule === 'drop-column')?.severity, 'warning');
  });

  test('recentlyCreated: a table created by an unshipped earlier migration needs no lock warning', () => {
    const earlier = [{ path: 'db/migrations/20240101500000_items.sql', text: 'CREATE TABLE items (id bigint PRIMARY KEY, sku text);' }];
    const text = 'CREATE INDEX items_sku_idx ON items (sku);';
    assert.ok(rules(findingsFor({ text, dialect: 'postgres', earlier, config: { recentlyCreated: 1 } }).findings).includes('index-create-not-concurrent'));
    assert.ok(!rules(findingsFor({ text, dialect: 'postgres', earlier, config: { recentlyCreated: 2 } }).findings).includes('index-create-not-concurrent'));
  });

  test('findings carry the statement range, the migration and the phase', () => {
    const text = "SELECT 1;\n\nCREATE INDEX orders_account_idx ON orders (account_id);";
    const f = findingsFor({ text, dialect: 'postgres' }).findings.find((x) => x.rule === 'index-create-not-concurrent')!;
    assert.equal(text.slice(f.offset.start, f.offset.end), 'CREATE INDEX orders_account_idx ON orders (account_id)');
    assert.deepEqual(f.range.start, { line: 2, character: 0 });
    assert.equal(f.phase, 'up');
    assert.equal(f.migration, '20240102000000_change');
  });

  const fixCases: { name: string; rule: string; text: string; path?: string; dialect?: 'postgres' | 'mariadb'; expectText: RegExp; safe: boolean }[] = [
    { name: 'CONCURRENTLY', rule: 'index-create-not-concurrent', text: 'CREATE INDEX orders_account_idx ON orders (account_id);', expectText: /CREATE INDEX CONCURRENTLY orders_account_idx/, safe: false },
    { name: 'DROP INDEX CONCURRENTLY', rule: 'index-drop-not-concurrent', text: 'DROP INDEX orders_account_idx;', expectText: /DROP INDEX CONCURRENTLY orders_account_idx/, safe: false },
    { name: 'NOT VALID on a foreign key', rule: 'fk-without-not-valid', text: 'ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id);', expectText: /REFERENCES accounts \(id\) NOT VALID;/, safe: false },
    { name: 'NOT VALID on a check', rule: 'check-without-not-valid', text: 'ALTER TABLE orders ADD CONSTRAINT c CHECK (total >= 0);', expectText: /CHECK \(total >= 0\) NOT VALID;/, safe: false },
    { name: 'jsonb', rule: 'prefer-jsonb', text: 'ALTER TABLE orders ADD COLUMN payload json;', expectText: /payload jsonb;/, safe: false },
    { name: 'timestamptz', rule: 'prefer-timestamptz', text: 'CREATE TABLE events (id bigint PRIMARY KEY, at timestamp(3) NOT NULL);', expectText: /at timestamptz\(3\) NOT NULL/, safe: false },
    { name: 'lock_timeout', rule: 'missing-lock-timeout', text: 'ALTER TABLE orders ADD COLUMN flag boolean;', expectText: /^SET lock_timeout = '2s';\nALTER TABLE/, safe: false },
    { name: 'lock_timeout in a TypeORM up', rule: 'missing-lock-timeout', path: TYPEORM_PATH, text: "import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class Change1700000000001 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query('ALTER TABLE orders ADD COLUMN flag boolean');\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query('ALTER TABLE orders DROP COLUMN flag');\n  }\n}\n", expectText: /Promise<void> \{\n {4}await queryRunner\.query\("SET lock_timeout = '2s'"\);\n {4}await queryRunner\.query\('ALTER TABLE/, safe: false },
    { name: 'lock_wait_timeout in a Sequelize up (MariaDB)', rule: 'missing-lock-timeout', dialect: 'mariadb', path: 'migrations/20240102000000-flag.js', text: "module.exports = {\n  up: async (qi, Sequelize) => {\n    await qi.addColumn('orders', 'flag', Sequelize.BOOLEAN);\n  },\n  down: async (qi) => {\n    await qi.removeColumn('orders', 'flag');\n  },\n};\n", expectText: /=> \{\n {4}await qi\.sequelize\.query\("SET SESSION lock_wait_timeout = 5"\);\n/, safe: false },
    { name: 'IF NOT EXISTS on ADD COLUMN', rule: 'missing-idempotency-guard', text: 'ALTER TABLE orders ADD COLUMN flag boolean;\nALTER TABLE orders ADD COLUMN note2 text;', expectText: /ADD COLUMN IF NOT EXISTS flag/, safe: true },
    { name: 'IF EXISTS on DROP TABLE', rule: 'missing-idempotency-guard', text: 'DROP TABLE legacy;\nDROP TABLE legacy2;', expectText: /DROP TABLE IF EXISTS legacy;\nDROP TABLE legacy2/, safe: true },
    { name: 'MariaDB IF NOT EXISTS on ADD COLUMN', rule: 'missing-idempotency-guard', dialect: 'mariadb', text: 'ALTER TABLE orders ADD COLUMN flag int;\nCREATE INDEX orders_flag_idx ON orders (flag);', expectText: /ADD COLUMN IF NOT EXISTS flag int;\nCREATE INDEX orders_flag_idx/, safe: true },
  ];
  for (const c of fixCases) {
    test(`fix removes its finding: ${c.name}`, () => {
      const dialect = c.dialect ?? 'postgres';
      const before = findingsFor({ text: c.text, dialect, path: c.path }).findings.filter((f) => f.rule === c.rule);
      const fix = before.flatMap((f) => f.fixes ?? [])[0];
      assert.ok(fix, `a fix is offered for ${c.rule}`);
      assert.equal(fix.safe, c.safe);
      const fixed = applyEdits(c.text, fix.edits);
      assert.match(fixed, c.expectText);
      const after = findingsFor({ text: fixed, dialect, path: c.path }).findings.filter((f) => f.rule === c.rule);
      assert.ok(after.length < before.length, `${c.rule} gone after the fix:\n${fixed}\n${after.map((f) => f.message).join('\n')}`);
    });
  }

  test('Prisma: CONCURRENTLY moves to a migration of its own', () => {
    const text = 'ALTER TABLE "orders" ADD COLUMN "x" TEXT;\nCREATE INDEX CONCURRENTLY "orders_x_idx" ON "orders" ("x");\n';
    const path = 'prisma/migrations/20240102000000_idx/migration.sql';
    const f = findingsFor({ text, dialect: 'postgres', path }).findings.find((x) => x.rule === 'concurrently-in-transaction')!;
    const fix = f.fixes![0];
    assert.equal(applyEdits(text, fix.edits), 'ALTER TABLE "orders" ADD COLUMN "x" TEXT;\n');
    assert.deepEqual(fix.createFiles, [{ path: '../20240102000001_orders_x_idx_concurrently/migration.sql', text: 'CREATE INDEX CONCURRENTLY "orders_x_idx" ON "orders" ("x");\n' }]);
    const left = findingsFor({ text: applyEdits(text, fix.edits), dialect: 'postgres', path }).findings;
    const moved = findingsFor({ text: fix.createFiles![0].text, dialect: 'postgres', path: 'prisma/migrations/20240102000001_orders_x_idx_concurrently/migration.sql' }).findings;
    assert.ok(![...left, ...moved].some((x) => x.rule === 'concurrently-in-transaction'));
  });

  test('NOT VALID fix creates the VALIDATE migration right after, in the same ORM', () => {
    const sql = findingsFor({ text: 'ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);', dialect: 'postgres' }).findings.find((x) => x.rule === 'check-without-not-valid')!;
    assert.deepEqual(sql.fixes![0].createFiles, [{ path: '20240102000001_validate_orders_total_check.sql', text: 'ALTER TABLE orders VALIDATE CONSTRAINT orders_total_check;\n' }]);
    const text = "import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class Change1700000000001 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`ALTER TABLE \"user\" ADD CONSTRAINT \"FK_post_user\" FOREIGN KEY (\"userId\") REFERENCES \"account\"(\"id\")`);\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`ALTER TABLE \"user\" DROP CONSTRAINT \"FK_post_user\"`);\n  }\n}\n";
    const ts = findingsFor({ text, dialect: 'postgres', path: TYPEORM_PATH }).findings.find((x) => x.rule === 'fk-without-not-valid')!;
    const created = ts.fixes![0].createFiles![0];
    assert.equal(created.path, '1700000000002-ValidateFKPostUser.ts');
    assert.match(created.text, /export class ValidateFKPostUser1700000000002 implements MigrationInterface/);
    assert.match(created.text, /ALTER TABLE "user" VALIDATE CONSTRAINT "FK_post_user"/);
    const follow = findingsFor({ text: created.text, dialect: 'postgres', path: 'src/migrations/' + created.path });
    assert.deepEqual(follow.file.problems.filter((p) => p.severity === 'error'), []);
    assert.equal(follow.file.migrations[0].up[0].kind, 'validateConstraint');
  });

  test('Sequelize addIndex: the fix adds concurrently: true to the call', () => {
    const text = "module.exports = {\n  async up(queryInterface) {\n    await queryInterface.addIndex('orders', ['account_id']);\n    await queryInterface.addIndex('orders', ['total'], { name: 'orders_total_idx' });\n  },\n  async down(queryInterface) {\n    await queryInterface.removeIndex('orders', 'orders_total_idx');\n    await queryInterface.removeIndex('orders', ['account_id']);\n  },\n};\n";
    const path = 'migrations/20240102000000-idx.js';
    const found = findingsFor({ text, dialect: 'postgres', path }).findings.filter((x) => x.rule === 'index-create-not-concurrent');
    assert.equal(found.length, 2);
    assert.match(found[0].message, /concurrently: true/);
    const fixed = applyEdits(text, found.flatMap((f) => f.fixes![0].edits));
    assert.match(fixed, /addIndex\('orders', \['account_id'\], \{ concurrently: true \}\)/);
    assert.match(fixed, /addIndex\('orders', \['total'\], \{ concurrently: true, name: 'orders_total_idx' \}\)/);
    assert.ok(!findingsFor({ text: fixed, dialect: 'postgres', path }).findings.some((x) => x.rule === 'index-create-not-concurrent'));
  });
});

describe('rule metadata', () => {
  test('at least 45 rules, unique kebab-case ids, complete metadata', () => {
    assert.ok(allRules.length >= 45, `${allRules.length} rules`);
    assert.equal(new Set(allRules.map((r) => r.id)).size, allRules.length);
    for (const r of allRules) {
      assert.match(r.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(r.summary && r.why && r.safeAlternative.text, r.id);
      assert.deepEqual(Object.keys(r.equivalents).sort(), ['atlas', 'eugene', 'squawk', 'strong_migrations'], r.id);
      assert.ok(Object.keys(r.examples).length > 0, `${r.id} has examples`);
      for (const d of Object.keys(r.examples)) assert.ok(r.dialects.includes(d as never), `${r.id} example dialect ${d}`);
    }
  });

  test('rulesSchema lists every rule with its default severity', () => {
    const schema = rulesSchema();
    assert.deepEqual(Object.keys(schema.properties).sort(), allRules.map((r) => r.id).sort());
    assert.equal(schema.properties['drop-column'].default, 'warning');
    assert.deepEqual(schema.properties['drop-column'].enum, ['error', 'warning', 'info', 'hint', 'off']);
  });

  test('rulesMetadata is what `rules --format json` prints', () => {
    const meta = rulesMetadata();
    assert.equal(meta.length, allRules.length);
    const one = meta.find((m) => m.id === 'index-create-not-concurrent')!;
    assert.deepEqual(one.equivalents.squawk, ['require-concurrent-index-creation']);
    assert.equal(one.docs, 'docs/rules/index-create-not-concurrent.md');
    assert.equal(typeof one.safeAlternative, 'string');
    assert.ok(one.snippets.sql);
    assert.doesNotThrow(() => JSON.stringify({ rules: meta }));
  });
});
void SQL_PATH;

describe('runRules over a folder', () => {
  before(engineReady);
  test('onlyPaths reports one file while the others stay context', () => {
    const a = readFile('db/migrations/20240101000000_a.sql', 'CREATE TABLE items (id bigint PRIMARY KEY, sku text);\nCREATE INDEX orders_x ON orders (x);', 'postgres');
    const b = readFile('db/migrations/20240102000000_b.sql', 'CREATE INDEX items_sku_idx ON items (sku);\nCREATE INDEX orders_y ON orders (y);', 'postgres');
    const all = runRules([a, b], { ...DEFAULT_CONFIG, recentlyCreated: 2 });
    const onlyB = runRules([a, b], { ...DEFAULT_CONFIG, recentlyCreated: 2 }, undefined, [b.path]);
    assert.ok(all.some((f) => f.path === a.path));
    assert.deepEqual(onlyB, all.filter((f) => f.path === b.path));
    const idx = onlyB.filter((f) => f.rule === 'index-create-not-concurrent');
    assert.equal(idx.length, 1, 'items was created by a recent migration: only orders_y is reported');
    assert.match(idx[0].message, /orders_y/);
    assert.ok(onlyB.every((f, i) => i === 0 || f.offset.start >= onlyB[i - 1].offset.start), 'sorted by position');
  });
});

describe('rule sets and the baseline', () => {
  before(engineReady);
  const sql = 'ALTER TABLE orders ADD COLUMN placed_at timestamp;\nCREATE INDEX orders_placed_idx ON orders (placed_at);';
  const rulesOf = (config: Partial<typeof DEFAULT_CONFIG>) => {
    const init = readFile('db/migrations/20240101000000_init.sql', 'CREATE TABLE orders (id bigint PRIMARY KEY);', 'postgres');
    const change = readFile('db/migrations/20240102000000_change.sql', sql, 'postgres');
    return runRules([init, change], { ...DEFAULT_CONFIG, recentlyCreated: 0, ...config }).map((f) => `${f.path?.slice(-25)}:${f.rule}`);
  };

  test('recommended (the default) leaves the style rules out; strict adds them; an explicit severity turns one on', () => {
    const recommended = rulesOf({});
    assert.ok(recommended.some((r) => r.endsWith('index-create-not-concurrent')));
    assert.ok(!recommended.some((r) => r.endsWith('prefer-timestamptz')), recommended.join('\n'));
    assert.ok(rulesOf({ extends: 'strict' }).some((r) => r.endsWith('prefer-timestamptz')));
    assert.ok(rulesOf({ rules: { 'prefer-timestamptz': 'warning' } }).some((r) => r.endsWith('prefer-timestamptz')));
    assert.ok(!rulesOf({ extends: 'strict', rules: { 'prefer-timestamptz': 'off' } }).some((r) => r.endsWith('prefer-timestamptz')));
    for (const id of ['prefer-bigint', 'prefer-bigint-ids', 'prefer-timestamptz', 'prefer-identity', 'prefer-text-field', 'ban-char-type', 'missing-statement-timeout', 'uninspectable-sql']) {
      assert.equal(allRules.find((r) => r.id === id)?.set, 'strict', id);
    }
  });

  test('startAfter: migrations at or before it are context, never reported', () => {
    const both = (startAfter?: string) => rulesOf({ startAfter }).filter((r) => r.includes('20240102000000_change'));
    assert.ok(both().length > 0);
    assert.deepEqual(both('20240102000000'), [], 'the timestamp itself is baselined');
    assert.deepEqual(both('20240102000000_change'), [], 'a Prisma-style folder name works too');
    assert.ok(both('20240101000000').length > 0, 'an earlier baseline leaves the change reported');
  });

  test('baselineIndex compares epoch-millisecond and calendar timestamps, and matches names', () => {
    const ms = (iso: string) => String(Date.parse(iso));
    const history = [{ name: 'Init' + ms('2024-01-01T00:00:00Z'), timestamp: ms('2024-01-01T00:00:00Z') }, { name: 'AddUsers', timestamp: ms('2024-03-01T00:00:00Z') }, { name: 'Later', timestamp: ms('2024-06-01T00:00:00Z') }];
    assert.equal(baselineIndex(history, '20240301000000'), 1);
    assert.equal(baselineIndex(history, ms('2024-02-01T00:00:00Z')), 0);
    assert.equal(baselineIndex(history, 'AddUsers'), 1);
    assert.equal(baselineIndex(history, 'NoSuchMigration'), -1);
    assert.equal(baselineIndex(history, undefined), -1);
  });
});
