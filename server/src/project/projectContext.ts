// What each ORM detector gets about one project folder, and how it reports back.
import * as path from 'node:path';
import type { Dialect } from '../model/migration';
import type { FileTree } from './fileTree';

export interface PackageJson {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  scripts?: Record<string, string>;
  prisma?: { schema?: string };
  [key: string]: unknown;
}

export interface ProjectContext {
  root: string;
  tree: FileTree;
  pkg?: PackageJson;
  /** Folders of nested projects, which this project's searches must not enter. */
  isNestedProject: (dir: string) => boolean;
  unknowns: { what: string; reason: string }[];
  notes: string[];
}

/** A dialect an ORM config states, with where it was read. */
export interface DialectClaim { dialect: Dialect; reason: string }

export function dependencyVersion(pkg: PackageJson | undefined, name: string): { version: string; source: string } | undefined {
  if (pkg?.dependencies?.[name]) return { version: pkg.dependencies[name], source: `package.json dependencies.${name}` };
  if (pkg?.devDependencies?.[name]) return { version: pkg.devDependencies[name], source: `package.json devDependencies.${name}` };
  return undefined;
}

export function rel(ctx: ProjectContext, p: string): string {
  return path.relative(ctx.root, p).split(path.sep).join('/') || '.';
}

const CODE_FILE = /\.(?:ts|js|cjs|mjs|mts|cts)$/;
const NOT_CODE = /\.d\.ts$|\.(?:test|spec)\.[cm]?[jt]s$/;
const MAX_SCANNED_FILES = 300;

/** Folders searched file by file when no likely-named file holds the config (besides the root's own files). */
const SCANNED_FOLDERS = ['src', 'lib', 'app', 'config', 'db', 'database'];

/**
 * Source files likely to hold a config call: first the ones whose name matches `likely`, anywhere in
 * the project; then (only if none of those contain `marker`) up to MAX_SCANNED_FILES others in the
 * root and SCANNED_FOLDERS. Returns [file, text] pairs whose text contains `marker`.
 */
export function findSourceFiles(ctx: ProjectContext, likely: RegExp, marker: RegExp): [string, string][] {
  const stopAt = (dir: string) => ctx.isNestedProject(dir) || /[\\/](?:migrations?|seeders?|test|tests|__tests__|fixtures|e2e)$/.test(dir);
  const isCode = (f: string) => CODE_FILE.test(f) && !NOT_CODE.test(f);
  const hits: [string, string][] = [];
  const scan = (files: string[]) => {
    for (const f of files) {
      const text = ctx.tree.read(f);
      if (text !== undefined && marker.test(text)) hits.push([f, text]);
    }
  };
  scan(ctx.tree.files(ctx.root, 6, stopAt).filter((f) => isCode(f) && likely.test(path.basename(f))));
  if (hits.length === 0) {
    const rest = ctx.tree.list(ctx.root).files.map((f) => path.join(ctx.root, f));
    for (const folder of SCANNED_FOLDERS) {
      const dir = path.join(ctx.root, folder);
      if (ctx.tree.isDir(dir) && !stopAt(dir)) rest.push(...ctx.tree.files(dir, 5, stopAt));
    }
    scan(rest.filter((f) => isCode(f) && !likely.test(path.basename(f))).slice(0, MAX_SCANNED_FILES));
  }
  return hits;
}

/** `./entity/User` imported from `fromFile` → the file on disk (tries .ts/.js/index), or undefined for packages. */
export function resolveModule(ctx: ProjectContext, fromFile: string, spec: string): string | undefined {
  if (!spec.startsWith('.') && !path.isAbsolute(spec)) return undefined;
  const base = path.resolve(path.dirname(fromFile), spec);
  const candidates = [base, ...['.ts', '.js', '.cjs', '.mjs', '.mts', '.cts'].map((e) => base + e), ...['index.ts', 'index.js'].map((i) => path.join(base, i))];
  // `./x.js` in ESM-style TS imports means `./x.ts` on disk.
  if (/\.js$/.test(base)) candidates.push(base.replace(/\.js$/, '.ts'));
  return candidates.find((c) => ctx.tree.isFile(c));
}
