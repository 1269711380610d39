// Findings about a whole migration (or its down) point at the down method when there is one, else the migration.
import type { Range } from '../../model/migration';
import type { RuleContext, RuleFinding } from '../rule';

export function onMigration(ctx: RuleContext, message: string, prefer: 'down' | 'up' | 'migration' = 'down', extra: Partial<RuleFinding> = {}): RuleFinding {
  const m = ctx.migration;
  const range: Range = (prefer === 'down' && m.downRange ? ctx.firstLineOf(m.downRange) : prefer === 'up' && m.upRange ? ctx.firstLineOf(m.upRange) : undefined) ?? ctx.migrationNameRange();
  return { message, range, offset: ctx.offsetsOf(range), ...extra };
}

/** Up operations that change the schema or data (what a down has to undo). */
export function undoable(ctx: RuleContext) {
  return ctx.migration.up.filter((o) => o.kind !== 'setting' && o.kind !== 'transactionControl' && o.kind !== 'validateConstraint');
}
