// Learns how a migrations folder names its files, so scaffolds match what is already there.
import * as path from 'node:path';
import type { MigrationDir } from './types';
import type { FileTree } from './fileTree';
import { dialectOfFolder } from './dialectNames';

const TYPEORM_FILE = /^\d{13}-[\w.-]+\.(?:ts|js|cjs|mjs|mts|cts)$/;
const SEQUELIZE_FILE = /^\d{14}-[\w.-]+\.(?:ts|js|cjs|mjs|mts|cts)$/;
const PRISMA_FOLDER = /^\d{14}_[\w-]+$/;
const SOURCE_FILE = /\.(?:ts|js|cjs|mjs|mts|cts|sql)$/;
const NOT_MIGRATION = /\.d\.ts$|\.(?:test|spec)\.[cm]?[jt]s$|\.map$/;

/** Migration-looking files directly in `dir` (no test/declaration files). */
export function migrationFilesIn(tree: FileTree, dir: string): string[] {
  return tree.list(dir).files.filter((f) => SOURCE_FILE.test(f) && !NOT_MIGRATION.test(f));
}

export function learnNaming(tree: FileTree, dir: string): Pick<MigrationDir, 'naming' | 'extension'> {
  const listing = tree.list(dir);
  const prismaFolders = listing.dirs.filter((d) => PRISMA_FOLDER.test(d) && tree.hasFile(path.join(dir, d), 'migration.sql'));
  if (prismaFolders.length > 0) return { naming: 'prisma-folder', extension: '.sql' };
  const files = migrationFilesIn(tree, dir);
  if (files.length === 0) return {};
  const count = (re: RegExp) => files.filter((f) => re.test(f)).length;
  const typeorm = count(TYPEORM_FILE);
  const sequelize = count(SEQUELIZE_FILE);
  const naming = typeorm > 0 && typeorm >= sequelize ? 'typeorm-ms-timestamp' : sequelize > 0 ? 'sequelize-timestamp' : 'other';
  return { naming, extension: mostCommonExtension(files) };
}

function mostCommonExtension(files: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const f of files) {
    const ext = f.endsWith('.d.ts') ? '.d.ts' : path.extname(f);
    counts.set(ext, (counts.get(ext) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [ext, n] of counts) if (!best || n > counts.get(best)!) best = ext;
  return best;
}

/** Sub-folders named after a dialect (`postgres/`, `mysql/`) that hold migrations. */
export function dialectSubfolders(tree: FileTree, dir: string): string[] {
  return tree.list(dir).dirs.map((d) => path.join(dir, d)).filter((d) => dialectOfFolder(d) && (migrationFilesIn(tree, d).length > 0 || learnNaming(tree, d).naming === 'prisma-folder'));
}

/** A folder's MigrationDirs: the folder itself, or one per dialect-named sub-folder when it is split that way. */
export function migrationDirsFor(tree: FileTree, dir: string, base: Omit<MigrationDir, 'path'>): MigrationDir[] {
  const out: MigrationDir[] = [];
  const own = { ...base, path: dir, ...learnNaming(tree, dir) };
  const folderDialect = dialectOfFolder(dir);
  if (folderDialect && !own.dialect) { own.dialect = folderDialect; own.dialectSource = 'folder'; }
  const subs = dialectSubfolders(tree, dir);
  if (subs.length === 0 || migrationFilesIn(tree, dir).length > 0) out.push(own);
  for (const sub of subs) {
    const d: MigrationDir = { ...base, path: sub, ...learnNaming(tree, sub) };
    // The sub-folder's name is more specific than a config that globs over all of them.
    d.dialect = dialectOfFolder(sub);
    d.dialectSource = 'folder';
    out.push(d);
  }
  return out;
}
