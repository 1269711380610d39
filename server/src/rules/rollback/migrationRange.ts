// Findings about a whole migration (or its down) point at the down method when there is one, else the migration.
import type { Range } from '../../model/migration';
import type { RuleContext, RuleFinding } from '../rule';

export function onMigration(ctx: RuleContext, message: string, prefer: 'down' | 'up' | 'migration' = 'down', extra: Partial<RuleFinding> = {}): RuleFinding {
  const m = ctx.migration;
  const range: Range = (prefer === 'down' ? headOf(ctx, m.downRange) : prefer === 'up' ? headOf(ctx, m.upRange) : undefined) ?? ctx.migrationNameRange();
  return { message, range, offset: ctx.offsetsOf(range), ...extra };
}

/** The first line of a method's range (`public async down(…) {`), so a finding never underlines a whole body. */
function headOf(ctx: RuleContext, range: Range | undefined): Range | undefined {
  if (!range || ctx.text === undefined) return range;
  const { start } = ctx.offsetsOf(range);
  const eol = ctx.text.indexOf('\n', start);
  const end = eol < 0 ? ctx.text.length : eol;
  return ctx.rangeOf(start, start + ctx.text.slice(start, end).replace(/\s+$/, '').length);
}

/** Up operations that change the schema or data (what a down has to undo). */
export function undoable(ctx: RuleContext) {
  return ctx.migration.up.filter((o) => o.kind !== 'setting' && o.kind !== 'transactionControl' && o.kind !== 'validateConstraint');
}
