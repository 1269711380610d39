// Pairs each up operation with the down operation that undoes it (same objects, inverse kind).
import type { Operation } from '../../model/migration';
import { inverseKinds } from '../../knowledge/rollback';

const same = (a: string | undefined, b: string | undefined) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
const sameCols = (a: string[] | undefined, b: string[] | undefined) => !a || !b || a.map((s) => s.toLowerCase()).join(',') === b.map((s) => s.toLowerCase()).join(',');

export function undoes(down: Operation, up: Operation): boolean {
  if (!inverseKinds(up).includes(down.kind)) return false;
  switch (up.kind) {
    case 'createTable': case 'dropTable': case 'createView': case 'dropView': return same(up.table, down.table);
    case 'renameTable': return same(down.table, up.newName) && same(down.newName, up.table);
    case 'renameColumn': return same(down.table, up.table) && same(down.column, up.newName) && same(down.newName, up.column);
    case 'addColumn': case 'dropColumn': case 'setNotNull': case 'dropNotNull': case 'setDefault': case 'dropDefault': case 'alterColumnType':
      return same(down.table, up.table) && same(down.column ?? down.columnSpec?.name, up.column ?? up.columnSpec?.name);
    case 'createIndex': case 'dropIndex':
      if (up.index && down.index) return same(up.index, down.index);
      return same(up.table, down.table) && sameCols(up.columns, down.columns);
    case 'addForeignKey': case 'dropForeignKey': case 'addUnique': case 'addCheck': case 'addPrimaryKey': case 'dropConstraint':
      if (up.constraint && down.constraint) return same(up.constraint, down.constraint);
      if (up.index && down.index) return same(up.index, down.index);
      return same(up.table, down.table) && sameCols(up.columns, down.columns);
    case 'createEnum': return new RegExp(`\\bDROP\\s+TYPE\\b[^;]*\\b${(up.table ?? '').replace(/\W/g, '')}\\b`, 'i').test(down.text);
    case 'insert': return same(up.table, down.table);
    default: return false;
  }
}

/** For each up op (by index), the index of the down op that undoes it, or -1. Matched greedily from the end of up. */
export function matchInverses(up: Operation[], down: Operation[]): number[] {
  const used = new Set<number>();
  const result = new Array<number>(up.length).fill(-1);
  for (let i = up.length - 1; i >= 0; i--) {
    const j = down.findIndex((d, k) => !used.has(k) && undoes(d, up[i]));
    if (j >= 0) { used.add(j); result[i] = j; }
  }
  return result;
}
