// The engine's front door: source text (+ what detection knows) → FileModel. Pure apart from the
// optional `readSibling` callback, which adapters pass so a migration can see its down file.
import * as path from 'node:path';
import type { Dialect, DialectInfo, FileModel, Orm, Problem } from '../model/migration';
import { LineIndex } from '../model/text';
import type { MigrationDir, ProjectInfo } from '../project/types';
import type { SafeMigrationsConfig } from '../config/types';
import { dialectFromFolderName, projectForFile } from '../project/detect';
import { dialectFromDriverName } from '../project/dialectNames';
import { isInside } from '../project/fileTree';
import { guessSqlDialect, initSqlParsers } from '../readers/sql';
import type * as TypeormReader from '../readers/typeorm/typeormReader';
import type * as SequelizeReader from '../readers/sequelize/sequelizeReader';
import type * as PrismaMigrationReader from '../readers/prisma/prismaMigrationReader';
import type * as PrismaDataMigrationReader from '../readers/prisma/prismaDataMigrationReader';
import type * as KnexReader from '../readers/knex/knexReader';
import type * as NodePgMigrateReader from '../readers/nodePgMigrate/nodePgMigrateReader';
import { journalPathFor, readDrizzleMigration } from '../readers/drizzle/drizzleMigrationReader';
import { downSiblingName, readSqlMigrationFile } from '../readers/sqlMigration/sqlMigrationReader';
import type { ReadContext, ReaderResult } from '../readers/types';

export interface ReadOptions {
  projects?: ProjectInfo[];
  /** --dialect flag: beats everything. */
  dialect?: Dialect;
  /** Config / settings: `dialect` and `orm` override detection. */
  config?: Partial<SafeMigrationsConfig>;
  /** Reads a file next to this one (Prisma down.sql, x.down.sql); undefined when absent. */
  readSibling?: (file: string) => string | undefined;
}

/** Files larger than this are not parsed: the editor stays responsive and the user is told why. */
export const MAX_FILE_CHARS = 5_000_000;

// The TS/JS readers pull in the TypeScript compiler (≈250 ms to load) and the Prisma reader its
// WASM: loaded on first use, so a run over SQL files never pays for them.
const typeormReader = () => require('../readers/typeorm/typeormReader') as typeof TypeormReader;
const sequelizeReader = () => require('../readers/sequelize/sequelizeReader') as typeof SequelizeReader;
const prismaReader = () => require('../readers/prisma/prismaMigrationReader') as typeof PrismaMigrationReader;
const prismaDataReader = () => require('../readers/prisma/prismaDataMigrationReader') as typeof PrismaDataMigrationReader;
const knexReader = () => require('../readers/knex/knexReader') as typeof KnexReader;
const nodePgMigrateReader = () => require('../readers/nodePgMigrate/nodePgMigrateReader') as typeof NodePgMigrateReader;

let initialised: Promise<void> | undefined;

/** Loads the WASM parsers once; every other engine function is synchronous after it. */
export function initEngine(): Promise<void> {
  initialised ??= initSqlParsers();
  return initialised;
}

/** Reads one migration file's text into the model. Never throws. */
export function readMigrationText(file: string, text: string, options: ReadOptions = {}): FileModel {
  const lines = new LineIndex(text);
  const detected = options.projects ? projectForFile(options.projects, file) : undefined;
  const project = options.config?.typeormTransactionMode ? withTypeormModeSetting(detected, file, options.config.typeormTransactionMode) : detected;
  const dir = project ? migrationDirFor(project, file) : undefined;
  const orm = chooseOrm(file, text, project, dir, options.config?.orm);
  let dialectInfo = chooseDialect(file, project, dir, options);
  if (orm === 'prisma' && dialectInfo.dialect === 'unknown') dialectInfo = prismaLockDialect(file, options) ?? dialectInfo;
  const model: FileModel = { path: file, orm, dialect: dialectInfo.dialect, dialectInfo, migrations: [], problems: [] };

  const inputProblem = checkInput(text, lines);
  if (inputProblem) { model.problems.push(inputProblem); return model; }

  const ctx: ReadContext = { path: file, text, lines, dialect: dialectInfo, project };
  let result: ReaderResult;
  try {
    result = runReader(orm, ctx, options);
  } catch (e) {
    model.problems.push({ code: 'reader-error', severity: 'error', message: `Safe Migrations could not read this file (internal error: ${(e as Error).message}). Your file is unchanged; please report this.`, range: lines.range(0, 0) });
    return model;
  }
  model.migrations = result.migrations;
  model.problems.push(...result.problems);
  if (result.syntaxErrors) model.syntaxErrors = result.syntaxErrors;
  if (result.dialect && model.dialect === 'unknown') {
    model.dialect = result.dialect.dialect;
    model.dialectInfo = result.dialect;
  } else if (model.dialect === 'unknown') {
    const sqlDialect = result.migrations.find((m) => m.dialect !== 'unknown')?.dialect;
    if (sqlDialect) { model.dialect = sqlDialect; model.dialectInfo = { dialect: sqlDialect, source: 'content', reason: 'recognised from the SQL in the file' }; }
  }
  for (const m of model.migrations) if (m.dialect === 'unknown') m.dialect = model.dialect;
  (model as FileModel & { text?: string }).text = text;
  return model;
}

