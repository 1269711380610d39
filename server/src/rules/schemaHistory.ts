// What earlier operations of the file set tell about a column, so type changes can be judged (varchar growth, enum append).
import type { FileModel, Migration, Operation } from '../model/migration';

export interface ColumnHistory { type?: string; nullable?: boolean; charset?: string }

const key = (table: string, column: string) => `${table.toLowerCase()}.${column.toLowerCase()}`;

/** CHARSET / CHARACTER SET from the reader's details or table options. */
function charsetOf(op: Operation): string | undefined {
  const d = op.details ?? {};
  if (typeof d.charset === 'string') return d.charset;
  const opts = d.tableOptions as Record<string, unknown> | undefined;
  if (!opts) return undefined;
  for (const [k, v] of Object.entries(opts)) if (/CHARSET|CHARACTER SET/i.test(k) && typeof v === 'string') return v;
  return undefined;
}

/** Applies one up operation to a running column map. */
export function applyToHistory(map: Map<string, ColumnHistory>, op: Operation): void {
  const charset = charsetOf(op);
  if (op.kind === 'createTable' && op.table) {
    for (const c of op.tableColumns ?? []) map.set(key(op.table, c.name), { type: c.type, nullable: c.nullable ?? !c.primary, charset });
  } else if (op.table && op.column) {
    const k = key(op.table, op.column);
    const prev = map.get(k) ?? {};
    if (op.kind === 'addColumn') map.set(k, { type: op.columnSpec?.type, nullable: op.columnSpec?.nullable ?? true, charset });
    else if (op.kind === 'alterColumnType') {
      map.set(k, { ...prev, type: op.columnSpec?.type ?? prev.type, nullable: op.columnSpec?.nullable ?? prev.nullable });
      if (op.newName) map.set(key(op.table, op.newName), map.get(k)!);
    } else if (op.kind === 'setNotNull') map.set(k, { ...prev, nullable: false });
    else if (op.kind === 'dropNotNull') map.set(k, { ...prev, nullable: true });
    else if (op.kind === 'renameColumn' && op.newName) map.set(key(op.table, op.newName), prev);
  }
}

/** Column facts known before `migrations[index]`, computed once per run. */
export class SchemaHistory {
  private readonly before: Map<string, ColumnHistory>[] = [];
  constructor(migrations: Migration[]) {
    const running = new Map<string, ColumnHistory>();
    for (const m of migrations) {
      this.before.push(new Map(running));
      for (const op of m.up) applyToHistory(running, op);
    }
  }

  /** Per phase: each op's own column as it stood just before the op (one pass, so lookups stay linear). */
  private readonly ownColumn = new WeakMap<Operation[], Map<Operation, ColumnHistory>>();

  /** Column facts after the earlier migrations and the ops of this phase before `before`. */
  lookup(index: number, ops: Operation[], table: string | undefined, column: string | undefined, before: Operation): ColumnHistory {
    if (!table || !column) return {};
    const fromOp = before.details?.previousType;
    const withOp = (h: ColumnHistory) => (typeof fromOp === 'string' ? { ...h, type: fromOp } : h);
    if (before.table === table && before.column === column) {
      let cache = this.ownColumn.get(ops);
      if (!cache) {
        cache = new Map();
        const running = new Map(this.before[index] ?? []);
        for (const op of ops) {
          if (op.table && op.column) cache.set(op, running.get(key(op.table, op.column)) ?? {});
          applyToHistory(running, op);
        }
        this.ownColumn.set(ops, cache);
      }
      return withOp(cache.get(before) ?? {});
    }
    const local = new Map(this.before[index] ?? []);
    for (const op of ops) {
      if (op === before) break;
      applyToHistory(local, op);
    }
    return withOp(local.get(key(table, column)) ?? {});
  }
}

export function orderedMigrations(files: FileModel[]): { file: FileModel; migration: Migration }[] {
  const all = files.flatMap((file) => file.migrations.map((migration) => ({ file, migration })));
  return all
    .map((e, i) => ({ e, i, k: e.migration.timestamp ?? '' }))
    .sort((a, b) => (a.k && b.k && a.k !== b.k ? (a.k.length - b.k.length || (a.k < b.k ? -1 : 1)) : a.i - b.i))
    .map((x) => x.e);
}
