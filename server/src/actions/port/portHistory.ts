// Ports a whole history (every migration, in the order they run, each against the schema the ones
// before it left), or replaces it with one baseline migration that creates the schema the history
// ends with. Pure: returns file contents, never writes.
import * as path from 'node:path';
import type { Dialect, FileModel, Migration } from '../../model/migration';
import type { ScaffoldFile } from '../../patterns/types';
import { dialectLabel } from '../../patterns/identifiers';
import { orderedMigrations } from '../../rules/schemaHistory';
import { compactTimestamp } from '../../emitters/naming';
import { type SchemaState, emptySchema } from '../down/schemaState';
import { familyOf, quoteName } from './dialectMap';
import { type PortOptions, type PortResult, type PortTarget, type Untranslated, emit, portMigration, targetDialect, toSteps } from './portMigration';
import { type PortStep, type TranslateContext, keyedColumnsOf, renderConstraint, renderTable, tableParts, translateOperations } from './translateOperations';
import { prismaSchema } from './prismaSchema';

export interface HistoryPortOptions extends PortTarget {
  /** Text of separate down files (Prisma down.sql) by path. */
  downTexts?: Map<string, string>;
  /** How `untranslated` names a source file (e.g. relative to the working folder). */
  sourceName?: (file: FileModel) => string;
}

export interface HistoryPortResult {
  files: ScaffoldFile[];
  untranslated: Untranslated[];
  notes: string[];
  /** Lines for the user (e.g. the `prisma migrate resolve --applied` step of a baseline). */
  hints: string[];
}

function sourceDialectOf(files: FileModel[]): Dialect {
  const d = files.find((f) => f.dialect !== 'unknown')?.dialect ?? 'postgres';
  return d === 'sqlite' ? 'postgres' : d;
}

/** Every migration of the history ported, in the order they run. */
export function portHistory(files: FileModel[], options: HistoryPortOptions): HistoryPortResult {
  const ordered = orderedMigrations(files.filter((f) => f.migrations.length));
  let state: SchemaState = emptySchema(sourceDialectOf(files));
  const out: HistoryPortResult = { files: [], untranslated: [], notes: [], hints: [] };
  const base = (options.now ?? new Date()).getTime();
  const keyed = keyedColumnsOf(ordered.flatMap(({ migration }) => migration.up));
  ordered.forEach(({ file, migration }, i) => {
    const portOptions: PortOptions = {
      ...options,
      migrationIndex: file.migrations.indexOf(migration),
      before: state,
      downText: migration.downPath ? options.downTexts?.get(migration.downPath) : undefined,
      now: new Date(base + i * 1000),
      source: options.sourceName?.(file) ?? file.path,
      keyed,
    };
    const r: PortResult = portMigration(file, portOptions);
    state = r.after;
    out.files.push(...r.files);
    out.untranslated.push(...r.untranslated);
    for (const n of r.notes) if (!out.notes.includes(n)) out.notes.push(n);
  });
  return out;
}

/** Only the migrations of `wanted` files, each against the schema the history before it leaves. */
export function portMigrationsIn(history: FileModel[], wanted: Set<string>, options: HistoryPortOptions): HistoryPortResult {
  const out: HistoryPortResult = { files: [], untranslated: [], notes: [], hints: [] };
  const ordered = orderedMigrations(history.filter((f) => f.migrations.length));
  const keyed = keyedColumnsOf(ordered.flatMap(({ migration }) => migration.up));
  let state: SchemaState = emptySchema(sourceDialectOf(history));
  for (const { file, migration } of ordered) {
    const r = portMigration(file, {
      ...options, migrationIndex: file.migrations.indexOf(migration), before: state, keyed,
      downText: migration.downPath ? options.downTexts?.get(migration.downPath) : undefined, source: options.sourceName?.(file) ?? file.path,
    });
    state = r.after;
    if (!wanted.has(file.path)) continue;
    out.files.push(...r.files);
    out.untranslated.push(...r.untranslated);
    for (const n of r.notes) if (!out.notes.includes(n)) out.notes.push(n);
  }
  return out;
}

/** The schema the history ends with, replayed in the source dialect. */
export function finalSchema(files: FileModel[], options: HistoryPortOptions): { state: SchemaState; ctx: TranslateContext } {
  const ordered = orderedMigrations(files.filter((f) => f.migrations.length));
  const from = sourceDialectOf(files);
  const ctx: TranslateContext = { source: '', from, to: targetDialect(from, options.dialect), sourceOrm: ordered[0]?.file.orm ?? 'sql', state: emptySchema(from), untranslated: [], notes: [] };
  for (const { file, migration } of ordered) {
    // Translating advances the schema the way the ported files would; the statements themselves are not needed here.
    translateOperations(migration.up, { ...ctx, source: options.sourceName?.(file) ?? file.path, fileText: file.text, sourceOrm: file.orm, untranslated: [], notes: [] });
  }
  return { state: ctx.state, ctx };
}

