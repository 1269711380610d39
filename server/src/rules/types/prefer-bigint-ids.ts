import { defineRule, eq } from '../rule';
import { q } from '../ormAdvice';
import { columnsOfType } from './columnTypeRule';
import { findOn } from '../helpers';

const INT32 = /^(int|integer|int4|int2|smallint|serial|serial4|smallserial|serial2|mediumint|int\(\d+\)|int\s+unsigned|integer\s+unsigned|int\(\d+\)\s+unsigned)$/;

export default defineRule({
  id: 'prefer-bigint-ids',
  category: 'types', set: 'strict', severity: 'info', dialects: ['postgres', 'mysql', 'mariadb'],
  summary: 'Primary and foreign keys declared as 32-bit integers overflow at 2.1 billion.',
  why: 'Busy tables reach 2^31 ids sooner than expected; widening the key later rewrites the table and every referencing table under lock.',
  safeAlternative: { text: 'Use bigint (identity) for keys and the columns that reference them.', snippets: { sql: 'CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);', typeorm: "@PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;", sequelize: 'id: { type: Sequelize.BIGINT, autoIncrement: true, primaryKey: true }' } },
  equivalents: eq({}),
  examples: { postgres: { orm: 'sequelize', bad: "module.exports = {\n  async up(queryInterface, Sequelize) {\n    await queryInterface.createTable('events', { id: { type: Sequelize.INTEGER, autoIncrement: true, primaryKey: true } });\n  },\n  async down(queryInterface) {\n    await queryInterface.dropTable('events');\n  },\n};", good: "module.exports = {\n  async up(queryInterface, Sequelize) {\n    await queryInterface.createTable('events', { id: { type: Sequelize.BIGINT, autoIncrement: true, primaryKey: true } });\n  },\n  async down(queryInterface) {\n    await queryInterface.dropTable('events');\n  },\n};" }, mysql: { bad: 'CREATE TABLE orders (id int AUTO_INCREMENT PRIMARY KEY);', good: 'CREATE TABLE orders (id bigint AUTO_INCREMENT PRIMARY KEY);' } },
  check(ctx) {
    // PostgreSQL columns written in SQL are prefer-bigint's (every integer column, as squawk does).
    return columnsOfType(ctx, (t, spec) => INT32.test(t) && (!!spec.primary || !!spec.references || /(^id$|_id$)/i.test(spec.name)))
      .filter((m) => !(ctx.dialect === 'postgres' && m.op.via === 'sql')).map((m) => findOn(m.op,
      `Key column ${q(m.spec.name)} is ${m.spec.type}: it overflows at about 2.1 billion, and widening it later rewrites the table (and those referencing it). Use bigint.`));
  },
});
