// What `check` knows besides the migrations: table statistics (--stats FILE, --database URL) and the
// files a branch changed (--changed [REF]). Failures are CheckInputError: said plainly, exit code 2.
import * as path from 'node:path';
import type { SafeMigrationsConfig } from '../config/types';
import { readStatsFile } from '../stats/statsFile';
import { redactUrl } from '../verify/databaseUrl';
import { changedFilesSince, ChangedFilesError, isChanged, type ChangedFiles } from '../git/changedFiles';

export class CheckInputError extends Error {}

/** Config overrides carrying the statistics, or none (then the config's statsFile applies). */
export async function statsOverride(options: { stats?: string; database?: string }, cwd: string): Promise<Partial<SafeMigrationsConfig>> {
  if (options.stats && options.database) throw new CheckInputError('give --stats FILE or --database URL, not both');
  if (options.stats) {
    try { return { tableStats: readStatsFile(path.resolve(cwd, options.stats)) }; } catch (e) { throw new CheckInputError(`--stats ${(e as Error).message}`); }
  }
  if (options.database) {
    // The driver is loaded only when asked: a plain check never touches a database.
    const { tableStatsFromUrl } = require('./statsCommand') as typeof import('./statsCommand');
    try { return { tableStats: await tableStatsFromUrl(options.database, cwd) }; } catch (e) { throw new CheckInputError(`--database: ${redactUrl((e as Error).message)}`); }
  }
  return {};
}

/** The files changed since REF (default: the merge base with the default branch) in the repository of `firstPath`. */
export function changedScope(firstPath: string, ref: string | undefined): ChangedFiles {
  try { return changedFilesSince(firstPath, ref); } catch (e) {
    if (e instanceof ChangedFilesError) throw new CheckInputError(`--changed: ${e.message}`);
    throw e;
  }
}

/** Keeps what is in scope: everything without --changed, else the changed migrations only. */
export function inScope<T extends { path: string }>(items: T[], changed: ChangedFiles | undefined): T[] {
  return changed ? items.filter((i) => isChanged(i.path, changed)) : items;
}
