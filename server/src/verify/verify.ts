// A verification: replay the history before the targets on a scratch database, then for each target
// snapshot → up → snapshot → down (must equal the first) → up again (must equal the second), with every
// statement measured. The database I/O is in scratchDatabase.ts and the runners; the comparisons are pure.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Dialect, FileModel } from '../model/migration';
import { inspectPaths } from '../engine/inspect';
import { migrationFolder } from '../engine/check';
import { projectRootAbove } from '../engine/workspace';
import { orderedMigrations } from '../rules/schemaHistory';
import { isInside } from '../project/fileTree';
import type { ProjectInfo } from '../project/types';
import { baselineIndex } from '../rules';
import { parseDatabaseTarget, type DatabaseTarget } from './databaseUrl';
import { openScratchDatabase, SetupError, type ScratchDatabase } from './scratchDatabase';
import { BOOKKEEPING_TABLES, takeDataSnapshot, takeSnapshot, type SchemaSnapshot } from './schemaSnapshot';
import { diffData, diffSnapshots } from './schemaDiff';
import { claimDisagreements, foreignKeyTargets, indexedColumns, type ClaimContext } from './lockClaims';
import { errorMessage, StatementTracer } from './statementTracer';
import { sqlRunner } from './runners/sqlRunner';
import type { HistoryMigration, MigrationRunner } from './runners/types';
import type * as TypeormRunner from './runners/typeormRunner';
import type * as SequelizeRunner from './runners/sequelizeRunner';
import { MissingPackageError } from './workspacePackages';
import type { Difference, HistoryRun, StepPhase, VerifyDialect, VerifyResult, VerifyRun, VerifyStep } from './types';

export interface VerifyOptions {
  /** `pglite` or a server URL; default PGlite for PostgreSQL. */
  database?: string;
  /** SQL run once before the first target: its rows must survive every down. */
  seedSql?: string;
  /** Scratch database name prefix on servers (tests use their own). */
  scratchPrefix?: string;
  dialect?: Dialect;
  /** Baseline: only migrations after it are targets when a folder is given. */
  startAfter?: string;
  signal?: AbortSignal;
  onProgress?: (message: string) => void;
}

export class VerifyCancelled extends Error { constructor() { super('verification cancelled'); } }

/** Verifies the migrations at `inputs` (files or folders), each with the history of its folder before it. */
export async function verifyPaths(inputs: string[], options: VerifyOptions = {}): Promise<VerifyRun> {
  const run: VerifyRun = { version: 1, results: [], histories: [], setupErrors: [] };
  const absolute = inputs.map((p) => path.resolve(p));
  const targetFiles = await inspectPaths(absolute, { dialect: options.dialect });
  run.setupErrors.push(...targetFiles.errors.map((e) => `${e.path}: ${e.message}`));
  const targets = targetFiles.files.filter((f) => f.migrations.length > 0);
  if (!targets.length) { run.setupErrors.push('no migrations found at the given paths'); return run; }
  // The history of a target is its whole folder, read again so files outside the inputs count too.
  const folders = [...new Set(targets.map(historyFolder))];
  const all = await inspectPaths(folders, { dialect: options.dialect });
  const byFolder = new Map<string, FileModel[]>();
  for (const f of [...all.files, ...targets]) {
    if (!f.migrations.length) continue;
    const key = migrationFolder(f);
    const list = byFolder.get(key) ?? [];
    if (!list.some((x) => x.path === f.path)) list.push(f);
    byFolder.set(key, list);
  }
  const targetPaths = new Set(targets.map((f) => f.path));
  const explicitFiles = new Set(absolute.filter((p) => fs.existsSync(p) && fs.statSync(p).isFile()));
  for (const files of byFolder.values()) {
    if (!files.some((f) => targetPaths.has(f.path))) continue;
    const history = orderedMigrations(files);
    const baseline = options.startAfter ? baselineIndex(history.map((h) => h.migration), options.startAfter) : -1;
    const isTarget = history.map((h, i) => targetPaths.has(h.file.path) && (explicitFiles.has(h.file.path) || i > baseline));
    if (!isTarget.some(Boolean)) continue;
    await verifyHistory(history, isTarget, [...all.projects, ...targetFiles.projects], options, run);
  }
  return run;
}

