import type { Operation } from '../../model/migration';
import { defineRule, eq, type RuleFinding } from '../rule';
import { colName, findOn } from '../helpers';
import { q } from '../ormAdvice';
import { inverseKinds, rollbackFact } from '../../knowledge/rollback';
import { matchInverses } from './matchInverse';

const norm = (t: string | undefined, mysqlLike = false) => {
  const n = (t ?? '').toLowerCase().replace(/\s+/g, '').replace(/^integer$/, 'int').replace(/^int4$/, 'int').replace(/^charactervarying/, 'varchar');
  // MySQL/MariaDB: TIMESTAMP, DATETIME and TIME default to 0 fractional digits, so `timestamp(0)` is `timestamp`.
  return mysqlLike ? n.replace(/^(timestamp|datetime|time)\(0\)$/, '$1') : n;
};

function describe(op: Operation): string {
  const target = op.column || op.columnSpec ? `${op.table}.${colName(op)}` : op.index ?? op.constraint ?? op.table ?? '';
  return `${op.kind} ${target}`.trim();
}

const lower = (s: string | undefined) => (s ?? '').toLowerCase();

/** Columns an operation names (its column, the new name of a rename, an index's or key's columns). */
function columnsOf(op: Operation): Set<string> {
  const out = new Set<string>();
  for (const c of [op.column, op.newName, op.columnSpec?.name, ...(op.columns ?? [])]) if (c) out.add(lower(c));
  return out;
}

/** Two steps on one table depend on each other only through a shared column (or a table rename); otherwise their undo order is free. */
const INDEXES = new Set(['createIndex', 'dropIndex', 'addUnique']);

function dependent(a: Operation, b: Operation): boolean {
  if (a.kind === 'renameTable' || b.kind === 'renameTable') return true;
  // A type change works with the column's index in place (the index is rebuilt): either undo order succeeds.
  if ((a.kind === 'alterColumnType' && INDEXES.has(b.kind)) || (b.kind === 'alterColumnType' && INDEXES.has(a.kind))) return false;
  const ca = columnsOf(a);
  for (const c of columnsOf(b)) if (ca.has(c)) return true;
  return false;
}

/**
 * The down removes the step's object with something bigger: dropping a table (or materialized view) drops its
 * indexes, keys and columns; dropping a column drops the indexes and constraints on it.
 */
function undoneImplicitly(op: Operation, down: Operation[]): boolean {
  const table = lower(op.table);
  if (!table) return false;
  const cols = columnsOf(op);
  return down.some((d) => lower(d.table) === table && (
    d.kind === 'dropTable' || d.kind === 'dropView' ||
    (d.kind === 'dropColumn' && op.kind !== 'addColumn' && cols.has(lower(d.column ?? d.columnSpec?.name)))));
}

