// `safe-migrations split PATH… [--write] [--format text|json]`: one migration per job for every
// migration the size rule flags (or that is named explicitly). Writes only with --write.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Dialect } from '../model/migration';
import { checkPaths } from '../engine/inspect';
import { readTextFileIfPresent } from '../engine/workspace';
import { splitMigration, type SplitRefusal, type SplitResult } from '../actions/split/splitMigration';
import { splitInputFor } from '../actions/split/splitInput';

export interface SplitCommandIo { stdout: (s: string) => void; stderr: (s: string) => void; cwd: string }

const USAGE = `Usage: safe-migrations split PATH… [--write] [--format text|json] [--dialect postgres|mysql|mariadb]

Splits each migration that does several jobs (the migration-does-too-much finding, or any file named
explicitly) into one migration per table and kind of change, each with its part of the down.
Without --write it only prints the files. Never split a migration that has already been applied
anywhere (a database that ran the original would run the pieces again).`;

const SIZE_RULE = 'migration-does-too-much';

export async function runSplitCommand(argv: string[], io: SplitCommandIo): Promise<number> {
  let write = false;
  let format = 'text';
  let dialect: Dialect | undefined;
  const inputs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--write') write = true;
    else if (arg === '--help' || arg === '-h') { io.stdout(USAGE + '\n'); return 0; }
    else if (arg === '--format' || arg.startsWith('--format=')) format = arg.includes('=') ? arg.slice(9) : argv[++i] ?? '';
    else if (arg === '--dialect' || arg.startsWith('--dialect=')) {
      const d = arg.includes('=') ? arg.slice(10) : argv[++i] ?? '';
      if (!['postgres', 'mysql', 'mariadb'].includes(d)) { io.stderr(`safe-migrations split: --dialect must be postgres, mysql or mariadb (got "${d}")\n`); return 2; }
      dialect = d as Dialect;
    } else if (arg.startsWith('-')) { io.stderr(`safe-migrations split: unknown option ${arg}\n\n${USAGE}\n`); return 2; }
    else inputs.push(path.resolve(io.cwd, arg));
  }
  if (format !== 'text' && format !== 'json') { io.stderr(`safe-migrations split: --format must be text or json (got "${format}")\n`); return 2; }
  if (!inputs.length) { io.stderr(USAGE + '\n'); return 2; }

  const result = await checkPaths(inputs, { dialect });
  for (const e of result.errors) io.stderr(`safe-migrations split: ${e.path}: ${e.message}\n`);
  const explicit = new Set(inputs);
  const flagged = new Set(result.findings.filter((f) => f.rule === SIZE_RULE).map((f) => f.path));
  const splits: (SplitResult & { source: string })[] = [];
  const refused: (SplitRefusal & { source: string })[] = [];
  for (const file of result.files) {
    if (!flagged.has(file.path) && !explicit.has(file.path)) continue;
    const text = readTextFileIfPresent(file.path) ?? '';
    const input = splitInputFor(file, text, result.projects, { listDir, readIfPresent: readTextFileIfPresent });
    const outcome = splitMigration(input);
    if ('refused' in outcome) refused.push({ source: file.path, ...outcome });
    else splits.push({ source: file.path, ...outcome });
  }

  if (write) {
    const existing = splits.flatMap((s) => s.files).filter((f) => fs.existsSync(f.path));
    if (existing.length) { io.stderr(`safe-migrations split: not overwriting ${existing.map((f) => f.path).join(', ')}\n`); return 2; }
    for (const s of splits) {
      for (const f of s.files) {
        fs.mkdirSync(path.dirname(f.path), { recursive: true });
        fs.writeFileSync(f.path, f.text, { flag: 'wx' });
      }
      for (const r of s.removes) fs.rmSync(r, { recursive: true });
    }
  }

  // Relative inside the working folder, absolute outside it (a path full of ../ is easy to misread).
  const rel = (p: string) => { const r = path.relative(io.cwd, p); return r && !r.startsWith('..') ? r : p; };
  if (format === 'json') {
    io.stdout(JSON.stringify({
      version: 1,
      written: write,
      splits: splits.map((s) => ({ source: rel(s.source), migration: s.migration, files: s.files.map((f) => ({ path: rel(f.path), text: f.text })), removes: s.removes.map(rel), notes: s.notes })),
      refused: refused.map((r) => ({ source: rel(r.source), migration: r.migration, reason: r.refused })),
    }, null, 2) + '\n');
  } else {
    for (const s of splits) {
      io.stdout(`${rel(s.source)}: ${s.migration} splits into ${s.files.filter((f) => !f.path.endsWith('down.sql')).length} migrations${write ? ' (written; original removed)' : ''}\n`);
      for (const f of s.files) io.stdout(write ? `  + ${rel(f.path)}\n` : `--- ${rel(f.path)}\n${f.text}`);
      for (const r of s.removes) io.stdout(`  - ${rel(r)}\n`);
      for (const n of s.notes) io.stdout(`  note: ${n}\n`);
    }
    for (const r of refused) io.stdout(`${rel(r.source)}: ${r.migration} not split: ${r.refused}\n`);
    if (!splits.length && !refused.length) io.stdout('No migration does too much: nothing to split.\n');
    if (splits.length && !write) io.stdout('(nothing written: re-run with --write; never split a migration already applied anywhere)\n');
  }
  return refused.length ? 1 : 0;
}

function listDir(dir: string): string[] {
  try { return fs.readdirSync(dir); } catch { return []; }
}
