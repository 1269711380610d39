// `safe-migrations down PATH… [--write] [--force] [--format text|json]`: the generated down of
// every migration named, against the history of the folder it lives in (read as `check` reads it).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Dialect, FileModel } from '../model/migration';
import { inspectPaths } from '../engine/inspect';
import { readTextFileIfPresent } from '../engine/workspace';
import { migrationFolder } from '../engine/check';
import { downsForFiles, type MigrationDown } from '../actions/down/downsForFiles';
import { downEdit, existingDownPath } from '../actions/down/downEdit';

export interface DownCommandOptions { paths: string[]; write: boolean; force: boolean; format: 'text' | 'json'; dialect?: Dialect; cwd: string }
interface Io { stdout: (s: string) => void; stderr: (s: string) => void }

/** The folder whose migrations form this file's history: Prisma keeps one folder per migration. */
function historyFolder(file: FileModel): string {
  return file.orm === 'prisma' ? path.dirname(path.dirname(file.path)) : path.dirname(file.path);
}

export async function runDownCommand(options: DownCommandOptions, io: Io): Promise<number> {
  const targets = await inspectPaths(options.paths, { dialect: options.dialect });
  for (const e of targets.errors) io.stderr(`safe-migrations: ${e.path}: ${e.message}\n`);
  const files = targets.files.filter((f) => f.migrations.length > 0);
  if (!files.length) { io.stderr('safe-migrations: no migration found in the given paths\n'); return 2; }
  const folders = [...new Set(files.map(historyFolder))];
  const history = (await inspectPaths(folders, { dialect: options.dialect })).files;
  // The target's own model must be the one in the history (same folder key), so read it from there when present.
  const byPath = new Map(history.map((h) => [h.path, h]));
  const wanted = files.map((f) => byPath.get(f.path) ?? f).filter((f) => migrationFolder(f));
  const downs = downsForFiles(history, wanted);

  let failures = 0;
  const written: string[] = [];
  if (options.write) {
    for (const down of downs) {
      const file = wanted.find((f) => f.path === down.source)!;
      const migration = file.migrations[down.migrationIndex];
      const existingPath = existingDownPath(file, migration);
      const edit = downEdit(file, migration, down.text, { force: options.force, existingDown: existingPath ? readTextFileIfPresent(existingPath) : undefined });
      if (edit.kind === 'refused') { io.stderr(`safe-migrations: ${rel(down.source, options.cwd)} (${down.migration}): not written: ${edit.reason}\n`); failures++; continue; }
      if (edit.kind === 'create') { fs.writeFileSync(edit.file, edit.text); written.push(edit.file); continue; }
      const current = fs.readFileSync(edit.file, 'utf8');
      fs.writeFileSync(edit.file, current.slice(0, edit.start) + edit.text + current.slice(edit.end));
      written.push(edit.file);
    }
  }

  if (options.format === 'json') io.stdout(JSON.stringify(downsJson(downs, options.cwd, written), null, 2) + '\n');
  else io.stdout(downsText(downs, options.cwd, written));
  return failures ? 1 : 0;
}

function rel(p: string, cwd: string): string {
  return path.relative(cwd, p) || p;
}

export function downsJson(downs: MigrationDown[], cwd: string, written: string[] = []) {
  return {
    version: 1,
    downs: downs.map((d) => ({
      source: rel(d.source, cwd), migration: d.migration, orm: d.orm, dialect: d.dialect, text: d.text, complete: d.complete, schemaRestored: d.schemaRestored,
      notes: d.notes.map((n) => (n.range ? { message: n.message, range: n.range } : { message: n.message })),
    })),
    ...(written.length ? { written: written.map((w) => rel(w, cwd)) } : {}),
  };
}

function downsText(downs: MigrationDown[], cwd: string, written: string[]): string {
  const out: string[] = [];
  for (const d of downs) {
    out.push(`== ${rel(d.source, cwd)} (${d.migration}, ${d.orm}/${d.dialect}): ${d.complete ? 'complete' : d.schemaRestored ? 'schema restored, data not' : 'INCOMPLETE'}`);
    for (const n of d.notes) out.push(`   note${n.range ? ` ${n.range.start.line + 1}:${n.range.start.character + 1}` : ''}: ${n.message}`);
    out.push(d.text.replace(/\n$/, ''), '');
  }
  for (const w of written) out.push(`wrote ${rel(w, cwd)}`);
  return out.join('\n') + '\n';
}
