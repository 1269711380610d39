import { defineRule, eq } from '../rule';
import { findOn } from '../helpers';
import { q } from '../ormAdvice';

export default defineRule({
  id: 'dml-without-where',
  category: 'compatibility', severity: 'warning', dialects: ['postgres', 'mysql', 'mariadb'],
  summary: 'UPDATE or DELETE without WHERE touches every row in one statement.',
  why: 'Every row is locked until commit, the WAL/binlog spikes, replicas lag, and it is usually a mistake. A full-table backfill belongs in batches.',
  safeAlternative: { text: 'Restrict it with WHERE and run it in batches in a separate data migration.', snippets: { sql: "UPDATE orders SET status = 'new' WHERE status IS NULL AND id BETWEEN 1 AND 10000;" } },
  equivalents: eq({}),
  examples: { postgres: { bad: "UPDATE orders SET status = 'new';", good: "UPDATE orders SET status = 'new' WHERE status IS NULL AND id < 10000;" } },
  check(ctx) {
    return ctx.ops.filter((op) => (op.kind === 'update' || op.kind === 'delete') && op.hasWhere === false && !/^\s*TRUNCATE/i.test(op.text)).map((op) => findOn(op,
      `${op.kind === 'update' ? 'UPDATE' : 'DELETE'} without WHERE touches every row of ${q(op.table)} in one statement: every row stays locked until commit. Restrict it and batch it in a separate data migration.`));
  },
});
