import { defineRule, eq } from '../rule';
import { findOn } from '../helpers';
import { q } from '../ormAdvice';

export default defineRule({
  id: 'concurrent-index-guard-hides-invalid',
  category: 'locks', severity: 'warning', dialects: ['postgres'],
  summary: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS (or a hasIndex guard) skips an INVALID index left by a failed build.',
  why: 'When a concurrent build fails (deadlock, unique violation, cancelled), PostgreSQL leaves the index behind marked INVALID. A re-run guarded by IF NOT EXISTS sees the name and does nothing: the index exists but is never used.',
  safeAlternative: {
    text: 'Drop a possibly-invalid index first, then create it. Check pg_index.indisvalid if you must keep it.',
    snippets: { sql: 'DROP INDEX CONCURRENTLY IF EXISTS orders_account_id_idx;\nCREATE INDEX CONCURRENTLY orders_account_id_idx ON orders (account_id);' },
  },
  equivalents: eq({ strong_migrations: ['remove_invalid_indexes'] }),
  examples: { postgres: { bad: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_account_id_idx ON orders (account_id);', good: 'DROP INDEX CONCURRENTLY IF EXISTS orders_account_id_idx;\nCREATE INDEX CONCURRENTLY orders_account_id_idx ON orders (account_id);' } },
  check(ctx) {
    return ctx.ops.filter((op) => op.kind === 'createIndex' && op.concurrently && (op.ifNotExists || op.guarded)).map((op) => {
      const dropped = ctx.ops.some((o) => o.kind === 'dropIndex' && o.index && o.index === op.index && ctx.ops.indexOf(o) < ctx.ops.indexOf(op));
      return dropped ? undefined : findOn(op, `If an earlier concurrent build of ${q(op.index)} failed, an INVALID index with that name exists and this guard silently skips the rebuild. Run DROP INDEX CONCURRENTLY IF EXISTS ${op.index ?? '<name>'} first.`);
    }).filter((f) => f !== undefined);
  },
});
