// Reads every migration of a fixture project the way `safe-migrations check` does (detection, then
// the engine per file) and counts the operations the readers could not classify.
import * as fs from 'node:fs';
import type { FileModel, Operation } from '../../../server/src/model/migration';
import { readMigrationText } from '../../../server/src/engine/engine';
import { collectFiles } from '../../../server/src/engine/workspace';

export interface RealFolder { files: FileModel[]; operations: Operation[]; unknown: Operation[]; unknownShare: number }

export function readRealFolder(root: string): RealFolder {
  const { projects, files } = collectFiles([root]);
  const models = files.map((f) => readMigrationText(f, fs.readFileSync(f, 'utf8'), {
    projects, readSibling: (p) => (fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : undefined),
  }));
  const operations = models.flatMap((m) => m.migrations.flatMap((x) => [...x.up, ...x.down]));
  const unknown = operations.filter((o) => o.kind === 'unknown');
  return { files: models, operations, unknown, unknownShare: operations.length ? unknown.length / operations.length : 0 };
}