function historyFolder(f: FileModel): string {
  const dir = path.dirname(f.path);
  return f.orm === 'prisma' ? path.dirname(dir) : dir;
}

function verifyDialect(files: HistoryMigration[]): VerifyDialect | undefined {
  const d = files.find((h) => ['postgres', 'mysql', 'mariadb'].includes(h.file.dialect))?.file.dialect;
  return d as VerifyDialect | undefined;
}

function chooseTarget(dialect: VerifyDialect, database: string | undefined): DatabaseTarget {
  const value = database ?? process.env.SAFE_MIGRATIONS_DATABASE_URL;
  if (!value) {
    if (dialect === 'postgres') return { kind: 'pglite', dialect: 'postgres' };
    throw new SetupError(`${dialect === 'mysql' ? 'MySQL' : 'MariaDB'} migrations need a server to verify on: pass --database mysql://user:password@host:3306 (or set SAFE_MIGRATIONS_DATABASE_URL)`);
  }
  const target = parseDatabaseTarget(value);
  const family = (d: VerifyDialect) => (d === 'postgres' ? 'postgres' : 'mysql');
  if (family(target.dialect) !== family(dialect)) throw new SetupError(`these migrations are ${dialect}, but the database is ${target.dialect}`);
  return target;
}

async function verifyHistory(history: HistoryMigration[], isTarget: boolean[], projects: ProjectInfo[], options: VerifyOptions, run: VerifyRun): Promise<void> {
  const folder = historyFolder(history[0].file);
  const dialect = verifyDialect(history);
  const results: VerifyResult[] = history.filter((_, i) => isTarget[i]).map((h) => ({
    source: h.file.path, migration: h.migration.name, ok: false, steps: [], differences: [],
    upRange: h.migration.upRange, downRange: h.migration.downRange, downPath: h.migration.downPath,
  }));
  const notRun = (why: string) => { for (const r of results) if (!r.steps.length && !r.error) r.error = why; };
  if (!dialect) { run.setupErrors.push(`${folder}: the dialect of these migrations is unknown: set "dialect" in .safe-migrations.json or pass --dialect`); return; }
  let db: ScratchDatabase;
  try {
    const target = chooseTarget(dialect, options.database);
    options.onProgress?.(`opening ${target.kind === 'pglite' ? 'PGlite' : 'the scratch database'}`);
    db = await openScratchDatabase(target, { projectRoot: projectRootAbove(folder) ?? folder, prefix: options.scratchPrefix });
  } catch (e) {
    run.setupErrors.push(`${folder}: ${errorMessage(e)}`);
    return;
  }
  const historyRun: HistoryRun = { folder, database: db.label, dialect: db.dialect === 'postgres' ? 'postgres' : dialect, replay: { migrations: 0, ms: 0 } };
  run.histories.push(historyRun);
  run.results.push(...results);
  const tracer = new StatementTracer({ dialect: historyRun.dialect, measure: false });
  // The project's own migrations table (TypeORM migrationsTableName) is bookkeeping, not schema.
  const bookkeeping = new Set([...BOOKKEEPING_TABLES, ...projects.flatMap((p) => p.typeorm?.dataSources.map((d) => d.migrationsTableName ?? '') ?? [])].filter(Boolean));
  const runners = new Map<string, MigrationRunner>();
  const projectRoot = projectRootAbove(folder) ?? folder;
  const runnerFor = async (h: HistoryMigration): Promise<MigrationRunner> => {
    const key = h.file.orm;
    let r = runners.get(key);
    if (!r) {
      r = await createRunner(h, db, tracer, projectRoot, projects.find((p) => isInside(h.file.path, p.root)));
      runners.set(key, r);
    }
    return r;
  };
  const serverVersion = db.dialect === 'postgres' ? undefined : /^(\d+\.\d+\.\d+)/.exec(String((await db.query('SELECT VERSION() AS v'))[0].v))?.[1];
  try {
    const firstTarget = isTarget.indexOf(true);
    const t0 = performance.now();
    let seeded = false;
    let resultIndex = 0;
    for (let i = 0; i < history.length; i++) {
      // PGlite's work can settle in microtasks alone: a turn of the event loop lets a cancellation message arrive.
      if (options.signal) await new Promise((resolve) => setImmediate(resolve));
      if (options.signal?.aborted) throw new VerifyCancelled();
      const h = history[i];
      if (!isTarget[i]) {
        options.onProgress?.(`replaying ${h.migration.name}`);
        tracer.options.measure = false;
        tracer.begin('replay');
        try { await (await runnerFor(h)).up(h); } catch (e) {
          const error = errorMessage(e);
          if (e instanceof MissingPackageError) { run.setupErrors.push(error); notRun(error); return; }
          historyRun.replay.failed = { source: h.file.path, migration: h.migration.name, error };
          notRun(`history replay failed at ${h.migration.name} (${path.relative(folder, h.file.path)}): ${error}`);
          return;
        }
        if (i < firstTarget) { historyRun.replay.migrations++; historyRun.replay.ms = Math.round(performance.now() - t0); }
        continue;
      }
      if (!seeded && options.seedSql) {
        seeded = true;
        try { await db.script(options.seedSql); } catch (e) { run.setupErrors.push(`the seed failed: ${errorMessage(e)}`); notRun('the seed failed'); return; }
      }
      const result = results[resultIndex++];
      options.onProgress?.(`verifying ${h.migration.name}`);
      tracer.options.measure = true;
      const completed = await verifyOne(h, result, db, tracer, await runnerFor(h), { seed: !!options.seedSql, serverVersion, bookkeeping });
      if (!completed) {
        notRun(`not verified: ${result.migration} failed before it and left the scratch database in an unknown state`);
        for (const r of results) if (r.error?.startsWith('not verified')) r.skipped = true;
        return;
      }
    }
  } catch (e) {
    if (e instanceof VerifyCancelled) { notRun('cancelled'); throw e; }
    notRun(errorMessage(e));
    if (e instanceof MissingPackageError) run.setupErrors.push(errorMessage(e));
  } finally {
    for (const r of runners.values()) await r.close().catch(() => undefined);
    await db.close().catch(() => undefined);
  }
}

