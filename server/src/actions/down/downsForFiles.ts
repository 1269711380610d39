// A down for every migration of the target files, each against the schema its own history
// (the other migrations of its folder, in order) left before it.
import type { Dialect, FileModel, Orm } from '../../model/migration';
import { migrationFolder } from '../../engine/check';
import { orderedMigrations } from '../../rules/schemaHistory';
import { type GeneratedDown, generateDown } from './generateDown';
import { replayHistory } from './schemaState';

export interface MigrationDown extends GeneratedDown {
  source: string;
  migration: string;
  orm: Orm;
  dialect: Dialect;
  /** Which migration of the file (TypeORM files may hold several). */
  migrationIndex: number;
}

export function downsForFiles(history: FileModel[], targets: FileModel[]): MigrationDown[] {
  const out: MigrationDown[] = [];
  for (const file of targets) {
    const folder = migrationFolder(file);
    // In file-name order, as the tools run them: a migration without a timestamp (Prisma's `01_init`) keeps its place
    // (appended last, it had every later migration replayed before it).
    const ordered = orderedMigrations([...history.filter((h) => h.path !== file.path && migrationFolder(h) === folder), file].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)));
    file.migrations.forEach((migration, migrationIndex) => {
      const before = replayHistory(ordered, file.dialect, migration);
      const down = generateDown(file, before, { migrationIndex });
      out.push({ source: file.path, migration: migration.name, orm: file.orm, dialect: file.dialect, migrationIndex, ...down });
    });
  }
  return out;
}
