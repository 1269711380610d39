import type { Operation } from '../../model/migration';
import { defineRule, eq, type RuleContext, type RuleFinding } from '../rule';
import { findOn, isDdl, statementOf } from '../helpers';
import { fix, insertAfter } from '../fixes';
import { guardAdvice, q } from '../ormAdvice';

const GUARDABLE = new Set(['createTable', 'dropTable', 'createIndex', 'dropIndex', 'addColumn', 'dropColumn',
  'addForeignKey', 'addCheck', 'addUnique', 'addPrimaryKey', 'dropConstraint', 'dropForeignKey', 'renameColumn', 'renameTable']);
const ADDS_CONSTRAINT = new Set(['addForeignKey', 'addCheck', 'addUnique', 'addPrimaryKey']);

/** Where IF [NOT] EXISTS goes in the statement, per kind (PostgreSQL and MariaDB syntax). */
const GUARD_AT: Record<string, [RegExp, string]> = {
  createTable: [/\bCREATE\s+(TEMP(ORARY)?\s+|UNLOGGED\s+)?TABLE\b/i, ' IF NOT EXISTS'],
  dropTable: [/\bDROP\s+TABLE\b/i, ' IF EXISTS'],
  createIndex: [/\bCREATE\s+(UNIQUE\s+)?INDEX(\s+CONCURRENTLY)?\b/i, ' IF NOT EXISTS'],
  dropIndex: [/\bDROP\s+INDEX(\s+CONCURRENTLY)?\b/i, ' IF EXISTS'],
  addColumn: [/\bADD(\s+COLUMN)?\b(?!\s+(CONSTRAINT|INDEX|KEY|UNIQUE|PRIMARY|FOREIGN|CHECK))/i, ''],
  dropColumn: [/\bDROP(\s+COLUMN)?\b(?!\s+(CONSTRAINT|INDEX|KEY|PRIMARY|FOREIGN|CHECK))/i, ' IF EXISTS'],
  dropConstraint: [/\bDROP\s+CONSTRAINT\b/i, ' IF EXISTS'],
  dropForeignKey: [/\bDROP\s+(CONSTRAINT|FOREIGN\s+KEY)\b/i, ' IF EXISTS'],
};

function guardFix(ctx: RuleContext, op: Operation) {
  if (ctx.dialect === 'mysql' || (op.kind === 'createIndex' && op.concurrently) || !GUARD_AT[op.kind]) return [];
  const [at, text] = GUARD_AT[op.kind];
  const insert = op.kind === 'addColumn' ? (/\bADD\s+COLUMN\b/i.test(op.text) ? ' IF NOT EXISTS' : ' COLUMN IF NOT EXISTS') : text;
  return fix(`Add IF ${insert.includes('NOT') ? 'NOT ' : ''}EXISTS`, true, insertAfter(ctx, op, at, insert));
}

