// Placeholder until the readers land; signatures are the contract for the LSP server and CLI.
import type { Dialect, FileModel } from '../model/migration';
import type { ProjectInfo } from '../project/types';
import type { SafeMigrationsConfig } from '../config/types';

export interface ReadOptions {
  projects?: ProjectInfo[];
  /** --dialect or the dialect setting. */
  dialect?: Dialect;
  config?: Partial<SafeMigrationsConfig>;
}

/** Loads the WASM parsers once; every other engine function is synchronous after it. */
export async function initEngine(): Promise<void> { /* filled in with the readers */ }

/** Reads one migration file's text into the model. Never throws. */
export function readMigrationText(path: string, text: string, options: ReadOptions = {}): FileModel {
  void options;
  return { path, orm: 'sql', dialect: 'unknown', dialectInfo: { dialect: 'unknown', source: 'unknown', reason: 'engine not built yet' }, migrations: [], problems: [] };
}
