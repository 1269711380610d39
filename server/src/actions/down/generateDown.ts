// Generates a migration's `down`: the inverse of every up step in reverse order, rebuilt from the
// schema before the migration, written in the style of the up (SQL stays SQL, QueryRunner and
// queryInterface calls stay calls) for the file's dialect. Pure: returns text, never writes.
import type { Dialect, FileModel, Migration, Operation, Range } from '../../model/migration';
import { type DownStep, type InverseResult, inverseOf } from './inverseSteps';
import { type SchemaState, applyOperation, cloneSchema, emptySchema, findColumn, sourceSql } from './schemaState';
import { splitTopLevel, unquoteIdentifier } from './sqlText';
import { renderSequelizeDown, renderTypeormDown } from './renderScript';
import { renderKnexDown, renderNodePgMigrateDown } from './renderToolDown';
import { renderSqlStep } from '../../emitters/sqlScript';

export interface DownNote { message: string; range?: Range }

export interface GeneratedDown {
  /** down.sql (Prisma, plain SQL), or the whole down method (TypeORM, Sequelize). */
  text: string;
  /** The schema comes back exactly and nothing the up did is lost. */
  complete: boolean;
  /** The schema comes back exactly, even where data does not (dropped columns and tables come back empty). */
  schemaRestored: boolean;
  notes: DownNote[];
}

export interface DownOptions {
  /** Which migration of the file (TypeORM files may hold several classes). */
  migrationIndex?: number;
}

interface StepInverse { op: Operation; inverse: InverseResult }

/** Inverse of each up step against the schema as it stands just before that step. */
export function invertMigration(file: FileModel, migration: Migration, before: SchemaState): StepInverse[] {
  const state = cloneSchema(before);
  const script = file.orm === 'typeorm' || file.orm === 'sequelize' || file.orm === 'knex' || file.orm === 'node-pg-migrate';
  const out: StepInverse[] = [];
  const seen = new Set<string>();
  // Tables this migration creates: DROP TABLE takes their columns, indexes, keys and rows with them,
  // so what later steps add to them needs no undo of its own (MySQL even refuses to drop an index a
  // foreign key of the table relies on).
  const created = new Set<string>();
  for (const op of migration.up) {
    const sql = sourceSql(op, file.text, script);
    // One statement can be read as several facts (MODIFY → type + nullability + default): undo it once.
    const at = `${op.offset.start}:${op.offset.end}:${op.table ?? ''}:${op.column ?? ''}`;
    const once = seen.has(at);
    seen.add(at);
    const table = op.table?.toLowerCase();
    const onCreated = !!table && created.has(table) && op.kind !== 'createTable' && op.kind !== 'renameTable' && op.kind !== 'dropTable';
    if (!once && !onCreated) out.push({ op, inverse: backfillOfNewColumns(op, sql, before, state) ?? inverseOf(op, sql, state) });
    if (op.kind === 'createTable' && table && !(op.ifNotExists && state.tables.has(table))) created.add(table);
    if (op.kind === 'renameTable' && table && op.newName && created.delete(table)) created.add(op.newName.toLowerCase());
    if (op.kind === 'dropTable' && table) created.delete(table);
    if (!once || op.via !== 'sql') applyOperation(state, op, sql);
  }
  return out;
}

export function generateDown(file: FileModel, before: SchemaState = emptySchema(file.dialect), options: DownOptions = {}): GeneratedDown {
  const migration = file.migrations[options.migrationIndex ?? 0];
  if (!migration) return { text: '', complete: false, schemaRestored: false, notes: [{ message: 'no migration found in this file' }] };
  const inverses = invertMigration(file, migration, before);
  const notes: DownNote[] = [];
  let schemaRestored = true;
  let lossless = true;
  for (const { op, inverse } of inverses) {
    for (const loss of inverse.losses) { notes.push({ message: `cannot be undone: ${loss}`, range: op.range }); lossless = false; }
    if (!inverse.schemaExact) schemaRestored = false;
    for (const gap of inverse.gaps) notes.push({ message: inverse.schemaExact ? gap : `not restored exactly: ${gap}`, range: op.range });
  }
  let steps = statementGroups(file, inverses).reverse().flatMap((group) => mergeAlterClauses(file.dialect, group.reverse().flatMap((i) => i.inverse.steps.map((s) => ({ ...s, via: i.op.via })))));
  // TypeORM's migration:revert runs down() in a transaction unless the whole run is --transaction none.
  if (file.orm === 'typeorm' && (migration.downTransactional ?? migration.transactional) !== false && steps.some((s) => s.optionalConcurrently)) {
    steps = steps.map((s) => (s.optionalConcurrently ? { ...s, sql: s.sql.replace(/\s+CONCURRENTLY\b/i, ''), outsideTransaction: undefined } : s));
    notes.push({ message: 'index rebuilt without CONCURRENTLY: migration:revert runs down() in a transaction, so writes to the table wait for the build' });
  }
  if (file.orm === 'typeorm' && (migration.downTransactional ?? migration.transactional) !== false && steps.some((s) => s.outsideTransaction)) {
    notes.push({ message: 'down() commits the transaction migration:revert opened, runs the CONCURRENTLY steps outside it, and starts a new one for TypeORM to commit (under --transaction none it runs none)' });
  }
  if (!steps.length && migration.up.length) notes.push({ message: 'no step of the up has a schema inverse' });
  const complete = schemaRestored && lossless;
  // Every note, so that the file says what the quick fix's "(incomplete: N notes)" counts.
  const header = complete ? [] : [
    'INCOMPLETE DOWN (generated by safe-migrations): it does not give back everything the up changed.',
    ...notes.map((n) => n.message),
  ];
  const text = file.orm === 'typeorm' ? renderTypeormDown(file, migration, steps, header)
    : file.orm === 'sequelize' ? renderSequelizeDown(file, migration, steps, header)
    : file.orm === 'knex' ? renderKnexDown(file, migration, steps, header)
    : file.orm === 'node-pg-migrate' ? renderNodePgMigrateDown(file, migration, steps, header)
    : renderSqlDown(file, migration, steps, header, notes);
  return { text, complete, schemaRestored, notes };
}

