// Models of the other migrations next to a document, so that rules know cross-migration facts
// (which migration created a table, which ones are the newest). Read from disk, cached by mtime.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileModel } from '../model/migration';
import { readMigrationText } from '../engine/engine';
import { readTextFileIfPresent } from '../engine/workspace';
import type { WorkspaceState } from './workspaceState';

/** How many neighbours (newest by name) a check sees; bounds the first-open cost in big folders. */
const MAX_NEIGHBOURS = 50;
const MIGRATION_SOURCE = /\.(ts|mts|cts|js|mjs|cjs|sql)$/i;
const NOT_MIGRATIONS = /\.(d\.ts|test\.[cm]?[jt]s|spec\.[cm]?[jt]s|map)$/i;

export class NeighbourModels {
  private readonly cache = new Map<string, { mtimeMs: number; size: number; model: FileModel }>();

  constructor(private readonly workspace: WorkspaceState, private readonly readOpenText: (file: string) => string | undefined) {}

  /** `limit`: the newest that many; a generated down needs the whole history (Infinity). */
  around(file: string, model: FileModel, limit = MAX_NEIGHBOURS): FileModel[] {
    const out: FileModel[] = [];
    for (const other of this.siblingFiles(file, model, limit)) {
      const m = this.read(other);
      if (m && m.orm === model.orm) out.push(m);
    }
    return out;
  }

  clear(): void { this.cache.clear(); }

  /** Same folder for TS/JS/SQL files; the sibling migration folders for Prisma's `<ts>_<name>/migration.sql`. */
  private siblingFiles(file: string, model: FileModel, limit: number): string[] {
    const dir = path.dirname(file);
    let files: string[];
    try {
      if (model.orm === 'prisma' && path.basename(file) === 'migration.sql') {
        const root = path.dirname(dir);
        files = fs.readdirSync(root, { withFileTypes: true })
          .filter((e) => e.isDirectory())
          .map((e) => path.join(root, e.name, 'migration.sql'))
          .filter((f) => fs.existsSync(f));
      } else {
        files = fs.readdirSync(dir, { withFileTypes: true })
          .filter((e) => e.isFile() && MIGRATION_SOURCE.test(e.name) && !NOT_MIGRATIONS.test(e.name))
          .map((e) => path.join(dir, e.name));
      }
    } catch {
      return [];
    }
    return files.filter((f) => f !== file).sort().slice(-limit);
  }

  /** One migration file's model (the open document's text when it is open), cached by modification time. */
  read(file: string): FileModel | undefined {
    let stat: fs.Stats;
    try { stat = fs.statSync(file); } catch { return undefined; }
    if (stat.size > 1_000_000) return undefined;
    const hit = this.cache.get(file);
    if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.model;
    let text = this.readOpenText(file);
    if (text === undefined) {
      text = readTextFileIfPresent(file);
      if (text === undefined) return undefined;
    }
    const model = readMigrationText(file, text, { projects: this.workspace.projects, config: this.workspace.configFor(file) });
    this.cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, model });
    return model;
  }
}
