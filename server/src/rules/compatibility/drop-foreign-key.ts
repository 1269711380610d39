import type { Operation } from '../../model/migration';
import { defineRule, eq } from '../rule';
import { findOn, onExistingTable } from '../helpers';
import { q } from '../ormAdvice';

export default defineRule({
  id: 'drop-foreign-key',
  category: 'compatibility', set: 'strict', severity: 'info', dialects: ['postgres', 'mysql', 'mariadb'],
  summary: 'Dropping a foreign key silently removes an integrity guarantee.',
  why: 'Orphan rows can appear from the moment it is gone, and re-adding it later needs a full validation (and fails if orphans were written).',
  safeAlternative: { text: 'Confirm the intent; if it is temporary, re-add it NOT VALID and validate separately.', snippets: {} },
  equivalents: eq({ atlas: ['CD101'] }),
  examples: { postgres: { bad: 'ALTER TABLE orders DROP CONSTRAINT orders_account_fk;', good: '-- intended: safe-migrations-ignore drop-foreign-key' } },
  check(ctx) {
    const fkNames = new Set(ctx.files.flatMap((f) => f.migrations.flatMap((m) => m.up)).filter((o) => o.kind === 'addForeignKey' && o.constraint).map((o) => o.constraint!.toLowerCase()));
    const isFk = (op: Operation) => op.kind === 'dropForeignKey'
      || (op.kind === 'dropConstraint' && !!op.constraint && (fkNames.has(op.constraint.toLowerCase()) || /(_fkey|_fk|^fk_)/i.test(op.constraint)));
    const same = (a?: string, b?: string) => !!a && !!b && a.toLowerCase() === b.toLowerCase();
    // Re-added in the same phase (an ON DELETE change, a rename), or gone with its column/table anyway: no guarantee is lost.
    const readded = (op: Operation) => ctx.ops.some((o) => o.kind === 'addForeignKey' && same(o.table, op.table)
      && (same(o.constraint, op.constraint) || (!!o.columns && !!op.columns && o.columns.join(',').toLowerCase() === op.columns.join(',').toLowerCase())));
    const goesAnyway = (op: Operation) => ctx.ops.some((o) => same(o.table, op.table) && (o.kind === 'dropTable'
      || (o.kind === 'dropColumn' && !!op.columns?.some((c) => same(c, o.column)))));
    return ctx.ops.filter((op) => isFk(op) && onExistingTable(ctx, op) && !readded(op) && !goesAnyway(op)).map((op) => findOn(op,
      `Dropping foreign key ${q(op.constraint)} on ${q(op.table)} lets orphan rows in, and re-adding it later validates every row (and fails on orphans).`));
  },
});
