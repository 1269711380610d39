import { defineRule, eq } from '../rule';
import { findOn, onExistingTable } from '../helpers';
import { q } from '../ormAdvice';

export default defineRule({
  id: 'rename-table',
  category: 'compatibility', severity: 'warning', dialects: ['postgres', 'mysql', 'mariadb'],
  summary: 'Renaming a table in one step breaks every running instance that uses the old name.',
  why: 'Old application instances keep querying the old name during the deploy and fail.',
  safeAlternative: { text: 'Create the new table and dual-write, or rename and leave a view with the old name until every instance is updated.', snippets: { sql: 'ALTER TABLE customers RENAME TO clients;\nCREATE VIEW customers AS SELECT * FROM clients; -- drop in a later release' } },
  equivalents: eq({ squawk: ['renaming-table'], strong_migrations: ['rename_table'], atlas: ['BC101'] }),
  examples: { postgres: { bad: 'ALTER TABLE customers RENAME TO clients;', good: 'ALTER TABLE customers RENAME TO clients;\nCREATE VIEW customers AS SELECT * FROM clients;' } },
  check(ctx) {
    return ctx.ops.filter((op) => op.kind === 'renameTable' && onExistingTable(ctx, op) && !/_(backup|archived?|old|bak)/i.test(op.newName ?? '')
      && !ctx.ops.some((o) => o.kind === 'createView' && o.table?.toLowerCase() === op.table?.toLowerCase())).map((op) => findOn(op,
      `Renaming ${q(op.table)} to ${q(op.newName)} breaks running instances that still query ${op.table}. Leave a view named ${op.table} behind, or create the new table and dual-write.`));
  },
});
