import { defineRule, eq } from '../rule';
import { onMigration, undoable } from './migrationRange';

export default defineRule({
  id: 'empty-down',
  category: 'rollback', severity: 'warning', dialects: ['postgres', 'mysql', 'mariadb'],
  summary: 'The down method is empty: "rolling back" records success and changes nothing.',
  why: 'The runner marks the migration reverted while the schema keeps the change; the next up then fails on objects that already exist.',
  safeAlternative: { text: 'Undo each up step in reverse order, or throw an explicit error if the migration is irreversible.', snippets: { typeorm: "public async down(): Promise<void> {\n  throw new Error('irreversible: restore orders_backup instead');\n}" } },
  equivalents: eq({ strong_migrations: ['check_down'] }),
  examples: { postgres: { orm: 'sequelize', bad: "module.exports = {\n  async up(queryInterface, Sequelize) {\n    await queryInterface.addColumn('orders', 'flag', { type: Sequelize.BOOLEAN, allowNull: true });\n  },\n  async down() {},\n};", good: "module.exports = {\n  async up(queryInterface, Sequelize) {\n    await queryInterface.addColumn('orders', 'flag', { type: Sequelize.BOOLEAN, allowNull: true });\n  },\n  async down(queryInterface) {\n    await queryInterface.removeColumn('orders', 'flag');\n  },\n};" } },
  check(ctx) {
    const m = ctx.migration;
    if (ctx.phase !== 'up' || m.downThrows || m.down.length > 0 || undoable(ctx).length === 0) return [];
    if (!m.hasDown && !m.downRange) return [];
    return [onMigration(ctx, `The down of ${m.name} does nothing: a rollback is recorded as done while the ${undoable(ctx).length} change(s) of up stay applied, and re-running up then fails. Undo each step, or throw to mark it irreversible.`)];
  },
});
