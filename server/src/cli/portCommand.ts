// `safe-migrations port PATH… --to typeorm|sequelize|prisma [--dialect …] [--dir DIR] [--write]
// [--baseline] [--format text|json]`: the named migrations (a folder: its whole history) in another
// ORM's format and naming, for another dialect if asked; or one baseline migration. Writes only with --write.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileModel } from '../model/migration';
import type { ScaffoldDialect, ScaffoldOrm } from '../patterns/types';
import { inspectPaths } from '../engine/inspect';
import { readTextFileIfPresent } from '../engine/workspace';
import { type HistoryPortResult, portBaseline, portHistory, portMigrationsIn } from '../actions/port/portHistory';
import { targetDialect } from '../actions/port/portMigration';

export interface PortCommandIo { stdout: (s: string) => void; stderr: (s: string) => void; cwd: string }

const USAGE = `Usage: safe-migrations port PATH… --to typeorm|sequelize|prisma [--dialect postgres|mysql|mariadb]
                              [--dir DIR] [--write] [--baseline] [--format text|json]

Writes the same changes, up and down, in another ORM's migration format and naming, for another
dialect if --dialect says so (default: the source's). A folder ports its whole history in order; a
file ports that migration against the history before it. --baseline instead gives one migration that
creates the schema the history ends with (and, for Prisma, a schema.prisma). What has no equivalent
in the target is listed and marked in the file. Without --write it only prints the files.
--dir defaults to migrations/ (Prisma: prisma/migrations/) under the working folder.`;

const ORMS = ['typeorm', 'sequelize', 'prisma'];
const DIALECTS = ['postgres', 'mysql', 'mariadb'];

interface Args { inputs: string[]; to?: ScaffoldOrm; dialect?: ScaffoldDialect; dir?: string; write: boolean; baseline: boolean; format: string }

function parse(argv: string[], cwd: string): Args | string {
  const a: Args = { inputs: [], write: false, baseline: false, format: 'text' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (name: string) => (arg.startsWith(`${name}=`) ? arg.slice(name.length + 1) : argv[++i] ?? '');
    if (arg === '--write') a.write = true;
    else if (arg === '--baseline') a.baseline = true;
    else if (arg === '--to' || arg.startsWith('--to=')) { const v = value('--to'); if (!ORMS.includes(v)) return `--to must be typeorm, sequelize or prisma (got "${v}")`; a.to = v as ScaffoldOrm; }
    else if (arg === '--dialect' || arg.startsWith('--dialect=')) { const v = value('--dialect'); if (!DIALECTS.includes(v)) return `--dialect must be postgres, mysql or mariadb (got "${v}")`; a.dialect = v as ScaffoldDialect; }
    else if (arg === '--dir' || arg.startsWith('--dir=')) a.dir = path.resolve(cwd, value('--dir'));
    else if (arg === '--format' || arg.startsWith('--format=')) a.format = value('--format');
    else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else a.inputs.push(path.resolve(cwd, arg));
  }
  if (a.format !== 'text' && a.format !== 'json') return `--format must be text or json (got "${a.format}")`;
  if (!a.to) return '--to is required';
  if (!a.inputs.length) return 'at least one PATH is needed';
  return a;
}

/** The folder whose migrations form this file's history: Prisma keeps one folder per migration. */
function historyFolder(file: FileModel): string {
  return file.orm === 'prisma' ? path.dirname(path.dirname(file.path)) : path.dirname(file.path);
}

export async function runPortCommand(argv: string[], io: PortCommandIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) { io.stdout(USAGE + '\n'); return 0; }
  const args = parse(argv, io.cwd);
  if (typeof args === 'string') { io.stderr(`safe-migrations port: ${args}\n\n${USAGE}\n`); return 2; }
  const named = await inspectPaths(args.inputs);
  for (const e of named.errors) io.stderr(`safe-migrations port: ${e.path}: ${e.message}\n`);
  const targets = named.files.filter((f) => f.migrations.length);
  if (!targets.length) { io.stderr('safe-migrations port: no migration found in the given paths\n'); return 2; }
  const folders = [...new Set(targets.map(historyFolder))];
  const history = (await inspectPaths(folders)).files.filter((f) => f.migrations.length);
  const downTexts = new Map<string, string>();
  for (const f of history) for (const m of f.migrations) if (m.downPath) { const t = readTextFileIfPresent(m.downPath); if (t !== undefined) downTexts.set(m.downPath, t); }
  const dir = args.dir ?? path.join(io.cwd, args.to === 'prisma' ? 'prisma/migrations' : 'migrations');
  const options = { to: args.to!, dialect: args.dialect, dir: path.relative(io.cwd, dir) || '.', downTexts, sourceName: (f: FileModel) => rel(f.path, io.cwd) };
  const wanted = new Set(targets.map((f) => f.path));
  const result: HistoryPortResult = args.baseline ? portBaseline(history, options)
    : history.every((f) => wanted.has(f.path)) ? portHistory(history, options)
    : portMigrationsIn(history, wanted, options);

  const written: string[] = [];
  if (args.write) {
    const existing = result.files.filter((f) => fs.existsSync(path.resolve(io.cwd, f.path)));
    if (existing.length) { io.stderr(`safe-migrations port: not overwriting ${existing.map((f) => f.path).join(', ')}\n`); return 2; }
    for (const f of result.files) {
      const target = path.resolve(io.cwd, f.path);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, f.text);
      written.push(target);
    }
  }
  if (args.format === 'json') {
    io.stdout(JSON.stringify({
      version: 1,
      files: result.files.map((f) => ({ path: f.path, text: f.text })),
      untranslated: result.untranslated.map((u) => ({ source: u.source, message: u.message, ...(u.range ? { range: u.range } : {}) })),
      ...(result.hints.length ? { hints: result.hints } : {}),
      ...(written.length ? { written: written.map((w) => rel(w, io.cwd)) } : {}),
    }, null, 2) + '\n');
  } else {
    const out: string[] = [];
    for (const f of result.files) out.push(`== ${f.path}`, f.text.replace(/\n$/, ''), '');
    out.push(`${result.files.length} file(s) for ${args.to} on ${targetDialect(history[0].dialect, args.dialect)}; ${result.untranslated.length} construct(s) not translated${result.untranslated.length ? ':' : '.'}`);
    for (const u of result.untranslated) out.push(`  ${u.source}${u.range ? `:${u.range.start.line + 1}` : ''}: ${u.message}`);
    for (const h of result.hints) out.push(h);
    for (const w of written) out.push(`wrote ${rel(w, io.cwd)}`);
    io.stdout(out.join('\n') + '\n');
  }
  return 0;
}

function rel(p: string, cwd: string): string {
  return path.relative(cwd, p) || p;
}
