import { defineRule, eq } from '../rule';
import { colName, findOn, onExistingTable } from '../helpers';
import { q } from '../ormAdvice';
import { rawStatementKind } from '../../knowledge/operationFacts';
import { mysqlDdlKey } from '../../knowledge/mysqlOnlineDdl';

export default defineRule({
  id: 'enum-change',
  category: 'locks', severity: 'warning', dialects: ['postgres', 'mysql', 'mariadb'], lockRule: true,
  summary: 'Enum changes that fail in a transaction, rename values under running code, or copy the table.',
  why: 'PostgreSQL before 12 refuses ALTER TYPE … ADD VALUE inside a transaction, and from 12 the new value cannot be used until commit; renaming a value breaks code that still sends the old one. MySQL/MariaDB can only append ENUM values at the end in place: inserting, removing or reordering copies the table.',
  safeAlternative: { text: 'PostgreSQL: add values in a migration of their own (outside a transaction before 12), never rename. MySQL/MariaDB: append new values at the end.', snippets: { sql: "ALTER TYPE order_status ADD VALUE 'refunded' AFTER 'paid';", typeorm: "// MySQL: append only\nALTER TABLE orders MODIFY status ENUM('new','paid','refunded')" } },
  equivalents: eq({ squawk: ['require-enum-value-ordering'], strong_migrations: ['rename_enum_value'], atlas: ['MY110', 'MY111'] }),
  examples: {
    postgres: { bad: "BEGIN;\nALTER TYPE order_status ADD VALUE 'refunded';\nUPDATE orders SET status = 'refunded' WHERE refunded_at IS NOT NULL;\nCOMMIT;", good: "ALTER TYPE order_status ADD VALUE 'refunded' AFTER 'paid'; -- own migration" },
    mysql: { bad: "ALTER TABLE orders MODIFY status ENUM('refunded','new','paid');", good: "ALTER TABLE orders MODIFY status ENUM('new','paid','refunded');" },
  },
  check(ctx) {
    const out = [];
    for (const op of ctx.ops) {
      if (ctx.dialect === 'postgres') {
        const renamed = !!op.details?.renameValue || rawStatementKind(op) === 'renameEnumValue';
        if (renamed) out.push(findOn(op, 'Renaming an enum value breaks every running instance that still reads or writes the old label. Add the new value, migrate rows, and stop using the old one.'));
        if (renamed || op.kind !== 'alterEnum') continue;
        if (!op.enumPosition && !/\b(BEFORE|AFTER)\s+'/i.test(op.text)) out.push(findOn(op, `ADD VALUE without BEFORE/AFTER appends '${op.enumValues?.[0] ?? '?'}' last: enum values sort by declaration order, so ORDER BY and comparisons on ${q(op.table)} change meaning if it belongs elsewhere. State its position.`, { severity: 'info' }));
        if (!ctx.inTransaction(op)) continue;
        const value = op.enumValues?.[0];
        const usedLater = value !== undefined && ctx.ops.slice(ctx.ops.indexOf(op) + 1).some((o) => o.kind !== 'alterEnum' && o.text.includes(`'${value}'`));
        if (!ctx.versionAtLeast('12')) out.push(findOn(op, `ALTER TYPE ${q(op.table)} ADD VALUE cannot run inside a transaction block on PostgreSQL ${ctx.config.postgresVersion}: move it to its own non-transactional migration.`, { severity: 'error' }));
        else if (usedLater) out.push(findOn(op, `The new enum value '${value}' is used later in the same transaction: PostgreSQL refuses to use a value added by ALTER TYPE … ADD VALUE before commit. Add the value in its own migration.`, { severity: 'error' }));
      } else if (op.kind === 'alterColumnType' && onExistingTable(ctx, op)) {
        const h = ctx.columnHistory(op.table, op.column, op);
        if (mysqlDdlKey(op, { previousType: h.type, previousNullable: h.nullable }) === 'enumReorder') {
          out.push(findOn(op, `Changing ENUM ${q(op.table)}.${q(colName(op))} other than by appending at the end needs ALGORITHM=COPY: the table is copied and writes wait. Append new values at the end only.`));
        }
      }
    }
    return out;
  },
});
