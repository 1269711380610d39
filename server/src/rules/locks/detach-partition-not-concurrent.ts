import { defineRule, eq } from '../rule';
import { findOn } from '../helpers';
import { appendToStatement, fix } from '../fixes';

export default defineRule({
  id: 'detach-partition-not-concurrent',
  category: 'locks', severity: 'warning', dialects: ['postgres'], versions: { postgres: { min: '14' } }, lockRule: true, fixable: true,
  summary: 'DETACH PARTITION without CONCURRENTLY locks the parent table against reads and writes.',
  why: 'A plain DETACH PARTITION takes ACCESS EXCLUSIVE on the partitioned table. PostgreSQL 14+ can detach CONCURRENTLY with SHARE UPDATE EXCLUSIVE (outside a transaction).',
  safeAlternative: { text: 'ALTER TABLE … DETACH PARTITION … CONCURRENTLY, outside a transaction.', snippets: { sql: 'ALTER TABLE events DETACH PARTITION events_2024 CONCURRENTLY;' } },
  equivalents: eq({ squawk: ['require-concurrent-partition-detach'] }),
  examples: { postgres: { bad: 'ALTER TABLE events DETACH PARTITION events_2024;', good: 'ALTER TABLE events DETACH PARTITION events_2024 CONCURRENTLY;' } },
  check(ctx) {
    return ctx.ops.filter((op) => /\bDETACH\s+PARTITION\b/i.test(op.text) && !/\b(CONCURRENTLY|FINALIZE)\b/i.test(op.text)).map((op) =>
      findOn(op, 'DETACH PARTITION takes an ACCESS EXCLUSIVE lock on the partitioned table: reads and writes wait. Use DETACH PARTITION … CONCURRENTLY outside a transaction.',
        { fixes: fix('Add CONCURRENTLY', false, appendToStatement(ctx, op, ' CONCURRENTLY')) }));
  },
});
