import { defineRule, eq } from '../rule';
import { onMigration } from './migrationRange';

export default defineRule({
  id: 'down-throws',
  // The author's deliberate choice: a hint (the checkpoint advice is irreversible-without-checkpoint's, in strict).
  category: 'rollback', severity: 'hint', dialects: ['postgres', 'mysql', 'mariadb'],
  summary: 'The down throws: the migration is explicitly irreversible.',
  why: 'Honest, but it means a bad deploy can only be fixed forward. Make sure a checkpoint (backup table) exists for anything up destroys.',
  safeAlternative: { text: 'Where possible, write a compensating down (restore from a checkpoint table created in up).', snippets: { sql: 'CREATE TABLE orders_backup_20260101 AS SELECT * FROM orders; -- in up, before the destructive step' } },
  equivalents: eq({}),
  examples: { postgres: { orm: 'typeorm', bad: "import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class DropNote1700000000001 implements MigrationInterface {\n  async up(q: QueryRunner) {\n    await q.query('ALTER TABLE orders DROP COLUMN note');\n  }\n\n  async down() {\n    throw new Error('irreversible');\n  }\n}", good: "import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class DropNote1700000000001 implements MigrationInterface {\n  async up(q: QueryRunner) {\n    await q.query('CREATE TABLE orders_note_backup AS SELECT id, note FROM orders');\n    await q.query('ALTER TABLE orders DROP COLUMN note');\n  }\n\n  async down(q: QueryRunner) {\n    await q.query('ALTER TABLE orders ADD COLUMN note varchar(20)');\n    await q.query('UPDATE orders SET note = b.note FROM orders_note_backup b WHERE b.id = orders.id');\n  }\n}" } },
  check(ctx) {
    if (ctx.phase !== 'up' || !ctx.migration.downThrows) return [];
    return [onMigration(ctx, `${ctx.migration.name} is irreversible by design (its down throws, or it is declared irreversible): a bad deploy can only be fixed forward. Keep a checkpoint (backup table) of anything up destroys.`)];
  },
});
