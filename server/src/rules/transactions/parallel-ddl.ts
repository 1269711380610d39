import { defineRule, eq } from '../rule';
import { findOn, isDdl } from '../helpers';

/** Sequelize takes a pooled connection per call: DDL inside Promise.all runs truly at once, outside any transaction. */
export default defineRule({
  id: 'parallel-ddl',
  category: 'transactions', severity: 'warning', dialects: ['postgres', 'mysql', 'mariadb'], phases: ['up', 'down'],
  summary: 'Schema changes started together with Promise.all: they run at once on separate connections, so a failure leaves an unknown subset applied.',
  why: 'Each queryInterface call without a { transaction } takes its own connection from the pool, so the calls gathered by Promise.all run concurrently: their locks are held together, table rewrites compete for I/O, and when one fails the others carry on (or have finished), the migration is not recorded, and a re-run fails on the steps that did apply.',
  safeAlternative: {
    text: 'Run the steps one after the other (for … of with await), inside one transaction on PostgreSQL.',
    snippets: { sequelize: "await queryInterface.sequelize.transaction(async (transaction) => {\n  for (const table of ['orders', 'invoices']) {\n    await queryInterface.changeColumn(table, 'chain', { type: Sequelize.BIGINT, allowNull: false }, { transaction });\n  }\n});" },
  },
  equivalents: eq({}),
  examples: {
    postgres: {
      orm: 'sequelize',
      bad: "'use strict';\nmodule.exports = {\n  async up(queryInterface, Sequelize) {\n    await Promise.all([\n      queryInterface.addColumn('orders', 'note2', Sequelize.TEXT),\n      queryInterface.addColumn('accounts', 'note2', Sequelize.TEXT),\n    ]);\n  },\n  async down(queryInterface) {\n    await queryInterface.removeColumn('accounts', 'note2');\n    await queryInterface.removeColumn('orders', 'note2');\n  },\n};\n",
      good: "'use strict';\nmodule.exports = {\n  async up(queryInterface, Sequelize) {\n    await queryInterface.addColumn('orders', 'note2', Sequelize.TEXT);\n    await queryInterface.addColumn('accounts', 'note2', Sequelize.TEXT);\n  },\n  async down(queryInterface) {\n    await queryInterface.removeColumn('accounts', 'note2');\n    await queryInterface.removeColumn('orders', 'note2');\n  },\n};\n",
    },
  },
  check(ctx) {
    if (ctx.orm !== 'sequelize') return [];
    // Calls that share a transaction run one after the other on its connection.
    const parallel = ctx.ops.filter((o) => o.details?.parallel && isDdl(o) && !ctx.inTransaction(o));
    if (parallel.length < 2) return [];
    return [findOn(parallel[0], `${parallel.length} schema changes run at once (Promise.all), each on its own pooled connection and outside any shared transaction: their locks are held together, and if one fails the others stay applied and the migration is not recorded. Run them one after the other with await.`)];
  },
});
