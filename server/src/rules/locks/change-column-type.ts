import type { Operation } from '../../model/migration';
import { defineRule, eq, type RuleFinding } from '../rule';
import { colName, findOn, onExistingTable, statementOf } from '../helpers';
import { q } from '../ormAdvice';
import { pgTypeChangeRewrites } from '../../knowledge/postgresTypes';
import { mysqlDdlKey } from '../../knowledge/mysqlOnlineDdl';

/** Types a column is changed *to* to widen it (INT → BIGINT, TEXT → LONGTEXT): restating them unchanged is rare. */
const WIDENING_TARGET = /^(big\s*int|bigint)\b|^(medium|long)(text|blob)\b/i;

/** The type this migration's down gives the same column back, when it differs from the up's. */
function typeRestoredByDown(down: Operation[], op: Operation): string | undefined {
  const same = (a?: string, b?: string) => !!a && !!b && a.toLowerCase() === b.toLowerCase();
  const back = down.find((d) => d.kind === 'alterColumnType' && same(d.table, op.table) && same(d.column, op.column));
  const type = back?.columnSpec?.type;
  return type && !same(type, op.columnSpec?.type) ? type : undefined;
}

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
    const out: RuleFinding[] = [];
    const reported = new Map<string, { count: number; finding: { message: string } }>();
    // One ALTER statement rewrites (or copies) its table once, however many columns it changes.
    const report = (op: Operation, message: string) => {
      const key = `${(op.table ?? '').toLowerCase()}|${statementOf(op)}`;
      if (reported.has(key)) { reported.get(key)!.count++; return; }
      const finding = findOn(op, message);
      reported.set(key, { count: 0, finding });
      out.push(finding);
    };
    for (const op of ctx.ops) {
      if (op.kind !== 'alterColumnType' || !onExistingTable(ctx, op)) continue;
      const h = ctx.columnHistory(op.table, op.column, op);
      const to = op.columnSpec?.type ?? '?';
      const from = h.type ? ` from ${h.type}` : '';
      if (ctx.dialect === 'postgres') {
        if (pgTypeChangeRewrites(h.type, to) === false) continue;
        // To text from an unknown type is most often varchar → text, which is binary-compatible: no claim without history.
        if (!h.type && /^text$/i.test(to.trim()) && !/\bUSING\b/i.test(op.text)) continue;
        // Sequelize's changeColumn must restate the type to change anything else: when the call is about a key
        // (unique, primaryKey, references) and the column's history is unknown, the type most likely stays, and the
        // same type is no rewrite.
        const options = (op.details?.options as string[] | undefined) ?? [];
        if (!h.type && op.details?.sequelizeChangeColumn && options.some((k) => /^(unique|primaryKey|references|autoIncrement|comment)$/.test(k))) continue;
        report(op, `Changing ${q(op.table)}.${q(colName(op))}${from} to ${to} rewrites the table and its indexes under an ACCESS EXCLUSIVE lock: reads and writes wait. Use a new column and backfill (expand/contract).`);
      } else {
        // The earlier type comes from the history, else from this migration's own down (which restores it).
        const previous = h.type ?? (ctx.phase === 'up' ? typeRestoredByDown(ctx.migration.down, op) : undefined);
        if (!previous) {
          // Without the earlier definition, MODIFY/CHANGE may restate the same type (CHANGE is how older servers
          // rename, MODIFY how they change NULL): no claim, except for the types a column is widened *to*.
          if (!WIDENING_TARGET.test(to.trim())) continue;
          report(op, `Changing ${q(op.table)}.${q(colName(op))} to ${to} (its earlier definition is not in the migrations read): any real type change needs ALGORITHM=COPY on ${ctx.dialect === 'mariadb' ? 'MariaDB' : 'MySQL'}, so the table is copied and writes wait. Use a new column and backfill (expand/contract), or gh-ost / pt-online-schema-change.`);
          continue;
        }
        const key = mysqlDdlKey(op, { previousType: previous, previousNullable: h.nullable, charset: h.charset });
        if (key !== 'changeType') continue;
        const was = h.type ? from : ` from ${previous} (the type its down restores)`;
        report(op, `Changing ${q(op.table)}.${q(colName(op))}${was} to ${to} needs ALGORITHM=COPY: the table is copied and writes wait. Use a new column and backfill (expand/contract), or gh-ost / pt-online-schema-change.`);
      }
    }
    for (const { count, finding } of reported.values()) if (count) finding.message += ` (${count} more column${count > 1 ? 's' : ''} change type in the same statement: one rewrite.)`;
    return out;
  },
});
