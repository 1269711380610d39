import { defineRule, eq } from '../rule';
import { findOn } from '../helpers';
import { isTruncate } from '../../knowledge/operationFacts';

export const isCascade = (op: { text: string; cascade?: boolean }) => !!op.cascade || /\bCASCADE\b/i.test(op.text);

export default defineRule({
  id: 'truncate',
  category: 'compatibility', severity: 'warning', dialects: ['postgres', 'mysql', 'mariadb'],
  summary: 'TRUNCATE in a migration wipes every row of the table.',
  why: 'It cannot be rolled back on MySQL/MariaDB (implicit commit) and takes an ACCESS EXCLUSIVE lock on PostgreSQL; no down can bring the rows back.',
  safeAlternative: { text: 'Delete the specific rows you mean, in batches, or archive the table first.', snippets: { sql: 'DELETE FROM sessions WHERE expires_at < now() - interval \'30 days\';' } },
  equivalents: eq({}),
  examples: { postgres: { bad: 'TRUNCATE sessions;', good: "DELETE FROM sessions WHERE expires_at < now() - interval '30 days';" } },
  check(ctx) {
    return ctx.ops.filter((op) => isTruncate(op) && !isCascade(op)).map((op) => findOn(op, 'TRUNCATE wipes every row of the table and cannot be undone by the down migration.'));
  },
});
