// Decides whether an open file is a migration worth analysing: inside a detected migrations folder,
// or, outside any project, named and shaped like one.
import * as path from 'node:path';
import type { ProjectInfo } from '../project/types';
import { isInside } from '../project/fileTree';

const SOURCE_EXT = /\.(ts|mts|cts|js|mjs|cjs|sql)$/i;
const NOT_MIGRATIONS = /\.(d\.ts|test\.[cm]?[jt]s|spec\.[cm]?[jt]s)$/i;
const MIGRATION_SEGMENT = /(^|[\\/])(migrations?|migrate|db[\\/]migrate)([\\/]|$)/i;

export function isMigrationPath(file: string, projects: ProjectInfo[], text?: string): boolean {
  if (!SOURCE_EXT.test(file) || NOT_MIGRATIONS.test(file)) return false;
  if (projects.some((p) => p.migrationDirs.some((d) => isInside(file, d.path)))) return true;
  if (/\.sql$/i.test(file)) return true;
  if (MIGRATION_SEGMENT.test(path.dirname(file))) return true;
  // A loose TS/JS file that declares a migration (TypeORM class or Sequelize up/down module).
  return text !== undefined && /\bimplements\s+MigrationInterface\b|\bqueryRunner\s*[:.)]|\bqueryInterface\s*[.,)]/.test(text.slice(0, 100_000));
}
