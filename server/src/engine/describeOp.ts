import type { Operation } from '../model/migration';

/** One line saying what an operation was recognised as (CLI text output and hovers). */
export function describeOp(op: Operation): string {
  const target = [op.table, op.column].filter(Boolean).join('.');
  const bits: string[] = [op.kind];
  if (target) bits.push(target);
  if (op.newName) bits.push(`→ ${op.newName}`);
  if (op.index) bits.push(`index ${op.index}`);
  if (op.constraint) bits.push(`constraint ${op.constraint}`);
  if (op.columnSpec?.type) bits.push(op.columnSpec.type);
  if (op.statement) bits.push(op.statement);
  const flags = [op.guarded && 'guarded', op.concurrently && 'concurrently', op.notValid && 'not valid', op.inTransaction && 'in transaction', op.algorithm && `algorithm=${op.algorithm}`, op.lock && `lock=${op.lock}`].filter(Boolean);
  if (flags.length) bits.push(`[${flags.join(', ')}]`);
  if (op.kind === 'unknown' && op.reason) bits.push(`(${op.reason})`);
  return bits.join(' ');
}
