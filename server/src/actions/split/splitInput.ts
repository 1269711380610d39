// What splitMigration needs besides the model, gathered through the adapter's own readers (the CLI
// reads the disk, the editor its open documents): the other migrations of the folder, down.sql.
import * as path from 'node:path';
import type { FileModel } from '../../model/migration';
import { projectForFile } from '../../project/detect';
import type { ProjectInfo } from '../../project/types';
import type { SplitInput } from './splitMigration';

export interface SplitReaders {
  /** Names of the entries of a folder (files and folders), or [] when it cannot be read. */
  listDir: (dir: string) => string[];
  readIfPresent: (file: string) => string | undefined;
}

export function splitInputFor(file: FileModel, text: string, projects: ProjectInfo[], readers: SplitReaders): SplitInput {
  const prisma = file.orm === 'prisma';
  const dir = prisma ? path.dirname(path.dirname(file.path)) : path.dirname(file.path);
  const neighbours = readers.listDir(dir).map((n) => path.join(dir, n));
  const downText = prisma ? readers.readIfPresent(path.join(path.dirname(file.path), 'down.sql')) : undefined;
  return { file, text, downText, project: projectForFile(projects, file.path), neighbours };
}
