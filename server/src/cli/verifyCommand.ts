// `safe-migrations verify PATH… [--database pglite|URL] [--seed FILE.sql] [--format text|json]`.
// Exit codes as `check`: 0 verified, 1 a verification failed, 2 usage or setup error.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { verifyPaths } from '../verify/verify';
import { formatVerifyJson, formatVerifyText } from '../verify/report';
import { DatabaseUrlError, parseDatabaseTarget, redactUrl } from '../verify/databaseUrl';
import { splitFlag } from './flags';

export interface VerifyIo { stdout: (s: string) => void; stderr: (s: string) => void; cwd: string; isTTY?: boolean }

export const VERIFY_USAGE = `  verify PATH…   Run migrations up → down → up on a scratch database and compare the schema
                 --database pglite|postgres://…|mysql://…|mariadb://…  (default: PGlite for
                                 PostgreSQL, or SAFE_MIGRATIONS_DATABASE_URL)
                 --seed FILE.sql  rows that every down must keep
                 --start-after TIMESTAMP|NAME  only migrations after the baseline
                 --format text|json (default text)`;

export async function runVerifyCommand(argv: string[], io: VerifyIo): Promise<number> {
  const paths: string[] = [];
  let database: string | undefined;
  let seed: string | undefined;
  let format = 'text';
  let startAfter: string | undefined;
  let dialect: string | undefined;
  const usage = (message: string) => { io.stderr(`safe-migrations verify: ${message}\n\nUsage:\n${VERIFY_USAGE}\n`); return 2; };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = splitFlag(arg);
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--database': database = value(); break;
      case '--seed': seed = value(); break;
      case '--format': case '-f': format = value(); break;
      case '--start-after': startAfter = value(); break;
      case '--dialect': dialect = value(); break;
      case '--help': case '-h': io.stdout(`Usage:\n${VERIFY_USAGE}\n`); return 0;
      default:
        if (arg.startsWith('-')) return usage(`unknown option ${arg}`);
        paths.push(path.resolve(io.cwd, arg));
    }
  }
  if (!paths.length) return usage('needs at least one PATH');
  if (format !== 'text' && format !== 'json') return usage(`--format must be text or json (got "${format}")`);
  if (database === undefined && argv.includes('--database')) return usage('--database needs a value');
  if (database) {
    try { parseDatabaseTarget(database); } catch (e) { return usage((e as DatabaseUrlError).message); }
  }
  let seedSql: string | undefined;
  if (seed) {
    try { seedSql = fs.readFileSync(path.resolve(io.cwd, seed), 'utf8'); } catch { return usage(`cannot read the seed file ${seed}`); }
  }
  const run = await verifyPaths(paths, {
    database, seedSql, startAfter, dialect: dialect as never,
    onProgress: io.isTTY ? (m) => io.stderr(`\r\x1b[K${m}`) : undefined,
  });
  if (io.isTTY) io.stderr('\r\x1b[K');
  io.stdout(format === 'json' ? formatVerifyJson(run, io.cwd) : formatVerifyText(run, io.cwd));
  for (const e of run.setupErrors) io.stderr(`safe-migrations verify: ${redactUrl(e)}\n`);
  if (run.setupErrors.length && !run.results.some((r) => r.steps.length)) return 2;
  return run.results.every((r) => r.ok) && !run.setupErrors.length ? 0 : 1;
}
