import { defineRule, eq } from '../rule';
import { colName, findOn, onExistingTable, columnAddedEarlier } from '../helpers';
import { q } from '../ormAdvice';

export default defineRule({
  id: 'rename-column',
  category: 'compatibility', severity: 'warning', dialects: ['postgres', 'mysql', 'mariadb'],
  summary: 'Renaming a column in one step breaks every running instance that uses the old name.',
  why: 'The rename is instant, but the application is not: the old release keeps selecting and inserting the old name until every instance is replaced, and those queries fail.',
  safeAlternative: { text: 'Expand/contract: add the new column, write both, backfill, switch reads, drop the old one later (the "rename column" scaffold does this).', snippets: { sql: 'ALTER TABLE users ADD COLUMN full_name text;\n-- app writes name and full_name; backfill; switch reads; drop name later' } },
  equivalents: eq({ squawk: ['renaming-column'], strong_migrations: ['rename_column'], atlas: ['BC102'] }),
  examples: { postgres: { bad: 'ALTER TABLE users RENAME COLUMN name TO full_name;', good: 'ALTER TABLE users ADD COLUMN full_name text;' } },
  check(ctx) {
    // A column this migration added is used by no running instance yet: renaming it breaks nothing.
    return ctx.ops.filter((op) => (op.kind === 'renameColumn' || (op.kind === 'alterColumnType' && !!op.newName && op.newName !== op.column)) && onExistingTable(ctx, op) && !columnAddedEarlier(ctx, op.table, colName(op), op)).map((op) => findOn(op,
      `Renaming ${q(op.table)}.${q(colName(op))} to ${q(op.newName)} breaks running instances that still use the old name. Add the new column, write both, backfill, switch reads, then drop the old one (expand/contract).`));
  },
});
