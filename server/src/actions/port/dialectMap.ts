// Dialect translation between PostgreSQL and MySQL/MariaDB, as data: column types, defaults,
// identifier quoting, IF [NOT] EXISTS forms and online index clauses. Every rule the porter applies
// across the two families is in this file, so a reviewer can read the whole mapping in one place.
import type { Dialect } from '../../model/migration';
import type { ScaffoldDialect } from '../../patterns/types';

export type Family = 'postgres' | 'mysql';
export const familyOf = (d: Dialect): Family => (d === 'postgres' ? 'postgres' : 'mysql');

/** One type rule: the source type (lower case, quotes removed) and what it becomes; `note` says what is lost. */
interface TypeRule { from: RegExp; to: string | ((m: RegExpExecArray) => string); note?: string }

/** PostgreSQL → MySQL/MariaDB. First match wins. `$1`… are the source's parenthesised arguments. */
export const POSTGRES_TO_MYSQL: TypeRule[] = [
  { from: /^smallserial$|^serial2$/, to: 'smallint' },
  { from: /^serial$|^serial4$/, to: 'int' },
  { from: /^bigserial$|^serial8$/, to: 'bigint' },
  { from: /^(smallint|int2)$/, to: 'smallint' },
  { from: /^(integer|int|int4)$/, to: 'int' },
  { from: /^(bigint|int8)$/, to: 'bigint' },
  { from: /^(?:character varying|varchar)\((\d+)\)$/, to: 'varchar($1)' },
  { from: /^(?:character varying|varchar)$/, to: 'longtext', note: 'varchar without a length has no MySQL equivalent: longtext' },
  { from: /^(?:character|char|bpchar)\((\d+)\)$/, to: 'char($1)' },
  { from: /^(?:character|char|bpchar)$/, to: 'char(1)' },
  { from: /^text$/, to: 'longtext' },
  { from: /^citext$/, to: 'longtext', note: 'citext: MySQL compares case-insensitively under its default collations' },
  { from: /^(?:timestamptz|timestamp with time zone)(?:\((\d)\))?$/, to: (m) => `datetime(${m[1] ?? '3'})`, note: 'timestamptz: MySQL datetime keeps no time zone (store UTC)' },
  { from: /^timestamp(?:\((\d)\))?(?: without time zone)?$/, to: (m) => `datetime(${m[1] ?? '6'})` },
  { from: /^date$/, to: 'date' },
  { from: /^(?:time|time without time zone)(?:\((\d)\))?$/, to: (m) => (m[1] ? `time(${m[1]})` : 'time') },
  { from: /^(boolean|bool)$/, to: 'tinyint(1)' },
  { from: /^jsonb?$/, to: 'json' },
  { from: /^uuid$/, to: 'char(36)' },
  { from: /^(?:numeric|decimal)\((\d+)\s*,\s*(\d+)\)$/, to: 'decimal($1,$2)' },
  { from: /^(?:numeric|decimal)\((\d+)\)$/, to: 'decimal($1)' },
  { from: /^(?:numeric|decimal)$/, to: 'decimal(65,30)' },
  { from: /^(real|float4)$/, to: 'float' },
  { from: /^(double precision|float8|float)$/, to: 'double' },
  { from: /^bytea$/, to: 'longblob' },
  { from: /^inet$/, to: 'varchar(45)' },
  { from: /^.+\[\]$/, to: 'json', note: 'arrays become json' },
];

