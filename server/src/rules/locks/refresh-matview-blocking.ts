import { defineRule, eq } from '../rule';
import { findOn } from '../helpers';
import { fix, insertAfter } from '../fixes';
import { rawStatementKind } from '../../knowledge/operationFacts';

export default defineRule({
  id: 'refresh-matview-blocking',
  category: 'locks', severity: 'warning', dialects: ['postgres'], lockRule: true, fixable: true,
  summary: 'REFRESH MATERIALIZED VIEW without CONCURRENTLY blocks every read of the view.',
  why: 'A plain refresh takes ACCESS EXCLUSIVE on the view for the whole recomputation. CONCURRENTLY takes EXCLUSIVE, which lets reads continue (it needs a unique index on the view).',
  safeAlternative: { text: 'REFRESH MATERIALIZED VIEW CONCURRENTLY (add a unique index on the view first).', snippets: { sql: 'REFRESH MATERIALIZED VIEW CONCURRENTLY order_totals;' } },
  equivalents: eq({}),
  examples: { postgres: { bad: 'REFRESH MATERIALIZED VIEW order_totals;', good: 'REFRESH MATERIALIZED VIEW CONCURRENTLY order_totals;' } },
  check(ctx) {
    // A view created in this migration is not read by anyone yet.
    return ctx.ops.filter((op) => rawStatementKind(op) === 'refreshMatView' && !(op.table && ctx.isTableCreatedEarlier(op))).map((op) => findOn(op,
      'REFRESH MATERIALIZED VIEW takes an ACCESS EXCLUSIVE lock: every read of the view waits for the refresh. Use CONCURRENTLY (needs a unique index on the view).',
      { fixes: fix('Add CONCURRENTLY', false, insertAfter(ctx, op, /\bMATERIALIZED\s+VIEW\b/i, ' CONCURRENTLY')) }));
  },
});