/** A Prisma migrations folder outside a detected project still names its provider in migration_lock.toml. */
function prismaLockDialect(file: string, options: ReadOptions): DialectInfo | undefined {
  const lockFile = path.join(path.dirname(path.dirname(file)), 'migration_lock.toml');
  const text = options.readSibling?.(lockFile);
  const provider = text && /^\s*provider\s*=\s*"([^"]+)"/m.exec(text)?.[1];
  if (!provider) return undefined;
  const { dialect } = dialectFromDriverName(provider);
  return dialect === 'unknown' ? undefined : { dialect, source: 'project', reason: `migration_lock.toml says provider = "${provider}"` };
}

/** The `typeormTransactionMode` setting beats what the DataSource says (or the lack of one). */
function withTypeormModeSetting(project: ProjectInfo | undefined, file: string, mode: 'all' | 'each' | 'none'): ProjectInfo {
  const root = project?.root ?? path.dirname(file);
  const base: ProjectInfo = project ?? { root, orms: [], dialect: { dialect: 'unknown', source: 'unknown', reason: 'no project' }, migrationDirs: [], unknowns: [] };
  const dataSource = {
    file: path.join(root, 'the typeormTransactionMode setting'),
    dialect: base.dialect.dialect,
    migrations: [path.relative(root, file).split(path.sep).join('/')],
    migrationsTransactionMode: mode,
    transactionModeSource: 'config' as const,
    entities: [],
  };
  return { ...base, typeorm: { configFiles: base.typeorm?.configFiles ?? [], entityFiles: base.typeorm?.entityFiles ?? [], dataSources: [dataSource] } };
}

function runReader(orm: Orm, ctx: ReadContext, options: ReadOptions): ReaderResult {
  const sibling = (file: string | undefined) => {
    if (!file || !options.readSibling) return undefined;
    const text = options.readSibling(file);
    return text === undefined ? undefined : { path: file, text };
  };
  switch (orm) {
    case 'typeorm': return typeormReader().readTypeormFile(ctx);
    case 'sequelize': return sequelizeReader().readSequelizeFile(ctx);
    case 'prisma':
      if (!SQL_EXT.test(ctx.path)) return prismaDataReader().readPrismaDataMigration(ctx);
      return prismaReader().readPrismaMigration(ctx, sibling(path.join(path.dirname(ctx.path), 'down.sql')));
    case 'sql': return readSqlMigrationFile(ctx, sibling(downSiblingName(ctx.path)));
    case 'knex': return knexReader().readKnexFile(ctx);
    case 'node-pg-migrate': return nodePgMigrateReader().readNodePgMigrateFile(ctx);
    case 'drizzle':
      // drizzle-kit writes SQL; a TS/JS file in its folder is not a migration it runs.
      if (!SQL_EXT.test(ctx.path)) return { migrations: [], problems: [{ code: 'no-migration-found', severity: 'info', message: 'drizzle-kit migrations are .sql files; this file is not one.', range: ctx.lines.range(0, 0) }] };
      return readDrizzleMigration(ctx, sibling(journalPathFor(ctx.path))?.text);
  }
}

/** Binary, huge or oddly encoded input gets a clear message instead of a parse. */
function checkInput(text: string, lines: LineIndex): Problem | undefined {
  if (text.length > MAX_FILE_CHARS) {
    return { code: 'file-too-large', severity: 'info', message: `File is ${(text.length / 1e6).toFixed(1)} MB; Safe Migrations analyses migration files up to ${MAX_FILE_CHARS / 1e6} MB.`, range: lines.range(0, 0) };
  }
  const sample = text.slice(0, 8192);
  const nul = sample.indexOf('\u0000');
  if (nul >= 0) {
    return { code: 'binary-file', severity: 'info', message: 'This looks like a binary file (it contains NUL bytes); not analysed.', range: lines.range(0, 0) };
  }
  return undefined;
}

