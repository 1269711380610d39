// `safe-migrations` CLI: a thin adapter over the engine. Exit codes: 0 clean, 1 findings at or
// above --fail-on, 2 usage or internal error.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Dialect } from '../model/migration';
import type { Severity } from '../model/finding';
import { checkPaths, inspectPaths, type InspectResult } from '../engine/inspect';
import { formatInspectText, formatInspectJson } from './format/inspectFormat';
import { formatCheckJson, formatCheckSarif, formatCheckText, type PathFinding } from './format/checkFormat';
import { formatCheckGithub } from './format/githubFormat';
import { formatCheckMarkdown } from './format/markdownFormat';
import { CheckInputError, changedScope, inScope, statsOverride } from './checkInputs';
import type { ChangedFiles } from '../git/changedFiles';
import type { SafeMigrationsConfig } from '../config/types';
import { rulesMetadata } from '../rules';
import { runNewCommand } from './newCommand';
import type * as VerifyCommand from './verifyCommand';
import type * as DownCommand from './downCommand';
import type * as SplitCommand from './splitCommand';
import type * as BaselineCommand from './baselineCommand';
import type * as PortCommand from './portCommand';
import type * as StatsCommand from './statsCommand';
import { splitFlag } from './flags';

// down, split and verify use the TypeScript compiler from their first line: required on use, so
// that `check`, `inspect` and `rules` on SQL files start without loading it.
const downCommand = () => require('./downCommand') as typeof DownCommand;
const verifyCommand = () => require('./verifyCommand') as typeof VerifyCommand;
const splitCommand = () => require('./splitCommand') as typeof SplitCommand;
const baselineCommand = () => require('./baselineCommand') as typeof BaselineCommand;
const portCommand = () => require('./portCommand') as typeof PortCommand;
// stats loads a database driver from the project: only when asked.
const statsCommand = () => require('./statsCommand') as typeof StatsCommand;

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  isTTY?: boolean;
}

const USAGE = `Usage: safe-migrations <command> [options]

Commands:
  inspect PATH…  Show the detected project(s) and what every migration's up/down does
                 --format text|json (default text)
  check PATH…    Report dialect, lock and rollback problems
                 --format text|json|sarif|github|markdown (default text; github: workflow
                                 annotations; markdown: a pull-request comment)
                 --fail-on error|warning|info|never (default error)
                 --rule-set recommended|strict (default recommended; --strict)
                 --start-after TIMESTAMP|NAME  baseline: report nothing on migrations
                                 at or before it (they are already in production)
                 --hints        also list hints (nudges the editor shows faintly)
                 --changed [REF]  report only migrations added or modified since REF
                                 (default: the merge base with the default branch)
                 --stats FILE | --database URL  table sizes that grade lock findings
  rules          List the rules   --format text|json
  new PATTERN    Scaffold a migration (safe-migrations new --list)
  verify PATH…   Run migrations up → down → up on a scratch database (safe-migrations verify --help)
  stats          Read row estimates and sizes per table into .safe-migrations-stats.json
                 --database URL (read-only session), --out FILE
  down PATH…     Generate the down of each migration from its history
                 --format text|json, --write (fill a missing/empty down), --force
  baseline [PATH]  Mark the existing migrations as already in production ("startAfter")
                 --write (into .safe-migrations.json or package.json#safeMigrations)
  split PATH…    Split migrations that do too much, one per job  --write, --format text|json
  port PATH…     Port migrations to another ORM/dialect (safe-migrations port --help)
                 --to typeorm|sequelize|prisma, --dialect, --dir DIR, --write, --baseline

Common options:
  --dialect postgres|mysql|mariadb|sqlite   Override the detected dialect
  --help, --version`;

class UsageError extends Error {}

/** The package version, found by walking up from this file (works from sources, out/ and dist/). */
function packageVersion(): string {
  let dir = __dirname;
  for (;;) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'safe-migrations') return pkg.version ?? 'unknown';
    } catch { /* keep looking */ }
    const parent = path.dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}

