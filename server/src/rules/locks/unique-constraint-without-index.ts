import { defineRule, eq } from '../rule';
import { colName, findOn, onExistingTable } from '../helpers';
import { q } from '../ormAdvice';
import { usesIndex } from '../../knowledge/postgresLocks';

export default defineRule({
  id: 'unique-constraint-without-index',
  category: 'locks', severity: 'warning', dialects: ['postgres'], lockRule: true,
  summary: 'ADD UNIQUE builds its index while holding an ACCESS EXCLUSIVE lock.',
  why: 'ALTER TABLE … ADD CONSTRAINT … UNIQUE builds a unique index inside the ALTER: reads and writes are blocked for the whole build.',
  safeAlternative: {
    text: 'Build the unique index concurrently, then attach it as the constraint (a brief lock).',
    snippets: { sql: 'CREATE UNIQUE INDEX CONCURRENTLY accounts_email_key ON accounts (email);\n-- next migration:\nALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE USING INDEX accounts_email_key;' },
  },
  equivalents: eq({ squawk: ['disallowed-unique-constraint', 'constraint-missing-not-valid'], strong_migrations: ['add_unique_constraint'], atlas: ['PG105'], eugene: ['E7'] }),
  examples: { postgres: { bad: 'ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE (email);', good: 'ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE USING INDEX accounts_email_key;' } },
  check(ctx) {
    const constraints = ctx.ops.filter((op) => op.kind === 'addUnique' && !usesIndex(op) && onExistingTable(ctx, op)).map((op) => findOn(op,
      `ADD UNIQUE on ${q(op.table)} builds the index under an ACCESS EXCLUSIVE lock: reads and writes wait for the build. Create the unique index CONCURRENTLY, then ADD CONSTRAINT … UNIQUE USING INDEX.`));
    // `ADD COLUMN c … UNIQUE`: the new column holds no duplicates, but its index is still built over every row inside the ALTER.
    const inline = ctx.ops.filter((op) => op.kind === 'addColumn' && op.columnSpec?.unique && !op.columnSpec.primary && onExistingTable(ctx, op)).map((op) => findOn(op,
      `ADD COLUMN ${q(colName(op))} … UNIQUE on ${q(op.table)} builds its unique index over every row under an ACCESS EXCLUSIVE lock: reads and writes wait for the build. Add the column, create the unique index CONCURRENTLY, then ADD CONSTRAINT … UNIQUE USING INDEX.`));
    return [...constraints, ...inline];
  },
});
