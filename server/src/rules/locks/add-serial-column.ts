import { defineRule, eq } from '../rule';
import { colName, findOn, onExistingTable } from '../helpers';
import { q } from '../ormAdvice';
import { isSerialType } from '../../knowledge/operationFacts';

export default defineRule({
  id: 'add-serial-column',
  category: 'locks', severity: 'warning', dialects: ['postgres', 'mysql', 'mariadb'], lockRule: true,
  summary: 'Adding a serial / identity / AUTO_INCREMENT column to an existing table rewrites it.',
  why: 'Every existing row needs a sequence value: PostgreSQL rewrites the table under ACCESS EXCLUSIVE; InnoDB rebuilds it with writes blocked (LOCK=SHARED), and statement-based replicas can number rows differently.',
  safeAlternative: { text: 'Add a nullable bigint column, attach a sequence default for new rows, backfill existing rows in batches, then constrain.', snippets: { sql: "ALTER TABLE orders ADD COLUMN seq bigint;\nCREATE SEQUENCE orders_seq_seq OWNED BY orders.seq;\nALTER TABLE orders ALTER COLUMN seq SET DEFAULT nextval('orders_seq_seq');\n-- backfill in batches" } },
  equivalents: eq({ squawk: ['adding-serial-primary-key-field'], strong_migrations: ['add_column_auto_incrementing'], atlas: ['MY141'], eugene: ['E11'] }),
  examples: {
    postgres: { bad: 'ALTER TABLE orders ADD COLUMN seq bigserial;', good: 'ALTER TABLE orders ADD COLUMN seq bigint;' },
    mysql: { bad: 'ALTER TABLE orders ADD COLUMN seq int AUTO_INCREMENT UNIQUE;', good: 'ALTER TABLE orders ADD COLUMN seq int NULL;' },
  },
  check(ctx) {
    return ctx.ops.filter((op) => op.kind === 'addColumn' && onExistingTable(ctx, op)
      && (op.columnSpec?.autoIncrement || op.columnSpec?.generated === 'identity' || isSerialType(op.columnSpec?.type))).map((op) => findOn(op, ctx.dialect === 'postgres'
      ? `ADD COLUMN ${q(colName(op))} ${op.columnSpec?.type ?? 'serial'} fills a sequence value into every row: ${q(op.table)} is rewritten under an ACCESS EXCLUSIVE lock.`
      : `ADD COLUMN ${q(colName(op))} AUTO_INCREMENT rebuilds ${q(op.table)} with writes blocked (LOCK=SHARED), and statement-based replicas may number rows differently.`));
  },
});
