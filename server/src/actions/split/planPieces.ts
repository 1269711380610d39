// Groups a migration's up steps into pieces: one table and one kind of change each, in an order
// that keeps every dependence (a referenced table before its foreign key, expand before backfill
// before the constraint that needs it).
import type { Operation } from '../../model/migration';

export type PieceKind = 'schema' | 'data' | 'online' | 'other';

export interface PlannedPiece {
  kind: PieceKind;
  /** The table the piece changes (lower case), absent for table-less steps. */
  table?: string;
  /** The piece creates `table` (its indexes and foreign keys stay with it). */
  createsTable: boolean;
  /** Steps in the order they ran in the original; one step is the ops of one statement or call. */
  ops: Operation[];
}

const lower = (s: string | undefined) => s?.toLowerCase();

/** Ops whose source ranges overlap come from one statement or call: they cannot be separated. */
export function groupSteps(ops: Operation[]): Operation[][] {
  const steps: Operation[][] = [];
  for (const op of ops) {
    const last = steps[steps.length - 1];
    if (last && last.some((o) => o.offset.start < op.offset.end && op.offset.start < o.offset.end)) last.push(op);
    else steps.push([op]);
  }
  return steps;
}

/** Tables the ops change (their own `table`, a rename's new name). */
function touchedTables(ops: Operation[]): Set<string> {
  const out = new Set<string>();
  for (const op of ops) {
    if (op.table) out.add(op.table.toLowerCase());
    if (op.kind === 'renameTable' && op.newName) out.add(op.newName.toLowerCase());
  }
  return out;
}

/** Tables the ops' foreign keys point at, with the referenced columns. */
function referencedTables(ops: Operation[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (r: { table: string; columns: string[] } | undefined) => {
    if (!r) return;
    const cols = out.get(r.table.toLowerCase()) ?? new Set<string>();
    for (const c of r.columns) cols.add(c.toLowerCase());
    out.set(r.table.toLowerCase(), cols);
  };
  for (const op of ops) {
    add(op.references); add(op.columnSpec?.references);
    for (const c of op.tableColumns ?? []) add(c.references);
  }
  return out;
}

const SHAPES_KEYS = new Set(['createTable', 'dropTable', 'renameTable', 'addPrimaryKey', 'addUnique', 'dropConstraint', 'dropIndex']);

/** Can `later` run before `earlier`? Not if they change the same table, or `earlier` reshapes what `later`'s foreign keys point at (or the other way round). */
function independent(earlier: Operation[], later: Operation[]): boolean {
  const a = touchedTables(earlier);
  if ([...touchedTables(later)].some((t) => a.has(t))) return false;
  const reshapes = (ops: Operation[], refs: Map<string, Set<string>>) => ops.some((o) => {
    const cols = o.table ? refs.get(o.table.toLowerCase()) : undefined;
    if (!cols) return false;
    if (SHAPES_KEYS.has(o.kind) || (o.kind === 'createIndex' && o.unique)) return true;
    const column = (o.column ?? o.columnSpec?.name)?.toLowerCase();
    return !column || cols.has(column) || (o.kind === 'renameColumn' && cols.has((o.newName ?? '').toLowerCase()));
  });
  return !reshapes(earlier, referencedTables(later)) && !reshapes(later, referencedTables(earlier));
}

/**
 * The pieces, or null when everything is one job. `oneOnlineStepPerPiece`: Prisma runs a file of one
 * statement outside a transaction, so each CONCURRENTLY step needs a folder of its own.
 */
export function planPieces(ops: Operation[], options: { oneOnlineStepPerPiece: boolean }): PlannedPiece[] {
  const created = new Set<string>();
  const runs: PlannedPiece[] = [];
  for (const step of groupSteps(ops)) {
    const first = step[0];
    const table = lower(first.kind === 'renameTable' ? first.table : first.table);
    const isNewTable = !!table && created.has(table);
    const kind: PieceKind = step.some((o) => o.concurrently) ? 'online'
      : step.some((o) => o.kind === 'insert' || o.kind === 'update' || o.kind === 'delete') ? (isNewTable ? 'schema' : 'data')
      : table ? 'schema' : 'other';
    const createsTable = step.some((o) => o.kind === 'createTable');
    for (const o of step) if (o.kind === 'createTable' && o.table) created.add(o.table.toLowerCase());
    const last = runs[runs.length - 1];
    const sameJob = last && last.kind === kind && last.table === table && kind !== 'other'
      && !(kind === 'online' && options.oneOnlineStepPerPiece) && (last.createsTable || !createsTable);
    if (sameJob) last.ops.push(...step);
    else runs.push({ kind, table, createsTable, ops: [...step] });
  }
  return mergeIndependentRuns(runs, options);
}

/** A later run of the same job joins the earlier one when nothing between them touches its tables and no data step lies between. */
function mergeIndependentRuns(runs: PlannedPiece[], options: { oneOnlineStepPerPiece: boolean }): PlannedPiece[] {
  const pieces: PlannedPiece[] = [];
  for (const run of runs) {
    const mergeable = run.kind !== 'data' && run.kind !== 'other' && !(run.kind === 'online' && options.oneOnlineStepPerPiece) && !run.createsTable;
    let target: PlannedPiece | undefined;
    if (mergeable) {
      for (let i = pieces.length - 1; i >= 0; i--) {
        const p = pieces[i];
        if (p.kind === run.kind && p.table === run.table) { target = p; break; }
        if (p.kind === 'data' || p.kind === 'other' || !independent(p.ops, run.ops)) break;
      }
    }
    if (target) target.ops.push(...run.ops);
    else pieces.push(run);
  }
  return pieces;
}
