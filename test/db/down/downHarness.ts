// Proof for generated downs on the real servers: walk a fixture history migration by migration —
// snapshot, up, generated down, snapshot again (must equal the first when the down claims the schema
// back), up again — and check that every generated down passes the project's own rules.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { CellDatabase, DbDialect } from '../scaffold/cellDatabase';
import { createCellDatabase } from '../scaffold/cellDatabase';
import { snapshot } from '../scaffold/schemaSnapshot';
import { inspectPaths } from '../../../server/src/engine/inspect';
import { readMigrationText } from '../../../server/src/engine/engine';
import { checkFile } from '../../../server/src/engine/check';
import { loadConfig } from '../../../server/src/config/load';
import { readTextFileIfPresent } from '../../../server/src/engine/workspace';
import type { Dialect, FileModel } from '../../../server/src/model/migration';
import type { ProjectInfo } from '../../../server/src/project/types';
import { downsForFiles, type MigrationDown } from '../../../server/src/actions/down/downsForFiles';
import { orderedMigrations } from '../../../server/src/rules/schemaHistory';

/** A throw-away schema (PostgreSQL) or database (MariaDB) named sm_down_…, with a raw client on it. */
export function downDatabase(dialect: DbDialect): Promise<CellDatabase> {
  return createCellDatabase(dialect, 'sm_down');
}

/** Closes the raw client, then drops the schema or database (the drop alone left the client open and Node running). */
async function discard(db: CellDatabase): Promise<void> {
  await db.close();
  await db.drop();
}

/** The schema snapshot plus what it leaves out and a down must also restore: enums, sequences, MySQL column order. */
export async function schemaOf(db: CellDatabase): Promise<Record<string, unknown>> {
  const base = (await snapshot(db)).schema;
  if (db.dialect === 'postgres') {
    base.enums = await db.query(`SELECT t.typname, e.enumlabel, e.enumsortorder::text FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
      JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = $1 ORDER BY 1, 3`, [db.name]);
    base.sequences = await db.query('SELECT sequence_name, data_type, maximum_value FROM information_schema.sequences WHERE sequence_schema = $1 ORDER BY 1', [db.name]);
    // The column a sequence belongs to (serial, OWNED BY): dropped with it.
    base.sequenceOwners = await db.query(`SELECT s.relname AS sequence, t.relname AS "table", a.attname AS "column" FROM pg_class s
      JOIN pg_namespace n ON n.oid = s.relnamespace JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
      JOIN pg_class t ON t.oid = d.refobjid JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
      WHERE s.relkind = 'S' AND n.nspname = $1 ORDER BY 1`, [db.name]);
    base.domains = await db.query('SELECT domain_name, data_type FROM information_schema.domains WHERE domain_schema = $1 ORDER BY 1', [db.name]);
    // Functions (with their source) and triggers: a down that claims them back must give them back.
    base.functions = await db.query(`SELECT p.proname, pg_get_function_identity_arguments(p.oid) AS args, md5(pg_get_functiondef(p.oid)) AS def FROM pg_proc p
      JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1 ORDER BY 1, 2`, [db.name]);
    base.triggers = await db.query(`SELECT c.relname AS "table", t.tgname, pg_get_triggerdef(t.oid) AS def FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT t.tgisinternal AND n.nspname = $1 ORDER BY 1, 2`, [db.name]);
  } else {
    base.columnOrder = await db.query(`SELECT TABLE_NAME AS t, COLUMN_NAME AS c, ORDINAL_POSITION AS p FROM information_schema.COLUMNS
      WHERE TABLE_SCHEMA = ? AND TABLE_NAME NOT IN ('migrations', 'SequelizeMeta') ORDER BY 1, 3`, [db.name]);
  }
  return base;
}

export interface HistoryStats { migrations: number; complete: number; schemaRestored: number; incomplete: { migration: string; why: string[] }[] }

export interface HistoryRunner {
  up(index: number): Promise<void>;
  /** Runs the generated down of migration `index`. */
  down(index: number, down: MigrationDown): Promise<void>;
  close(): Promise<void>;
}

