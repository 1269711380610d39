import { defineRule, eq } from '../rule';
import { colName, findOn, onExistingTable, statementOf } from '../helpers';
import { q } from '../ormAdvice';
import { pgTypeChangeRewrites } from '../../knowledge/postgresTypes';
import { mysqlDdlKey } from '../../knowledge/mysqlOnlineDdl';

export default defineRule({
  id: 'change-column-type',
  category: 'locks', severity: 'warning', dialects: ['postgres', 'mysql', 'mariadb'], lockRule: true,
  summary: 'Changing a column type rewrites the table (except binary-compatible widenings) and breaks running code.',
  why: 'PostgreSQL rewrites the table and its indexes under ACCESS EXCLUSIVE unless the change is binary-compatible (varchar(n)→varchar(m>n), varchar→text, numeric precision increase). MySQL/MariaDB copy the table (ALGORITHM=COPY) with writes blocked. Old application code may also send values the new type rejects.',
  safeAlternative: {
    text: 'Expand/contract: add a new column of the new type, write both, backfill in batches, switch reads, then drop the old column.',
    snippets: { sql: 'ALTER TABLE orders ADD COLUMN account_id_new bigint;\n-- app writes both; backfill in batches; switch reads; drop account_id later' },
  },
  equivalents: eq({ squawk: ['changing-column-type'], strong_migrations: ['change_column'], atlas: ['PG301'], eugene: ['E5'] }),
  examples: {
    postgres: { bad: 'ALTER TABLE orders ALTER COLUMN total TYPE integer;', good: 'ALTER TABLE orders ALTER COLUMN note TYPE text; -- varchar → text: no rewrite' },
    mysql: { bad: 'ALTER TABLE orders MODIFY account_id int NOT NULL;', good: 'ALTER TABLE orders ADD COLUMN account_id_new bigint NULL;' },
  },
  check(ctx) {
    const out = [];
    const reported = new Map<string, { count: number; finding: { message: string } }>();
    for (const op of ctx.ops) {
      if (op.kind !== 'alterColumnType' || !onExistingTable(ctx, op)) continue;
      const h = ctx.columnHistory(op.table, op.column, op);
      const to = op.columnSpec?.type ?? '?';
      const from = h.type ? ` from ${h.type}` : '';
      if (ctx.dialect === 'postgres') {
        if (pgTypeChangeRewrites(h.type, to) === false) continue;
        // To text from an unknown type is most often varchar → text, which is binary-compatible: no claim without history.
        if (!h.type && /^text$/i.test(to.trim()) && !/\bUSING\b/i.test(op.text)) continue;
        // One ALTER statement rewrites its table once, however many columns it changes.
        const key = `${(op.table ?? '').toLowerCase()}|${statementOf(op)}`;
        if (reported.has(key)) { reported.get(key)!.count++; continue; }
        const finding = findOn(op, `Changing ${q(op.table)}.${q(colName(op))}${from} to ${to} rewrites the table and its indexes under an ACCESS EXCLUSIVE lock: reads and writes wait. Use a new column and backfill (expand/contract).`);
        reported.set(key, { count: 0, finding });
        out.push(finding);
      } else {
        // Without the column's earlier definition, MODIFY/CHANGE may restate the same type (CHANGE is how older
        // servers rename): claiming a table copy would be a guess.
        if (!h.type) continue;
        const key = mysqlDdlKey(op, { previousType: h.type, previousNullable: h.nullable, charset: h.charset });
        if (key !== 'changeType') continue;
        out.push(findOn(op, `Changing ${q(op.table)}.${q(colName(op))}${from} to ${to} needs ALGORITHM=COPY: the table is copied and writes wait. Use a new column and backfill (expand/contract), or gh-ost / pt-online-schema-change.`));
      }
    }
    for (const { count, finding } of reported.values()) if (count) finding.message += ` (${count} more column${count > 1 ? 's' : ''} change type in the same statement: one rewrite.)`;
    return out;
  },
});
