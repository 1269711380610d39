// "Baseline existing migrations": the `startAfter` value that marks every migration read so far as already in
// production (read for history, no findings), and the config file text that records it. Pure: returns text.
import * as path from 'node:path';
import type { FileModel } from '../../model/migration';
import { sortableTimestamp } from '../../rules';
import { orderedMigrations } from '../../rules/schemaHistory';

export interface BaselinePoint {
  /** What goes into `startAfter`: the latest timestamp, or the last migration's name when none has one. */
  startAfter: string;
  /** The migration it names. */
  migration: string;
  /** How many migrations it covers. */
  count: number;
}

/** The latest migration of the files (by timestamp, across every folder), or undefined when there are none. */
export function baselinePoint(files: FileModel[]): BaselinePoint | undefined {
  const ordered = orderedMigrations(files);
  if (!ordered.length) return undefined;
  const stamped = ordered.filter((e) => e.migration.timestamp && /^\d{8,}$/.test(e.migration.timestamp));
  if (stamped.length) {
    // Epoch milliseconds (TypeORM) and calendar stamps (sequelize-cli, Prisma) compare by their calendar value.
    const latest = stamped.reduce((a, b) => (sortableTimestamp(b.migration.timestamp!) >= sortableTimestamp(a.migration.timestamp!) ? b : a));
    return { startAfter: latest.migration.timestamp!, migration: latest.migration.name, count: ordered.length };
  }
  const last = ordered[ordered.length - 1];
  return { startAfter: last.migration.name, migration: last.migration.name, count: ordered.length };
}

export interface ConfigWrite {
  /** The file to write (created when `create`). */
  path: string;
  create: boolean;
  /** Its whole new text. */
  text: string;
}

/**
 * Where `startAfter` is recorded: the project's `.safe-migrations.json` if it has one, else the `safeMigrations`
 * key of its package.json if that exists, else a new `.safe-migrations.json`. The rest of the file is kept as
 * written (only the value is replaced or one line inserted).
 */
export function baselineConfigWrite(root: string, startAfter: string, read: (file: string) => string | undefined): ConfigWrite {
  const own = path.join(root, '.safe-migrations.json');
  const ownText = read(own);
  if (ownText !== undefined) return { path: own, create: false, text: setKey(ownText, /^\s*\{/, startAfter) };
  const pkg = path.join(root, 'package.json');
  const pkgText = read(pkg);
  if (pkgText !== undefined && /"safeMigrations"\s*:\s*\{/.test(pkgText)) {
    return { path: pkg, create: false, text: setKey(pkgText, /"safeMigrations"\s*:\s*\{/, startAfter) };
  }
  return { path: own, create: true, text: `${JSON.stringify({ startAfter }, null, 2)}\n` };
}

/** Replaces the first `"startAfter": "…"` after `objectStart`, or inserts it as the object's first key. */
function setKey(text: string, objectStart: RegExp, value: string): string {
  const open = objectStart.exec(text);
  if (!open) return `${JSON.stringify({ startAfter: value }, null, 2)}\n`;
  const from = open.index + open[0].length;
  const existing = /"startAfter"\s*:\s*"(?:[^"\\]|\\.)*"/.exec(text.slice(from));
  if (existing) {
    const at = from + existing.index;
    return text.slice(0, at) + `"startAfter": ${JSON.stringify(value)}` + text.slice(at + existing[0].length);
  }
  // Indent like the object's next line; an empty object gets one key and no trailing comma.
  const rest = text.slice(from);
  const empty = /^\s*\}/.test(rest);
  const lineStart = text.lastIndexOf('\n', open.index) + 1;
  const outer = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const indent = /\n([ \t]+)\S/.exec(rest)?.[1] ?? `${outer}  `;
  return text.slice(0, from) + `\n${indent}"startAfter": ${JSON.stringify(value)}${empty ? `\n${outer}` : ','}` + (empty ? rest.replace(/^\s*/, '') : rest);
}
