import type { Operation } from '../../model/migration';
import { defineRule, eq, type RuleContext } from '../rule';
import { findOn } from '../helpers';
import { q } from '../ormAdvice';

const NO_GUARD_ON_MYSQL = new Set(['addColumn', 'dropColumn', 'createIndex', 'dropIndex', 'addForeignKey', 'dropForeignKey', 'dropConstraint', 'addUnique', 'addCheck']);

/** Only the user (a --dialect flag, the `dialect` setting) says MySQL for certain: drivers and providers named "mysql" serve MariaDB too. */
function knownToBeMysql(ctx: RuleContext): boolean {
  return ctx.config.dialect === 'mysql' || ctx.file.dialectInfo.source === 'flag' || ctx.file.dialectInfo.source === 'setting';
}

/** IF [NOT] EXISTS written on the step itself (not on the CREATE/DROP TABLE it sits in). */
function statesGuard(op: Operation): boolean {
  if (op.ifExists || op.ifNotExists) return true;
  return !/^\s*(CREATE|DROP)\s+(TEMPORARY\s+)?TABLE\b/i.test(op.text) && /\bIF\s+(NOT\s+)?EXISTS\b/i.test(op.text);
}

/** How MySQL checks first, per ORM and object: the catalog, never the clause it lacks. */
function mysqlGuard(ctx: RuleContext, op: Operation): string {
  const constraint = /Constraint|ForeignKey|Unique|Check/.test(op.kind);
  const index = op.kind.includes('Index');
  if (ctx.orm === 'typeorm') {
    return constraint ? 'check information_schema.TABLE_CONSTRAINTS through `queryRunner.query` first'
      : index ? 'check `(await queryRunner.getTable(table))?.indices` first' : 'check `await queryRunner.hasColumn(table, column)` first';
  }
  if (ctx.orm === 'sequelize') {
    return constraint ? 'check information_schema.TABLE_CONSTRAINTS (or `queryInterface.getForeignKeyReferencesForTable`) first'
      : index ? 'check `await queryInterface.showIndex(table)` first' : 'check `await queryInterface.describeTable(table)` first';
  }
  return `run it through a prepared statement chosen over information_schema.${constraint ? 'TABLE_CONSTRAINTS' : index ? 'STATISTICS' : 'COLUMNS'}`;
}

export default defineRule({
  id: 'mysql-if-exists-unsupported',
  category: 'mysql', severity: 'error', dialects: ['mysql'], phases: ['up', 'down'],
  summary: 'MySQL has no IF [NOT] EXISTS for columns, indexes or constraints (MariaDB does): the statement is a syntax error on MySQL.',
  why: 'ADD COLUMN IF NOT EXISTS, DROP COLUMN IF EXISTS, CREATE INDEX IF NOT EXISTS and friends are MariaDB extensions (10.2 and later accept them all). On MySQL the migration fails — after committing any DDL that ran before it. When the project does not say MySQL or MariaDB for certain (drivers and Prisma\'s provider say "mysql" for both), this is a warning.',
  safeAlternative: { text: 'On MySQL, check information_schema first (TypeORM `queryRunner.hasColumn`, Sequelize `describeTable`), or use a prepared statement. On MariaDB, set "dialect": "mariadb" and keep the clause.', snippets: {
    sql: "SET @s = (SELECT IF(COUNT(*) = 0, 'ALTER TABLE orders ADD COLUMN status varchar(20)', 'DO 0') FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND COLUMN_NAME = 'status');\nPREPARE stmt FROM @s; EXECUTE stmt; DEALLOCATE PREPARE stmt;",
    typeorm: "if (!(await queryRunner.hasColumn('orders', 'status'))) {\n  await queryRunner.addColumn('orders', new TableColumn({ name: 'status', type: 'varchar', length: '20', isNullable: true }));\n}",
    sequelize: "const cols = await queryInterface.describeTable('orders');\nif (!cols.status) await queryInterface.addColumn('orders', 'status', { type: Sequelize.STRING(20), allowNull: true });",
  } },
  equivalents: eq({}),
  examples: { mysql: { bad: 'ALTER TABLE orders ADD COLUMN IF NOT EXISTS status varchar(20);', good: "-- guarded through information_schema (see the snippet)" } },
  check(ctx) {
    const certain = knownToBeMysql(ctx);
    return ctx.ops.filter((op) => op.via === 'sql' && NO_GUARD_ON_MYSQL.has(op.kind) && statesGuard(op)).map((op) => {
      const clause = `IF ${op.kind.startsWith('drop') ? '' : 'NOT '}EXISTS`;
      const what = `${op.kind} ${q(op.index ?? op.constraint ?? (op.column ? `${op.table}.${op.column}` : op.table))}`;
      const howOnMysql = mysqlGuard(ctx, op);
      return certain
        ? findOn(op, `MySQL has no ${clause} for ${what} (MariaDB has): this is a syntax error on MySQL. Drop the clause and ${howOnMysql}.`)
        : findOn(op, `${clause} on ${what} fails on MySQL (a syntax error) and works on MariaDB 10.2 and later; nothing here says which one this project runs. On MariaDB, set "dialect": "mariadb"; on MySQL, drop the clause and ${howOnMysql}.`, { severity: 'warning' });
    });
  },
});
