import { defineRule, eq } from '../rule';
import { onMigration } from './migrationRange';

export default defineRule({
  id: 'down-throws',
  category: 'rollback', severity: 'info', dialects: ['postgres', 'mysql', 'mariadb'],
  summary: 'The down throws: the migration is explicitly irreversible.',
  why: 'Honest, but it means a bad deploy can only be fixed forward. Make sure a checkpoint (backup table) exists for anything up destroys.',
  safeAlternative: { text: 'Where possible, write a compensating down (restore from a checkpoint table created in up).', snippets: { sql: 'CREATE TABLE orders_backup_20260101 AS SELECT * FROM orders; -- in up, before the destructive step' } },
  equivalents: eq({}),
  examples: { postgres: { bad: "async down() { throw new Error('irreversible'); }", good: "async down(q) { await q.query('INSERT INTO orders SELECT * FROM orders_backup'); }" } },
  check(ctx) {
    if (ctx.phase !== 'up' || !ctx.migration.downThrows) return [];
    return [onMigration(ctx, `The down of ${ctx.migration.name} throws: this migration cannot be rolled back, only fixed forward. Keep a checkpoint (backup table) of anything up destroys.`)];
  },
});
