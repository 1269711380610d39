import { defineRule, eq } from '../rule';
import { colName, findOn, onExistingTable } from '../helpers';
import { q } from '../ormAdvice';
import { charsetBytes, mysqlDdlKey } from '../../knowledge/mysqlOnlineDdl';
import { typeLength } from '../../knowledge/operationFacts';

export default defineRule({
  id: 'mysql-varchar-length-boundary',
  category: 'mysql', severity: 'warning', dialects: ['mysql', 'mariadb'], lockRule: true,
  summary: 'Growing a VARCHAR across 255 bytes (or shrinking it) copies the table.',
  why: 'InnoDB stores a 1-byte length prefix up to 255 bytes and 2 bytes beyond. Growth within the same class is in place (instant on MariaDB); crossing it, or any shrink, needs ALGORITHM=COPY with writes blocked. With utf8mb4 (4 bytes per character) the boundary is varchar(63) → varchar(64).',
  safeAlternative: { text: 'Stay within the length class, or jump straight to the final size in one change scheduled with gh-ost / pt-online-schema-change.', snippets: { sql: 'ALTER TABLE users MODIFY nickname varchar(63), ALGORITHM=INPLACE, LOCK=NONE; -- utf8mb4: ≤ 255 bytes' } },
  equivalents: eq({ strong_migrations: ['change_column'] }),
  examples: { mysql: { bad: '-- orders.nick is varchar(50) in a utf8mb4 table (200 bytes)\nALTER TABLE orders MODIFY nick varchar(100);', good: '-- orders.nick is varchar(50) in a utf8mb4 table (200 bytes)\nALTER TABLE orders MODIFY nick varchar(60);' } },
  check(ctx) {
    return ctx.ops.flatMap((op) => {
      if (op.kind !== 'alterColumnType' || !onExistingTable(ctx, op)) return [];
      const h = ctx.columnHistory(op.table, op.column, op);
      if (mysqlDdlKey(op, { previousType: h.type, previousNullable: h.nullable, charset: h.charset }) !== 'varcharCrossesLengthBytes') return [];
      const bytes = charsetBytes(h.charset);
      const a = typeLength(h.type), b = typeLength(op.columnSpec?.type);
      const detail = a !== undefined && b !== undefined && b < a ? `shrinking it from ${a} to ${b} characters` : `${a ?? '?'} → ${b ?? '?'} characters × ${bytes} bytes (${h.charset ?? 'utf8mb4'}) crosses the 255-byte length-prefix boundary`;
      return [findOn(op, `${q(op.table)}.${q(colName(op))}: ${detail}, so ${ctx.dialect === 'mariadb' ? 'MariaDB' : 'MySQL'} needs ALGORITHM=COPY and writes wait for the whole copy.`)];
    });
  },
});
