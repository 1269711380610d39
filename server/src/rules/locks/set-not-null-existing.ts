import type { Operation } from '../../model/migration';
import { defineRule, eq, type RuleContext } from '../rule';
import { colName, findOn, firstOfEachStatement, onExistingTable } from '../helpers';
import { q } from '../ormAdvice';

/** A validated CHECK (col IS NOT NULL) earlier in the file set lets PostgreSQL 12+ skip the scan. */
function hasNotNullCheck(ctx: RuleContext, op: Operation): boolean {
  const col = new RegExp(`\\b"?${colName(op).replace(/[^\w]/g, '')}"?\\s+IS\\s+NOT\\s+NULL\\b`, 'i');
  const checks = new Set<string>();
  const validated = new Set<string>();
  for (const f of ctx.files) for (const m of f.migrations) for (const o of m.up) {
    if (o.kind === 'addCheck' && o.table === op.table && col.test(o.expression ?? o.text)) {
      if (!o.notValid) return true;
      if (o.constraint) checks.add(o.constraint.toLowerCase());
    }
    if (o.kind === 'validateConstraint' && o.constraint) validated.add(o.constraint.toLowerCase());
  }
  if ([...checks].some((c) => validated.has(c))) return true;
  return validatedUnseenCheck(ctx, op);
}

const DEFINES_CONSTRAINT = new Set<Operation['kind']>(['addCheck', 'addForeignKey', 'addUnique', 'addPrimaryKey']);

/**
 * The recipe's last step, when the CHECK was added by a migration outside the file set: this phase validates a
 * constraint of the table, named after the column, that no migration we can read defines, before SET NOT NULL.
 */
function validatedUnseenCheck(ctx: RuleContext, op: Operation): boolean {
  const table = (op.table ?? '').toLowerCase(), column = colName(op).toLowerCase();
  const defined = new Set<string>();
  for (const f of ctx.files) for (const m of f.migrations) for (const o of m.up) if (o.constraint && DEFINES_CONSTRAINT.has(o.kind)) defined.add(o.constraint.toLowerCase());
  for (const o of ctx.ops) {
    if (o === op) return false;
    const name = o.constraint?.toLowerCase();
    if (o.kind === 'validateConstraint' && name && (o.table ?? '').toLowerCase() === table && name.includes(column) && !defined.has(name)) return true;
  }
  return false;
}

export default defineRule({
  id: 'set-not-null-existing',
  category: 'locks', severity: 'warning', dialects: ['postgres'], lockRule: true,
  summary: 'SET NOT NULL on an existing table scans every row under an ACCESS EXCLUSIVE lock.',
  why: 'PostgreSQL has to prove no row is NULL, and does it while holding ACCESS EXCLUSIVE: no reads or writes for the whole scan. It also fails outright if a NULL exists.',
  safeAlternative: {
    text: 'PostgreSQL 12+: add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it in a later migration, then SET NOT NULL (no scan: the validated check proves it) and drop the check.',
    snippets: { sql: "ALTER TABLE orders ADD CONSTRAINT orders_total_not_null CHECK (total IS NOT NULL) NOT VALID;\n-- next migration:\nALTER TABLE orders VALIDATE CONSTRAINT orders_total_not_null;\nALTER TABLE orders ALTER COLUMN total SET NOT NULL;\nALTER TABLE orders DROP CONSTRAINT orders_total_not_null;" },
  },
  equivalents: eq({ squawk: ['adding-not-nullable-field'], strong_migrations: ['change_column_null'], atlas: ['PG303'], eugene: ['E2'] }),
  examples: { postgres: { bad: 'ALTER TABLE orders ALTER COLUMN total SET NOT NULL;', good: 'ALTER TABLE orders ADD CONSTRAINT orders_total_not_null CHECK (total IS NOT NULL) NOT VALID;' } },
  check(ctx) {
    // One ALTER statement scans its table once, however many columns it sets NOT NULL: one finding per statement.
    const once = firstOfEachStatement();
    return ctx.ops.filter((op) => op.kind === 'setNotNull' && onExistingTable(ctx, op) && !(ctx.versionAtLeast('12') && hasNotNullCheck(ctx, op)) && once(op)).map((op) => findOn(op,
      `SET NOT NULL on ${q(op.table)}.${q(colName(op))} scans every row under an ACCESS EXCLUSIVE lock (no reads or writes) and fails if any row is NULL. ${ctx.versionAtLeast('12') ? 'Add CHECK (' + colName(op) + ' IS NOT NULL) NOT VALID, validate it in a later migration, then SET NOT NULL without a scan.' : 'Backfill first and run it in a quiet window.'}`));
  },
});
