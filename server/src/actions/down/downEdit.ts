// Where a generated down goes: a new down.sql (Prisma), the paired .down.sql / down section (plain
// SQL), or the down method of a TypeORM/Sequelize file — filled when missing or empty, replaced
// only when forced. Pure: returns the edit, the CLI and the editor apply it.
import * as path from 'node:path';
import type { FileModel, Migration } from '../../model/migration';
import { LineIndex } from '../../model/text';
import { downSiblingName } from '../../readers/sqlMigration/sqlMigrationReader';

export type DownEdit =
  /** Replace [start, end) of `file` (its own text) with `text`. */
  | { kind: 'edit'; file: string; start: number; end: number; text: string }
  /** Create (or, forced, overwrite) a separate file. */
  | { kind: 'create'; file: string; text: string; overwrites: boolean }
  | { kind: 'refused'; reason: string };

/** The separate file a migration's down lives in or would go to (Prisma down.sql, x.down.sql), if any. */
export function existingDownPath(file: FileModel, migration: Migration): string | undefined {
  return migration.downPath ?? (file.orm === 'prisma' ? path.join(path.dirname(file.path), 'down.sql') : undefined);
}

const SECTION = /^[ \t]*--[ \t]*(\+migrate[ \t]+up|migrate:up|\+goose[ \t]+up)\b.*$/im;

/** `existingDown` is the text of a separate down file when one exists (Prisma down.sql, x.down.sql). */
export function downEdit(file: FileModel, migration: Migration, downText: string, options: { force?: boolean; existingDown?: string } = {}): DownEdit {
  const text = file.text ?? '';
  const hasBody = migration.down.length > 0 || migration.downThrows === true;
  if (file.orm === 'drizzle') return { kind: 'refused', reason: 'drizzle-kit has no down migrations (roll forward with a new migration; the generated down can serve as its SQL)' };
  if (file.orm === 'prisma' || (file.orm === 'sql' && migration.downPath)) {
    const target = migration.downPath ?? path.join(path.dirname(file.path), 'down.sql');
    const exists = options.existingDown !== undefined;
    if (exists && options.existingDown!.trim() && !options.force) return { kind: 'refused', reason: `${path.basename(target)} already exists and is not empty (use --force to replace it)` };
    return { kind: 'create', file: target, text: downText, overwrites: exists };
  }
  if (file.orm === 'sql') {
    const marker = SECTION.exec(text);
    if (marker) {
      if (migration.downRange && hasBody && !options.force) return { kind: 'refused', reason: 'the file already has a down section with statements (use --force to replace it)' };
      const downMarker = marker[0].trim().replace(/up\b/, (u) => (u === 'Up' ? 'Down' : 'down')).replace(/Up\b/, 'Down');
      if (migration.downRange) {
        const lines = new LineIndex(text);
        const start = lines.offsetAt(migration.downRange.start);
        return { kind: 'edit', file: file.path, start, end: text.length, text: `${downText.replace(/\n*$/, '\n')}` };
      }
      return { kind: 'edit', file: file.path, start: text.length, end: text.length, text: `${text.endsWith('\n') ? '' : '\n'}\n${downMarker}\n${downText}` };
    }
    const sibling = downSiblingName(file.path);
    if (sibling) {
      if (options.existingDown?.trim() && !options.force) return { kind: 'refused', reason: `${path.basename(sibling)} already exists and is not empty (use --force to replace it)` };
      return { kind: 'create', file: sibling, text: downText, overwrites: options.existingDown !== undefined };
    }
    return { kind: 'refused', reason: 'this SQL file follows no up/down convention the reader knows (x.up.sql + x.down.sql, V1__ + U1__, or -- migrate:up / -- migrate:down sections)' };
  }
  const lines = new LineIndex(text);
  if (migration.downRange) {
    if (hasBody && !options.force) return { kind: 'refused', reason: 'down is not empty (use --force to replace it)' };
    const start = lines.offsetAt(migration.downRange.start);
    const end = lines.offsetAt(migration.downRange.end);
    // The generated text is indented from the start of its line and ends the way the style does (`},`).
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    let replacement = downText;
    const after = text.slice(end, end + 1);
    if ((after === ',' || after === ';') && /[,;]$/.test(replacement)) replacement = replacement.slice(0, -1);
    return { kind: 'edit', file: file.path, start: lineStart, end, text: /^\s*$/.test(text.slice(lineStart, start)) ? replacement : replacement.trimStart() };
  }
  if (!migration.upRange) return { kind: 'refused', reason: 'no up method found to put the down after' };
  let end = lines.offsetAt(migration.upRange.end);
  const property = /^\s*down\s*:/.test(downText);
  // Object-literal style: `up: …,` keeps its comma; without one, the new property needs it.
  let comma = '';
  if (text[end] === ',' || text[end] === ';') end++;
  else if (property) comma = ',';
  const lineEnd = text.indexOf('\n', end);
  const at = comma ? end : lineEnd < 0 ? text.length : lineEnd;
  return { kind: 'edit', file: file.path, start: at, end: at, text: `${comma}\n\n${downText}` };
}
