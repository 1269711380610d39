import type { Operation } from '../../model/migration';
import { defineRule, eq, type RuleFinding } from '../rule';
import { findOn, onExistingTable, statementOf } from '../helpers';
import { q, separateMigration } from '../ormAdvice';
import { pgLockFor } from '../../knowledge/postgresLocks';

export default defineRule({
  id: 'statement-after-exclusive-lock',
  category: 'locks', set: 'strict', severity: 'warning', dialects: ['postgres'], lockRule: true,
  summary: 'More statements run after an ACCESS EXCLUSIVE lock is taken in the same transaction: the lock is held for all of them.',
  why: 'Locks are released at commit, not at the end of the statement. Everything that follows an ACCESS EXCLUSIVE lock in the same transaction extends the time the table is unreadable.',
  safeAlternative: { text: 'Put the locking statement last, or in its own migration, so the transaction commits right after it.', snippets: { sql: '-- migration 1\nALTER TABLE orders ADD COLUMN status text;\n-- migration 2\nUPDATE … / CREATE INDEX …' } },
  equivalents: eq({ eugene: ['E4'] }),
  examples: { postgres: { bad: 'BEGIN;\nALTER TABLE orders ALTER COLUMN total SET NOT NULL;\nUPDATE accounts SET flagged = false;\nCOMMIT;', good: 'BEGIN;\nUPDATE accounts SET flagged = false;\nALTER TABLE orders ALTER COLUMN total SET NOT NULL;\nCOMMIT;' } },
  check(ctx) {
    const out: RuleFinding[] = [];
    let holder: Operation | undefined;
    for (const op of ctx.ops) {
      if (op.kind === 'transactionControl') { if (op.transaction === 'commit' || op.transaction === 'rollback') holder = undefined; continue; }
      if (op.kind === 'setting' || !ctx.inTransaction(op)) continue;
      // The other actions of the same ALTER TABLE run under the one lock: no extra wait.
      if (holder && statementOf(op) !== statementOf(holder)) {
        out.push(findOn(op, `This runs while the ACCESS EXCLUSIVE lock on ${q(holder.table)} (taken at line ${holder.range.start.line + 1}) is still held: ${holder.table} stays unreadable until the transaction commits. Move it before the lock, or into ${separateMigration(ctx.migration)}.`, { table: holder.table }));
        break;
      }
      if (onExistingTable(ctx, op) && pgLockFor(op)?.lock === 'AccessExclusiveLock') holder = op;
    }
    return out;
  },
});
