// Batch reading for the CLI and the bench: paths → projects + file models (+ findings).
import * as path from 'node:path';
import type { Dialect, FileModel } from '../model/migration';
import type { Finding } from '../model/finding';
import type { ProjectInfo } from '../project/types';
import type { SafeMigrationsConfig } from '../config/types';
import { loadConfigWithSources } from '../config/load';
import { collectFiles, readTextFile, readTextFileIfPresent } from './workspace';
import { initEngine, readMigrationText } from './engine';
import { checkFiles } from './check';

export interface InspectOptions {
  dialect?: Dialect;
  config?: Partial<SafeMigrationsConfig>;
  /** Called every `every` files with (done, total), for a progress line. */
  onProgress?: (done: number, total: number) => void;
}

export interface InspectResult {
  projects: ProjectInfo[];
  files: FileModel[];
  errors: { path: string; message: string }[];
  config: SafeMigrationsConfig;
  configProblems: string[];
}

export async function inspectPaths(inputs: string[], options: InspectOptions = {}): Promise<InspectResult> {
  await initEngine();
  const loaded = loadConfigWithSources(inputs.length ? path.resolve(inputs[0]) : process.cwd(), options.config);
  const config = loaded.config;
  const collected = collectFiles(inputs, { migrationsPaths: config.migrationsPaths });
  const explicit = new Set(inputs.map((i) => path.resolve(i)));
  const files: FileModel[] = [];
  const errors = [...collected.errors];
  let done = 0;
  for (const file of collected.files) {
    let text: string;
    try { text = readTextFile(file); } catch (e) {
      errors.push({ path: file, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      continue;
    }
    const model = readMigrationText(file, text, { projects: collected.projects, dialect: options.dialect, config, readSibling: readTextFileIfPresent });
    // Folder walks meet entities, configs and helpers: keep only what holds a migration (or was named explicitly).
    if (model.migrations.length > 0 || explicit.has(file) || !model.problems.some((p) => p.code === 'no-migration-found')) files.push(model);
    done++;
    options.onProgress?.(done, collected.files.length);
  }
  return { projects: collected.projects, files, errors, config, configProblems: loaded.problems };
}

export async function checkPaths(inputs: string[], options: InspectOptions = {}): Promise<InspectResult & { findings: (Finding & { path: string })[] }> {
  const result = await inspectPaths(inputs, options);
  return { ...result, findings: checkFiles(result.files, result.config) };
}