/** One migration creating the final schema: enums, tables with keys and checks, indexes, then foreign keys. */
export function portBaseline(files: FileModel[], options: HistoryPortOptions): HistoryPortResult {
  const { state, ctx: replay } = finalSchema(files, options);
  const dialect = targetDialect(state.dialect, options.dialect);
  const ctx: TranslateContext = { ...replay, source: 'baseline', to: dialect, untranslated: [], notes: [] };
  const up: PortStep[] = [];
  if (dialect === 'postgres' && familyOf(state.dialect) === 'postgres') {
    for (const [name, values] of state.enums) up.push({ sql: `CREATE TYPE ${quoteName(enumName(files, name), dialect)} AS ENUM (${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')})`, ddl: true });
  }
  for (const table of state.tables.values()) {
    const parts = tableParts(state, table.name);
    up.push(...renderTable(table, parts.constraints, parts.indexes, state, ctx, { foreignKeysInline: false }));
  }
  for (const c of state.constraints.values()) if (c.kind === 'foreign') up.push(...renderConstraint(c, ctx));
  if (familyOf(state.dialect) === familyOf(dialect)) for (const view of state.views.values()) up.push({ sql: view, ddl: true });
  else if (state.views.size) ctx.untranslated.push({ source: 'baseline', message: `${state.views.size} view(s): their queries are SQL of the source dialect; port them by hand` });
  const created = up.filter((s) => /^CREATE TYPE/i.test(s.sql)).map((s) => /^CREATE TYPE (\S+)/i.exec(s.sql)![1]);
  const down: PortStep[] = [
    ...[...state.tables.values()].reverse().map((t) => ({ sql: `DROP TABLE IF EXISTS ${quoteName(t.name, dialect)}${dialect === 'postgres' ? ' CASCADE' : ''}`, ddl: true })),
    ...created.map((name) => ({ sql: `DROP TYPE IF EXISTS ${name}`, ddl: true })),
  ];
  const now = options.now ?? new Date();
  const notes = [
    `Creates the schema the ${files.length}-file history ends with (${state.tables.size} tables), in one migration.`,
    'On a database the history already built, do not run it: mark it as applied instead (see the hint the port command prints).',
    ...ctx.untranslated.map((u) => `UNTRANSLATED: ${u.message}`),
    ...ctx.notes.map((n) => `Translated with a difference: ${n}`),
  ];
  const input = {
    patternId: 'port', patternTitle: `Baseline of the ${dialectLabel(targetDialect(state.dialect))} history, for ${options.to} on ${dialectLabel(dialect)}`,
    phases: [{ slug: [], title: 'Baseline: the whole schema at once', up: toSteps(up), down: toSteps(down), transactional: true, notes }],
    words: ['baseline'], dialect, dir: options.dir ?? '.', extension: options.extension, now,
  };
  const out: HistoryPortResult = { files: emit(options.to, input), untranslated: ctx.untranslated, notes: ctx.notes, hints: [] };
  if (options.to === 'prisma') {
    const migrationsDir = options.dir ?? '.';
    const name = `${compactTimestamp(now)}_baseline`;
    out.files.push({ path: path.join(path.dirname(migrationsDir), 'schema.prisma'), text: prismaSchema(state, dialect) });
    out.hints.push(`On every database the old history already built, mark the baseline as applied instead of running it: npx prisma migrate resolve --applied ${name}`);
  } else if (options.to === 'typeorm') {
    out.hints.push('On every database the old history already built, record the baseline as run instead of running it: insert its class name and timestamp into the TypeORM migrations table.');
  } else {
    out.hints.push(`On every database the old history already built, record the baseline as run instead of running it: INSERT INTO ${quoteName('SequelizeMeta', dialect)} (name) VALUES ('${path.basename(out.files[0].path)}').`);
  }
  return out;
}

/** PostgreSQL folds unquoted names: the enum's name as the history spelled it. */
function enumName(files: FileModel[], lower: string): string {
  for (const f of files) for (const m of f.migrations as Migration[]) for (const op of m.up) if (op.kind === 'createEnum' && op.table?.toLowerCase() === lower) return op.table;
  return lower;
}