/** Reads a fixture history and generates every migration's down, in history order. */
/** `readAs` overrides the project's dialect (a MariaDB project read as MySQL gets MySQL's presence checks). */
export async function historyDowns(dir: string, readAs?: Dialect): Promise<{ files: FileModel[]; downs: MigrationDown[]; ordered: { file: FileModel; down: MigrationDown }[]; projects: ProjectInfo[] }> {
  const { files, projects } = await inspectPaths([dir], { dialect: readAs });
  const withMigrations = files.filter((f) => f.migrations.length);
  const downs = downsForFiles(withMigrations, withMigrations);
  const ordered = orderedMigrations(withMigrations).map(({ file, migration }) => ({ file, down: downs.find((d) => d.source === file.path && d.migration === migration.name)! }));
  return { files: withMigrations, downs, ordered, projects };
}

/**
 * up → generated down → schema equals the one before (when the down says the schema comes back) → up
 * again. A down that cannot bring the schema back still has to run; the database is then rebuilt.
 */
export async function roundTripHistory(dialect: DbDialect, dir: string, makeRunner: (db: CellDatabase, ordered: { file: FileModel; down: MigrationDown }[]) => Promise<HistoryRunner>, readAs?: Dialect): Promise<HistoryStats> {
  const { ordered } = await historyDowns(dir, readAs);
  const stats: HistoryStats = { migrations: ordered.length, complete: 0, schemaRestored: 0, incomplete: [] };
  let db = await downDatabase(dialect);
  let runner = await makeRunner(db, ordered).catch(async (e: unknown) => { await discard(db); throw e; });
  try {
    for (let i = 0; i < ordered.length; i++) {
      const { down } = ordered[i];
      const before = await schemaOf(db);
      await runner.up(i);
      await runner.down(i, down).catch((e: Error) => { throw new Error(`${down.migration}: generated down failed: ${e.message}\n${down.text}`); });
      const after = await schemaOf(db);
      if (down.schemaRestored) assert.deepEqual(after, before, `${down.migration}: the down claims the schema back but it differs\n${down.text}`);
      if (down.complete) {
        await runner.up(i);
      } else {
        // Rebuild the state after migration i from scratch: the down could not give everything back (rows, values).
        await runner.close();
        await discard(db);
        db = await downDatabase(dialect);
        runner = await makeRunner(db, ordered);
        for (let j = 0; j <= i; j++) await runner.up(j);
      }
      if (down.complete) stats.complete++;
      if (down.schemaRestored) stats.schemaRestored++;
      if (!down.complete) stats.incomplete.push({ migration: down.migration, why: down.notes.map((n) => n.message) });
    }
  } finally {
    await runner.close();
    await discard(db);
  }
  if (process.env.SM_DOWN_REPORT) process.stderr.write(`${path.basename(path.dirname(dir))}/${path.basename(dir)} ${JSON.stringify({ migrations: stats.migrations, complete: stats.complete, schemaRestored: stats.schemaRestored })}\n${stats.incomplete.map((x) => `  ${x.migration}: ${x.why.join(' | ')}`).join('\n')}\n`);
  return stats;
}

const RANK = { hint: 0, info: 1, warning: 2, error: 3 } as const;

/**
 * Findings of warning or error severity on a migration once its generated down is in place that it
 * did not have without one (missing-down going away is the point). `readWithDown` reads the file
 * as it would be with the down written.
 */
export function newFindingsWithDown(files: FileModel[], file: FileModel, readWithDown: FileModel): string[] {
  const config = loadConfig(path.dirname(file.path));
  const key = (f: { rule: string; message: string }) => `${f.rule}: ${f.message}`;
  const beforeKeys = new Set(checkFile(file, config, files).filter((f) => RANK[f.severity] >= 2).map(key));
  return checkFile(readWithDown, config, files).filter((f) => RANK[f.severity] >= 2 && f.phase === 'down' && !beforeKeys.has(key(f))).map(key);
}

/** The same file read again with its down file (Prisma down.sql, x.down.sql) holding `downText`. */
export function withDownFile(file: FileModel, downPath: string, downText: string, projects: ProjectInfo[]): FileModel {
  return readMigrationText(file.path, file.text!, { projects, readSibling: (p) => (p === downPath ? downText : readTextFileIfPresent(p)) });
}
