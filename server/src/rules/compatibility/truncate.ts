import { defineRule, eq } from '../rule';
import { findOn } from '../helpers';
import { isTruncate } from '../../knowledge/operationFacts';

export default defineRule({
  id: 'truncate',
  category: 'compatibility', severity: 'warning', dialects: ['postgres', 'mysql', 'mariadb'],
  summary: 'TRUNCATE in a migration wipes every row (with CASCADE, of referencing tables too).',
  why: 'It cannot be rolled back on MySQL/MariaDB (implicit commit) and takes an ACCESS EXCLUSIVE lock on PostgreSQL; CASCADE silently empties every table with a foreign key to it.',
  safeAlternative: { text: 'Delete the specific rows you mean, in batches, or archive the table first.', snippets: { sql: 'DELETE FROM sessions WHERE expires_at < now() - interval \'30 days\';' } },
  equivalents: eq({ squawk: ['ban-truncate-cascade'] }),
  examples: { postgres: { bad: 'TRUNCATE sessions CASCADE;', good: "DELETE FROM sessions WHERE expires_at < now() - interval '30 days';" } },
  check(ctx) {
    return ctx.ops.filter(isTruncate).map((op) => findOn(op, /\bCASCADE\b/i.test(op.text) || op.cascade
      ? 'TRUNCATE … CASCADE empties this table and every table that references it: data loss beyond what the statement names.'
      : 'TRUNCATE wipes every row of the table and cannot be undone by the down migration.', { severity: /\bCASCADE\b/i.test(op.text) || op.cascade ? 'error' : undefined }));
  },
});
