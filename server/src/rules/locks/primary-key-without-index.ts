import { defineRule, eq } from '../rule';
import type { Operation } from '../../model/migration';
import type { RuleContext } from '../rule';
import { findOn, onExistingTable, statementOf } from '../helpers';
import { q } from '../ormAdvice';
import { usesIndex } from '../../knowledge/postgresLocks';

/**
 * `DROP CONSTRAINT pkey, ALTER COLUMN id TYPE bigint, ADD PRIMARY KEY (id)`: the type change already rewrites the table
 * and its indexes under the same lock (change-column-type says so); the key's index is part of that rewrite.
 */
function rewrittenBySameStatement(ctx: RuleContext, op: Operation): boolean {
  return ctx.ops.some((o) => o.kind === 'alterColumnType' && o.table === op.table && statementOf(o) === statementOf(op));
}

export default defineRule({
  id: 'primary-key-without-index',
  category: 'locks', severity: 'warning', dialects: ['postgres', 'mysql', 'mariadb'], lockRule: true,
  summary: 'ADD PRIMARY KEY on an existing table builds an index (and checks NOT NULL) under a blocking lock, or rebuilds the table on MySQL.',
  why: 'PostgreSQL builds the index and scans for NULLs under ACCESS EXCLUSIVE. InnoDB clusters rows by primary key: adding or changing it rebuilds the whole table and every secondary index.',
  safeAlternative: {
    text: 'PostgreSQL: CREATE UNIQUE INDEX CONCURRENTLY on NOT NULL columns, then ADD PRIMARY KEY USING INDEX. MySQL/MariaDB: run it through gh-ost or pt-online-schema-change.',
    snippets: { sql: 'CREATE UNIQUE INDEX CONCURRENTLY items_pkey ON items (id);\nALTER TABLE items ADD CONSTRAINT items_pkey PRIMARY KEY USING INDEX items_pkey;' },
  },
  equivalents: eq({ squawk: ['adding-serial-primary-key-field', 'constraint-missing-not-valid'], atlas: ['PG104', 'MY137'], eugene: ['W14'] }),
  examples: {
    postgres: { bad: 'ALTER TABLE items ADD PRIMARY KEY (id);', good: 'ALTER TABLE items ADD CONSTRAINT items_pkey PRIMARY KEY USING INDEX items_pkey;' },
    mysql: { bad: 'ALTER TABLE items ADD PRIMARY KEY (id);', good: '-- gh-ost --alter "ADD PRIMARY KEY (id)"' },
  },
  check(ctx) {
    return ctx.ops.filter((op) => op.kind === 'addPrimaryKey' && !usesIndex(op) && onExistingTable(ctx, op) && !rewrittenBySameStatement(ctx, op)).map((op) => ctx.dialect === 'postgres'
      ? findOn(op, `ADD PRIMARY KEY on ${q(op.table)} builds a unique index and checks NOT NULL under an ACCESS EXCLUSIVE lock: reads and writes wait. Build the index CONCURRENTLY first, then ADD PRIMARY KEY USING INDEX.`)
      : findOn(op, `ADD PRIMARY KEY on ${q(op.table)} rebuilds the whole table and every secondary index (InnoDB clusters rows by primary key), and falls back to COPY if a column must become NOT NULL. Use gh-ost or pt-online-schema-change on a large table.`));
  },
});
