import { defineRule, eq } from '../rule';
import { findOn, onExistingTable } from '../helpers';
import { notValidFixes } from './fk-without-not-valid';
import { q, separateMigration } from '../ormAdvice';

export default defineRule({
  id: 'check-without-not-valid',
  category: 'locks', severity: 'warning', dialects: ['postgres', 'mysql', 'mariadb'], lockRule: true, fixable: true,
  summary: 'ADD CHECK validates every row while holding a lock that blocks reads and writes.',
  why: 'PostgreSQL scans the table under ACCESS EXCLUSIVE to check the new constraint. MySQL and MariaDB have no NOT VALID: ADD CHECK copies the table (ALGORITHM=COPY) and writes wait.',
  safeAlternative: {
    text: 'PostgreSQL: add it NOT VALID, then VALIDATE CONSTRAINT in a later migration. MySQL/MariaDB: enforce it in the application, or use an online schema-change tool (gh-ost, pt-online-schema-change).',
    snippets: { sql: 'ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;\n-- next migration:\nALTER TABLE orders VALIDATE CONSTRAINT orders_total_check;' },
  },
  equivalents: eq({ squawk: ['constraint-missing-not-valid'], strong_migrations: ['add_check_constraint'], atlas: ['PG305'], eugene: ['E1'] }),
  examples: {
    postgres: { bad: 'ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);', good: 'ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;' },
    mysql: { bad: 'ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);', good: '-- enforce in the application, or run through gh-ost / pt-online-schema-change' },
  },
  check(ctx) {
    return ctx.ops.filter((op) => op.kind === 'addCheck' && !op.notValid && onExistingTable(ctx, op)).map((op) => ctx.dialect === 'postgres'
      ? findOn(op, `ADD CHECK on ${q(op.table)} scans every row under an ACCESS EXCLUSIVE lock: reads and writes wait. Add it NOT VALID, then VALIDATE CONSTRAINT in ${separateMigration(ctx.migration)}.`,
        { fixes: notValidFixes(ctx, op) })
      : findOn(op, `ADD CHECK on ${q(op.table)} needs ALGORITHM=COPY on ${ctx.dialect === 'mariadb' ? 'MariaDB' : 'MySQL'}: the table is copied and writes wait. There is no NOT VALID; enforce it in the application or use gh-ost / pt-online-schema-change.`));
  },
});
