// Which piece each step of the original down undoes: the piece whose up made the object it touches.
import type { Operation, OperationKind } from '../../model/migration';
import type { PlannedPiece } from './planPieces';

const INVERSES: Partial<Record<OperationKind, OperationKind[]>> = {
  createTable: ['dropTable'], dropTable: ['createTable'], renameTable: ['renameTable'],
  addColumn: ['dropColumn'], dropColumn: ['addColumn'], renameColumn: ['renameColumn'], alterColumnType: ['alterColumnType'],
  setNotNull: ['dropNotNull', 'alterColumnType'], dropNotNull: ['setNotNull', 'alterColumnType'], setDefault: ['dropDefault', 'setDefault'], dropDefault: ['setDefault'],
  createIndex: ['dropIndex'], dropIndex: ['createIndex'],
  addForeignKey: ['dropForeignKey', 'dropConstraint'], addUnique: ['dropConstraint', 'dropIndex'], addCheck: ['dropConstraint'], addPrimaryKey: ['dropConstraint'],
  dropForeignKey: ['addForeignKey'], dropConstraint: ['addForeignKey', 'addUnique', 'addCheck', 'addPrimaryKey'], validateConstraint: [],
  createEnum: ['rawSql'], createView: ['dropView'], dropView: ['createView'],
  insert: ['delete'], update: ['update'], delete: ['insert'],
};

const lower = (s: string | undefined) => s?.toLowerCase();

/** Names of the objects an op makes, drops or renames: `table`, `table.column`, `index`, `constraint`. */
function objectsOf(op: Operation): Set<string> {
  const out = new Set<string>();
  const table = lower(op.table);
  if (op.kind === 'createTable' || op.kind === 'dropTable' || op.kind === 'renameTable' || op.kind === 'createView' || op.kind === 'dropView' || op.kind === 'createEnum') {
    if (table) out.add(`t:${table}`);
    if (op.kind === 'renameTable' && op.newName) out.add(`t:${op.newName.toLowerCase()}`);
  }
  if (op.column && table) out.add(`c:${table}.${op.column.toLowerCase()}`);
  if (op.columnSpec?.name && table) out.add(`c:${table}.${op.columnSpec.name.toLowerCase()}`);
  if (op.kind === 'renameColumn' && op.newName && table) out.add(`c:${table}.${op.newName.toLowerCase()}`);
  if (op.index) out.add(`i:${op.index.toLowerCase()}`);
  if (op.constraint) out.add(`k:${op.constraint.toLowerCase()}`);
  return out;
}

function score(down: Operation, up: Operation): number {
  let s = 0;
  const mine = objectsOf(down);
  if ([...objectsOf(up)].some((o) => mine.has(o))) s += 4;
  if (INVERSES[up.kind]?.includes(down.kind)) s += 2;
  // A dropped table takes its own indexes and keys with it; a down that drops a table undoes its piece.
  if (lower(down.table) && (lower(down.table) === lower(up.table) || lower(down.table) === lower(up.kind === 'renameTable' ? up.newName : undefined))) s += 1;
  return s;
}

/** Index of the piece each down op belongs to, or the first op nothing matches. */
export function matchDownOps(down: Operation[], pieces: PlannedPiece[]): { pieceOf: Map<Operation, number> } | { unmatched: Operation } {
  const pieceOf = new Map<Operation, number>();
  for (const op of down) {
    if (op.kind === 'setting') continue;
    let best = -1, bestScore = 0;
    pieces.forEach((p, i) => {
      const s = Math.max(0, ...p.ops.map((u) => score(op, u)));
      // Ties go to the later piece: it runs first on the way down, as the original's down did.
      if (s > 0 && s >= bestScore) { best = i; bestScore = s; }
    });
    if (best < 0) return { unmatched: op };
    pieceOf.set(op, best);
  }
  return { pieceOf };
}
