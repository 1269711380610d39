import { defineRule, eq } from '../rule';
import { colName, findOn, onExistingTable } from '../helpers';
import { q } from '../ormAdvice';

export default defineRule({
  id: 'add-stored-generated-column',
  category: 'locks', severity: 'warning', dialects: ['postgres', 'mysql', 'mariadb'], lockRule: true,
  summary: 'ADD COLUMN … GENERATED … STORED rewrites the table.',
  why: 'A stored generated column must be computed and written for every row: PostgreSQL rewrites the table under ACCESS EXCLUSIVE; MySQL and MariaDB need ALGORITHM=COPY with no concurrent writes.',
  safeAlternative: { text: 'MySQL/MariaDB: use a VIRTUAL generated column (instant). PostgreSQL: add a plain column kept up to date by a trigger or the application, backfilled in batches.', snippets: { sql: 'ALTER TABLE orders ADD COLUMN total_cents bigint GENERATED ALWAYS AS (total * 100) VIRTUAL; -- MySQL/MariaDB' } },
  equivalents: eq({ squawk: ['adding-field-with-default'], strong_migrations: ['add_column_generated_stored'], atlas: ['MY140'], eugene: ['E11'] }),
  examples: {
    postgres: { bad: 'ALTER TABLE orders ADD COLUMN total_cents bigint GENERATED ALWAYS AS (total * 100) STORED;', good: 'ALTER TABLE orders ADD COLUMN total_cents bigint; -- filled by a trigger, backfilled in batches' },
    mysql: { bad: 'ALTER TABLE orders ADD COLUMN total_cents bigint AS (total * 100) STORED;', good: 'ALTER TABLE orders ADD COLUMN total_cents bigint AS (total * 100) VIRTUAL;' },
  },
  check(ctx) {
    return ctx.ops.filter((op) => op.kind === 'addColumn' && op.columnSpec?.generated === 'stored' && onExistingTable(ctx, op)).map((op) => findOn(op, ctx.dialect === 'postgres'
      ? `ADD COLUMN ${q(colName(op))} GENERATED … STORED rewrites ${q(op.table)} under an ACCESS EXCLUSIVE lock: reads and writes wait for the whole rewrite.`
      : `ADD COLUMN ${q(colName(op))} … STORED needs ALGORITHM=COPY: ${q(op.table)} is copied and writes wait. A VIRTUAL generated column is added instantly.`));
  },
});
