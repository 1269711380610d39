// Static project detection: finds project folders under the workspace roots and reads what their
// ORM configs say (ORM, versions, dialect, migrations folders, transaction mode, entities/models).
// It never executes or requires workspace code: files are read as text and JS/TS is parsed with the
// TypeScript compiler API.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Dialect, DialectInfo } from '../model/migration';
import type { MigrationDir, ProjectInfo } from './types';
import { FileTree, MAX_PROJECT_DEPTH, isInside, readSmallFile } from './fileTree';
import { learnNaming, migrationFilesIn } from './migrationNaming';
import { dialectOfFolder } from './dialectNames';
import { type DialectClaim, type PackageJson, type ProjectContext, dependencyVersion } from './projectContext';
import type * as TypeormDetect from './typeormDetect';
import type * as SequelizeDetect from './sequelizeDetect';
import type * as PrismaDetect from './prismaDetect';
// Knex and Drizzle configs are JS/TS read with the TypeScript compiler: required on use, like the others, so a
// run over plain SQL files never loads it (test/unit/cli/startupLoad.test.ts).
import type * as KnexDetect from './knexDetect';
import type * as DrizzleDetect from './drizzleDetect';
import { detectNodePgMigrate } from './nodePgMigrateDetect';

export { dialectFromFolderName } from './dialectNames';

/** Settings / config that beat anything detected. */
export interface DetectOverrides {
  dialect?: Dialect;
  /** Extra migration folders, absolute or relative to the project (or root) they are in. */
  migrationsPaths?: string[];
}

const ORMCONFIG = /^ormconfig\.(?:json|js|cjs|mjs|ts|ya?ml|env)$/;
const ORM_PACKAGES: { orm: ProjectInfo['orms'][number]['orm']; names: string[] }[] = [
  { orm: 'typeorm', names: ['typeorm', '@n8n/typeorm'] },
  { orm: 'sequelize', names: ['sequelize', '@sequelize/core', 'sequelize-cli', 'sequelize-typescript', 'umzug'] },
  { orm: 'prisma', names: ['prisma', '@prisma/client'] },
  { orm: 'knex', names: ['knex'] },
  { orm: 'drizzle', names: ['drizzle-kit', 'drizzle-orm'] },
  { orm: 'node-pg-migrate', names: ['node-pg-migrate'] },
];
/** Config files that make a folder a project even without a package.json. */
const TOOL_CONFIG = /^(?:knexfile|drizzle\.config)\.(?:[cm]?[jt]s|json)$/;

export function detectProjects(roots: string[], overrides: DetectOverrides = {}): ProjectInfo[] {
  const tree = new FileTree();
  const candidates = new Set<string>();
  const bareRoots: string[] = [];
  for (const r of roots) {
    const root = path.resolve(r);
    let found = false;
    for (const dir of tree.folders(root, MAX_PROJECT_DEPTH)) {
      const own = projectRootOf(tree, dir);
      if (own) { candidates.add(own); found = true; }
    }
    if (!found) bareRoots.push(root);
  }

  const projects: ProjectInfo[] = [];
  const sorted = [...candidates].sort();
  for (const root of sorted) projects.push(detectOne(tree, root, (dir) => dir !== root && candidates.has(dir)));
  for (const root of bareRoots) {
    if ([...candidates].some((c) => isInside(root, c))) continue;
    const owner = owningProjectAbove(tree, root, candidates);
    if (owner) { if (!projects.some((p) => p.root === owner.root)) projects.push(owner); continue; }
    const bare = bareProject(tree, root);
    if (bare) projects.push(bare);
  }
  applyOverrides(tree, projects, roots.map((r) => path.resolve(r)), overrides);
  if (tree.truncated) for (const p of projects) p.unknowns.push({ what: 'part of the workspace', reason: 'the workspace is very large; detection stopped listing folders after its limit' });
  return projects;
}

