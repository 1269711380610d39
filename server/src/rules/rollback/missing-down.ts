import { defineRule, eq } from '../rule';
import { onMigration, undoable } from './migrationRange';

export default defineRule({
  id: 'missing-down',
  category: 'rollback', severity: 'warning', dialects: ['postgres', 'mysql', 'mariadb'],
  summary: 'The migration has no down: a failed deploy cannot be rolled back.',
  why: 'When a release goes wrong the fastest way back is to revert the schema change. Without a down the runner refuses (or does nothing) and someone writes the inverse by hand under pressure.',
  safeAlternative: { text: 'Write the inverse of each up step, in reverse order. Prisma: keep a down.sql next to migration.sql (prisma migrate diff --from-migrations … --to-schema-datamodel … --script).', snippets: {
    typeorm: "public async down(queryRunner: QueryRunner): Promise<void> {\n  await queryRunner.query('DROP INDEX CONCURRENTLY IF EXISTS orders_account_id_idx');\n}",
    sequelize: "async down(queryInterface) {\n  await queryInterface.removeColumn('orders', 'status');\n}",
    sql: '-- down.sql\nALTER TABLE orders DROP COLUMN IF EXISTS status;',
  } },
  equivalents: eq({ strong_migrations: ['check_down'] }),
  examples: { postgres: { bad: '-- migrate:up\nALTER TABLE orders ADD COLUMN flag boolean;', good: '-- migrate:up\nALTER TABLE orders ADD COLUMN flag boolean;\n\n-- migrate:down\nALTER TABLE orders DROP COLUMN IF EXISTS flag;' } },
  check(ctx) {
    const m = ctx.migration;
    if (ctx.phase !== 'up' || m.hasDown || m.downRange || m.downThrows || m.downPath || undoable(ctx).length === 0) return [];
    const loose = m.orm === 'sql' || m.orm === 'prisma' || m.orm === 'drizzle';
    // Prisma and Drizzle Kit have no down by design (migrate never runs one): a hint that carries the
    // "Generate down.sql" action, not a warning on every migration of every such project.
    const severity = m.orm === 'prisma' || m.orm === 'drizzle' ? 'hint' : loose ? 'info' : undefined;
    return [onMigration(ctx, `${m.name} has no down${loose ? ' (no down file next to it)' : ' method'}: if the deploy fails there is no way back but writing the inverse by hand. Add a down that undoes each step in reverse order.`, 'migration', { severity })];
  },
});
