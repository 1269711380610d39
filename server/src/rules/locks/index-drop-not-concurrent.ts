import type { Operation } from '../../model/migration';
import { defineRule, eq, type RuleContext } from '../rule';
import { findOn, indexCreatedEarlier } from '../helpers';
import { concurrentlyFixes, fix, insertAfter, sequelizeConcurrently } from '../fixes';
import { q, runOutsideTransaction } from '../ormAdvice';

/** A down dropping the index its own up created: the rollback of a just-deployed index, not a change to review. */
function undoesOwnIndex(ctx: RuleContext, op: Operation): boolean {
  const name = op.index?.toLowerCase();
  return ctx.phase === 'down' && !!name && ctx.migration.up.some((o) => o.kind === 'createIndex' && o.index?.toLowerCase() === name);
}

export default defineRule({
  id: 'index-drop-not-concurrent',
  category: 'locks', severity: 'warning', dialects: ['postgres'], phases: ['up', 'down'], lockRule: true, fixable: true,
  summary: 'DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the table.',
  why: 'DROP INDEX locks the indexed table against reads and writes; if a long query holds the table, the DROP waits and every later query queues behind it.',
  safeAlternative: {
    text: 'Use DROP INDEX CONCURRENTLY outside a transaction.',
    snippets: { sql: 'DROP INDEX CONCURRENTLY IF EXISTS orders_account_id_idx;', typeorm: 'public transaction = false;\n// up: await q.query(`DROP INDEX CONCURRENTLY IF EXISTS orders_account_id_idx`);', sequelize: "await queryInterface.removeIndex('orders', 'orders_account_id_idx', { concurrently: true });" },
  },
  equivalents: eq({ squawk: ['require-concurrent-index-deletion'], strong_migrations: ['remove_index'], atlas: ['PG102'] }),
  examples: { postgres: { bad: 'DROP INDEX orders_account_id_idx;', good: 'DROP INDEX CONCURRENTLY orders_account_id_idx;' } },
  check(ctx) {
    return ctx.ops.filter((op) => op.kind === 'dropIndex' && !op.concurrently && !indexCreatedEarlier(ctx, op) && !undoesOwnIndex(ctx, op)).map((op) => {
      const edit = insertAfter(ctx, op, /\bDROP\s+INDEX\b/i, ' CONCURRENTLY');
      const api = sequelizeConcurrently(ctx, op);
      const fixes = edit ? concurrentlyFixes(ctx, op, edit, 'Use DROP INDEX CONCURRENTLY')
        : api && !ctx.inTransaction(op) ? fix('Add concurrently: true', false, api) : [];
      return findOn(op, `DROP INDEX ${q(op.index)} takes an ACCESS EXCLUSIVE lock on ${op.table ? q(op.table) : 'its table'}: reads and writes wait until it finishes. Use DROP INDEX CONCURRENTLY and ${runOutsideTransaction(ctx.migration)}.`, { fixes, severity: ctx.phase === 'down' ? 'hint' : undefined });
    });
  },
});
