import { defineRule, eq } from '../rule';
import { colName, findOn, onExistingTable } from '../helpers';
import { q } from '../ormAdvice';
import { mysqlDdlKey } from '../../knowledge/mysqlOnlineDdl';

export default defineRule({
  id: 'mysql-not-null-without-strict-mode',
  category: 'mysql', severity: 'warning', dialects: ['mysql', 'mariadb'], lockRule: true,
  summary: 'Making a column NOT NULL rebuilds the table, and without strict SQL mode silently rewrites NULLs.',
  why: 'MODIFY … NOT NULL rebuilds the table in place. In strict mode it fails if a NULL exists; without strict mode (sql_mode lacking STRICT_TRANS_TABLES) MySQL converts NULLs to the implicit default (0, \'\', zero date) and only warns — data changes without anyone noticing.',
  safeAlternative: { text: 'Backfill NULLs explicitly first, make sure the session runs in strict mode, then change the column.', snippets: { sql: "SET SESSION sql_mode = CONCAT(@@sql_mode, ',STRICT_TRANS_TABLES');\nUPDATE orders SET note = '' WHERE note IS NULL; -- in batches\nALTER TABLE orders MODIFY note varchar(100) NOT NULL;" } },
  equivalents: eq({ strong_migrations: ['change_column_null'], atlas: ['MF104'] }),
  examples: { mysql: { bad: '-- orders.n is int NULL\nALTER TABLE orders MODIFY n int NOT NULL;', good: "SET SESSION sql_mode = 'STRICT_TRANS_TABLES';\nUPDATE orders SET n = 0 WHERE n IS NULL;\nALTER TABLE orders MODIFY n int NOT NULL;" } },
  check(ctx) {
    const strict = ctx.ops.some((o) => (o.kind === 'setting' && /sql_mode/i.test(o.setting?.name ?? '') && /STRICT/i.test(o.setting?.value ?? '')) || /sql_mode[^;]*STRICT/i.test(o.kind === 'rawSql' ? o.text : ''));
    if (strict) return [];
    return ctx.ops.filter((op) => {
      if (!onExistingTable(ctx, op)) return false;
      if (op.kind === 'setNotNull') return true;
      if (op.kind !== 'alterColumnType' || op.columnSpec?.nullable !== false) return false;
      const h = ctx.columnHistory(op.table, op.column, op);
      return h.nullable !== false && (mysqlDdlKey(op, { previousType: h.type, previousNullable: h.nullable }) === 'setNotNull');
    }).map((op) => findOn(op, `Making ${q(op.table)}.${q(colName(op))} NOT NULL rebuilds the table; without strict SQL mode existing NULLs are silently turned into the implicit default (0, '', zero date) instead of failing. Backfill NULLs explicitly first.`));
  },
});
