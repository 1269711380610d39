import type { Operation } from '../../model/migration';
import { defineRule, eq, type RuleContext, type RuleFinding } from '../rule';
import { colName, findOn, onExistingTable } from '../helpers';
import { q } from '../ormAdvice';
import { isTruncate } from '../../knowledge/operationFacts';
import { isNarrowing } from '../../knowledge/typeWidth';

/** An earlier up step copies the table's data somewhere (CREATE TABLE … AS SELECT, INSERT INTO … SELECT, rename to an archive). */
function hasCheckpoint(ctx: RuleContext, before: Operation): boolean {
  const t = (before.table ?? '').toLowerCase();
  for (const o of ctx.ops) {
    if (o === before) return false;
    const text = o.text;
    if (/\bSELECT\b/i.test(text) && new RegExp(`\\bFROM\\s+[\`"]?(\\w+[\`"]?\\.)?[\`"]?${t}\\b`, 'i').test(text) && (o.kind === 'createTable' || o.kind === 'insert' || o.kind === 'rawSql' || /\bINTO\b/i.test(text))) return true;
    if (o.kind === 'renameTable' && (o.table ?? '').toLowerCase() === t) return true;
  }
  return false;
}

export default defineRule({
  id: 'irreversible-without-checkpoint',
  category: 'rollback', set: 'strict', severity: 'warning', dialects: ['postgres', 'mysql', 'mariadb'],
  summary: 'An irreversible step (drop column/table, truncate, type narrowing) runs without a checkpoint to restore from.',
  why: 'No down can bring dropped or truncated data back. A backup table written just before the destructive step turns "irreversible" into "restore from the checkpoint".',
  safeAlternative: { text: 'Copy the data to a checkpoint table earlier in up; the down restores from it.', snippets: {
    sql: 'CREATE TABLE orders_legacy_code_backup AS SELECT id, legacy_code FROM orders;\nALTER TABLE orders DROP COLUMN legacy_code;\n-- down: ALTER TABLE orders ADD COLUMN legacy_code text; UPDATE orders o SET legacy_code = b.legacy_code FROM orders_legacy_code_backup b WHERE b.id = o.id;',
    typeorm: "await q.query('CREATE TABLE orders_legacy_code_backup AS SELECT id, legacy_code FROM orders');\nawait q.dropColumn('orders', 'legacy_code');",
  } },
  equivalents: eq({}),
  examples: { postgres: { bad: 'ALTER TABLE orders DROP COLUMN legacy_code;', good: 'CREATE TABLE orders_legacy_code_backup AS SELECT id, legacy_code FROM orders;\nALTER TABLE orders DROP COLUMN legacy_code;' } },
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const op of ctx.ops) {
      if (!onExistingTable(ctx, op) && !isTruncate(op)) continue;
      let what: string | undefined;
      if (op.kind === 'dropColumn') what = `dropping ${q(op.table)}.${q(colName(op))}`;
      else if (op.kind === 'dropTable') what = `dropping ${q(op.table)}`;
      else if (isTruncate(op)) what = `truncating ${q(op.table)}`;
      else if (op.kind === 'alterColumnType') {
        const from = ctx.columnHistory(op.table, op.column, op).type;
        if (isNarrowing(from, op.columnSpec?.type)) what = `narrowing ${q(op.table)}.${q(colName(op))} from ${from} to ${op.columnSpec?.type}`;
      }
      if (what && !hasCheckpoint(ctx, op)) out.push(findOn(op, `No checkpoint before ${what}: the data cannot be rolled back. Copy it first (CREATE TABLE ${op.table ?? 't'}_backup AS SELECT …) so the down can restore it.`));
    }
    return out;
  },
});
