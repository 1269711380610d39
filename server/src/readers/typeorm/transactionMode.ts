import * as path from 'node:path';
import type { ProjectInfo } from '../../project/types';

export type TransactionMode = 'all' | 'each' | 'none';

export interface TransactionFacts {
  transactional: boolean | null;
  reason: string;
  /** `migration:revert` wraps down in a transaction unless the mode is 'none', whatever the class says. */
  downTransactional: boolean | null;
  /** The class overrides `transaction` while the project's mode is 'all': TypeORM refuses to run it. */
  forbiddenOverride: boolean;
  mode?: TransactionMode;
}

/** The project's migrationsTransactionMode for this file: from the DataSource whose `migrations` globs match it. */
export function projectTransactionMode(project: ProjectInfo | undefined, file: string): { mode?: TransactionMode; source: string; conflict?: boolean } {
  const sources = project?.typeorm?.dataSources ?? [];
  if (sources.length === 0) return { source: 'no TypeORM DataSource was found for this file' };
  const bases = (ds: (typeof sources)[number]) => [project!.root, path.dirname(ds.file)];
  let matching = sources.filter((ds) => ds.migrations.some((glob) => globMatches(glob, file, bases(ds))));
  // Configs usually name the compiled files (dist/migrations/*.js) while the editor shows the sources.
  if (!matching.length) matching = sources.filter((ds) => ds.migrations.some((glob) => globMatches(sourceGlob(glob), file, bases(ds))));
  const candidates = matching.length ? matching : sources;
  const modes = [...new Set(candidates.map((ds) => ds.migrationsTransactionMode ?? 'all'))];
  const where = candidates.map((ds) => path.basename(ds.file) + (ds.name ? ` (${ds.name})` : '')).join(', ');
  if (modes.length > 1) return { source: `the DataSources ${where} set different migrationsTransactionMode values (${modes.join(', ')})`, conflict: true };
  // Detection may fill in TypeORM's default itself and say so in transactionModeSource.
  const origin = (ds: (typeof sources)[number]) => (ds as { transactionModeSource?: 'config' | 'script' | 'default' }).transactionModeSource;
  const stated = candidates.filter((ds) => ds.migrationsTransactionMode && origin(ds) !== 'default');
  if (stated.length === 0) return { mode: modes[0], source: `${where} does not set migrationsTransactionMode, so TypeORM's default 'all' applies` };
  const viaScript = stated.every((ds) => origin(ds) === 'script');
  return { mode: modes[0], source: viaScript ? `migrationsTransactionMode '${modes[0]}' (-t ${modes[0]} in a package.json script)` : `migrationsTransactionMode '${modes[0]}' in ${where}` };
}

/** Combines the project mode with the class's own `transaction` property, the way TypeORM's MigrationExecutor does. */
export function transactionFacts(project: ProjectInfo | undefined, file: string, classTransaction: boolean | undefined): TransactionFacts {
  const { mode, source, conflict } = projectTransactionMode(project, file);
  if (conflict) {
    return { transactional: classTransaction ?? null, reason: `Depends on which DataSource runs it: ${source}.`, downTransactional: null, forbiddenOverride: false };
  }
  const effective: TransactionMode = mode ?? 'all';
  const downTransactional = effective !== 'none';
  const downNote = downTransactional && classTransaction === false
    ? ` Note: migration:revert still runs down() inside a transaction (mode '${effective}').` : '';
  if (classTransaction !== undefined) {
    const forbiddenOverride = effective === 'all';
    const modeNote = forbiddenOverride
      ? mode
        ? ` But ${source}: TypeORM refuses to run a migration that sets transaction under mode 'all' (ForbiddenTransactionModeOverrideError).`
        : ` TypeORM honours it only under migrationsTransactionMode 'each' or 'none' (under the default 'all' it refuses to run the migration); ${source}.`
      : ` (${source}).`;
    return {
      transactional: classTransaction,
      reason: `The class sets transaction = ${classTransaction}.${modeNote}${downNote}`,
      downTransactional, forbiddenOverride: forbiddenOverride && !!mode, mode,
    };
  }
  switch (effective) {
    case 'all':
      return {
        transactional: true, downTransactional, forbiddenOverride: false, mode,
        reason: mode
          ? `${capitalise(source)}: all pending migrations run in ONE transaction.`
          : `TypeORM's default migrationsTransactionMode 'all' (${source}): all pending migrations run in ONE transaction.`,
      };
    case 'each':
      return { transactional: true, downTransactional, forbiddenOverride: false, mode, reason: `${capitalise(source)}: each migration runs in its own transaction.` };
    case 'none':
      return { transactional: false, downTransactional, forbiddenOverride: false, mode, reason: `${capitalise(source)}: migrations run without a transaction.` };
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** `dist/migrations/*.js` → `src/migrations/*.{ts,js}`: where the sources of compiled migrations usually live. */
function sourceGlob(glob: string): string {
  return glob.replace(/(^|\/)(dist|build|out|lib)\//, '$1src/').replace(/\.js$/, '.{ts,js}');
}

/** Minimal glob matching (`*`, `**`, `?`, `{a,b}`) against the file relative to each base folder. */
export function globMatches(glob: string, file: string, bases: string[]): boolean {
  const re = globToRegExp(glob.replace(/\\/g, '/').replace(/^\.\//, ''));
  const normalised = file.replace(/\\/g, '/');
  if (re.test(normalised)) return true;
  return bases.some((base) => {
    const rel = path.relative(base, file).replace(/\\/g, '/');
    return !rel.startsWith('..') && re.test(rel);
  });
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') { i++; re += '(?:.*/)?'; } else re += '.*';
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') { braces++; re += '(?:'; }
    else if (c === '}' && braces > 0) { braces--; re += ')'; }
    else if (c === ',' && braces > 0) re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`(^|/)${re}$`);
}