/**
 * An UPDATE that writes only columns this migration added (a backfill) changes nothing the down keeps:
 * the down drops those columns. Not when something else may write on UPDATE (a trigger, MySQL's
 * ON UPDATE column, a foreign key that cascades from the new column).
 */
function backfillOfNewColumns(op: Operation, sql: string, start: SchemaState, now: SchemaState): InverseResult | undefined {
  if (op.kind !== 'update' || !op.table || now.hasTriggers) return undefined;
  const was = start.tables.get(op.table.toLowerCase());
  const table = now.tables.get(op.table.toLowerCase());
  const columns = updatedColumns(sql);
  if (!was || !table || !columns?.length) return undefined;
  const added = (c: string) => !!findColumn(table, c) && !findColumn(was, c);
  if (!columns.every(added)) return undefined;
  if (table.columns.some((c) => c.extra.some((e) => /^ON\s+UPDATE\b/i.test(e)))) return undefined;
  if ([...now.triggers.values()].some((t) => t.table.toLowerCase() === op.table!.toLowerCase())) return undefined;
  if ([...now.constraints.values()].some((c) => c.kind === 'foreign' && c.referencedTable?.toLowerCase() === op.table!.toLowerCase())) return undefined;
  return { steps: [], losses: [], schemaExact: true, gaps: [] };
}

/** The columns `UPDATE t [alias] SET a = …, "b" = … [FROM …] [WHERE …]` writes; undefined when it cannot tell. */
function updatedColumns(sql: string): string[] | undefined {
  const set = /\bSET\s+([\s\S]*)$/i.exec(sql);
  if (!set) return undefined;
  const out: string[] = [];
  for (const part of splitTopLevel(set[1], ',')) {
    const m = /^\s*(?:[\w$]+\.)?("(?:[^"]|"")+"|`(?:[^`]|``)+`|[\w$]+)\s*=/.exec(part);
    if (!m) return undefined;
    out.push(unquoteIdentifier(m[1]));
    // The last assignment runs into FROM / WHERE / RETURNING: the column is all this needs.
  }
  return out;
}

/** The inverses in up order, grouped by the statement they come from (the clauses of one multi-action ALTER TABLE). */
function statementGroups(file: FileModel, inverses: StepInverse[]): StepInverse[][] {
  const groups: StepInverse[][] = [];
  let last: StepInverse | undefined;
  for (const i of inverses) {
    const between = last && file.text !== undefined && last.op.via === 'sql' && i.op.via === 'sql' && last.op.offset.end <= i.op.offset.start ? file.text.slice(last.op.offset.end, i.op.offset.start) : undefined;
    if (between !== undefined && /^\s*,\s*$/.test(between)) groups[groups.length - 1].push(i);
    else groups.push([i]);
    last = i;
  }
  return groups;
}

/**
 * MySQL/MariaDB check a table after each ALTER TABLE: the inverse of `DROP PRIMARY KEY, MODIFY id …,
 * ADD PRIMARY KEY (…)` run clause by clause passes through a state the server refuses (an AUTO_INCREMENT
 * column that is no key). The inverses of one statement's clauses stay one statement, as in the up.
 */
function mergeAlterClauses(d: Dialect, steps: DownStep[]): DownStep[] {
  if (d === 'postgres' || steps.length < 2) return steps;
  const parsed = steps.map((s) => (s.runIf || s.outsideTransaction || s.via !== 'sql' ? null : /^ALTER TABLE (`(?:[^`]|``)+`) ([\s\S]+)$/.exec(s.sql)));
  if (parsed.some((m) => !m) || parsed.some((m) => m![1] !== parsed[0]![1])) return steps;
  return [{ sql: `ALTER TABLE ${parsed[0]![1]} ${parsed.map((m) => m![2]).join(',\n    ')}`, via: 'sql' }];
}

/** down.sql / .down.sql text: Prisma and plain SQL migrations. */
function renderSqlDown(file: FileModel, migration: Migration, steps: DownStep[], header: string[], notes: DownNote[]): string {
  const d = file.dialect;
  let body = steps;
  // Prisma (and most SQL runners) send the file as one script, which PostgreSQL runs as one
  // implicit transaction: CONCURRENTLY only works when it is the file's only statement.
  const statements = steps.filter((s) => !s.sql.startsWith('--'));
  if (d === 'postgres' && statements.length > 1 && statements.some((s) => s.outsideTransaction)) {
    body = steps.map((s) => (s.outsideTransaction ? { sql: s.sql.replace(/\s+CONCURRENTLY\b/i, '') } : s));
    notes.push({ message: 'CONCURRENTLY dropped: this down has several statements and runs as one transaction (the index is built or dropped under a lock)' });
  }
  const lines: string[] = header.map((h) => `-- ${h}`);
  if (lines.length) lines.push('');
  for (const s of body) {
    if (s.sql.startsWith('--')) { lines.push(s.sql, ''); continue; }
    lines.push(s.runIf && d === 'mysql' ? renderSqlStep({ kind: 'sql', sql: s.sql, ddl: true, runIf: s.runIf }, d) : `${s.sql};`, '');
  }
  if (!body.length) lines.push(`-- ${migration.up.length ? 'nothing to undo in the schema' : 'the up is empty'}`, '');
  return lines.join('\n').replace(/\n+$/, '\n');
}
