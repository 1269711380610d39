// node-pg-migrate: PostgreSQL only; migrations in ./migrations unless a package.json script passes
// `-m dir` / `--migrations-dir dir` (or `--migrations-dir=dir`).
import * as path from 'node:path';
import type { MigrationDir } from './types';
import { migrationDirsFor } from './migrationNaming';
import type { DialectClaim, ProjectContext } from './projectContext';

export interface NodePgMigrateDetection { dirs: MigrationDir[]; claims: DialectClaim[] }

const SCRIPT_DIR = /node-pg-migrate\b[^&|;]*?(?:-m|--migrations-dir)[=\s]+["']?([^\s"'&|;]+)/g;

export function detectNodePgMigrate(ctx: ProjectContext, wanted: boolean): NodePgMigrateDetection | undefined {
  if (!wanted) return undefined;
  const claim: DialectClaim = { dialect: 'postgres', reason: 'node-pg-migrate runs on PostgreSQL only' };
  const found = new Map<string, string>();
  for (const [name, script] of Object.entries(ctx.pkg?.scripts ?? {})) {
    for (const m of script.matchAll(SCRIPT_DIR)) found.set(path.resolve(ctx.root, m[1]), `package.json script "${name}" -m ${m[1]}`);
  }
  if (!found.size) found.set(path.join(ctx.root, 'migrations'), "node-pg-migrate's default migrations/ folder");
  const dirs: MigrationDir[] = [];
  for (const [dir, reason] of found) {
    if (ctx.tree.isDir(dir)) dirs.push(...migrationDirsFor(ctx.tree, dir, { orm: 'node-pg-migrate', reason, dialect: 'postgres', dialectSource: 'project' }));
  }
  return { dirs, claims: [claim] };
}
