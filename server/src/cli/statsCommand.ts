// `safe-migrations stats --database URL [--out FILE]`: row estimates and sizes per table, read in a
// read-only session, written as the stats file that `check` and the editor use to grade findings.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DatabaseUrlError, parseDatabaseTarget, redactUrl } from '../verify/databaseUrl';
import { readTableStatsFrom } from '../stats/readStats';
import { DEFAULT_STATS_FILE, serializeTableStats, type TableStats } from '../stats/tableStats';
import { splitFlag } from './flags';

export interface StatsIo { stdout: (s: string) => void; stderr: (s: string) => void; cwd: string }

export const STATS_USAGE = `  stats          Read row estimates and sizes per table (read-only session, 10 s statement timeout)
                 --database postgres://…|mysql://…|mariadb://…  (required)
                 --out FILE   (default ${DEFAULT_STATS_FILE}; - prints to stdout)`;

/** Reads statistics from a URL for `check --database`; the message of a thrown error never holds the password. */
export async function tableStatsFromUrl(url: string, projectRoot: string): Promise<TableStats> {
  const target = parseDatabaseTarget(url);
  if (target.kind !== 'server') throw new DatabaseUrlError('statistics come from a real server: --database must be a postgres://, mysql:// or mariadb:// URL');
  return readTableStatsFrom(target, { projectRoot });
}

export async function runStatsCommand(argv: string[], io: StatsIo): Promise<number> {
  let database: string | undefined;
  let out = DEFAULT_STATS_FILE;
  const usage = (message: string) => { io.stderr(`safe-migrations stats: ${message}\n\nUsage:\n${STATS_USAGE}\n`); return 2; };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = splitFlag(arg);
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--database': database = value(); break;
      case '--out': case '-o': out = value(); break;
      case '--help': case '-h': io.stdout(`Usage:\n${STATS_USAGE}\n`); return 0;
      default: return usage(`unknown argument ${redactUrl(arg)}`);
    }
  }
  if (!database) return usage('--database URL is required');
  if (!out) return usage('--out needs a value');
  let stats: TableStats;
  try {
    stats = await tableStatsFromUrl(database, io.cwd);
  } catch (e) {
    if (e instanceof DatabaseUrlError) return usage(e.message);
    io.stderr(`safe-migrations stats: ${redactUrl((e as Error).message)}\n`);
    return 2;
  }
  const json = serializeTableStats(stats);
  if (out === '-') { io.stdout(json); return 0; }
  const file = path.resolve(io.cwd, out);
  fs.writeFileSync(file, json);
  io.stdout(`${Object.keys(stats.tables).length} table(s) (${stats.dialect}) written to ${path.relative(io.cwd, file) || file}\n`);
  return 0;
}
