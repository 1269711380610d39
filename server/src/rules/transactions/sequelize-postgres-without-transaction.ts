import { defineRule, eq } from '../rule';
import { findOn, isDdl } from '../helpers';

export default defineRule({
  id: 'sequelize-postgres-without-transaction',
  // Atomicity advice: true, but a reviewer rarely asks for it (a transaction also holds the locks longer): a hint.
  category: 'transactions', severity: 'hint', dialects: ['postgres'], phases: ['up', 'down'],
  summary: 'A multi-step Sequelize migration on PostgreSQL runs without a transaction.',
  why: 'Sequelize does not wrap migrations in a transaction. PostgreSQL could roll the whole migration back on failure — but only if the steps share one; without it, a failure half-way leaves the first steps applied and the migration unrecorded.',
  safeAlternative: { text: 'Wrap the steps in sequelize.transaction and pass { transaction: t } to each call (except CONCURRENTLY steps, which go in their own migration).', snippets: { sequelize: "async up(queryInterface, Sequelize) {\n  await queryInterface.sequelize.transaction(async (transaction) => {\n    await queryInterface.addColumn('orders', 'status', Sequelize.STRING, { transaction });\n    await queryInterface.addColumn('orders', 'note', Sequelize.TEXT, { transaction });\n  });\n}" } },
  equivalents: eq({}),
  examples: { postgres: { orm: 'sequelize', bad: "module.exports = {\n  async up(queryInterface, Sequelize) {\n    await queryInterface.addColumn('orders', 'flag', Sequelize.BOOLEAN);\n    await queryInterface.addColumn('orders', 'memo', Sequelize.TEXT);\n  },\n  async down(queryInterface) {\n    await queryInterface.removeColumn('orders', 'memo');\n    await queryInterface.removeColumn('orders', 'flag');\n  },\n};", good: "module.exports = {\n  async up(queryInterface, Sequelize) {\n    await queryInterface.sequelize.transaction(async (transaction) => {\n      await queryInterface.addColumn('orders', 'flag', Sequelize.BOOLEAN, { transaction });\n      await queryInterface.addColumn('orders', 'memo', Sequelize.TEXT, { transaction });\n    });\n  },\n  async down(queryInterface) {\n    await queryInterface.sequelize.transaction(async (transaction) => {\n      await queryInterface.removeColumn('orders', 'memo', { transaction });\n      await queryInterface.removeColumn('orders', 'flag', { transaction });\n    });\n  },\n};" } },
  check(ctx) {
    if (ctx.orm !== 'sequelize' || ctx.migration.transactional === true) return [];
    const ddl = ctx.ops.filter(isDdl);
    // Statements of one query() call run as one implicit transaction on PostgreSQL: they count as one step.
    const steps = new Set(ddl.map((o) => o.details?.callStart ?? `op${o.offset.start}`));
    if (steps.size < 2 || ctx.ops.some((o) => o.concurrently) || ddl.every((o) => ctx.inTransaction(o))) return [];
    const outside = ddl.filter((o) => !ctx.inTransaction(o));
    return [findOn(outside[outside.length > 1 ? 1 : 0], `${steps.size} schema steps run without a shared transaction: if one fails, the earlier ones stay applied and the migration is not recorded. Wrap them in queryInterface.sequelize.transaction(async (transaction) => …) and pass { transaction } to each call.`)];
  },
});