/** MySQL/MariaDB → PostgreSQL. */
export const MYSQL_TO_POSTGRES: TypeRule[] = [
  { from: /^tinyint\(1\)$|^(boolean|bool)$/, to: 'boolean' },
  { from: /^tinyint(\(\d+\))?( unsigned)?$/, to: 'smallint' },
  { from: /^smallint(\(\d+\))?$/, to: 'smallint' },
  { from: /^smallint(\(\d+\))? unsigned$/, to: 'integer' },
  { from: /^(mediumint|int|integer)(\(\d+\))?$/, to: 'integer' },
  { from: /^(mediumint|int|integer)(\(\d+\))? unsigned$/, to: 'bigint' },
  { from: /^bigint(\(\d+\))?( unsigned)?$/, to: 'bigint' },
  { from: /^varchar\((\d+)\)$/, to: 'varchar($1)' },
  { from: /^char\((\d+)\)$/, to: 'char($1)' },
  { from: /^(tinytext|text|mediumtext|longtext)$/, to: 'text' },
  { from: /^datetime(?:\((\d)\))?$/, to: (m) => `timestamp(${m[1] ?? '0'})` },
  { from: /^timestamp(?:\((\d)\))?$/, to: (m) => `timestamptz(${m[1] ?? '0'})` },
  { from: /^date$/, to: 'date' },
  { from: /^time(?:\((\d)\))?$/, to: (m) => (m[1] ? `time(${m[1]})` : 'time') },
  { from: /^json$/, to: 'jsonb' },
  { from: /^(?:decimal|numeric)\((\d+)\s*,\s*(\d+)\)$/, to: 'numeric($1,$2)' },
  { from: /^(?:decimal|numeric)(\(\d+\))?$/, to: 'numeric$1' },
  { from: /^float$/, to: 'real' },
  { from: /^(double|double precision|real)$/, to: 'double precision' },
  { from: /^(tinyblob|blob|mediumblob|longblob|binary\(\d+\)|varbinary\(\d+\))$/, to: 'bytea' },
  { from: /^year$/, to: 'smallint' },
];

/** Auto-increment integers: PostgreSQL writes them as a serial type, MySQL as the integer plus AUTO_INCREMENT. */
export const SERIAL_OF: Record<string, string> = { smallint: 'smallserial', int: 'serial', integer: 'serial', bigint: 'bigserial' };

export interface MappedType { type: string; note?: string; untranslated?: boolean }

/** The target's spelling of a source column type (family to family). */
export function mapType(type: string, from: Dialect, to: Dialect): MappedType {
  if (familyOf(from) === familyOf(to)) return { type };
  const t = type.toLowerCase().replace(/"/g, '').replace(/`/g, '').replace(/\s+/g, ' ').trim();
  for (const rule of familyOf(from) === 'postgres' ? POSTGRES_TO_MYSQL : MYSQL_TO_POSTGRES) {
    const m = rule.from.exec(t);
    if (!m) continue;
    const out = typeof rule.to === 'function' ? rule.to(m) : rule.to.replace(/\$(\d)/g, (_, i: string) => m[Number(i)] ?? '');
    return { type: out, note: rule.note };
  }
  return { type, untranslated: true };
}

/** Integer type under an auto-increment (serial) column, for the target. */
export function autoIncrementType(type: string, from: Dialect, to: Dialect): string {
  const mapped = mapType(type, from, to).type.toLowerCase().replace(/\(\d+\)$/, '');
  const base = mapped.replace(/^(smallserial|serial2)$/, 'smallint').replace(/^(serial|serial4)$/, 'int').replace(/^(bigserial|serial8)$/, 'bigint');
  if (familyOf(to) === 'postgres') return SERIAL_OF[base] ?? 'serial';
  return base === 'integer' ? 'int' : base;
}

/** Default expressions: each rule rewrites the source expression for the target family. */
const POSTGRES_DEFAULTS_TO_MYSQL: [RegExp, string][] = [
  [/^(now\(\)|current_timestamp(\(\d?\))?|localtimestamp)$/i, 'CURRENT_TIMESTAMP'],
  [/^gen_random_uuid\(\)$|^uuid_generate_v4\(\)$/i, '(UUID())'],
  [/^true$/i, '1'],
  [/^false$/i, '0'],
];
const MYSQL_DEFAULTS_TO_POSTGRES: [RegExp, string][] = [
  [/^(current_timestamp(\(\d?\))?|now\(\))$/i, 'CURRENT_TIMESTAMP'],
  [/^\(?uuid\(\)\)?$/i, 'gen_random_uuid()'],
];

export function mapDefault(expr: string, targetType: string, from: Dialect, to: Dialect): { expr?: string; untranslated?: boolean } {
  if (familyOf(from) === familyOf(to)) return { expr };
  // PostgreSQL casts (`'x'::character varying`) carry no meaning a literal does not already have.
  const e = familyOf(from) === 'postgres' ? expr.replace(/::[\w\s"]+(\([\d,\s]*\))?(\[\])?/g, '').trim() : expr.trim();
  if (/^nextval\(/i.test(e)) return {};
  for (const [re, out] of familyOf(from) === 'postgres' ? POSTGRES_DEFAULTS_TO_MYSQL : MYSQL_DEFAULTS_TO_POSTGRES) {
    if (!re.test(e)) continue;
    // MySQL wants the default's fractional precision to match the column's: datetime(3) → CURRENT_TIMESTAMP(3).
    const precision = /^(datetime|timestamp)\((\d)\)$/i.exec(targetType)?.[2];
    return { expr: out === 'CURRENT_TIMESTAMP' && familyOf(to) === 'mysql' && precision && precision !== '0' ? `CURRENT_TIMESTAMP(${precision})` : out };
  }
  if (/^tinyint\(1\)$/i.test(targetType) && /^'?(t|f|true|false)'?$/i.test(e)) return { expr: /^'?t/i.test(e) ? '1' : '0' };
  if (/^boolean$/i.test(targetType) && /^'?[01]'?$/.test(e)) return { expr: /1/.test(e) ? 'true' : 'false' };
  if (/^-?\d+(\.\d+)?$/.test(e) || /^'([^']|'')*'$/.test(e) || /^null$/i.test(e)) return { expr: e };
  return { expr: e, untranslated: true };
}

export function quoteName(name: string, d: Dialect): string {
  return familyOf(d) === 'postgres' ? `"${name.replace(/"/g, '""')}"` : `\`${name.replace(/`/g, '``')}\``;
}

/** Rewrites quoted identifiers in an expression from one family's quotes to the other's; string literals stay. */
export function requote(sql: string, from: Dialect, to: Dialect): string {
  if (familyOf(from) === familyOf(to)) return sql;
  const [open, close] = familyOf(from) === 'postgres' ? ['"', '`'] : ['`', '"'];
  let out = '';
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i];
    if (ch === "'") {
      const end = closingQuote(sql, i);
      out += sql.slice(i, end + 1);
      i = end;
      continue;
    }
    if (ch === open) {
      const end = sql.indexOf(open, i + 1);
      if (end < 0) { out += sql.slice(i); break; }
      out += close + sql.slice(i + 1, end) + close;
      i = end;
      continue;
    }
    out += ch;
  }
  return out;
}