interface Parsed { command?: string; paths: string[]; format?: string; dialect?: Dialect; failOn: Severity | 'never'; help: boolean; version: boolean; ruleSet?: 'recommended' | 'strict'; startAfter?: string; hints: boolean; stats?: string; database?: string; changed?: string }

function parseArgs(argv: string[], cwd = '.'): Parsed {
  const out: Parsed = { paths: [], failOn: 'error', help: false, version: false, hints: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = splitFlag(arg);
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--help': case '-h': out.help = true; break;
      case '--version': case '-v': out.version = true; break;
      case '--format': case '-f': out.format = value(); break;
      case '--dialect': {
        const d = value();
        if (!['postgres', 'mysql', 'mariadb', 'sqlite'].includes(d)) throw new UsageError(`--dialect must be postgres, mysql, mariadb or sqlite (got "${d}")`);
        out.dialect = d as Dialect;
        break;
      }
      case '--strict': out.ruleSet = 'strict'; break;
      case '--rule-set': {
        const s = value();
        if (s !== 'recommended' && s !== 'strict') throw new UsageError(`--rule-set must be recommended or strict (got "${s}")`);
        out.ruleSet = s;
        break;
      }
      case '--start-after': out.startAfter = value(); break;
      case '--hints': out.hints = true; break;
      case '--stats': out.stats = value(); break;
      case '--database': out.database = value(); break;
      // --changed [REF]: the next word is the REF unless it is a path to check ('' = the default branch).
      case '--changed': out.changed = inline ?? (argv[i + 1] && !argv[i + 1].startsWith('-') && !fs.existsSync(path.resolve(cwd, argv[i + 1])) ? argv[++i] : ''); break;
      case '--fail-on': {
        const f = value();
        if (!['error', 'warning', 'info', 'never'].includes(f)) throw new UsageError(`--fail-on must be error, warning, info or never (got "${f}")`);
        out.failOn = f as Severity | 'never';
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        if (!out.command) out.command = arg; else out.paths.push(arg);
    }
  }
  return out;
}

function requireFormat(format: string | undefined, allowed: string[]): string {
  const f = format ?? 'text';
  if (!allowed.includes(f)) throw new UsageError(`--format must be ${allowed.join(' or ')} (got "${f}")`);
  return f;
}

function progress(io: CliIo): (done: number, total: number) => void {
  return (done, total) => {
    if (total < 200) return;
    if (io.isTTY) { io.stderr(`\rreading migrations: ${done}/${total}${done === total ? '\n' : ''}`); return; }
    if (done % 500 === 0 || done === total) io.stderr(`reading migrations: ${done}/${total}\n`);
  };
}

function reportErrors(result: InspectResult, io: CliIo): void {
  for (const e of result.errors) io.stderr(`safe-migrations: ${e.path}: ${e.message}\n`);
  for (const p of result.configProblems) io.stderr(`safe-migrations: ${p}\n`);
}

