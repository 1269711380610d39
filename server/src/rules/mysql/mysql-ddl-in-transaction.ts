import { defineRule, eq } from '../rule';
import { findOn, isDdl, statementOf } from '../helpers';

export default defineRule({
  id: 'mysql-ddl-in-transaction',
  category: 'mysql', severity: 'warning', dialects: ['mysql', 'mariadb'], phases: ['up', 'down'],
  summary: 'DDL inside a transaction on MySQL/MariaDB: every statement commits implicitly, so the "transaction" cannot roll back.',
  why: 'MySQL and MariaDB commit before and after each DDL statement, even one that fails. A multi-step migration wrapped in a transaction (TypeORM mode "all"/"each", BEGIN … COMMIT, a Sequelize transaction) that fails half-way stays half-applied, the runner records nothing, and a re-run or `down` starts from a state nobody expected.',
  safeAlternative: {
    text: 'One DDL statement per migration, or make every step idempotent (guarded) so a re-run completes the job; keep an explicit compensating down.',
    snippets: {
      typeorm: "if (!(await queryRunner.hasColumn('orders', 'status'))) await queryRunner.query('ALTER TABLE orders ADD COLUMN status varchar(20)');",
      sequelize: "// no sequelize.transaction() around DDL: it commits anyway\nconst cols = await queryInterface.describeTable('orders');\nif (!cols.status) await queryInterface.addColumn('orders', 'status', Sequelize.STRING(20));",
      sql: '-- one statement per migration file\nALTER TABLE orders ADD COLUMN status varchar(20);',
    },
  },
  equivalents: eq({}),
  examples: { mysql: { bad: 'BEGIN;\nALTER TABLE orders ADD COLUMN status varchar(20);\nALTER TABLE orders ADD INDEX orders_status_idx (status);\nCOMMIT;', good: 'ALTER TABLE orders ADD COLUMN status varchar(20);' } },
  check(ctx) {
    const ddl = ctx.ops.filter(isDdl);
    const explicit = ddl.find((op) => ctx.inExplicitTransaction(op));
    if (explicit) {
      const how = ctx.ops.some((o) => o.kind === 'transactionControl' && o.transaction === 'begin') ? 'BEGIN … COMMIT' : 'the transaction the migration opens';
      return [findOn(explicit, `${how} does not protect DDL on ${ctx.dialect === 'mariadb' ? 'MariaDB' : 'MySQL'}: this statement commits implicitly (even if it fails), so a failure later leaves the migration half-applied. Make each step idempotent or split the migration.`)];
    }
    const statements = ddl.filter((op, i) => i === 0 || statementOf(op) !== statementOf(ddl[i - 1]));
    if (ctx.migration.transactional === true && statements.length >= 2) {
      // The runner's own transaction is a property of every migration of such a project, not a mistake in this
      // one: a hint (the explicit BEGIN above is the mistake a reviewer flags).
      return [findOn(statements[1], `The runner wraps this migration in a transaction${ctx.migration.transactionalReason ? ` (${ctx.migration.transactionalReason.replace(/\.$/, '')})` : ''}, but ${ctx.dialect === 'mariadb' ? 'MariaDB' : 'MySQL'} commits each DDL statement implicitly: if this step fails, the ones before it stay applied and the migration is not recorded. Split it (one DDL per migration) or guard every step so a re-run completes.`, { severity: 'hint' })];
    }
    return [];
  },
});
