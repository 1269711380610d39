import { defineRule, eq } from '../rule';
import { colName, findOn, onExistingTable } from '../helpers';
import { q } from '../ormAdvice';
import { isExpressionDefault, isVolatileDefault, unknownFunctionsIn } from '../../knowledge/operationFacts';

export default defineRule({
  id: 'add-volatile-default',
  category: 'locks', severity: 'warning', dialects: ['postgres', 'mysql'], lockRule: true,
  summary: 'ADD COLUMN with a volatile default (random(), gen_random_uuid(), clock_timestamp()…) rewrites the table.',
  why: 'PostgreSQL 11+ stores constant defaults in the catalog, but a volatile default has to be computed for every existing row: the table is rewritten under ACCESS EXCLUSIVE. Before PostgreSQL 11 any default rewrites. MySQL cannot add a column with an expression default instantly.',
  safeAlternative: {
    text: 'Add the column without a default (or with a constant), set the default for new rows, then backfill existing rows in batches.',
    snippets: { sql: 'ALTER TABLE orders ADD COLUMN token uuid;\nALTER TABLE orders ALTER COLUMN token SET DEFAULT gen_random_uuid();\n-- backfill in batches in a later migration' },
  },
  equivalents: eq({ squawk: ['adding-field-with-default'], strong_migrations: ['add_column_default'], atlas: ['PG302'] }),
  examples: {
    postgres: { bad: 'ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();', good: 'ALTER TABLE orders ADD COLUMN token uuid;\nALTER TABLE orders ALTER COLUMN token SET DEFAULT gen_random_uuid();' },
    mysql: { bad: 'ALTER TABLE orders ADD COLUMN token varchar(36) DEFAULT (uuid());', good: 'ALTER TABLE orders ADD COLUMN token varchar(36) NULL;' },
  },
  check(ctx) {
    return ctx.ops.filter((op) => op.kind === 'addColumn' && onExistingTable(ctx, op)).flatMap((op) => {
      const d = op.columnSpec?.default;
      if (d === undefined) return [];
      if (ctx.dialect === 'postgres') {
        if (isVolatileDefault(d)) {
          const unknown = unknownFunctionsIn(d);
          const volatile = unknown.length ? `${unknown.map((f) => q(`${f}()`)).join(', ')} is not a PostgreSQL built-in, and a function is VOLATILE unless declared STABLE or IMMUTABLE; a volatile default` : 'a volatile default';
          return [findOn(op, `ADD COLUMN ${q(colName(op))} DEFAULT ${d} on ${q(op.table)}: ${volatile} is evaluated per row, so PostgreSQL rewrites the whole table under an ACCESS EXCLUSIVE lock. Add the column without it, SET DEFAULT, and backfill in batches.`)];
        }
        if (!ctx.versionAtLeast('11')) return [findOn(op, `ADD COLUMN ${q(colName(op))} with a DEFAULT rewrites ${q(op.table)} on PostgreSQL ${ctx.config.postgresVersion} (before 11) under an ACCESS EXCLUSIVE lock.`)];
        return [];
      }
      return isExpressionDefault(d) ? [findOn(op, `ADD COLUMN ${q(colName(op))} DEFAULT ${d} on ${q(op.table)}: MySQL cannot add a column with an expression default instantly; the table is rebuilt. Add it NULL, then backfill in batches.`)] : [];
    });
  },
});
