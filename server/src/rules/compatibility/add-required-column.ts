import { defineRule, eq } from '../rule';
import { colName, findOn, onExistingTable } from '../helpers';
import { q } from '../ormAdvice';
import { isNotNullWithoutDefault } from '../../knowledge/operationFacts';

export default defineRule({
  id: 'add-required-column',
  category: 'compatibility', severity: 'warning', dialects: ['postgres', 'mysql', 'mariadb'],
  summary: 'ADD COLUMN … NOT NULL without a default: fails on a non-empty table (PostgreSQL) or silently fills an implicit value (MySQL), and old code cannot insert.',
  why: 'PostgreSQL rejects the ALTER as soon as the table has a row. MySQL/MariaDB fill existing rows with the implicit default (0, \'\', zero date). Either way, instances of the previous release insert without the column and fail.',
  safeAlternative: { text: 'Add it nullable (or with a DB default), backfill, deploy code that writes it, then add NOT NULL.', snippets: {
    sql: "ALTER TABLE orders ADD COLUMN currency char(3) DEFAULT 'EUR' NOT NULL;",
    typeorm: "await queryRunner.addColumn('orders', new TableColumn({ name: 'currency', type: 'char', length: '3', isNullable: true }));",
    sequelize: "await queryInterface.addColumn('orders', 'currency', { type: Sequelize.STRING(3), allowNull: true });",
  } },
  equivalents: eq({ squawk: ['adding-required-field'], atlas: ['MF103', 'MY101'] }),
  examples: {
    postgres: { bad: 'ALTER TABLE orders ADD COLUMN currency char(3) NOT NULL;', good: "ALTER TABLE orders ADD COLUMN currency char(3) NOT NULL DEFAULT 'EUR';" },
    mysql: { bad: 'ALTER TABLE orders ADD COLUMN currency char(3) NOT NULL;', good: "ALTER TABLE orders ADD COLUMN currency char(3) NOT NULL DEFAULT 'EUR';" },
  },
  check(ctx) {
    return ctx.ops.filter((op) => op.kind === 'addColumn' && onExistingTable(ctx, op) && isNotNullWithoutDefault(op.columnSpec)).map((op) => findOn(op, ctx.dialect === 'postgres'
      ? `ADD COLUMN ${q(colName(op))} NOT NULL without a default fails as soon as ${q(op.table)} has a row, and old code inserting without it fails too. Add it nullable or with a default, backfill, then set NOT NULL.`
      : `ADD COLUMN ${q(colName(op))} NOT NULL without a default silently fills existing rows of ${q(op.table)} with the implicit default (0, '', zero date), and inserts from old code fail. Add it nullable or with an explicit default.`));
  },
});
