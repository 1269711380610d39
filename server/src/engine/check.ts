// Runs the rule catalogue over file models. Rules see every file of a run together, so that
// cross-migration facts (a table created by a recent migration) are known.
import type { FileModel } from '../model/migration';
import type { Finding } from '../model/finding';
import type { SafeMigrationsConfig } from '../config/types';
import { runRules } from '../rules';

export function checkFile(file: FileModel, config: SafeMigrationsConfig, neighbours: FileModel[] = []): Finding[] {
  return runRules([...neighbours.filter((f) => f.path !== file.path), file], config).filter((f) => (f as Finding & { path?: string }).path === undefined || (f as Finding & { path?: string }).path === file.path);
}

export function checkFiles(files: FileModel[], config: SafeMigrationsConfig): (Finding & { path: string })[] {
  const out: (Finding & { path: string })[] = [];
  // runRules over all files at once when it reports paths; otherwise file by file.
  for (const file of files) for (const f of runRules([...files.filter((x) => x !== file && x.orm === file.orm), file].slice(-50), config)) {
    const p = (f as Finding & { path?: string }).path ?? file.path;
    if (p === file.path) out.push({ ...f, path: file.path });
  }
  return out;
}
