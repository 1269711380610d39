import type { Migration } from '../../model/migration';
import { defineRule, eq } from '../rule';
import { colName, findOn, onExistingTable } from '../helpers';
import { q } from '../ormAdvice';

function stopReading(m: Migration, col: string): string {
  switch (m.orm) {
    case 'typeorm': return `first remove ${q(col)} from the entity (or mark it \`select: false\`) and deploy`;
    case 'sequelize': return `first remove ${q(col)} from the model and deploy`;
    case 'prisma': return `first remove the field from the deployed client (old instances select it by name)`;
    default: return `first deploy code that no longer reads ${q(col)}`;
  }
}

export default defineRule({
  id: 'drop-column',
  category: 'compatibility', severity: 'warning', dialects: ['postgres', 'mysql', 'mariadb'],
  summary: 'Dropping a column breaks instances that still read it, and loses its data.',
  why: 'During a deploy the old version keeps running: ORMs select every mapped column by name, so queries fail the moment the column is gone. The data is gone too — a rollback cannot bring it back.',
  safeAlternative: { text: 'Stop reading the column in one deploy, drop it in a later migration, after copying it to a backup table if it may be needed.', snippets: {
    typeorm: "@Column({ select: false, nullable: true }) legacyCode?: string; // deploy, then drop in a later migration",
    sequelize: "// remove the attribute from the model, deploy, then:\nawait queryInterface.removeColumn('orders', 'legacy_code');",
    sql: 'CREATE TABLE orders_legacy_code_backup AS SELECT id, legacy_code FROM orders;\nALTER TABLE orders DROP COLUMN legacy_code;',
  } },
  equivalents: eq({ squawk: ['ban-drop-column'], strong_migrations: ['remove_column'], atlas: ['DS103'] }),
  examples: { postgres: { bad: 'ALTER TABLE orders DROP COLUMN legacy_code;', good: '-- after a deploy that no longer reads it:\nALTER TABLE orders DROP COLUMN legacy_code;  -- safe-migrations-ignore drop-column' } },
  check(ctx) {
    return ctx.ops.filter((op) => op.kind === 'dropColumn' && onExistingTable(ctx, op)).map((op) => findOn(op,
      `Dropping ${q(op.table)}.${q(colName(op))} breaks running instances that still select it, and its data cannot be rolled back: ${stopReading(ctx.migration, colName(op))}, then drop it in a later migration.`));
  },
});