function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') { i++; continue; }
    if (text[i] === "'") { if (text[i + 1] === "'") { i++; continue; } return i; }
  }
  return text.length - 1;
}

/** Which IF [NOT] EXISTS forms each dialect has (MySQL 8 has them for tables only). */
export const IF_EXISTS_FORMS: Record<ScaffoldDialect, { table: boolean; column: boolean; index: boolean; constraint: boolean; type: boolean }> = {
  postgres: { table: true, column: true, index: true, constraint: true, type: true },
  mariadb: { table: true, column: true, index: true, constraint: false, type: false },
  mysql: { table: true, column: false, index: false, constraint: false, type: false },
};

/** Building an index without blocking writes: PostgreSQL's CONCURRENTLY, MySQL/MariaDB's online ALTER clauses. */
export const ONLINE_INDEX = { postgres: 'CONCURRENTLY', mysql: 'ALGORITHM=INPLACE LOCK=NONE' } as const;

/** Functions a data statement may use and still run unchanged on the other family. */
export const PORTABLE_FUNCTIONS = new Set(['lower', 'upper', 'trim', 'coalesce', 'length', 'abs', 'round', 'nullif', 'replace', 'substring', 'count', 'max', 'min', 'sum', 'now']);

/** What has no equivalent on the other family, said once per construct. */
export const NO_EQUIVALENT = {
  partialIndex: 'partial index (WHERE …): MySQL/MariaDB have no partial indexes; create it as a full index only if the rows it skips allow that',
  indexMethod: (m: string) => `index method ${m}: MySQL/MariaDB have no ${m} index`,
  expressionIndex: 'index on an expression: MariaDB has none and MySQL needs functional key parts (8.0.13+); use a generated column',
  exclusion: 'exclusion constraint: MySQL/MariaDB have no EXCLUDE constraints',
  doBlock: 'DO block: MySQL/MariaDB run procedural code only inside a stored procedure; rewrite it by hand',
  extension: 'extension: MySQL/MariaDB have no extensions',
  view: 'view: its query is SQL of the source dialect; port the view by hand',
  fulltext: 'FULLTEXT index: PostgreSQL uses a GIN index over to_tsvector(…); port it by hand',
  onUpdate: 'ON UPDATE CURRENT_TIMESTAMP: PostgreSQL needs a trigger for it',
} as const;
