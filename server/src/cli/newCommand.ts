// `safe-migrations new <pattern> …`: scaffolds migrations from a pattern. Writes only when --dir is given
// (or the detected migrations folder is confirmed with --yes), never over an existing file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectProjects, projectForFile } from '../project/detect';
import { ScaffoldError, getPattern, listPatterns, scaffold } from '../patterns/index';
import { asScaffoldDialect, targetFromProject } from '../patterns/projectTarget';
import type { ScaffoldExtension, ScaffoldOrm, ScaffoldResult, ScaffoldTarget } from '../patterns/types';

export interface NewCommandIo { stdout: (s: string) => void; stderr: (s: string) => void; cwd: string }

const USAGE = `Usage: safe-migrations new <pattern> --orm typeorm|sequelize|prisma --dialect postgres|mysql|mariadb
                          [--dir DIR] [--table T] [--column C] [--<param> VALUE] [--param k=v]…
                          [--extension .ts|.js|.cjs|.mjs] [--dry-run] [--yes] [--format text|json]
       safe-migrations new --list [--format text|json]
       safe-migrations new <pattern> --help    (its parameters)

Without --dir the project's migrations folder is detected; files are written there only with --yes.`;

const ORMS: ScaffoldOrm[] = ['typeorm', 'sequelize', 'prisma'];
const EXTENSIONS: ScaffoldExtension[] = ['.ts', '.js', '.cjs', '.mjs'];

interface NewArgs {
  pattern?: string; list: boolean; help: boolean; dryRun: boolean; yes: boolean; format: 'text' | 'json';
  orm?: string; dialect?: string; dir?: string; extension?: string; now?: string; mysqlVersion?: string; mariadbVersion?: string;
  params: Record<string, string>;
}

const FLAGS_WITH_VALUE: Record<string, keyof NewArgs> = {
  '--orm': 'orm', '--dialect': 'dialect', '--dir': 'dir', '--extension': 'extension', '--now': 'now',
  '--mysql-version': 'mysqlVersion', '--mariadb-version': 'mariadbVersion',
};

/** `add-column-nullable` and `addColumnNullable` both name the pattern. */
function patternId(name: string): string {
  return name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
}

function parse(argv: string[]): NewArgs {
  const out: NewArgs = { list: false, help: false, dryRun: false, yes: false, format: 'text', params: {} };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new ScaffoldError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--list') out.list = true;
    else if (flag === '--help' || flag === '-h') out.help = true;
    else if (flag === '--dry-run') out.dryRun = true;
    else if (flag === '--yes' || flag === '-y') out.yes = true;
    else if (flag === '--format') {
      const f = value();
      if (f !== 'text' && f !== 'json') throw new ScaffoldError(`--format must be text or json, got ${f}`);
      out.format = f;
    } else if (flag === '--param') {
      const kv = value();
      const at = kv.indexOf('=');
      if (at <= 0) throw new ScaffoldError(`--param needs name=value, got ${kv}`);
      out.params[kv.slice(0, at)] = kv.slice(at + 1);
    } else if (FLAGS_WITH_VALUE[flag]) (out as unknown as Record<string, string>)[FLAGS_WITH_VALUE[flag]] = value();
    else if (flag.startsWith('--')) out.params[flag.slice(2)] = value();
    else if (!out.pattern) out.pattern = patternId(arg);
    else throw new ScaffoldError(`Unexpected argument ${arg}`);
  }
  return out;
}

function listOutput(format: 'text' | 'json'): string {
  const patterns = listPatterns();
  if (format === 'json') return JSON.stringify({ patterns: patterns.map(({ id, title, orms, dialects }) => ({ id, title, orms, dialects })) }, null, 2) + '\n';
  const width = Math.max(...patterns.map((p) => p.id.length));
  return patterns.map((p) => `${p.id.padEnd(width)}  ${p.title}`).join('\n') + '\n';
}

function patternHelp(id: string): string {
  const p = getPattern(id);
  if (!p) throw new ScaffoldError(`Unknown pattern "${id}". See: safe-migrations new --list`);
  const params = p.params.map((s) => `  --${s.name}${s.required ? ' (required)' : ''}${s.default !== undefined ? ` [default: ${JSON.stringify(s.default)}]` : ''}\n      ${s.prompt}`);
  return `${p.id}: ${p.title}\n${p.description}\n\nParameters:\n${params.join('\n') || '  none'}\n`;
}