/** The project folder `dir` makes (itself, or its parent for a `prisma/` folder), or undefined. */
function projectRootOf(tree: FileTree, dir: string): string | undefined {
  const files = tree.list(dir).files;
  if (files.includes('package.json')) return dir;
  const parent = path.dirname(dir);
  if (files.includes('schema.prisma')) {
    if (path.basename(dir) === 'prisma') return tree.hasFile(parent, 'package.json') ? undefined : parent;
    return dir;
  }
  if (files.includes('.sequelizerc') || files.some((f) => ORMCONFIG.test(f)) || files.some((f) => /^prisma\.config\.[cm]?[jt]s$/.test(f)) || files.some((f) => TOOL_CONFIG.test(f))) return dir;
  return undefined;
}

const MAX_LEVELS_UP = 8;

/**
 * A root inside a project's own migrations or schema folder (`prisma/`, `src/migrations/`) belongs
 * to that project: detect it from its real root. A root merely somewhere below a project is left alone.
 */
function owningProjectAbove(tree: FileTree, root: string, candidates: Set<string>): ProjectInfo | undefined {
  let dir = root;
  for (let i = 0; i < MAX_LEVELS_UP; i++) {
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
    const own = projectRootOf(tree, dir);
    if (!own) continue;
    const info = detectOne(tree, own, (d) => d !== own && candidates.has(d));
    const owns = info.migrationDirs.some((d) => isInside(d.path, root) || isInside(root, d.path))
      || (info.prisma?.schemaPaths ?? []).some((p) => isInside(p, root));
    return owns ? info : undefined;
  }
  return undefined;
}

/** The project of a file: the deepest project root that contains it. */
export function projectForFile(projects: ProjectInfo[], file: string): ProjectInfo | undefined {
  const abs = path.resolve(file);
  let best: ProjectInfo | undefined;
  for (const p of projects) if (isInside(abs, p.root) && (!best || p.root.length > best.root.length)) best = p;
  return best;
}

function detectOne(tree: FileTree, root: string, isNestedProject: (dir: string) => boolean): ProjectInfo {
  const ctx: ProjectContext = { root, tree, isNestedProject, unknowns: [], notes: [] };
  if (tree.hasFile(root, 'package.json')) {
    const text = readSmallFile(path.join(root, 'package.json'), 2_000_000);
    try { ctx.pkg = JSON.parse(text ?? '') as PackageJson; } catch (e) {
      ctx.unknowns.push({ what: 'package.json', reason: `not valid JSON (${(e as Error).message}); ORM versions are not known` });
    }
  }
  const orms: ProjectInfo['orms'] = [];
  const has = (orm: string) => orms.some((o) => o.orm === orm);
  for (const { orm, names } of ORM_PACKAGES) {
    const name = names.find((n) => dependencyVersion(ctx.pkg, n));
    if (!name) continue;
    const dep = dependencyVersion(ctx.pkg, name)!;
    const installed = installedVersion(root, name);
    orms.push({ orm, version: installed?.version ?? dep.version, source: installed?.source ?? dep.source });
  }
  const deps = (names: string[]) => names.some((n) => dependencyVersion(ctx.pkg, n));

  const claims: DialectClaim[] = [];
  const dirs: MigrationDir[] = [];
  const info: ProjectInfo = { root, orms, dialect: { dialect: 'unknown', source: 'unknown', reason: '' }, migrationDirs: dirs, unknowns: ctx.unknowns };

  const typeorm = (require('./typeormDetect') as typeof TypeormDetect).detectTypeorm(ctx, has('typeorm'));
  if (typeorm) {
    info.typeorm = typeorm.info;
    dirs.push(...typeorm.dirs);
    claims.push(...typeorm.claims);
    if (!has('typeorm') && typeorm.info.configFiles.length) orms.push({ orm: 'typeorm', source: path.relative(root, typeorm.info.configFiles[0]) });
  }
  const sequelize = (require('./sequelizeDetect') as typeof SequelizeDetect).detectSequelize(ctx, { sequelize: deps(['sequelize', '@sequelize/core', 'sequelize-cli', 'sequelize-typescript']), umzug: deps(['umzug']) });
  if (sequelize) {
    info.sequelize = sequelize.info;
    dirs.push(...sequelize.dirs.filter((d) => !dirs.some((x) => x.path === d.path)));
    claims.push(...sequelize.claims);
    if (!has('sequelize') && sequelize.info.sequelizerc) orms.push({ orm: 'sequelize', source: '.sequelizerc' });
  }
  const prisma = (require('./prismaDetect') as typeof PrismaDetect).detectPrisma(ctx, has('prisma'));
  if (prisma) {
    info.prisma = prisma.info;
    dirs.push(...prisma.dirs.filter((d) => !dirs.some((x) => x.path === d.path)));
    claims.push(...prisma.claims);
    if (!has('prisma') && prisma.info.schemaPaths.length) orms.push({ orm: 'prisma', source: path.relative(root, prisma.info.schemaPaths[0]) });
  }
  // Migration tools (Knex, Drizzle Kit, node-pg-migrate): their own folders, after the ORMs' (an ORM's folder wins).
  const knex = (require('./knexDetect') as typeof KnexDetect).detectKnex(ctx, has('knex'));
  if (knex) info.knex = knex.info;
  if (knex?.info.configFile && !has('knex')) orms.push({ orm: 'knex', source: path.relative(root, knex.info.configFile) });
  const drizzle = (require('./drizzleDetect') as typeof DrizzleDetect).detectDrizzle(ctx, has('drizzle'));
  if (drizzle?.configFiles.length) info.drizzle = { configFiles: drizzle.configFiles };
  if (drizzle?.configFiles.length && !has('drizzle')) orms.push({ orm: 'drizzle', source: path.relative(root, drizzle.configFiles[0]) });
  for (const tool of [knex, drizzle, detectNodePgMigrate(ctx, has('node-pg-migrate'))]) {
    if (!tool) continue;
    dirs.push(...tool.dirs.filter((d) => !dirs.some((x) => x.path === d.path)));
    claims.push(...tool.claims);
  }
  info.dialect = projectDialect(claims, orms.length > 0);
  if (info.dialect.dialect === 'unknown' && !claims.some((c) => c.dialect !== 'unknown')) {
    // Migration folders the config left without a dialect fall back to the project's (engine chooseDialect).
    info.dialect = driverDialect(ctx.pkg) ?? info.dialect;
  }
  if (ctx.notes.length) info.notes = [...new Set(ctx.notes)];
  return info;
}

