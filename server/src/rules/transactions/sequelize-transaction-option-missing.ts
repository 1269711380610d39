import { defineRule, eq } from '../rule';
import { findOn } from '../helpers';

// Sequelize only joins a call to a managed transaction through `{ transaction: t }` (or CLS): the
// callback around it is not enough, and the call then runs on another connection, outside it.
export default defineRule({
  id: 'sequelize-transaction-option-missing',
  category: 'transactions', severity: 'warning', dialects: ['postgres', 'mysql', 'mariadb'], phases: ['up', 'down'],
  summary: 'A queryInterface call inside sequelize.transaction(async (t) => …) does not pass { transaction: t }, so it runs outside the transaction.',
  why: 'Without CLS, Sequelize runs each query on whatever connection it is given: a call without the transaction option takes a different pooled connection and commits on its own. A failure later in the callback rolls back the others but not this one, so the migration ends half-applied while looking atomic — and on PostgreSQL it can even wait forever on a lock the transaction holds.',
  safeAlternative: { text: 'Pass the transaction to every call in the callback: { transaction: t } (or { transaction } when the parameter is named so).', snippets: { sequelize: "await queryInterface.sequelize.transaction(async (transaction) => {\n  await queryInterface.addColumn('orders', 'flag', Sequelize.BOOLEAN, { transaction });\n  await queryInterface.addIndex('orders', ['flag'], { transaction });\n});" } },
  equivalents: eq({}),
  examples: {
    postgres: { orm: 'sequelize', bad: "module.exports = {\n  async up(queryInterface, Sequelize) {\n    await queryInterface.sequelize.transaction(async (transaction) => {\n      await queryInterface.addColumn('orders', 'flag', Sequelize.BOOLEAN, { transaction });\n      await queryInterface.addColumn('orders', 'memo', Sequelize.TEXT);\n    });\n  },\n  async down(queryInterface) {\n    await queryInterface.sequelize.transaction(async (transaction) => {\n      await queryInterface.removeColumn('orders', 'memo', { transaction });\n      await queryInterface.removeColumn('orders', 'flag', { transaction });\n    });\n  },\n};", good: "module.exports = {\n  async up(queryInterface, Sequelize) {\n    await queryInterface.sequelize.transaction(async (transaction) => {\n      await queryInterface.addColumn('orders', 'flag', Sequelize.BOOLEAN, { transaction });\n      await queryInterface.addColumn('orders', 'memo', Sequelize.TEXT, { transaction });\n    });\n  },\n  async down(queryInterface) {\n    await queryInterface.sequelize.transaction(async (transaction) => {\n      await queryInterface.removeColumn('orders', 'memo', { transaction });\n      await queryInterface.removeColumn('orders', 'flag', { transaction });\n    });\n  },\n};" },
  },
  check(ctx) {
    if (ctx.orm !== 'sequelize') return [];
    return ctx.ops
      .filter((op) => op.details?.missingTransactionOption === true)
      .map((op) => findOn(op, `This ${op.kind} sits inside sequelize.transaction(…) but passes no { transaction }: Sequelize runs it on another connection, outside the transaction, so it commits on its own and is not rolled back with the rest. Add { transaction: t } to its options.`));
  },
});
