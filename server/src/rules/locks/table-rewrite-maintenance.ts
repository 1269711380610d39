import { defineRule, eq } from '../rule';
import { findOn } from '../helpers';
import { rawStatementKind } from '../../knowledge/operationFacts';

const KINDS: Record<string, string> = {
  vacuumFull: 'VACUUM FULL rewrites the table under an ACCESS EXCLUSIVE lock: no reads or writes until it finishes.',
  cluster: 'CLUSTER rewrites the table under an ACCESS EXCLUSIVE lock: no reads or writes until it finishes.',
  optimizeTable: 'OPTIMIZE TABLE / ALTER … FORCE rebuilds the whole table: heavy I/O, replica lag, and a metadata lock at both ends.',
};

export default defineRule({
  id: 'table-rewrite-maintenance',
  category: 'locks', severity: 'warning', dialects: ['postgres', 'mysql', 'mariadb'], lockRule: true,
  summary: 'VACUUM FULL, CLUSTER, OPTIMIZE TABLE and ALTER … FORCE rewrite the whole table.',
  why: 'These are maintenance commands, not schema changes: each rewrites the table, and on PostgreSQL blocks all access while it does.',
  safeAlternative: { text: 'PostgreSQL: pg_repack (or REPACK CONCURRENTLY where available), scheduled outside migrations. MySQL/MariaDB: gh-ost / pt-online-schema-change with a no-op alter.', snippets: { sql: '-- pg_repack --table orders' } },
  equivalents: eq({ squawk: ['prefer-repack'], eugene: ['E10'] }),
  examples: { postgres: { bad: 'VACUUM FULL orders;', good: '-- pg_repack --table orders (outside the migration)' }, mysql: { bad: 'OPTIMIZE TABLE orders;', good: '-- gh-ost --alter "ENGINE=InnoDB"' } },
  check(ctx) {
    return ctx.ops.flatMap((op) => {
      const k = rawStatementKind(op);
      return k && KINDS[k] ? [findOn(op, KINDS[k])] : [];
    });
  },
});
