// Runs the rule catalogue over file models. Rules see a whole migrations folder at once, so that
// cross-migration facts (a table created by a recent migration) are known.
import * as path from 'node:path';
import type { FileModel } from '../model/migration';
import type { Finding } from '../model/finding';
import type { SafeMigrationsConfig } from '../config/types';
import { allRules, runRules } from '../rules';

export type PathFinding = Finding & { path: string };

/** Findings on one file, with the other migrations of its folder as context. */
export function checkFile(file: FileModel, config: SafeMigrationsConfig, neighbours: FileModel[] = []): Finding[] {
  const folder = migrationFolder(file);
  const context = neighbours.filter((f) => f.path !== file.path && migrationFolder(f) === folder);
  return runRules([...context, file], config, allRules, [file.path]).filter((f) => (f.path ?? file.path) === file.path);
}

/** Findings on many files, each folder of migrations checked as one history. */
export function checkFiles(files: FileModel[], config: SafeMigrationsConfig): PathFinding[] {
  const groups = new Map<string, FileModel[]>();
  for (const f of files) {
    const key = migrationFolder(f);
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const out: PathFinding[] = [];
  for (const group of groups.values()) {
    const single = group.length === 1 ? group[0].path : undefined;
    for (const f of runRules(group, config)) {
      const p = f.path ?? single;
      if (p) out.push({ ...f, path: p });
    }
  }
  return out;
}

/** The folder that holds a migration history: Prisma keeps one folder per migration, the others one file each. */
export function migrationFolder(file: FileModel): string {
  const dir = path.dirname(file.path);
  return `${file.orm}|${file.dialect}|${file.orm === 'prisma' ? path.dirname(dir) : dir}`;
}
