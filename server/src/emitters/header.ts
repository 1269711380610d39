// The comment on top of every generated migration: which phase, which deploy must come first,
// and what the transaction handling really guarantees on this dialect.
import { dialectLabel } from '../patterns/identifiers';
import type { ScaffoldOrm } from '../patterns/types';
import type { EmitInput } from './emitInput';

export function transactionLine(input: EmitInput, index: number, orm: ScaffoldOrm): string {
  const phase = input.phases[index];
  if (!phase.transactional) {
    const why = phase.up.some((s) => s.kind === 'sql' && /CONCURRENTLY/.test(s.sql))
      ? 'CREATE/DROP INDEX CONCURRENTLY cannot run inside a transaction'
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
  return orm === 'typeorm'
    ? 'Runs in one transaction (TypeORM migrationsTransactionMode \'all\' or \'each\'): if any step fails, nothing is applied.'
    : 'Runs in one transaction: if any step fails, nothing is applied.';
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
