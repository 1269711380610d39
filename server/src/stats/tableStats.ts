// Table statistics (row estimates and sizes) as the `stats` command writes them and `check`, the editor
// and hovers read them. Pure: parsing, lookup by the name a migration uses, and the wording of a size.
import type { Dialect } from '../model/migration';

export type StatsDialect = 'postgres' | 'mysql' | 'mariadb';

export interface TableSize {
  /** The planner's row estimate; null when the server has none yet (never analysed). */
  rows: number | null;
  /** Table + indexes + TOAST on disk, in bytes; null when unknown. */
  bytes: number | null;
}

/** The stats file, version 1: `tables` keys are schema-qualified (`public.orders`, `shop.orders`). */
export interface TableStats {
  version: 1;
  dialect: StatsDialect;
  generatedAt: string;
  tables: Record<string, TableSize>;
}

export const DEFAULT_STATS_FILE = '.safe-migrations-stats.json';
export const DEFAULT_LARGE_TABLE_ROWS = 10_000;

/** Validates a parsed stats file; throws with the reason when it is not one. */
export function parseTableStats(raw: unknown): TableStats {
  const o = raw as Partial<TableStats> | null;
  if (!o || typeof o !== 'object') throw new Error('not a JSON object');
  if (o.version !== 1) throw new Error(`unsupported version ${JSON.stringify(o.version)} (expected 1)`);
  if (o.dialect !== 'postgres' && o.dialect !== 'mysql' && o.dialect !== 'mariadb') throw new Error('"dialect" must be postgres, mysql or mariadb');
  if (!o.tables || typeof o.tables !== 'object' || Array.isArray(o.tables)) throw new Error('"tables" must be an object');
  const tables: Record<string, TableSize> = {};
  const count = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null);
  for (const [name, size] of Object.entries(o.tables)) {
    if (!size || typeof size !== 'object') continue;
    tables[name] = { rows: count((size as TableSize).rows), bytes: count((size as TableSize).bytes) };
  }
  return { version: 1, dialect: o.dialect, generatedAt: String(o.generatedAt ?? ''), tables };
}

/** Stable JSON (tables sorted by name), so a committed file changes only where the numbers do. */
export function serializeTableStats(stats: TableStats): string {
  const tables: Record<string, TableSize> = {};
  for (const name of Object.keys(stats.tables).sort()) tables[name] = { rows: stats.tables[name].rows, bytes: stats.tables[name].bytes };
  return JSON.stringify({ version: 1, dialect: stats.dialect, generatedAt: stats.generatedAt, tables }, null, 2) + '\n';
}

const family = (d: Dialect | StatsDialect) => (d === 'postgres' ? 'postgres' : d === 'mysql' || d === 'mariadb' ? 'mysql' : 'other');
const unquote = (s: string) => s.trim().replace(/^["`[]|["`\]]$/g, '');

/**
 * The size of the table a migration names (`orders`, `public.orders`, `"Orders"`), or undefined when the
 * stats do not know it, belong to another database family, or an unqualified name matches tables in
 * several schemas (PostgreSQL's `public` wins there, as on the default search_path).
 */
export function lookupTableSize(stats: TableStats | undefined, table: string | undefined, dialect: Dialect): { name: string; size: TableSize } | undefined {
  if (!stats || !table || family(dialect) !== family(stats.dialect)) return undefined;
  const parts = table.split('.').map(unquote).filter(Boolean);
  if (!parts.length) return undefined;
  const wanted = parts.join('.').toLowerCase();
  const bare = parts[parts.length - 1].toLowerCase();
  const matches: string[] = [];
  for (const key of Object.keys(stats.tables)) {
    const k = key.toLowerCase();
    if (k === wanted) return { name: parts[parts.length - 1], size: stats.tables[key] };
    if (parts.length === 1 && k.slice(k.lastIndexOf('.') + 1) === bare) matches.push(key);
  }
  const pick = matches.length === 1 ? matches[0] : matches.find((k) => k.toLowerCase() === `public.${bare}`);
  return pick ? { name: parts[parts.length - 1], size: stats.tables[pick] } : undefined;
}

/** `~41 M rows`, `~52 k rows`, `50 rows`. */
export function formatRows(rows: number): string {
  const n = Math.round(rows);
  if (n < 1000) return `${n} row${n === 1 ? '' : 's'}`;
  const [value, unit] = n >= 1e9 ? [n / 1e9, 'B'] : n >= 1e6 ? [n / 1e6, 'M'] : [n / 1e3, 'k'];
  return `~${value >= 10 ? Math.round(value) : Math.round(value * 10) / 10} ${unit} rows`;
}

/** 1024-based like pg_size_pretty: `18 GB`, `8 kB`. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let value = bytes;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) { value /= 1024; i++; }
  return `${value >= 10 || i === 0 ? Math.round(value) : Math.round(value * 10) / 10} ${units[i]}`;
}

/** `orders: ~41 M rows, 18 GB` — the words findings, hovers and the PR summary use. */
export function describeTableSize(name: string, size: TableSize): string {
  const rows = size.rows === null ? 'rows not estimated' : formatRows(size.rows);
  return `${name}: ${rows}${size.bytes === null ? '' : `, ${formatBytes(size.bytes)}`}`;
}

/** The hover line: `Table size: orders: ~41 M rows, 18 GB (statistics of 2026-12-07)`, or undefined when unknown. */
export function tableSizeLine(stats: TableStats | undefined, table: string | undefined, dialect: Dialect): string | undefined {
  const hit = lookupTableSize(stats, table, dialect);
  if (!hit || !stats) return undefined;
  return `Table size: ${describeTableSize(hit.name, hit.size)}${stats.generatedAt ? ` (statistics of ${stats.generatedAt.slice(0, 10)})` : ''}`;
}
