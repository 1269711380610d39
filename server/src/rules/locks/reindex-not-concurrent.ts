import { defineRule, eq } from '../rule';
import { findOn } from '../helpers';
import { fix, insertAfter } from '../fixes';
import { rawStatementKind } from '../../knowledge/operationFacts';

export default defineRule({
  id: 'reindex-not-concurrent',
  category: 'locks', severity: 'warning', dialects: ['postgres'], versions: { postgres: { min: '12' } }, phases: ['up', 'down'], lockRule: true, fixable: true,
  summary: 'REINDEX without CONCURRENTLY blocks writes, and reads that use the index.',
  why: 'REINDEX takes a SHARE lock on the table and an ACCESS EXCLUSIVE lock on each index it rebuilds: writes stop and queries planned to use the index wait.',
  safeAlternative: { text: 'Use REINDEX … CONCURRENTLY (PostgreSQL 12+), outside a transaction.', snippets: { sql: 'REINDEX INDEX CONCURRENTLY orders_account_id_idx;' } },
  equivalents: eq({ squawk: ['require-concurrent-reindex'] }),
  examples: { postgres: { bad: 'REINDEX INDEX orders_account_id_idx;', good: 'REINDEX INDEX CONCURRENTLY orders_account_id_idx;' } },
  check(ctx) {
    // REINDEX SYSTEM rebuilds the catalogs' indexes, which cannot be rebuilt concurrently: nothing to advise.
    return ctx.ops.filter((op) => rawStatementKind(op) === 'reindex' && !/\bREINDEX\s+(\([^)]*\)\s*)?SYSTEM\b/i.test(op.text)).map((op) => findOn(op,
      'REINDEX takes a SHARE lock on the table (writes wait) and an ACCESS EXCLUSIVE lock on each index it rebuilds. Use REINDEX … CONCURRENTLY outside a transaction.',
      { fixes: fix('Use REINDEX … CONCURRENTLY', false, insertAfter(ctx, op, /\bREINDEX\s+(\([^)]*\)\s*)?(INDEX|TABLE|SCHEMA|DATABASE|SYSTEM)\b/i, ' CONCURRENTLY')) }));
  },
});
