import type { Operation } from '../../model/migration';
import { defineRule, eq } from '../rule';
import { columnAddedEarlier, findOn, onExistingTable } from '../helpers';
import { q } from '../ormAdvice';

export default defineRule({
  id: 'add-unique-on-existing-data',
  category: 'compatibility', severity: 'info', dialects: ['postgres', 'mysql', 'mariadb'],
  summary: 'A unique index or constraint on existing data fails if duplicates exist.',
  why: 'Whether it succeeds depends on production data, not on the migration: the build fails at deploy time on the first duplicate (and a failed CONCURRENTLY build leaves an INVALID index).',
  safeAlternative: { text: 'Check for duplicates first (and deduplicate in a separate data migration).', snippets: { sql: 'SELECT email, count(*) FROM accounts GROUP BY email HAVING count(*) > 1;' } },
  equivalents: eq({ atlas: ['MF101', 'MF102'] }),
  examples: { postgres: { bad: 'CREATE UNIQUE INDEX CONCURRENTLY accounts_email_key ON accounts (email);', good: '-- after checking: SELECT email FROM accounts GROUP BY email HAVING count(*) > 1;' } },
  check(ctx) {
    // A column added just before without a default (and not backfilled since) holds only NULLs, and NULLs never collide.
    const backfilled = (op: Operation) => ctx.ops.slice(0, ctx.ops.indexOf(op)).some((o) => o.kind === 'update' && (o.table ?? '').toLowerCase() === (op.table ?? '').toLowerCase());
    const onNewNullColumn = (op: Operation) => !backfilled(op) && (op.columns ?? []).some((c) => {
      const added = columnAddedEarlier(ctx, op.table, c, op);
      return !!added && added.columnSpec?.default === undefined;
    });
    return ctx.ops.filter((op) => ((op.kind === 'createIndex' && op.unique) || op.kind === 'addUnique') && onExistingTable(ctx, op) && !onNewNullColumn(op)).map((op) => findOn(op,
      `Unique ${op.kind === 'addUnique' ? 'constraint' : 'index'} on existing data in ${q(op.table)}${op.columns?.length ? ` (${op.columns.join(', ')})` : ''}: the migration fails on the first duplicate. Check for duplicates before deploying.`));
  },
});