/** One dialect when every config agrees; otherwise unknown, saying why (folders may still say). */
function projectDialect(claims: DialectClaim[], hasOrm: boolean): DialectInfo {
  const known = claims.filter((c) => c.dialect !== 'unknown');
  const distinct = [...new Set(known.map((c) => c.dialect))];
  if (distinct.length === 1) return { dialect: distinct[0], source: 'project', reason: known.map((c) => c.reason).join('; ') };
  if (distinct.length > 1) {
    return { dialect: 'unknown', source: 'unknown', reason: `the project configures several databases (${known.map((c) => `${c.dialect}: ${c.reason}`).join('; ')}); each migrations folder uses its own` };
  }
  return { dialect: 'unknown', source: 'unknown', reason: hasOrm ? 'no ORM config states the database type statically' : 'no TypeORM, Sequelize or Prisma configuration in this folder' };
}

/** Database driver packages and the dialect each one speaks. */
const DRIVER_PACKAGES: [string, Exclude<Dialect, 'unknown'>][] = [
  ['pg', 'postgres'], ['pg-promise', 'postgres'], ['postgres', 'postgres'], ['@neondatabase/serverless', 'postgres'],
  ['mysql2', 'mysql'], ['mysql', 'mysql'], ['mariadb', 'mariadb'], ['sqlite3', 'sqlite'], ['better-sqlite3', 'sqlite'],
];

/**
 * When no config states the database statically (a Sequelize config.js reading env vars), the one
 * driver package.json depends on does. Several drivers (an app that supports several databases) stay unknown.
 */
function driverDialect(pkg: PackageJson | undefined): DialectInfo | undefined {
  const drivers = DRIVER_PACKAGES.filter(([name]) => dependencyVersion(pkg, name));
  const dialects = [...new Set(drivers.map(([, d]) => d))];
  const names = drivers.map(([n]) => n).join(', ');
  if (dialects.length === 1) return { dialect: dialects[0], source: 'project', reason: `package.json depends on the ${dialects[0]} driver ${names} (no config states the database statically)` };
  if (dialects.length > 1) return { dialect: 'unknown', source: 'unknown', reason: `no config states the database statically, and package.json depends on several database drivers (${names})` };
  return undefined;
}