export default defineRule({
  id: 'missing-idempotency-guard',
  // Re-run safety is good practice, not a defect of this migration: a hint that carries the "Add guards" fixes.
  category: 'transactions', severity: 'hint', dialects: ['postgres', 'mysql', 'mariadb'], fixable: true,
  summary: 'CREATE/DROP of a table, index or column without IF [NOT] EXISTS (or a presence check) where a half-applied migration must be re-run.',
  why: 'Outside a transaction (PostgreSQL without one, CONCURRENTLY, every DDL on MySQL/MariaDB) a migration that fails half-way leaves its earlier steps applied. The re-run then fails on "already exists" / "does not exist" and someone has to fix production by hand.',
  safeAlternative: { text: 'PostgreSQL and MariaDB: IF [NOT] EXISTS. MySQL has no IF [NOT] EXISTS for columns and indexes: check information_schema (TypeORM `hasColumn`, Sequelize `describeTable`).', snippets: {
    sql: 'ALTER TABLE orders ADD COLUMN IF NOT EXISTS status text;\nCREATE INDEX IF NOT EXISTS orders_status_idx ON orders (status);',
    typeorm: "if (!(await queryRunner.hasColumn('orders', 'status'))) {\n  await queryRunner.addColumn('orders', new TableColumn({ name: 'status', type: 'varchar', isNullable: true }));\n}",
    sequelize: "const cols = await queryInterface.describeTable('orders');\nif (!cols.status) await queryInterface.addColumn('orders', 'status', Sequelize.STRING);",
  } },
  equivalents: eq({ squawk: ['prefer-robust-stmts'] }),
  examples: {
    postgres: { bad: 'CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);\nALTER TABLE orders ADD COLUMN note text;', good: 'ALTER TABLE orders ADD COLUMN IF NOT EXISTS note text;' },
    mariadb: { bad: 'ALTER TABLE orders ADD COLUMN status varchar(20);\nCREATE INDEX orders_status_idx ON orders (status);', good: 'ALTER TABLE orders ADD COLUMN IF NOT EXISTS status varchar(20);\nCREATE INDEX IF NOT EXISTS orders_status_idx ON orders (status);' },
    mysql: { bad: 'ALTER TABLE orders ADD COLUMN status varchar(20);\nCREATE INDEX orders_status_idx ON orders (status);', good: '-- one statement per migration, or guard through information_schema' },
  },
  check(ctx) {
    const mysqlLike = ctx.dialect === 'mysql' || ctx.dialect === 'mariadb';
    // A single DDL statement is atomic: the risk is a later one failing. Plain SQL files are judged like squawk does,
    // since the tool that runs them (and what it records after a failure) is unknown.
    const single = ctx.ops.filter(isDdl).length < 2;
    if (single && (mysqlLike || (ctx.orm !== 'sql' && !ctx.ops.some((o) => o.concurrently)))) return [];
    const droppedFirst = new Set<string>();
    const unguarded = ctx.ops.filter((op) => {
      if (op.kind === 'dropConstraint' || op.kind === 'dropForeignKey' || op.kind === 'dropIndex') if ((op.ifExists || op.guarded) && (op.constraint ?? op.index)) droppedFirst.add((op.constraint ?? op.index)!.toLowerCase());
      // ALTER TABLE IF EXISTS guards the table, not the column or constraint it changes.
      const guarded = op.ifExists || op.ifNotExists || (op.guarded && !(op.details?.tableIfExists && op.kind !== 'dropTable'));
      const dropsType = op.kind === 'rawSql' && /^\s*DROP\s+TYPE\b(?!\s+IF\s+EXISTS)/i.test(op.text);
      if (!(GUARDABLE.has(op.kind) || dropsType || /\bDETACH\s+PARTITION\b/i.test(op.text)) || guarded) return false;
      // An unnamed index is created again on a re-run (under a new name) instead of failing.
      if (op.kind === 'createIndex' && !op.index) return false;
      if (ADDS_CONSTRAINT.has(op.kind) && op.constraint && droppedFirst.has(op.constraint.toLowerCase())) return false;
      if (ADDS_CONSTRAINT.has(op.kind) && ctx.isTableCreatedEarlier(op)) return false;
      // CONCURRENTLY never runs in a transaction, whatever surrounds it.
      // Prisma sends migration.sql as one script: PostgreSQL runs it as one implicit transaction.
      const scriptTransaction = ctx.orm === 'prisma' && ctx.dialect === 'postgres';
      return mysqlLike || op.concurrently || !(ctx.inTransaction(op) || scriptTransaction);
    });
    // Nothing after the last step can fail, so only unguarded steps followed by another step leave a half-applied state.
    // The actions of one statement (or one ORM call) are one step: a single ALTER with several clauses is atomic.
    const steps = ctx.ops.filter((o) => o.kind !== 'setting' && o.kind !== 'transactionControl');
    const last = steps.length ? statementOf(steps[steps.length - 1]) : -1;
    const atRisk = unguarded.filter((op) => statementOf(op) !== last);
    if (atRisk.length === 0) return [];
    // One finding per migration, on its first unguarded step: the advice is the same for all of them.
    const [first] = atRisk;
    const finding = describeUnguarded(ctx, first, mysqlLike);
    const others = atRisk.slice(1);
    if (others.length) finding.message += ` ${others.length} more step${others.length > 1 ? 's' : ''} of this migration ${others.length > 1 ? 'are' : 'is'} unguarded too (${others.slice(0, 4).map(targetOf).join(', ')}${others.length > 4 ? ', …' : ''}).`;
    const edits = atRisk.filter((op) => op.via === 'sql').flatMap((op) => guardFix(ctx, op).flatMap((f) => f.edits));
    // A fix that leaves some of the steps unguarded would not resolve the finding (the editor's "Add idempotency guards" goes further).
    finding.fixes = edits.length === atRisk.length ? [{ title: `Add IF [NOT] EXISTS to the ${edits.length > 1 ? `${edits.length} unguarded statements` : 'unguarded statement'}`, safe: true, edits }] : [];
    return [finding];
  },
});

const targetOf = (op: Operation) => `${op.kind} ${q(op.index ?? op.constraint ?? (op.column ? `${op.table}.${op.column}` : op.table))}`;

/** The finding for one unguarded step, with the dialect's way to guard it. */
function describeUnguarded(ctx: RuleContext, op: Operation, mysqlLike: boolean): RuleFinding {
  const why = mysqlLike ? `each DDL statement commits on its own on ${ctx.dialect === 'mariadb' ? 'MariaDB' : 'MySQL'}` : 'this runs outside a transaction';
  const target = op.index ?? op.constraint ?? (op.column ? `${op.table}.${op.column}` : op.table);
  const advice = guardAdvice(ctx.migration, ctx.dialect, op);
  const how = op.kind === 'createIndex' && op.concurrently ? `Run DROP INDEX CONCURRENTLY IF EXISTS ${op.index ?? '<name>'} first (IF NOT EXISTS would keep an INVALID index)`
    : ADDS_CONSTRAINT.has(op.kind) ? `Drop it first with DROP CONSTRAINT IF EXISTS ${op.constraint ?? '<name>'}, or check ${mysqlLike ? 'information_schema.TABLE_CONSTRAINTS' : 'pg_constraint'}`
    : op.kind === 'renameColumn' || op.kind === 'renameTable' ? `Check that the old name still exists (${mysqlLike ? 'information_schema' : 'information_schema / to_regclass'}) before renaming`
    : advice[0].toUpperCase() + advice.slice(1);
  return findOn(op, `${op.kind} ${q(target)} is not guarded and ${why}: if the migration fails after it, the re-run fails here. ${how}.`);
}
