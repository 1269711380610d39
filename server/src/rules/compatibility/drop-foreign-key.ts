import type { Operation } from '../../model/migration';
import { defineRule, eq } from '../rule';
import { findOn, onExistingTable } from '../helpers';
import { q } from '../ormAdvice';

export default defineRule({
  id: 'drop-foreign-key',
  category: 'compatibility', severity: 'info', dialects: ['postgres', 'mysql', 'mariadb'],
  summary: 'Dropping a foreign key silently removes an integrity guarantee.',
  why: 'Orphan rows can appear from the moment it is gone, and re-adding it later needs a full validation (and fails if orphans were written).',
  safeAlternative: { text: 'Confirm the intent; if it is temporary, re-add it NOT VALID and validate separately.', snippets: {} },
  equivalents: eq({ atlas: ['CD101'] }),
  examples: { postgres: { bad: 'ALTER TABLE orders DROP CONSTRAINT orders_account_fk;', good: '-- intended: safe-migrations-ignore drop-foreign-key' } },
  check(ctx) {
    const fkNames = new Set(ctx.files.flatMap((f) => f.migrations.flatMap((m) => m.up)).filter((o) => o.kind === 'addForeignKey' && o.constraint).map((o) => o.constraint!.toLowerCase()));
    const isFk = (op: Operation) => op.kind === 'dropForeignKey'
      || (op.kind === 'dropConstraint' && !!op.constraint && (fkNames.has(op.constraint.toLowerCase()) || /(_fkey|_fk|^fk_)/i.test(op.constraint)));
    return ctx.ops.filter((op) => isFk(op) && onExistingTable(ctx, op)).map((op) => findOn(op,
      `Dropping foreign key ${q(op.constraint)} on ${q(op.table)} lets orphan rows in, and re-adding it later validates every row (and fails on orphans).`));
  },
});
