import { defineRule, eq } from '../rule';
import { colName, findOn, onExistingTable } from '../helpers';
import { q } from '../ormAdvice';

/**
 * The accidental form of drop-not-null: a statement that restates the whole column (MySQL/MariaDB MODIFY/CHANGE,
 * Sequelize's changeColumn on any dialect) drops a NOT NULL it leaves out. The deliberate forms (an explicit NULL,
 * DROP NOT NULL, allowNull: true) stay with drop-not-null (strict).
 */
export default defineRule({
  id: 'modify-drops-not-null',
  category: 'compatibility', severity: 'warning', dialects: ['postgres', 'mysql', 'mariadb'],
  summary: 'MODIFY/CHANGE (MySQL) or Sequelize changeColumn without NOT NULL silently makes a NOT NULL column nullable.',
  why: 'MySQL and MariaDB MODIFY and CHANGE replace the whole column definition, and Sequelize\'s changeColumn does the same on every dialect (on PostgreSQL it emits DROP NOT NULL and DROP DEFAULT for what the call leaves out): whatever the statement does not restate is dropped. A type change written as `MODIFY col LONGTEXT` or `changeColumn(t, col, { type: DataTypes.TEXT })` on a NOT NULL column lets NULLs in that the application never expected, and nobody asked for it.',
  safeAlternative: {
    text: 'Restate the full definition: `MODIFY col LONGTEXT NOT NULL` (plus its DEFAULT and COMMENT); in Sequelize pass allowNull: false (and defaultValue).',
    snippets: { sql: 'ALTER TABLE `chat_flow` MODIFY `flowData` LONGTEXT NOT NULL;', sequelize: "await queryInterface.changeColumn('orders', 'note', { type: Sequelize.TEXT, allowNull: false });" },
  },
  equivalents: eq({}),
  examples: { mysql: { bad: '-- orders.account_id is bigint NOT NULL\nALTER TABLE orders MODIFY account_id bigint UNSIGNED;', good: 'ALTER TABLE orders MODIFY account_id bigint UNSIGNED NOT NULL;' } },
  check(ctx) {
    return ctx.ops.flatMap((op) => {
      if (op.kind !== 'alterColumnType' || !onExistingTable(ctx, op)) return [];
      const sequelize = !!op.details?.impliedNullable;
      const mysqlModify = ctx.dialect !== 'postgres' && op.columnSpec?.nullable === undefined && !op.details?.sequelizeChangeColumn;
      if (!sequelize && !mysqlModify) return [];
      if (ctx.columnHistory(op.table, op.column, op).nullable !== false) return [];
      const how = sequelize
        ? `this changeColumn does not say allowNull: false, so Sequelize ${ctx.dialect === 'postgres' ? 'emits DROP NOT NULL (and DROP DEFAULT)' : 'restates the column without NOT NULL'}`
        : `this MODIFY does not say NOT NULL, and ${ctx.dialect === 'mariadb' ? 'MariaDB' : 'MySQL'} replaces the whole definition`;
      return [findOn(op, `${q(op.table)}.${q(colName(op))} is NOT NULL, but ${how}: the column silently becomes nullable. ${sequelize ? 'Pass allowNull: false (and its defaultValue).' : 'Add NOT NULL (and restate its DEFAULT).'}`)];
    });
  },
});
