import { defineRule, eq } from '../rule';
import { colName, findOn } from '../helpers';
import { q } from '../ormAdvice';

/** Sequelize 6 on PostgreSQL drops primaryKey from changeColumn: the key the migration promises is never made. */
export default defineRule({
  id: 'sequelize-changecolumn-primary-key',
  category: 'compatibility', severity: 'error', dialects: ['postgres'],
  summary: 'Sequelize\'s changeColumn ignores primaryKey on PostgreSQL: no primary key is created.',
  why: 'On PostgreSQL, queryInterface.changeColumn turns the attribute into ALTER COLUMN … SET NOT NULL / DROP DEFAULT / TYPE statements and silently leaves out PRIMARY KEY (on MySQL the same call does add it). The migration succeeds, the models believe in a primary key, and the table has none: no uniqueness, no index, and upserts and replication tools that need a key fail later.',
  safeAlternative: {
    text: 'Add the key explicitly: queryInterface.addConstraint(table, { type: \'primary key\', fields: [...] }) (and removeConstraint in the down).',
    snippets: { sequelize: "await queryInterface.addConstraint('UnsubscribeList', { type: 'primary key', fields: ['lockAddress', 'userAddress', 'network'], name: 'UnsubscribeList_pkey' });" },
  },
  equivalents: eq({}),
  examples: {
    postgres: {
      orm: 'sequelize',
      bad: "'use strict';\nmodule.exports = {\n  async up(queryInterface, Sequelize) {\n    await queryInterface.changeColumn('orders', 'note', { type: Sequelize.STRING(20), primaryKey: true, allowNull: false });\n  },\n  async down(queryInterface, Sequelize) {\n    await queryInterface.changeColumn('orders', 'note', { type: Sequelize.STRING(20) });\n  },\n};\n",
      good: "'use strict';\nmodule.exports = {\n  async up(queryInterface) {\n    await queryInterface.addConstraint('orders', { type: 'primary key', fields: ['id'], name: 'orders_pkey2' });\n  },\n  async down(queryInterface) {\n    await queryInterface.removeConstraint('orders', 'orders_pkey2');\n  },\n};\n",
    },
  },
  check(ctx) {
    if (ctx.orm !== 'sequelize') return [];
    const keyed = ctx.ops.filter((op) => op.kind === 'alterColumnType' && op.details?.sequelizeChangeColumn && op.columnSpec?.primary === true);
    // One finding per table: several columns marked primaryKey are one (composite) key that is never made.
    const byTable = new Map<string, typeof keyed>();
    for (const op of keyed) byTable.set((op.table ?? '').toLowerCase(), [...(byTable.get((op.table ?? '').toLowerCase()) ?? []), op]);
    return [...byTable.values()].map((ops) => findOn(ops[0],
      `Sequelize ignores primaryKey in changeColumn on PostgreSQL: ${q(ops[0].table)} gets no primary key on (${ops.map(colName).join(', ')}) (only SET NOT NULL, DROP DEFAULT and TYPE are sent). Add it with queryInterface.addConstraint(…, { type: 'primary key', fields: [...] }).`));
  },
});
