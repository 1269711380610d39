import { defineRule, eq } from '../rule';
import { findOn, onExistingTable } from '../helpers';
import { q } from '../ormAdvice';
import { mysqlDdlKey, onlineDdlVerdict } from '../../knowledge/mysqlOnlineDdl';
import { serverVersion } from '../../knowledge/versions';

/** Rows other rules explain in their own words. */
const COVERED = new Set(['changeType', 'varcharCrossesLengthBytes', 'enumReorder', 'addForeignKey', 'addStoredGenerated', 'addAutoIncrementColumn', 'addCheck', 'addPrimaryKey', 'rebuildTable']);

export default defineRule({
  id: 'mysql-blocking-alter',
  category: 'mysql', severity: 'warning', dialects: ['mysql', 'mariadb'], lockRule: true,
  summary: 'An ALTER that InnoDB can only run with ALGORITHM=COPY or LOCK=SHARED: writes wait for the whole operation.',
  why: 'InnoDB runs most ALTERs online (INSTANT or INPLACE with LOCK=NONE). Some cannot: dropping a primary key, FULLTEXT/SPATIAL indexes, converting the character set. Those copy or lock the table and writes queue until they finish.',
  safeAlternative: { text: 'Run COPY-only changes through gh-ost or pt-online-schema-change; state ALGORITHM/LOCK explicitly so the server refuses instead of silently blocking.', snippets: { sql: 'ALTER TABLE orders ADD FULLTEXT INDEX orders_note_ft (note), ALGORITHM=INPLACE, LOCK=SHARED; -- be explicit, schedule it' } },
  equivalents: eq({ strong_migrations: ['copy_algorithm'], atlas: ['MY137', 'MY138', 'MY139'] }),
  examples: { mysql: { bad: 'ALTER TABLE orders ADD FULLTEXT INDEX orders_note_ft (note);', good: 'ALTER TABLE orders ADD INDEX orders_note_idx (note), ALGORITHM=INPLACE, LOCK=NONE;' } },
  check(ctx) {
    const version = serverVersion(ctx.dialect === 'unknown' ? 'mysql' : ctx.dialect, ctx.config) ?? '8.4';
    return ctx.ops.flatMap((op) => {
      if (!onExistingTable(ctx, op) && !/OPTIMIZE|CONVERT/i.test(op.text)) return [];
      const h = ctx.columnHistory(op.table, op.column, op);
      const key = mysqlDdlKey(op, { previousType: h.type, previousNullable: h.nullable, charset: h.charset });
      if (!key || COVERED.has(key)) return [];
      const v = onlineDdlVerdict(key, ctx.dialect === 'mariadb' ? 'mariadb' : 'mysql', version);
      if (!v || v.dmlContinues) return [];
      return [findOn(op, `${v.row.operation} on ${q(op.table)}: ${v.algorithm === 'COPY' ? 'only ALGORITHM=COPY works' : 'in place but LOCK=SHARED'} on ${ctx.dialect === 'mariadb' ? 'MariaDB' : 'MySQL'} ${version}, so writes wait for the whole operation${v.support.note ? ` (${v.support.note})` : ''}. Use gh-ost / pt-online-schema-change on a large table.`)];
    });
  },
});
