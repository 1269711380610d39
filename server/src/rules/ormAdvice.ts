// Advice sentences phrased the way the migration's ORM does things.
import type { Migration, Operation } from '../model/migration';

export const q = (name: string | undefined) => `"${name ?? '?'}"`;

/** How to run this migration outside a transaction. */
export function runOutsideTransaction(m: Migration): string {
  switch (m.orm) {
    case 'typeorm': return 'set `public transaction = false;` on the migration class (needs migrationsTransactionMode `each` or `none`; under `all` move it to a run with `--transaction none`)';
    case 'prisma': return 'put it alone in its own migration (Prisma runs a multi-statement migration.sql as one transaction)';
    case 'sequelize': return 'do not pass a `transaction` for it (Sequelize runs migrations without one unless you open it) and use `{ concurrently: true }`';
    default: return 'run it outside BEGIN … COMMIT, in its own migration';
  }
}

/** How to split a step into a migration of its own. */
export function separateMigration(m: Migration): string {
  switch (m.orm) {
    case 'typeorm': return 'a separate TypeORM migration (its own class and timestamp)';
    case 'prisma': return 'a separate Prisma migration folder';
    case 'sequelize': return 'a separate Sequelize migration file';
    default: return 'a separate migration file';
  }
}

/** The idempotency guard for this dialect and ORM. */
export function guardAdvice(m: Migration, dialect: string, op: Operation): string {
  const create = /^(create|add)/.test(op.kind);
  const sqlGuard = create ? 'IF NOT EXISTS' : 'IF EXISTS';
  const isColumnOrIndex = /Column|Index/.test(op.kind);
  if (dialect === 'mysql' && isColumnOrIndex) {
    const api = m.orm === 'typeorm' ? (op.kind.includes('Index') ? '`await queryRunner.getTable(...)` and check its indices' : '`await queryRunner.hasColumn(table, column)`')
      : m.orm === 'sequelize' ? (op.kind.includes('Index') ? '`await queryInterface.showIndex(table)`' : '`await queryInterface.describeTable(table)`')
      : 'a query on information_schema (COLUMNS / STATISTICS) with PREPARE';
    return `MySQL has no ${sqlGuard} for ${op.kind.includes('Index') ? 'indexes' : 'columns'}: guard it with ${api}`;
  }
  if (op.via === 'api') {
    if (m.orm === 'typeorm') return `guard it with \`queryRunner.has${op.kind.includes('Table') ? 'Table' : op.kind.includes('Column') ? 'Column' : 'Table'}(...)\` or write the SQL with ${sqlGuard}`;
    if (m.orm === 'sequelize') return `guard it with \`queryInterface.describeTable\` / \`showAllTables\`, or write the SQL with ${sqlGuard}`;
  }
  return `add ${sqlGuard}`;
}