export default defineRule({
  id: 'asymmetric-down',
  category: 'rollback', severity: 'warning', dialects: ['postgres', 'mysql', 'mariadb'],
  summary: 'The down does not invert the up: a step is not undone, or undone with other names, types or order.',
  why: 'A rollback that leaves an index, restores a column with another type, or renames to the wrong name puts the schema in a state no migration describes: the next deploy fails or drifts silently.',
  safeAlternative: { text: 'For each up step, in reverse order, the exact inverse: createTable↔dropTable, addColumn↔dropColumn, createIndex↔dropIndex, rename a→b ↔ b→a, SET NOT NULL ↔ DROP NOT NULL, type t1→t2 ↔ t2→t1.', snippets: {
    typeorm: "async up(q) { await q.addColumn('orders', new TableColumn({ name: 'status', type: 'varchar', length: '20', isNullable: true })); await q.createIndex('orders', new TableIndex({ name: 'orders_status_idx', columnNames: ['status'] })); }\nasync down(q) { await q.dropIndex('orders', 'orders_status_idx'); await q.dropColumn('orders', 'status'); }",
  } },
  equivalents: eq({}),
  examples: { postgres: { bad: '-- up\nALTER TABLE users RENAME COLUMN name TO full_name;\n-- down\nALTER TABLE users RENAME COLUMN full_name TO fullname;', good: '-- up\nALTER TABLE users RENAME COLUMN name TO full_name;\n-- down\nALTER TABLE users RENAME COLUMN full_name TO name;' } },
  check(ctx) {
    const m = ctx.migration;
    if (ctx.phase !== 'up' || m.downThrows || m.down.length === 0) return [];
    const opaqueDown = m.down.some((d) => d.kind === 'unknown' || d.kind === 'rawSql');
    const out: RuleFinding[] = [];
    const matched = matchInverses(m.up, m.down);
    // Later up steps (visited first, since up is walked backwards) and where the down undoes them.
    const undoneBefore: { op: Operation; j: number }[] = [];
    [...m.up.keys()].reverse().forEach((i) => {
      const op = m.up[i];
      if (inverseKinds(op).length === 0 || op.kind === 'dropConstraint' || op.kind === 'setDefault' || op.kind === 'dropDefault') return;
      if (op.kind !== 'createTable' && ctx.isTableCreatedEarlier(op)) return;
      const j = matched[i];
      if (j < 0) {
        // A foreign key declared on a column the down leaves in place too: the column's finding says it all.
        const onUndoneColumn = op.kind === 'addForeignKey' && m.up.some((u, k) => u.kind === 'addColumn' && matched[k] < 0
          && lower(u.table) === lower(op.table) && colName(u).toLowerCase() === colName(op).toLowerCase());
        if (onUndoneColumn) return;
        if (!opaqueDown && !undoneImplicitly(op, m.down)) out.push(findOn(op, `The down does not undo ${describe(op)}: expected ${rollbackFact(op).how.replace(/^irreversible: /, '')}${op.kind === 'renameColumn' || op.kind === 'renameTable' ? ` (${op.newName} → ${op.column ?? op.table})` : ''}.`));
        return;
      }
      const d = m.down[j];
      const mysqlLike = ctx.dialect === 'mysql' || ctx.dialect === 'mariadb';
      // The first change of a column in up is the one whose earlier type the down must restore.
      const firstChange = op.kind === 'alterColumnType' && !m.up.slice(0, i).some((u) => u.kind === 'alterColumnType' && lower(u.table) === lower(op.table) && colName(u).toLowerCase() === colName(op).toLowerCase());
      if (op.kind === 'alterColumnType' && firstChange) {
        const before = ctx.columnHistory(op.table, op.column, op).type;
        if (before && d.columnSpec?.type && norm(before, mysqlLike) !== norm(d.columnSpec.type, mysqlLike)) out.push(findOn(op, `The down changes ${q(op.table)}.${q(colName(op))} to ${d.columnSpec.type}, but it was ${before} before up: the rollback does not restore the original type.`));
      }
      if (op.kind === 'dropColumn') {
        const before = ctx.columnHistory(op.table, op.column, op);
        if (before.type && d.columnSpec?.type && norm(before.type, mysqlLike) !== norm(d.columnSpec.type, mysqlLike)) out.push(findOn(op, `The down re-adds ${q(op.table)}.${q(colName(op))} as ${d.columnSpec.type}, but it was ${before.type}: the rollback does not restore the original column.`));
      }
      // Undo order matters only between dependent steps (same column, or a table rename).
      if (op.kind !== 'createTable') {
        const later = undoneBefore.find((e) => e.j > j && lower(e.op.table) === lower(op.table) && dependent(e.op, op));
        if (later) out.push(findOn(later.op, `The down undoes ${describe(later.op)} after ${describe(op)}, which up ran first: undo dependent steps in reverse order so each inverse sees the state its step left.`));
      }
      undoneBefore.push({ op, j });
    });
    return out;
  },
});
