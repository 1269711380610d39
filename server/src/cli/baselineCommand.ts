// `safe-migrations baseline [PATH] [--write]`: the CLI side of "Baseline Existing Migrations". Prints the
// `startAfter` that covers every migration under PATH (default: the current folder) and the config file it goes
// in; --write writes it there.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { baselineConfigWrite, baselinePoint } from '../actions/baseline/baseline';
import { inspectPaths } from '../engine/inspect';
import { projectRootAbove, readTextFileIfPresent } from '../engine/workspace';

export interface BaselineIo { stdout(s: string): void; stderr(s: string): void; cwd: string }

export async function runBaselineCommand(argv: string[], io: BaselineIo): Promise<number> {
  if (argv.includes('--help')) {
    io.stdout('Usage: safe-migrations baseline [PATH] [--write]\n  Marks every migration under PATH as already in production: sets "startAfter" to the latest\n  one in .safe-migrations.json (or package.json#safeMigrations). They stay read for history, with no findings.\n');
    return 0;
  }
  const write = argv.includes('--write');
  const rest = argv.filter((a) => a !== '--write');
  const unknown = rest.find((a) => a.startsWith('-'));
  if (unknown || rest.length > 1) { io.stderr(`safe-migrations baseline: ${unknown ? `unknown option ${unknown}` : 'one PATH at most'}\n`); return 2; }
  const target = path.resolve(io.cwd, rest[0] ?? '.');
  if (!fs.existsSync(target)) { io.stderr(`safe-migrations baseline: ${target} does not exist\n`); return 2; }
  const { files } = await inspectPaths([target]);
  const point = baselinePoint(files);
  if (!point) { io.stderr(`safe-migrations baseline: no migrations found under ${target}\n`); return 2; }
  const root = projectRootAbove(target) ?? (fs.statSync(target).isDirectory() ? target : path.dirname(target));
  const out = baselineConfigWrite(root, point.startAfter, readTextFileIfPresent);
  const where = path.relative(io.cwd, out.path) || out.path;
  if (write) {
    fs.writeFileSync(out.path, out.text);
    io.stdout(`${where}: "startAfter": "${point.startAfter}" (${point.migration}); ${point.count} migration(s) baselined\n`);
  } else {
    io.stdout(`"startAfter": "${point.startAfter}" (${point.migration}) covers ${point.count} migration(s); --write puts it in ${where}\n`);
  }
  return 0;
}
