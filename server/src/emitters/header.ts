// The comment on top of every generated migration: which phase, which deploy must come first,
// and what the transaction handling really guarantees on this dialect.
import { dialectLabel } from '../patterns/identifiers';
import type { ScaffoldOrm } from '../patterns/types';
import type { EmitInput } from './emitInput';
import { emptyBodyComment } from './emptyBody';
import { commitsEachBatch } from './sqlScript';

export function transactionLine(input: EmitInput, index: number, orm: ScaffoldOrm): string {
  const phase = input.phases[index];
  if (!phase.transactional) {
    const concurrently = phase.up.some((s) => s.kind === 'sql' && /CONCURRENTLY/.test(s.sql));
    // Prisma sends migration.sql as one script: with more than one statement PostgreSQL wraps them all in one
    // transaction, and the DO loop may only COMMIT when it is the one statement sent.
    if (!concurrently && orm === 'prisma' && input.dialect === 'postgres' && !commitsEachBatch(phase.up, input.dialect, true)) {
      return 'Prisma sends this file as one script, which PostgreSQL runs as one implicit transaction: the batches keep each UPDATE small, '
        + 'but they all commit together at the end, row locks are held until then, and an interrupted run keeps nothing (a re-run starts over). '
        + 'On a big table, backfill first with the "Backfill data in batches" scaffold (a migration of its own whose loop commits after every batch), then deploy this one.';
    }
    const why = concurrently
      ? 'CREATE/DROP INDEX CONCURRENTLY cannot run inside a transaction'
      : orm === 'prisma' && input.dialect === 'postgres'
        ? 'each batch commits on its own (the loop COMMITs after every batch; PostgreSQL allows it because this file sends that one statement), so locks stay short and an interrupted run keeps its progress'
        : 'each batch commits on its own so locks stay short and an interrupted run keeps its progress';
    const how = orm === 'typeorm'
      ? ' (`transaction = false` below; TypeORM only allows it with migrationsTransactionMode \'each\' or \'none\')'
      : orm === 'prisma' && input.dialect === 'postgres' ? ' (keep it out of BEGIN/COMMIT)' : '';
    return `Runs outside a transaction: ${why}${how}.`;
  }
  if (input.dialect !== 'postgres') {
    if (!phase.up.some((s) => s.kind === 'sql' && s.ddl)) return 'Changes no schema: it only reads or writes data.';
    return `${dialectLabel(input.dialect)} commits every DDL statement on its own, so this migration is not atomic: `
      + 'each step is guarded (IF [NOT] EXISTS or a presence check) so running it again after a failure finishes the job.';
  }
  if (orm === 'typeorm') return 'Runs in one transaction (TypeORM migrationsTransactionMode \'all\' or \'each\'): if any step fails, nothing is applied.';
  if (orm === 'prisma') return 'Prisma sends this file as one script, which PostgreSQL runs as one implicit transaction: if any step fails, nothing is applied.';
  return 'Runs in one transaction: if any step fails, nothing is applied.';
}

/** Rules this phase trips on purpose, each with its reason (rendered as ignore directives under the header). */
export function intendedFindings(input: EmitInput, index: number, orm: ScaffoldOrm): { rules: string[]; reason: string }[] {
  const phase = input.phases[index];
  const out = [...(phase.ignore ?? [])];
  if (!phase.down.length && input.patternId !== 'emptyMigration') out.push({ rules: ['empty-down'], reason: emptyBodyComment(input, index, 'down') });
  const cleansLeftover = [...phase.up, ...phase.down].some((s) => s.kind === 'sql' && s.ormOnly);
  if (orm !== 'prisma' && cleansLeftover) out.push({ rules: ['asymmetric-down'], reason: 'the first DROP INDEX only removes an INVALID leftover of a failed build; down drops what up built.' });
  if (orm === 'typeorm' && input.dialect === 'postgres' && phase.down.some((s) => s.kind === 'sql' && s.index)) {
    out.push({ rules: ['transaction-nesting'], reason: 'down commits the transaction migration:revert opened and opens a new one, so CONCURRENTLY runs outside it.' });
  }
  if (orm === 'prisma' && input.dialect === 'postgres' && [...phase.up, ...phase.down].some((s) => s.kind === 'sql' && s.index)) {
    out.push({ rules: ['concurrently-in-transaction'], reason: 'this file holds only the one statement, which PostgreSQL then runs outside a transaction block (Prisma 7.4+ also runs CONCURRENTLY statements on their own).' });
    out.push({ rules: ['missing-lock-timeout'], reason: 'a SET before it would make this a multi-statement script, run in a transaction block; set lock_timeout on the migration role or connection (options=-c lock_timeout=5s) instead.' });
  }
  if (orm === 'prisma' && cleansLeftover) {
    out.push({ rules: ['concurrent-index-guard-hides-invalid'], reason: 'plain SQL cannot check for an INVALID leftover here; the header says how to clear one.' });
  }
  return out;
}

/** `Intended: …` plus the directive, one pair per entry, behind the given line-comment marker. */
export function ignoreDirectiveLines(entries: { rules: string[]; reason: string }[], marker: string): string[] {
  return entries.flatMap((e) => [`${marker} Intended: ${e.reason}`, `${marker} safe-migrations-ignore-file ${e.rules.join(', ')}`]);
}

/** Header lines (without comment markers) for phase `index`. */
export function headerLines(input: EmitInput, index: number, orm: ScaffoldOrm): string[] {
  const phase = input.phases[index];
  const total = input.phases.length;
  const lines = [`Safe Migrations: ${input.patternTitle}${total > 1 ? ` (phase ${index + 1} of ${total})` : ''}.`, `${phase.title}.`];
  if (phase.before) lines.push(`BEFORE RUNNING: ${phase.before}`);
  else if (index > 0) lines.push('Can run right after the previous phase.');
  const next = input.phases[index + 1];
  if (next?.before) lines.push(`Next phase only after: ${next.before}`);
  lines.push(transactionLine(input, index, orm));
  for (const note of phase.notes ?? []) lines.push(note);
  return lines;
}
