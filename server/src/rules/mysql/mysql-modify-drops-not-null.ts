import { defineRule, eq } from '../rule';
import { colName, findOn, onExistingTable } from '../helpers';
import { q } from '../ormAdvice';

/**
 * The accidental form of drop-not-null: MODIFY/CHANGE restates the whole column, so a NOT NULL the statement
 * leaves out is dropped. The deliberate forms (an explicit NULL, DROP NOT NULL) stay with drop-not-null (strict).
 */
export default defineRule({
  id: 'mysql-modify-drops-not-null',
  category: 'mysql', severity: 'warning', dialects: ['mysql', 'mariadb'],
  summary: 'MODIFY/CHANGE without NOT NULL silently makes a NOT NULL column nullable.',
  why: 'On MySQL and MariaDB, MODIFY and CHANGE replace the whole column definition: whatever the statement does not restate (NOT NULL, DEFAULT, COMMENT, the character set) is dropped. A type change written as `MODIFY col LONGTEXT` on a `text NOT NULL` column lets NULLs in that the application never expected, and nobody asked for it.',
  safeAlternative: { text: 'Restate the full definition: `MODIFY col LONGTEXT NOT NULL` (plus its DEFAULT and COMMENT).', snippets: { sql: 'ALTER TABLE `chat_flow` MODIFY `flowData` LONGTEXT NOT NULL;' } },
  equivalents: eq({}),
  examples: { mysql: { bad: '-- orders.account_id is bigint NOT NULL\nALTER TABLE orders MODIFY account_id bigint UNSIGNED;', good: 'ALTER TABLE orders MODIFY account_id bigint UNSIGNED NOT NULL;' } },
  check(ctx) {
    return ctx.ops.flatMap((op) => {
      if (op.kind !== 'alterColumnType' || op.columnSpec?.nullable !== undefined || !onExistingTable(ctx, op)) return [];
      if (ctx.columnHistory(op.table, op.column, op).nullable !== false) return [];
      return [findOn(op, `${q(op.table)}.${q(colName(op))} is NOT NULL, and this MODIFY does not say NOT NULL: ${ctx.dialect === 'mariadb' ? 'MariaDB' : 'MySQL'} replaces the whole definition, so the column silently becomes nullable. Add NOT NULL (and restate its DEFAULT).`)];
    });
  },
});
