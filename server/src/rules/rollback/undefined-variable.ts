import { defineRule, eq, type RuleFinding } from '../rule';

/** `DataTypes.INTEGER` in a file that never imports DataTypes; `queryInterface` in a down that takes no parameter. */
export default defineRule({
  id: 'undefined-variable',
  category: 'rollback', severity: 'error', dialects: ['postgres', 'mysql', 'mariadb'], phases: ['up', 'down'],
  summary: 'The migration uses an ORM object (queryInterface, Sequelize, DataTypes, queryRunner…) that nothing declares: it throws a ReferenceError when it runs.',
  why: 'A migration copied from another file often keeps names the new file never declares: `DataTypes` where the parameter is `Sequelize`, `queryInterface` in a `down` written as `async () => …`. JavaScript finds out only when the line runs — at deploy for an up, during an incident for a down.',
  safeAlternative: {
    text: 'Declare the name: take it as a parameter (`async down(queryInterface, Sequelize)`), import it, or use the parameter the function already has.',
    snippets: { sequelize: "async up(queryInterface, Sequelize) {\n  await queryInterface.addColumn('orders', 'note', { type: Sequelize.TEXT });\n}" },
  },
  equivalents: eq({}),
  examples: {
    postgres: {
      orm: 'sequelize',
      bad: "'use strict';\nmodule.exports = {\n  async up(queryInterface, Sequelize) {\n    await queryInterface.addColumn('orders', 'note2', { type: DataTypes.TEXT });\n  },\n  async down(queryInterface) {\n    await queryInterface.removeColumn('orders', 'note2');\n  },\n};\n",
      good: "'use strict';\nmodule.exports = {\n  async up(queryInterface, Sequelize) {\n    await queryInterface.addColumn('orders', 'note2', { type: Sequelize.TEXT });\n  },\n  async down(queryInterface) {\n    await queryInterface.removeColumn('orders', 'note2');\n  },\n};\n",
    },
  },
  check(ctx) {
    const seen = new Set<string>();
    const out: RuleFinding[] = [];
    for (const ref of ctx.migration.undeclared ?? []) {
      // One finding per name and phase: the first use is where it throws.
      if (ref.phase !== ctx.phase || seen.has(ref.name)) continue;
      seen.add(ref.name);
      out.push({ message: `\`${ref.name}\` is not declared in ${ctx.phase}() or around it: the ${ctx.phase === 'down' ? 'rollback' : 'migration'} throws a ReferenceError here. Take it as a parameter or import it.`, range: ref.range, offset: ref.offset });
    }
    return out;
  },
});