/** Fills the target from flags first, then from project detection (cwd's project). */
function resolveTarget(args: NewArgs, cwd: string): { target: ScaffoldTarget; dirFromFlag: boolean } {
  if (args.orm !== undefined && !ORMS.includes(args.orm as ScaffoldOrm)) throw new ScaffoldError(`--orm must be one of ${ORMS.join(', ')}`);
  if (args.dialect !== undefined && !asScaffoldDialect(args.dialect)) throw new ScaffoldError('--dialect must be postgres, mysql or mariadb');
  if (args.extension !== undefined && !EXTENSIONS.includes(args.extension as ScaffoldExtension)) throw new ScaffoldError(`--extension must be one of ${EXTENSIONS.join(', ')}`);
  let detected: Partial<ScaffoldTarget> = {};
  if (!args.dir || !args.orm || !args.dialect) {
    const project = projectForFile(detectProjects([cwd]), path.join(cwd, 'x'));
    if (project) detected = targetFromProject(project, args.orm as ScaffoldOrm | undefined);
  }
  const orm = (args.orm as ScaffoldOrm | undefined) ?? detected.orm;
  const dialect = asScaffoldDialect(args.dialect) ?? detected.dialect;
  const dir = args.dir ? path.resolve(cwd, args.dir) : detected.dir;
  if (!orm) throw new ScaffoldError('No ORM detected here: pass --orm typeorm|sequelize|prisma');
  if (!dialect) throw new ScaffoldError('No dialect detected here: pass --dialect postgres|mysql|mariadb');
  if (!dir) throw new ScaffoldError('No migrations folder detected here: pass --dir');
  const now = args.now ? new Date(args.now) : undefined;
  if (now && Number.isNaN(now.getTime())) throw new ScaffoldError(`--now is not a date: ${args.now}`);
  return {
    dirFromFlag: Boolean(args.dir),
    target: {
      orm, dialect, dir, now,
      extension: (args.extension as ScaffoldExtension | undefined) ?? (args.orm && args.orm !== detected.orm ? undefined : detected.extension),
      mysqlVersion: args.mysqlVersion, mariadbVersion: args.mariadbVersion,
    },
  };
}

function writeFiles(result: ScaffoldResult): void {
  const existing = result.files.filter((f) => fs.existsSync(f.path));
  if (existing.length) throw new ScaffoldError(`Not overwriting ${existing.map((f) => f.path).join(', ')}`);
  for (const f of result.files) {
    fs.mkdirSync(path.dirname(f.path), { recursive: true });
    fs.writeFileSync(f.path, f.text, { flag: 'wx' });
  }
}

export async function runNewCommand(argv: string[], io: NewCommandIo): Promise<number> {
  try {
    const args = parse(argv);
    if (args.list) { io.stdout(listOutput(args.format)); return 0; }
    if (args.help && args.pattern) { io.stdout(patternHelp(args.pattern)); return 0; }
    if (args.help || !args.pattern) { (args.help ? io.stdout : io.stderr)(USAGE + '\n'); return args.help ? 0 : 2; }
    const { target, dirFromFlag } = resolveTarget(args, io.cwd);
    const result = scaffold(args.pattern, args.params, target);
    const write = !args.dryRun && (dirFromFlag || args.yes);
    if (write) writeFiles(result);
    const rel = (p: string) => path.relative(io.cwd, p) || p;
    if (args.format === 'json') {
      io.stdout(JSON.stringify({
        pattern: args.pattern, orm: target.orm, dialect: target.dialect, dir: target.dir, written: write,
        files: result.files.map((f) => ({ path: f.path, text: f.text })), notes: result.notes,
      }, null, 2) + '\n');
      return 0;
    }
    if (write) {
      io.stdout(result.files.map((f) => `Wrote ${rel(f.path)}`).join('\n') + '\n');
    } else {
      io.stdout(result.files.map((f) => `--- ${rel(f.path)}\n${f.text}`).join('\n'));
      io.stdout(args.dryRun ? '(dry run: nothing written)\n' : `(nothing written: re-run with --yes to write into ${rel(target.dir)}, or pass --dir)\n`);
    }
    for (const note of result.notes) io.stdout(`note: ${note}\n`);
    return 0;
  } catch (e) {
    if (e instanceof ScaffoldError) { io.stderr(`safe-migrations new: ${e.message}\n`); return 2; }
    io.stderr(`safe-migrations new: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return 2;
  }
}
