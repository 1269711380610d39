// Builds the RuleContext each rule sees for one migration phase.
import type { SafeMigrationsConfig } from '../config/types';
import type { FileModel, Migration, Operation, Range } from '../model/migration';
import { LineIndex } from '../model/text';
import { versionAtLeast } from '../knowledge/versions';
import type { RuleContext, RuleDialect } from './rule';
import type { SchemaHistory } from './schemaHistory';

export interface RunState {
  files: FileModel[];
  config: SafeMigrationsConfig;
  ordered: { file: FileModel; migration: Migration }[];
  history: SchemaHistory;
  lineIndexes: Map<FileModel, LineIndex | undefined>;
}

const lower = (s: string | undefined) => (s ?? '').toLowerCase();

export function ruleDialect(file: FileModel, migration: Migration): RuleDialect | 'unknown' {
  const d = migration.dialect !== 'unknown' ? migration.dialect : file.dialect;
  return d === 'postgres' || d === 'mysql' || d === 'mariadb' ? d : 'unknown';
}

/** Which ops sit between a BEGIN and its COMMIT/ROLLBACK. */
function explicitTransactionSet(ops: Operation[]): Set<Operation> {
  const inside = new Set<Operation>();
  let open = false;
  for (const op of ops) {
    if (op.kind === 'transactionControl') {
      if (op.transaction === 'begin') open = true;
      else if (op.transaction === 'commit' || op.transaction === 'rollback') open = false;
      continue;
    }
    if (open || op.inTransaction) inside.add(op);
  }
  return inside;
}

export function buildContext(state: RunState, index: number, phase: 'up' | 'down'): RuleContext {
  const { file, migration } = state.ordered[index];
  const ops = phase === 'up' ? migration.up : migration.down;
  const config = state.config;
  const dialect = ruleDialect(file, migration);
  // A Prisma down.sql is another file: its ops' offsets are not in this file's text, so no fixes or ignore lookups.
  const elsewhere = phase === 'down' && !!migration.downPath;
  let lines = elsewhere ? undefined : state.lineIndexes.get(file);
  if (!elsewhere && lines === undefined && file.text !== undefined) {
    lines = new LineIndex(file.text);
    state.lineIndexes.set(file, lines);
  }
  const explicit = explicitTransactionSet(ops);
  const positionOf = new Map(ops.map((op, i) => [op, i]));

  // Tables created by recent (unshipped) earlier migrations, and by the up of this migration when checking down.
  const recent = new Set<string>();
  const windowStart = Math.max(0, state.ordered.length - Math.max(0, config.recentlyCreated));
  for (let j = windowStart; j < index; j++) {
    for (const op of state.ordered[j].migration.up) if (op.kind === 'createTable' && op.table) recent.add(lower(op.table));
  }
  if (phase === 'down') for (const op of migration.up) if (op.kind === 'createTable' && op.table) recent.add(lower(op.table));
  const small = new Set(config.smallTables.map(lower));
  // First position where this phase creates each table (or renames a new table to it).
  const createdAt = new Map<string, number>();
  ops.forEach((op, i) => {
    const made = op.kind === 'createTable' || (op.kind === 'createView' && /\bMATERIALIZED\b/i.test(op.text)) ? lower(op.table) : op.kind === 'renameTable' && (recent.has(lower(op.table)) || createdAt.has(lower(op.table))) ? lower(op.newName) : '';
    if (made && !createdAt.has(made)) createdAt.set(made, i);
  });

  const ctx: RuleContext = {
    file, files: state.files, migration, phase, ops, config, dialect, orm: migration.orm, text: elsewhere ? undefined : file.text,
    isTableCreatedEarlier(target) {
      const table = lower(typeof target === 'string' ? target : target.table);
      if (!table) return false;
      if (recent.has(table)) return true;
      const limit = typeof target === 'string' ? ops.length : positionOf.get(target) ?? ops.length;
      const created = createdAt.get(table);
      return created !== undefined && created < limit;
    },
    isSmallTable: (table) => !!table && small.has(lower(table)),
    versionAtLeast: (min) => versionAtLeast(dialect === 'unknown' ? 'unknown' : dialect, config, min),
    inTransaction: (op) => migration.transactional === true || explicit.has(op),
    inExplicitTransaction: (op) => explicit.has(op),
    columnHistory: (table, column, before) => state.history.lookup(index, ops, table, column, before),
    rangeOf(start, end) {
      return lines ? lines.range(start, end) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    },
    migrationNameRange() {
      if (migration.nameRange) return migration.nameRange;
      // First line of the migration: the class/module head or the SQL's first line.
      if (!lines || file.text === undefined) return { start: migration.range.start, end: migration.range.start };
      return ctx.firstLineOf(migration.range);
    },
    firstLineOf(range: Range) {
      if (!lines || file.text === undefined) return range;
      const from = lines.offsetAt(range.start);
      const eol = file.text.indexOf('\n', from);
      return lines.range(from, from + file.text.slice(from, eol < 0 ? file.text.length : eol).replace(/\s+$/, '').length);
    },
    offsetsOf(range: Range) {
      return lines ? { start: lines.offsetAt(range.start), end: lines.offsetAt(range.end) } : { start: 0, end: 0 };
    },
  };
  return ctx;
}
