import { defineRule, eq } from '../rule';
import { findOn } from '../helpers';
import { q } from '../ormAdvice';

export default defineRule({
  id: 'mysql-copy-algorithm-or-lock',
  category: 'mysql', severity: 'warning', dialects: ['mysql', 'mariadb'], lockRule: true,
  summary: 'ALTER TABLE with ALGORITHM=COPY or LOCK=SHARED/EXCLUSIVE blocks writes (or reads) for the whole operation.',
  why: 'ALGORITHM=COPY rebuilds the table row by row while concurrent writes wait; LOCK=SHARED blocks writes and LOCK=EXCLUSIVE blocks reads too, even when the server could do better.',
  safeAlternative: { text: 'Omit the clauses, or ask for ALGORITHM=INSTANT (or INPLACE, LOCK=NONE) so the statement fails fast instead of blocking; use gh-ost / pt-online-schema-change for COPY-only changes.', snippets: { sql: 'ALTER TABLE orders ADD INDEX orders_account_idx (account_id), ALGORITHM=INPLACE, LOCK=NONE;' } },
  equivalents: eq({ strong_migrations: ['copy_algorithm', 'lock_option'], atlas: ['MY137'] }),
  examples: { mysql: { bad: 'ALTER TABLE orders ADD INDEX orders_account_idx (account_id), ALGORITHM=COPY;', good: 'ALTER TABLE orders ADD INDEX orders_account_idx (account_id), ALGORITHM=INPLACE, LOCK=NONE;' } },
  check(ctx) {
    return ctx.ops.filter((op) => op.algorithm === 'COPY' || op.lock === 'SHARED' || op.lock === 'EXCLUSIVE').map((op) => findOn(op,
      op.algorithm === 'COPY'
        ? `ALGORITHM=COPY rebuilds ${q(op.table)} row by row while writes wait. Drop the clause or request ALGORITHM=INSTANT / INPLACE, LOCK=NONE so the server refuses instead of blocking.`
        : `LOCK=${op.lock} blocks ${op.lock === 'EXCLUSIVE' ? 'reads and writes' : 'writes'} on ${q(op.table)} for the whole ALTER. Use LOCK=NONE (the server refuses if it cannot).`));
  },
});
