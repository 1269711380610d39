// Markdown hover for the operation under the cursor: what it was recognised as, what it locks and
// how it rolls back (from the knowledge tables). The findings on it are not repeated: the editor already lists the
// diagnostics under the cursor above the hover.
import type { FileModel, Migration, Operation } from '../model/migration';
import type { SafeMigrationsConfig } from '../config/types';
import { describeOp } from './describeOp';
import { explainOperation } from '../knowledge/explain';
import { tableSizeLine } from '../stats/tableStats';

export interface Hover { markdown: string; start: number; end: number }

/** The innermost operation whose range contains `offset`, with its migration and phase. */
export function operationAt(file: FileModel, offset: number): { op: Operation; migration: Migration; phase: 'up' | 'down' } | undefined {
  let best: { op: Operation; migration: Migration; phase: 'up' | 'down' } | undefined;
  for (const migration of file.migrations) {
    for (const phase of ['up', 'down'] as const) {
      if (phase === 'down' && migration.downPath) continue;
      for (const op of migration[phase]) {
        if (op.offset.start <= offset && offset <= op.offset.end) {
          if (!best || op.offset.end - op.offset.start < best.op.offset.end - best.op.offset.start) best = { op, migration, phase };
        }
      }
    }
  }
  return best;
}

export function hoverAt(file: FileModel, offset: number, config: SafeMigrationsConfig): Hover | undefined {
  const hit = operationAt(file, offset);
  if (!hit) return undefined;
  const { op, migration, phase } = hit;
  const parts: string[] = [];
  parts.push(`**Safe Migrations** · \`${op.kind}\` · ${migration.name} (${phase})`);
  parts.push(`Recognised as: ${describeOp(op)}`);
  const tx = migration.transactional === null ? 'depends on the tool that runs it' : migration.transactional ? 'yes' : 'no';
  parts.push(`Runs in a transaction: ${tx}${migration.transactionalReason ? ` — ${migration.transactionalReason}` : ''}`);
  try {
    const explained = explainOperation(op, file.dialect, config);
    if (explained) parts.push(explained);
  } catch { /* knowledge is best effort; the hover still shows what was recognised */ }
  const size = tableSizeLine(config.tableStats, op.table, file.dialect);
  if (size) parts.push(size);
  return { markdown: parts.join('\n\n'), start: op.offset.start, end: op.offset.end };
}
