// Names and timestamps of the pieces in the project's own convention, strictly between the original
// and the next existing migration so every runner orders them where the original stood.
import * as path from 'node:path';
import { compactTimestamp, kebabName, nameWords, pascalName, snakeName } from '../../emitters/naming';
import type { Operation } from '../../model/migration';
import type { PlannedPiece } from './planPieces';

export type SplitNaming = 'typeorm' | 'sequelize' | 'prisma';

/** What a piece does, as words: `add status to orders`, `backfill orders`, `create index concurrently on accounts`. */
export function describePiece(piece: PlannedPiece): string[] {
  // The table as the file writes it (CollectiveHistories), so names keep its word breaks.
  const table = piece.ops.find((o) => o.table)?.table ?? piece.table ?? '';
  const kinds = new Set(piece.ops.map((o) => o.kind));
  const only = (k: Operation['kind']) => kinds.size === 1 && kinds.has(k);
  const columns = [...new Set(piece.ops.map((o) => o.column ?? o.columnSpec?.name).filter((c): c is string => !!c))];
  const cols = columns.length && columns.length <= 2 ? columns : ['columns'];
  if (piece.kind === 'data') return nameWords([kinds.has('update') ? 'backfill' : kinds.has('delete') ? 'delete from' : 'insert into', table]);
  if (piece.kind === 'online') return nameWords([only('dropIndex') ? 'drop index concurrently on' : 'create index concurrently on', table]);
  if (piece.createsTable) return nameWords(['create', table]);
  if (only('addColumn')) return nameWords(['add', ...cols, 'to', table]);
  if (only('dropColumn')) return nameWords(['drop', ...cols, 'from', table]);
  if (only('createIndex')) return nameWords(['add index on', table]);
  if (only('setNotNull')) return nameWords(['set', table, ...cols, 'not null']);
  if (only('addForeignKey')) return nameWords(['add foreign key on', table]);
  if (only('dropTable')) return nameWords(['drop', table]);
  if (only('renameColumn')) return nameWords(['rename column on', table]);
  if (!table) return nameWords([piece.ops[0].kind === 'rawSql' ? (piece.ops[0].statement ?? 'sql') : piece.ops[0].kind]);
  return nameWords(['alter', table]);
}

/** The original's ordering key and the name part after it, from its file or folder name. */
export function parseOriginalName(naming: SplitNaming, file: string): { stamp: string; name: string } | undefined {
  const base = naming === 'prisma' ? path.basename(path.dirname(file)) : path.basename(file).replace(/\.[^.]+$/, '');
  const m = naming === 'typeorm' ? /^(\d{13})-(.+)$/.exec(base) : naming === 'sequelize' ? /^(\d{14})-(.+)$/.exec(base) : /^(\d{14})_(.+)$/.exec(base);
  return m ? { stamp: m[1], name: m[2] } : undefined;
}

function compactToDate(stamp: string): Date {
  const n = (a: number, b: number) => Number(stamp.slice(a, b));
  return new Date(Date.UTC(n(0, 4), n(4, 6) - 1, n(6, 8), n(8, 10), n(10, 12), n(12, 14)));
}

/** `count` timestamps after `stamp` (ms for TypeORM, seconds for the others), or why there is no room. */
export function pieceStamps(naming: SplitNaming, stamp: string, next: string | undefined, count: number): string[] | { refused: string } {
  const out: string[] = [];
  for (let i = 1; i <= count; i++) {
    out.push(naming === 'typeorm' ? String(Number(stamp) + i) : compactTimestamp(new Date(compactToDate(stamp).getTime() + i * 1000)));
  }
  if (next !== undefined && out[out.length - 1] >= next) {
    const unit = naming === 'typeorm' ? 'milliseconds' : 'seconds';
    return { refused: `there is no room for ${count} migrations between ${stamp} and the next migration (${next}): the pieces need ${count} ${unit} after the original's timestamp to run where it ran. Rename the original to an earlier timestamp first if it has never been applied anywhere.` };
  }
  return out;
}

/** The next existing migration's ordering key after the original's, among its neighbours. */
export function nextStamp(naming: SplitNaming, stamp: string, neighbours: string[]): string | undefined {
  const stamps = neighbours.map((n) => parseOriginalName(naming, naming === 'prisma' ? path.join(n, 'migration.sql') : n)?.stamp)
    .filter((s): s is string => !!s && s.length === stamp.length && s > stamp).sort();
  return stamps[0];
}

/** The name part in the style the original's name uses (PascalCase, kebab-case or snake_case; one lower-case word: the ORM's own). */
export function styledName(original: string, words: string[], naming: SplitNaming): string {
  if (/_/.test(original)) return snakeName(words);
  if (/-/.test(original)) return kebabName(words);
  if (/^[a-z0-9]+$/.test(original)) return naming === 'prisma' ? snakeName(words) : kebabName(words);
  return pascalName(words);
}

export interface PieceBases {
  /** File name without extension (TypeORM, Sequelize) or folder name (Prisma) of each piece. */
  bases: string[];
  /** The ordering timestamps, when the original has one (TypeORM puts it in the class name too). */
  stamps?: string[];
}

/**
 * Piece names that sort strictly between the original and the next migration: timestamps after the
 * original's, or, where a project orders by plain names (`03_big_int`, `001-init.js`), the original's
 * name with `_01_…`, `_02_…` appended, which sorts right after it.
 */
export function pieceBases(naming: SplitNaming, file: string, neighbours: string[], words: string[][]): PieceBases | { refused: string } {
  const own = naming === 'prisma' ? path.dirname(file) : file;
  const others = neighbours.filter((n) => path.resolve(n) !== path.resolve(own));
  const original = parseOriginalName(naming, file);
  if (original) {
    const names = uniqueNames(words.map((w) => styledName(original.name, w, naming)));
    const stamps = pieceStamps(naming, original.stamp, nextStamp(naming, original.stamp, others), words.length);
    if ('refused' in stamps) return stamps;
    const sep = naming === 'prisma' ? '_' : '-';
    return { bases: stamps.map((s, i) => `${s}${sep}${names[i]}`), stamps };
  }
  const base = naming === 'prisma' ? path.basename(own) : path.basename(file).replace(/\.[^.]+$/, '');
  if (naming === 'typeorm') return { refused: `the name ${path.basename(file)} does not follow TypeORM's <ms>-<Name>.ts, and TypeORM orders migrations by the timestamp at the end of the class name` };
  const sep = /_/.test(base) || naming === 'prisma' ? '_' : '-';
  const names = uniqueNames(words.map((w) => (sep === '_' ? snakeName(w) : kebabName(w))));
  const bases = names.map((n, i) => `${base}${sep}${String(i + 1).padStart(2, '0')}${sep}${n}`);
  const next = others.map((n) => (naming === 'prisma' ? path.basename(n) : path.basename(n).replace(/\.[^.]+$/, ''))).filter((n) => n > base).sort()[0];
  if (next !== undefined && bases[bases.length - 1] >= next) return { refused: `the pieces, named after ${base}, would not all sort before the next migration (${next})` };
  return { bases };
}

export function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const count = (seen.get(n) ?? 0) + 1;
    seen.set(n, count);
    return count === 1 ? n : /_/.test(n) ? `${n}_part_${count}` : /-/.test(n) ? `${n}-part-${count}` : `${n}Part${count}`;
  });
}
