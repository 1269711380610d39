// Small shared predicates for rule checks.
import type { Operation, OperationKind } from '../model/migration';
import type { RuleContext, RuleFinding } from './rule';

const DDL: ReadonlySet<OperationKind> = new Set<OperationKind>([
  'createTable', 'dropTable', 'renameTable', 'addColumn', 'dropColumn', 'renameColumn', 'alterColumnType',
  'setNotNull', 'dropNotNull', 'setDefault', 'dropDefault', 'createIndex', 'dropIndex', 'addForeignKey', 'dropForeignKey',
  'addUnique', 'addCheck', 'addPrimaryKey', 'dropConstraint', 'validateConstraint', 'createEnum', 'alterEnum', 'createView', 'dropView',
]);

/** One key per statement: the actions of one ALTER TABLE share it. */
export function statementOf(op: Operation): number {
  const s = op.details?.statementOffset as { start: number } | undefined;
  return s ? s.start : op.offset.start;
}

/** A filter keeping the first op of each statement: one ALTER with several clauses is one step (one lock, one scan). */
export function firstOfEachStatement(): (op: Operation) => boolean {
  const seen = new Set<number>();
  return (op) => !seen.has(statementOf(op)) && !!seen.add(statementOf(op));
}

export function isDdl(op: Operation): boolean {
  return DDL.has(op.kind) || (op.kind === 'rawSql' && /^\s*(CREATE|ALTER|DROP|RENAME|TRUNCATE|COMMENT|REINDEX|CLUSTER|VACUUM|REFRESH|OPTIMIZE)\b/i.test(op.text));
}

/**
 * DDL that has to wait for a lock on a table that already exists (what lock_timeout / statement_timeout protect).
 * A new table is free, unless it references an existing one.
 */
export function locksExistingTable(ctx: RuleContext, op: Operation): boolean {
  if (!isDdl(op)) return false;
  if (op.kind === 'createTable') return !!(op.references || op.tableColumns?.some((c) => c.references));
  if (op.kind === 'createEnum' || op.kind === 'createView') return false;
  return !(op.table && ctx.isTableCreatedEarlier(op));
}

export function isDml(op: Operation): boolean {
  return op.kind === 'insert' || op.kind === 'update' || op.kind === 'delete';
}

/** The op changes a table that existed before this migration (so locks and old app code matter). */
export function onExistingTable(ctx: RuleContext, op: Operation): boolean {
  return !!op.table && op.kind !== 'createTable' && !ctx.isTableCreatedEarlier(op);
}

/** An index created earlier in the same phase (dropping it locks nothing that matters). */
export function indexCreatedEarlier(ctx: RuleContext, op: Operation): boolean {
  if (op.table && ctx.isTableCreatedEarlier(op)) return true;
  const name = op.index?.toLowerCase();
  if (!name) return false;
  // DROP INDEX names no table: find where the index was created, and whether that table is new.
  const table = ctx.migration.up.find((o) => o.kind === 'createIndex' && o.index?.toLowerCase() === name)?.table;
  if (table && ctx.isTableCreatedEarlier(table)) return true;
  for (const o of ctx.ops) {
    if (o === op) break;
    if (o.kind === 'createIndex' && o.index?.toLowerCase() === name) return true;
  }
  return false;
}

/** The addColumn earlier in this phase that created `table.column`, if any (its values are all the default, or NULL). */
export function columnAddedEarlier(ctx: RuleContext, table: string | undefined, column: string, before: Operation): Operation | undefined {
  const t = (table ?? '').toLowerCase(), c = column.toLowerCase();
  for (const o of ctx.ops) {
    if (o === before) return undefined;
    if (o.kind === 'addColumn' && (o.table ?? '').toLowerCase() === t && (o.column ?? o.columnSpec?.name ?? '').toLowerCase() === c) return o;
  }
  return undefined;
}

export function findOn(op: Operation, message: string, extra: Partial<RuleFinding> = {}): RuleFinding {
  return { op, message, table: op.table, ...extra };
}

/** Each op of the given kinds on a table that already existed. */
export function existingOps(ctx: RuleContext, ...kinds: OperationKind[]): Operation[] {
  return ctx.ops.filter((op) => kinds.includes(op.kind) && onExistingTable(ctx, op));
}

export function colName(op: Operation): string {
  return op.column ?? op.columnSpec?.name ?? '?';
}

/** Column specs an op introduces (addColumn, createTable, alterColumnType). */
export function introducedColumns(op: Operation): { spec: NonNullable<Operation['columnSpec']>; op: Operation }[] {
  if (op.kind === 'createTable') return (op.tableColumns ?? []).map((spec) => ({ spec, op }));
  if ((op.kind === 'addColumn' || op.kind === 'alterColumnType') && op.columnSpec) return [{ spec: op.columnSpec, op }];
  return [];
}
