import type { Operation } from '../../model/migration';
import { defineRule, eq, type RuleContext } from '../rule';
import { colName, findOn, onExistingTable } from '../helpers';
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
  return [...checks].some((c) => validated.has(c));
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
    return ctx.ops.filter((op) => op.kind === 'setNotNull' && onExistingTable(ctx, op) && !(ctx.versionAtLeast('12') && hasNotNullCheck(ctx, op))).map((op) => findOn(op,
      `SET NOT NULL on ${q(op.table)}.${q(colName(op))} scans every row under an ACCESS EXCLUSIVE lock (no reads or writes) and fails if any row is NULL. ${ctx.versionAtLeast('12') ? 'Add CHECK (' + colName(op) + ' IS NOT NULL) NOT VALID, validate it in a later migration, then SET NOT NULL without a scan.' : 'Backfill first and run it in a quiet window.'}`));
  },
});