function migrationDirFor(project: ProjectInfo, file: string): MigrationDir | undefined {
  let best: MigrationDir | undefined;
  for (const d of project.migrationDirs) if (isInside(file, d.path) && (!best || d.path.length > best.path.length)) best = d;
  return best;
}

const SQL_EXT = /\.sql$/i;
const DRIZZLE_BREAKPOINT = /^-->\s*statement-breakpoint\b|;\s*-->\s*statement-breakpoint\b/m;
const PRISMA_FOLDER_FILE = /[\\/]\d{14}_[^\\/]+[\\/]migration\.[cm]?[jt]s$/;

function chooseOrm(file: string, text: string, project: ProjectInfo | undefined, dir: MigrationDir | undefined, forced: Orm | undefined): Orm {
  const isSql = SQL_EXT.test(file);
  if (isSql) {
    if (forced === 'prisma' || dir?.orm === 'prisma' || /(^|[\\/])migration\.sql$/.test(file) && /\d{14}_[^\\/]+[\\/]migration\.sql$/.test(file)) return 'prisma';
    // drizzle-kit separates statements with `--> statement-breakpoint`; its folder comes from drizzle.config.
    if (forced === 'drizzle' || dir?.orm === 'drizzle' || DRIZZLE_BREAKPOINT.test(text)) return 'drizzle';
    return 'sql';
  }
  // A TypeScript data migration in a Prisma migration folder (`20240201000000_backfill/migration.ts`) is Prisma's, not Sequelize's.
  if (PRISMA_FOLDER_FILE.test(file) || (dir?.orm === 'prisma' && isInside(path.dirname(file), dir.path) && path.dirname(file) !== dir.path)) return 'prisma';
  if (forced && forced !== 'sql' && forced !== 'prisma' && forced !== 'drizzle') return forced;
  if (dir && (dir.orm === 'typeorm' || dir.orm === 'sequelize' || dir.orm === 'knex' || dir.orm === 'node-pg-migrate')) return dir.orm;
  const head = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const typeorm = typeormReader().looksLikeTypeorm(head);
  const sequelize = sequelizeReader().looksLikeSequelize(head);
  if (typeorm && !sequelize) return 'typeorm';
  if (sequelize && !typeorm) return 'sequelize';
  if (!typeorm && !sequelize) {
    if (nodePgMigrateReader().looksLikeNodePgMigrate(head)) return 'node-pg-migrate';
    if (knexReader().looksLikeKnex(head)) return 'knex';
  }
  const orms = project?.orms.map((o) => o.orm) ?? [];
  if (orms.includes('typeorm') && !orms.includes('sequelize')) return 'typeorm';
  if (orms.includes('sequelize') && !orms.includes('typeorm')) return 'sequelize';
  const tool = orms.find((o) => o === 'knex' || o === 'node-pg-migrate');
  if (tool && !typeorm && !sequelize) return tool;
  return typeorm ? 'typeorm' : 'sequelize';
}

function chooseDialect(file: string, project: ProjectInfo | undefined, dir: MigrationDir | undefined, options: ReadOptions): DialectInfo {
  if (options.dialect && options.dialect !== 'unknown') return { dialect: options.dialect, source: 'flag', reason: `--dialect ${options.dialect}` };
  if (options.config?.dialect) return { dialect: options.config.dialect, source: 'setting', reason: `the "dialect" setting says ${options.config.dialect}` };
  // A per-dialect folder (`migrations/postgresdb/`) is nearer the file than any project-wide claim.
  const folder = dialectFromFolderName(path.relative(dir?.path ?? project?.root ?? path.parse(file).root, path.dirname(file)));
  if (dir?.dialect && !(folder && dir.dialectSource === 'project')) {
    const source = dir.dialectSource === 'project' ? 'project' : dir.dialectSource === 'setting' ? 'setting' : 'folder';
    return { dialect: dir.dialect, source, reason: dir.reason ?? `the migrations folder ${path.basename(dir.path)} is for ${dir.dialect}` };
  }
  if (folder) return { dialect: folder, source: 'folder', reason: `the folder name says ${folder}` };
  if (project && project.dialect.dialect !== 'unknown') return project.dialect;
  return { dialect: 'unknown', source: 'unknown', reason: project ? project.dialect.reason : 'no project configuration found for this file; the dialect is taken from the SQL when it can be recognised' };
}

export { guessSqlDialect };
