import { defineRule, eq } from '../rule';
import { findOn } from '../helpers';
import { guardAdvice } from '../ormAdvice';

const NO_GUARD_ON_MYSQL = new Set(['addColumn', 'dropColumn', 'createIndex', 'dropIndex', 'addForeignKey', 'dropForeignKey', 'dropConstraint', 'addUnique', 'addCheck']);

export default defineRule({
  id: 'mysql-if-exists-unsupported',
  category: 'mysql', severity: 'error', dialects: ['mysql'],
  summary: 'MySQL has no IF [NOT] EXISTS for columns, indexes or constraints (MariaDB does): the statement is a syntax error.',
  why: 'ADD COLUMN IF NOT EXISTS, DROP COLUMN IF EXISTS, CREATE INDEX IF NOT EXISTS and friends are MariaDB extensions. On MySQL the migration fails — after committing any DDL that ran before it.',
  safeAlternative: { text: 'Check information_schema first (TypeORM `queryRunner.hasColumn`, Sequelize `describeTable`), or use a prepared statement.', snippets: {
    sql: "SET @s = (SELECT IF(COUNT(*) = 0, 'ALTER TABLE orders ADD COLUMN status varchar(20)', 'DO 0') FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND COLUMN_NAME = 'status');\nPREPARE stmt FROM @s; EXECUTE stmt; DEALLOCATE PREPARE stmt;",
    typeorm: "if (!(await queryRunner.hasColumn('orders', 'status'))) {\n  await queryRunner.addColumn('orders', new TableColumn({ name: 'status', type: 'varchar', length: '20', isNullable: true }));\n}",
    sequelize: "const cols = await queryInterface.describeTable('orders');\nif (!cols.status) await queryInterface.addColumn('orders', 'status', { type: Sequelize.STRING(20), allowNull: true });",
  } },
  equivalents: eq({}),
  examples: { mysql: { bad: 'ALTER TABLE orders ADD COLUMN IF NOT EXISTS status varchar(20);', good: "-- guarded through information_schema (see the snippet)" } },
  check(ctx) {
    return ctx.ops.filter((op) => op.via === 'sql' && NO_GUARD_ON_MYSQL.has(op.kind) && (op.ifExists || op.ifNotExists || /\bIF\s+(NOT\s+)?EXISTS\b/i.test(op.text))).map((op) =>
      findOn(op, `MySQL does not support IF ${op.kind.startsWith('drop') ? '' : 'NOT '}EXISTS here (MariaDB does): this is a syntax error on MySQL. ${guardAdvice(ctx.migration, 'mysql', op)}.`));
  },
});
