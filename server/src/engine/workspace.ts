// Turns paths given by a user (files, folders, projects) into migration files plus their projects.
// File-system access lives here so that readers and rules stay pure.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ProjectInfo } from '../project/types';
import { detectProjects } from '../project/detect';
import { isInside } from '../project/fileTree';
import { isDownHalf } from '../readers/sqlMigration/sqlMigrationReader';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'coverage', '.next', '.turbo', '.cache']);
const SOURCE_EXT = /\.(ts|mts|cts|js|mjs|cjs|sql)$/i;
const NOT_MIGRATIONS = /\.(d\.ts|test\.[cm]?[jt]s|spec\.[cm]?[jt]s|map)$/i;

export interface CollectedFiles {
  projects: ProjectInfo[];
  files: string[];
  /** Paths that could not be used, with the reason (missing, unreadable, not a migration source). */
  errors: { path: string; message: string }[];
}

/** The folder whose package.json / schema.prisma / .sequelizerc owns `p`, searching upwards. */
export function projectRootAbove(p: string): string | undefined {
  let dir = fs.existsSync(p) && fs.statSync(p).isDirectory() ? p : path.dirname(p);
  for (;;) {
    for (const marker of ['package.json', '.sequelizerc', 'ormconfig.json', 'ormconfig.ts', 'ormconfig.js', 'schema.prisma']) {
      if (fs.existsSync(path.join(dir, marker))) return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function collectFiles(inputs: string[], options: { migrationsPaths?: string[] } = {}): CollectedFiles {
  const errors: CollectedFiles['errors'] = [];
  const roots = new Set<string>();
  const existing: { abs: string; isDir: boolean }[] = [];
  for (const input of inputs) {
    const abs = path.resolve(input);
    let stat: fs.Stats;
    try { stat = fs.statSync(abs); } catch {
      errors.push({ path: input, message: 'no such file or folder' });
      continue;
    }
    existing.push({ abs, isDir: stat.isDirectory() });
    const root = projectRootAbove(abs);
    // A project above the input tells us ORM and dialect; a project below a folder input is found by detection.
    if (root) roots.add(root);
    if (stat.isDirectory()) roots.add(abs);
  }
  // Detection scans down from each root; keep only projects on the inputs' own lines of descent,
  // so a loose folder inside a monorepo is not mixed up with its sibling packages.
  const projects = dedupeProjects(detectProjects([...roots], { migrationsPaths: options.migrationsPaths }))
    .filter((p) => existing.some(({ abs }) => isInside(abs, p.root) || isInside(p.root, abs)));
  const files = new Set<string>();
  const migrationDirs = projects.flatMap((p) => p.migrationDirs).map((d) => d.path);
  for (const { abs, isDir } of existing) {
    if (!isDir) {
      if (!SOURCE_EXT.test(abs)) errors.push({ path: abs, message: 'not a migration source (expected .ts, .js, .cjs, .mjs or .sql)' });
      else files.add(abs);
      continue;
    }
    // Detected folders add knowledge (ORM, dialect, naming); they never hide the rest of the folder.
    for (const d of migrationDirs) if (isInside(d, abs)) walk(d, (f) => files.add(f));
    const insideDetected = migrationDirs.some((d) => isInside(abs, d));
    walk(abs, (f) => {
      if (insideDetected || migrationDirs.some((d) => isInside(f, d)) || isMigrationShaped(f)) files.add(f);
    }, 0, !insideDetected);
  }
  return { projects, files: [...files].filter((f) => !isDownHalf(f) || !hasUpHalf(f, files)).sort(), errors };
}

/** `up` written as a method, an exported function or a property: what every migration format has. */
const UP_STEP = /\bup\s*(?:<[^>]*>\s*)?\(|\bup\s*[:=]\s*(?:async\b|function\b|\(|[A-Za-z_$][\w$]*\s*=>)|\bexports\.up\b|prototype\.up\s*=|\{\s*up\s*,/;
/** A migrations folder in a path (`migrations/`, `migrate/`, Prisma's `<timestamp>_name/`). */
const MIGRATION_FOLDER = /(^|[\\/])(?:migrations?|migrate)([\\/]|$)|[\\/]\d{14}_[^\\/]+[\\/][^\\/]+$/i;

/**
 * Outside detected migrations folders a walk meets entities, configs and helpers: keep SQL files,
 * and code that defines an up step (entities and configs never do). The reader decides the rest.
 */
function isMigrationShaped(file: string): boolean {
  if (/\.sql$/i.test(file)) return true;
  if (MIGRATION_FOLDER.test(file) && /[\\/]migration\.[cm]?[jt]s$/.test(file)) return true;
  const text = readTextFileIfPresent(file);
  return text !== undefined && UP_STEP.test(text.length > 200_000 ? text.slice(0, 200_000) : text);
}

function hasUpHalf(downFile: string, files: Set<string>): boolean {
  const base = path.basename(downFile);
  const dir = path.dirname(downFile);
  if (base === 'down.sql') return files.has(path.join(dir, 'migration.sql'));
  if (/\.down\.sql$/i.test(base)) return files.has(path.join(dir, base.replace(/\.down\.sql$/i, '.up.sql')));
  return files.has(path.join(dir, 'V' + base.slice(1)));
}

/**
 * Compiled output (dist/, build/, out/) repeats the sources, and seeders are data run on demand, not
 * migrations: skipped unless a detected migrations folder lives there.
 */
const NOT_MIGRATION_DIRS = new Set(['dist', 'build', 'out', 'lib-esm', '.vscode-test', 'seeders', 'seeds', '__mocks__']);

function walk(dir: string, onFile: (f: string) => void, depth = 0, skipBuildOutput = false): void {
  if (depth > 12) return;
  let entries: fs.Dirent[];
  try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !(skipBuildOutput && NOT_MIGRATION_DIRS.has(e.name))) walk(full, onFile, depth + 1, skipBuildOutput);
    } else if (e.isFile() && SOURCE_EXT.test(e.name) && !NOT_MIGRATIONS.test(e.name)) {
      onFile(full);
    }
  }
}

function dedupeProjects(projects: ProjectInfo[]): ProjectInfo[] {
  const seen = new Map<string, ProjectInfo>();
  for (const p of projects) if (!seen.has(p.root)) seen.set(p.root, p);
  return [...seen.values()];
}

/** readTextFile, or undefined when the file is missing or unreadable. */
export function readTextFileIfPresent(file: string): string | undefined {
  try { return readTextFile(file); } catch { return undefined; }
}

/** Reads a file as text: UTF-8 (BOM stripped), or UTF-16 when it has a UTF-16 BOM. */
export function readTextFile(file: string): string {
  const buf = fs.readFileSync(file);
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    const swapped = Buffer.from(buf.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  const text = buf.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