const SEVERITY_RANK: Record<Severity, number> = { hint: -1, info: 0, warning: 1, error: 2 };

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    if (argv[0] === 'new') return await runNewCommand(argv.slice(1), { stdout: io.stdout, stderr: io.stderr, cwd: io.cwd });
    if (argv[0] === 'verify') return await verifyCommand().runVerifyCommand(argv.slice(1), io);
    if (argv[0] === 'stats') return await statsCommand().runStatsCommand(argv.slice(1), io);
    if (argv[0] === 'down' && !argv.includes('--help')) {
      const write = argv.includes('--write');
      const force = argv.includes('--force');
      const args = parseArgs(argv.filter((a) => a !== '--write' && a !== '--force'));
      if (!args.paths.length) throw new UsageError('down needs at least one PATH');
      return await downCommand().runDownCommand({ paths: args.paths.map((p) => path.resolve(io.cwd, p)), write, force, format: requireFormat(args.format, ['text', 'json']) as 'text' | 'json', dialect: args.dialect, cwd: io.cwd }, io);
    }
    if (argv[0] === 'baseline') return await baselineCommand().runBaselineCommand(argv.slice(1), { stdout: io.stdout, stderr: io.stderr, cwd: io.cwd });
    if (argv[0] === 'split') return await splitCommand().runSplitCommand(argv.slice(1), { stdout: io.stdout, stderr: io.stderr, cwd: io.cwd });
    if (argv[0] === 'port') return await portCommand().runPortCommand(argv.slice(1), { stdout: io.stdout, stderr: io.stderr, cwd: io.cwd });
    const args = parseArgs(argv, io.cwd);
    if (args.version) { io.stdout(`${packageVersion()}\n`); return 0; }
    if (args.help || !args.command) { (args.help ? io.stdout : io.stderr)(USAGE + '\n'); return args.help ? 0 : 2; }
    const paths = args.paths.map((p) => path.resolve(io.cwd, p));
    switch (args.command) {
      case 'inspect': {
        const format = requireFormat(args.format, ['text', 'json']);
        if (!paths.length) throw new UsageError('inspect needs at least one PATH');
        const result = await inspectPaths(paths, { dialect: args.dialect, onProgress: progress(io) });
        reportErrors(result, io);
        io.stdout(format === 'json' ? formatInspectJson(result, io.cwd) : formatInspectText(result, io.cwd));
        return result.errors.length && !result.files.length ? 2 : 0;
      }
      case 'check': {
        const format = requireFormat(args.format, ['text', 'json', 'sarif', 'github', 'markdown']);
        if (!paths.length && args.changed !== undefined) paths.push(io.cwd);
        if (!paths.length) throw new UsageError('check needs at least one PATH');
        let changed: ChangedFiles | undefined;
        let stats: Partial<SafeMigrationsConfig>;
        try {
          changed = args.changed === undefined ? undefined : changedScope(paths[0], args.changed || undefined);
          stats = await statsOverride(args, io.cwd);
        } catch (e) {
          if (!(e instanceof CheckInputError)) throw e;
          io.stderr(`safe-migrations: ${e.message}\n`);
          return 2;
        }
        const config = { ...(args.ruleSet ? { extends: args.ruleSet } : {}), ...(args.startAfter ? { startAfter: args.startAfter } : {}), ...stats };
        // --changed: the whole history is read (earlier migrations are context), only changed files are reported.
        const result = await checkPaths(paths, { dialect: args.dialect, config, onProgress: progress(io) });
        reportErrors(result, io);
        const files = inScope(result.files, changed);
        if (changed) io.stderr(`${files.length} migration file(s) changed since ${changed.ref} (merge base ${changed.mergeBase.slice(0, 7)})\n`);
        const scoped = inScope(result.findings, changed);
        const findings: PathFinding[] = args.hints ? scoped : scoped.filter((f) => f.severity !== 'hint');
        const out = format === 'json' ? formatCheckJson(files.length, findings, io.cwd)
          : format === 'sarif' ? formatCheckSarif(findings, io.cwd)
          : format === 'github' ? formatCheckGithub(findings, io.cwd)
          : format === 'markdown' ? formatCheckMarkdown(files, findings, io.cwd, { changedSince: changed?.ref, stats: result.config.tableStats })
          : formatCheckText(files, findings, io.cwd);
        io.stdout(out);
        if (result.errors.length && !result.files.length) return 2;
        if (args.failOn === 'never') return 0;
        const threshold = SEVERITY_RANK[args.failOn];
        return findings.some((f) => SEVERITY_RANK[f.severity] >= threshold) ? 1 : 0;
      }
      case 'rules': {
        const format = requireFormat(args.format, ['text', 'json']);
        const rules = rulesMetadata();
        if (format === 'json') io.stdout(JSON.stringify({ rules }, null, 2) + '\n');
        else for (const r of rules) io.stdout(`${r.id.padEnd(40)} ${r.set.padEnd(12)} ${r.severity.padEnd(8)} ${r.dialects.join(',').padEnd(24)} ${r.summary}\n`);
        return 0;
      }
      default:
        throw new UsageError(`unknown command "${args.command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) { io.stderr(`safe-migrations: ${e.message}\n\n${USAGE}\n`); return 2; }
    io.stderr(`safe-migrations: internal error: ${(e as Error).stack ?? e}\n`);
    return 2;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    isTTY: process.stderr.isTTY,
  }).then((code) => { process.exitCode = code; });
}