function installedVersion(root: string, name: string): { version: string; source: string } | undefined {
  const file = path.join(root, 'node_modules', name, 'package.json');
  if (!fs.existsSync(file)) return undefined;
  try {
    const v = (JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: unknown }).version;
    return typeof v === 'string' ? { version: v, source: `node_modules/${name}/package.json` } : undefined;
  } catch { return undefined; }
}

const SQL_DIR_DEPTH = 4;

/** A root with no project markers: its folders of .sql files are plain SQL migrations. */
function bareProject(tree: FileTree, root: string): ProjectInfo | undefined {
  const dirs: MigrationDir[] = [];
  for (const dir of tree.folders(root, SQL_DIR_DEPTH)) {
    const sql = tree.list(dir).files.filter((f) => /\.sql$/i.test(f));
    if (sql.length === 0) continue;
    const d: MigrationDir = { path: dir, orm: 'sql', reason: 'a folder of .sql files', ...learnNaming(tree, dir) };
    if (d.naming === 'prisma-folder') d.orm = 'prisma';
    const dialect = dialectOfFolder(dir);
    if (dialect) { d.dialect = dialect; d.dialectSource = 'folder'; }
    dirs.push(d);
  }
  if (dirs.length === 0) return undefined;
  return {
    root, orms: [], migrationDirs: dirs,
    dialect: { dialect: 'unknown', source: 'unknown', reason: 'no package.json or ORM config here; the dialect comes from folder names (postgres/, mysql/) or the SQL itself' },
    unknowns: [{ what: 'dialect', reason: 'plain SQL files without a project configuration' }],
  };
}

function applyOverrides(tree: FileTree, projects: ProjectInfo[], roots: string[], overrides: DetectOverrides): void {
  for (const p of overrides.migrationsPaths ?? []) {
    const bases = path.isAbsolute(p) ? [''] : [...projects.map((x) => x.root), ...roots];
    for (const base of bases) {
      const abs = path.resolve(base, p);
      if (!tree.isDir(abs)) continue;
      let project = projectForFile(projects, abs);
      if (!project) {
        const root = roots.find((r) => isInside(abs, r)) ?? abs;
        project = { root, orms: [], migrationDirs: [], dialect: { dialect: 'unknown', source: 'unknown', reason: 'no ORM configuration in this folder' }, unknowns: [] };
        projects.push(project);
      }
      const existing = project.migrationDirs.find((d) => d.path === abs);
      if (existing) { existing.reason = `migrationsPaths setting (also ${existing.reason ?? 'detected'})`; continue; }
      const learned = learnNaming(tree, abs);
      const d: MigrationDir = { path: abs, orm: ormForDir(project, learned.naming, migrationFilesIn(tree, abs)), reason: `migrationsPaths setting '${p}'`, ...learned };
      const folder = dialectOfFolder(abs);
      if (folder) { d.dialect = folder; d.dialectSource = 'folder'; }
      else if (project.dialect.dialect !== 'unknown') { d.dialect = project.dialect.dialect; d.dialectSource = 'project'; }
      project.migrationDirs.push(d);
    }
  }
  const forced = overrides.dialect;
  if (forced && forced !== 'unknown') {
    for (const project of projects) {
      if (project.dialect.dialect !== 'unknown' && project.dialect.dialect !== forced) {
        (project.notes ??= []).push(`the dialect setting (${forced}) overrides the detected ${project.dialect.dialect} (${project.dialect.reason})`);
      }
      project.dialect = { dialect: forced, source: 'setting', reason: `the dialect setting says ${forced}` };
      for (const d of project.migrationDirs) { d.dialect = forced; d.dialectSource = 'setting'; }
      project.unknowns = project.unknowns.filter((u) => !/dialect/i.test(u.what));
    }
  }
}

function ormForDir(project: ProjectInfo, naming: MigrationDir['naming'], files: string[]): MigrationDir['orm'] {
  if (naming === 'typeorm-ms-timestamp') return 'typeorm';
  if (naming === 'sequelize-timestamp') return 'sequelize';
  if (naming === 'prisma-folder') return 'prisma';
  if (files.length > 0 && files.every((f) => /\.sql$/i.test(f))) return 'sql';
  return project.orms.length === 1 ? project.orms[0].orm : 'sql';
}