async function createRunner(h: HistoryMigration, db: ScratchDatabase, tracer: StatementTracer, projectRoot: string, project?: ProjectInfo): Promise<MigrationRunner> {
  switch (h.file.orm) {
    // Loaded on first use: they compile TypeScript with esbuild, which a SQL-only run never needs.
    case 'typeorm': return (require('./runners/typeormRunner') as typeof TypeormRunner).typeormRunner(db, tracer, projectRoot, h.file, project);
    case 'sequelize': return (require('./runners/sequelizeRunner') as typeof SequelizeRunner).sequelizeRunner(db, tracer, projectRoot, project);
    default: return sqlRunner(db, tracer);
  }
}

/** Runs one target's up → down → up. Returns false when the database is left in a state later targets cannot build on. */
async function verifyOne(h: HistoryMigration, result: VerifyResult, db: ScratchDatabase, tracer: StatementTracer, runner: MigrationRunner, opts: { seed: boolean; serverVersion?: string; bookkeeping: Set<string> }): Promise<boolean> {
  const snapshot = () => takeSnapshot(db, opts.bookkeeping);
  const differences = result.differences;
  const phase = async (p: StepPhase, run: () => Promise<void>): Promise<string | undefined> => {
    tracer.begin(p);
    const t0 = performance.now();
    let error: string | undefined;
    try { await run(); } catch (e) { error = errorMessage(e); }
    result.steps.push(...tracer.steps);
    // A phase that sent nothing (or threw before sending) still gets a step to hang its error on.
    if (!tracer.steps.length || (error && !tracer.steps.some((s) => s.error))) result.steps.push({ phase: p, locks: [], ms: Math.round(performance.now() - t0), ...(error ? { error } : {}) });
    return error;
  };
  const lastStep = () => result.steps.length - 1;
  const before = await snapshot();
  const dataBefore = opts.seed ? await takeDataSnapshot(db, before.tables) : undefined;
  const claimDialect: VerifyDialect = db.dialect === 'postgres' ? 'postgres' : await dialectOf(db);
  // Claims depend on the column as it is when the phase starts: before the up, or after it for the down.
  const claimsFor = (s: SchemaSnapshot): ClaimContext => ({
    dialect: claimDialect,
    serverVersion: opts.serverVersion,
    tablesBefore: new Set(s.tables.map((t) => t.toLowerCase())),
    columnTypes: new Map(Object.entries(s.columns).map(([k, c]) => [k.toLowerCase(), c.type.replace(/ (auto_increment|on update.*|DEFAULT_GENERATED.*)$/i, '')])),
    columnNullable: new Map(Object.entries(s.columns).map(([k, c]) => [k.toLowerCase(), c.nullable])),
    indexedColumns: indexedColumns(s.indexes),
    foreignKeyTargets: foreignKeyTargets(s.constraints),
  });
  let claims = claimsFor(before);
  const addClaims = (from: number) => {
    for (let i = from; i < result.steps.length; i++) {
      for (const message of claimDisagreements(result.steps[i], claims)) differences.push({ kind: 'lock', phase: result.steps[i].phase, message, step: i });
    }
  };
  let from = result.steps.length;
  const upError = await phase('up', () => runner.up(h));
  addClaims(from);
  if (upError) { differences.push({ kind: 'error', phase: 'up', message: `up fails: ${upError}`, step: lastStep() }); return finish(result); }
  const afterUp = await snapshot();
  if (!h.migration.hasDown && h.file.orm !== 'typeorm' && h.file.orm !== 'sequelize') {
    differences.push({ kind: 'error', phase: 'down', message: `no down migration: ${h.file.orm === 'prisma' ? 'add a down.sql next to migration.sql' : 'add a down section or a .down.sql file'}; there is no rollback to verify` });
    finish(result);
    return true;
  }
  claims = claimsFor(afterUp);
  from = result.steps.length;
  const downError = await phase('down', () => runner.down(h));
  addClaims(from);
  if (downError) { differences.push({ kind: 'error', phase: 'down', message: `down fails: ${downError}`, step: lastStep() }); return finish(result); }
  const afterDown = await snapshot();
  const downStep = lastStep();
  for (const message of diffSnapshots(before, afterDown, 'down')) differences.push({ kind: 'schema', phase: 'down', message, step: downStep });
  if (dataBefore) for (const message of diffData(dataBefore, await takeDataSnapshot(db, afterDown.tables))) differences.push({ kind: 'data', phase: 'down', message, step: downStep });
  const reupError = await phase('reup', () => runner.up(h));
  if (reupError) { differences.push({ kind: 'rerun', phase: 'reup', message: `up fails on the second run (after its down): ${reupError}`, step: lastStep() }); return finish(result); }
  const afterReup: SchemaSnapshot = await snapshot();
  for (const message of diffSnapshots(afterUp, afterReup, 'reup')) differences.push({ kind: 'rerun', phase: 'reup', message, step: lastStep() });
  finish(result);
  return true;
}

function finish(result: VerifyResult): false {
  result.ok = !result.error && result.differences.every(isAdvisory);
  return false;
}

/** A down's lock disagreements are reported but do not fail: a rollback runs in an emergency, not on a schedule. */
function isAdvisory(d: Difference): boolean { return d.kind === 'lock' && d.phase === 'down'; }

async function dialectOf(db: ScratchDatabase): Promise<VerifyDialect> {
  if (db.dialect !== 'mysql') return db.dialect;
  const v = String((await db.query('SELECT VERSION() AS v'))[0].v);
  return /mariadb/i.test(v) ? 'mariadb' : 'mysql';
}

export type { Difference, VerifyStep };
