// Small predicates over operations shared by rules, hovers and the knowledge tables.
import type { ColumnSpec, Operation } from '../model/migration';

const STABLE_FUNCTIONS = /^(now|current_timestamp|current_date|current_time|localtimestamp|localtime|transaction_timestamp|statement_timestamp)\s*(\(\s*\))?$/i;
const VOLATILE_FUNCTIONS = /\b(random|gen_random_uuid|uuid_generate_v[14]|uuid_generate_v1mc|uuid|uuid_short|clock_timestamp|timeofday|nextval|rand|sysdate)\s*\(/i;

/** A default PostgreSQL 11+ cannot store in the catalog: it would rewrite the table on ADD COLUMN. */
export function isVolatileDefault(expr: string | undefined): boolean {
  if (!expr) return false;
  const e = expr.trim();
  if (STABLE_FUNCTIONS.test(e)) return false;
  return VOLATILE_FUNCTIONS.test(e) || unknownFunctionsIn(e).length > 0;
}

// Built-in functions (and call-like syntax, and type names with modifiers) that are STABLE or IMMUTABLE: a default
// calling only these is stored in the catalog. Any other function is not a PostgreSQL built-in, and CREATE FUNCTION
// makes a function VOLATILE unless it says otherwise.
const NON_VOLATILE_CALLS = new Set((
  'now current_timestamp current_date current_time localtimestamp localtime transaction_timestamp statement_timestamp '
  + 'timezone date_trunc date_part extract to_char to_date to_timestamp to_number make_date make_time make_timestamp make_timestamptz make_interval age justify_days justify_hours justify_interval isfinite '
  + 'cast coalesce nullif greatest least row array position substring overlay trim collation for '
  + 'lower upper initcap length char_length octet_length concat concat_ws replace left right lpad rpad btrim ltrim rtrim split_part repeat reverse strpos format md5 sha256 sha512 encode decode translate quote_ident quote_literal chr ascii regexp_replace '
  + 'abs ceil ceiling floor round trunc mod power sqrt exp ln log sign div pi width_bucket '
  + 'to_json to_jsonb json_build_object jsonb_build_object json_build_array jsonb_build_array json_object jsonb_object jsonb_set array_to_json row_to_json '
  + 'array_fill array_length array_append array_prepend array_cat string_to_array array_to_string cardinality '
  + 'current_setting current_schema current_schemas current_database current_user session_user current_role user version pg_backend_pid txid_current_if_assigned '
  + 'int4range int8range numrange tsrange tstzrange daterange to_tsvector to_tsquery setweight inet cidr host uuid_nil uuid_ns_dns uuid_ns_url uuid_ns_oid uuid_ns_x500 '
  + 'varchar character char bpchar numeric decimal bit varbit timestamp timestamptz time timetz interval float real double precision'
).split(' '));

/** Functions a default calls that are neither known built-ins nor known volatile ones (user or extension functions). */
export function unknownFunctionsIn(expr: string): string[] {
  const code = expr.replace(/'(?:[^']|'')*'/g, "''");
  const names = [...code.matchAll(/(?:"?([a-z_][\w$]*)"?\s*\.\s*)?"?([a-z_][\w$]*)"?\s*\(/gi)]
    .filter((m) => !m[1] || m[1].toLowerCase() !== 'pg_catalog' || !NON_VOLATILE_CALLS.has(m[2].toLowerCase()))
    .map((m) => (m[1] ? `${m[1]}.${m[2]}` : m[2]).toLowerCase());
  return names.filter((n) => !NON_VOLATILE_CALLS.has(n) && !VOLATILE_FUNCTIONS.test(`${n}(`));
}

/** A default that is not a plain literal (MySQL/MariaDB expression defaults). */
export function isExpressionDefault(expr: string | undefined): boolean {
  if (!expr) return false;
  const e = expr.trim().replace(/::[\w ]+(\(\d+(,\s*\d+)?\))?$/, '');
  if (/^'([^']|'')*'$/.test(e) || /^-?\d+(\.\d+)?$/.test(e) || /^(true|false|null)$/i.test(e)) return false;
  if (STABLE_FUNCTIONS.test(e)) return false;
  return true;
}

export function isSerialType(type: string | undefined): boolean {
  return !!type && /^(small|big)?serial\d?$|^serial[248]$/.test(type.trim().toLowerCase());
}

export function baseType(type: string | undefined): string {
  return (type ?? '').toLowerCase().replace(/\s*\(.*\)\s*/, '').replace(/\s+/g, ' ').trim();
}

/** Length argument of varchar(n)/char(n), if any. */
export function typeLength(type: string | undefined): number | undefined {
  const m = /\(\s*(\d+)/.exec(type ?? '');
  return m ? parseInt(m[1], 10) : undefined;
}

export function isVarchar(type: string | undefined): boolean {
  return /^(varchar|character varying|nvarchar|national varchar)$/.test(baseType(type));
}

export function isNotNullWithoutDefault(spec: ColumnSpec | undefined): boolean {
  return !!spec && spec.nullable === false && spec.default === undefined && !spec.generated && !spec.autoIncrement && !isSerialType(spec.type);
}

/** Text-level checks for raw statements the model does not name a kind for. */
export function rawStatementKind(op: Operation): string | undefined {
  if (op.kind !== 'rawSql' && op.kind !== 'unknown') return undefined;
  const t = op.text.replace(/^\s*(\/\*[\s\S]*?\*\/|--[^\n]*\n)\s*/g, '').trim().toUpperCase();
  const s = (op.statement ?? '').toUpperCase();
  if (/^TRUNCATE\b/.test(t) || s.includes('TRUNCATE')) return 'truncate';
  if (/^REINDEX\b/.test(t) || s.includes('REINDEX')) return /\bCONCURRENTLY\b/.test(t) ? 'reindexConcurrently' : 'reindex';
  // VACUUM FULL, VACUUM (FULL), VACUUM (FULL true) — not VACUUM (FULL false).
  if (/^VACUUM\b[^;(]*\bFULL\b/.test(t) || /^VACUUM\s*\([^)]*\bFULL\b(?!\s+(FALSE|OFF|0)\b)/.test(t)) return 'vacuumFull';
  if (/^CLUSTER\b/.test(t)) return 'cluster';
  if (/^OPTIMIZE\s+TABLE\b/.test(t) || /^ALTER\s+TABLE\b.*\bFORCE\b/.test(t)) return 'optimizeTable';
  if (/^REFRESH\s+MATERIALIZED\s+VIEW\b/.test(t)) return /\bCONCURRENTLY\b/.test(t) ? 'refreshMatViewConcurrently' : 'refreshMatView';
  if (/\bDETACH\s+PARTITION\b/.test(t)) return /\bCONCURRENTLY\b|\bFINALIZE\b/.test(t) ? 'detachPartitionConcurrently' : 'detachPartition';
  if (/^DROP\s+(SCHEMA|DATABASE)\b/.test(t) || /DROPDB|DROPSCHEMA/.test(s)) return 'dropSchema';
  if (/^(CREATE|DROP)\s+TRIGGER\b/.test(t) || /\b(ENABLE|DISABLE)\s+TRIGGER\b/.test(t)) return 'trigger';
  if (/^ALTER\s+TYPE\b.*\bRENAME\s+VALUE\b/.test(t)) return 'renameEnumValue';
  return undefined;
}

/** Is this a TRUNCATE, whichever way the reader classified it. */
export function isTruncate(op: Operation): boolean {
  return rawStatementKind(op) === 'truncate' || (op.kind === 'delete' && /^\s*TRUNCATE\b/i.test(op.text));
}

/** `CREATE DOMAIN [IF NOT EXISTS] name [AS] type …` (PostgreSQL): the domain's name as written and its base type. */
export function createDomainOf(sql: string): { name: string; baseType?: string } | undefined {
  const d = /^\s*CREATE\s+DOMAIN\s+(?:IF\s+NOT\s+EXISTS\s+)?((?:"[^"]+"|[\w$]+)(?:\.(?:"[^"]+"|[\w$]+))?)(?:\s+(?:AS\s+)?([a-z][\w ]*?(?:\([^)]*\))?)(?=\s+(?:COLLATE|DEFAULT|CONSTRAINT|NOT|NULL|CHECK)\b|\s*;?\s*$))?/i.exec(sql);
  return d ? { name: d[1], ...(d[2] ? { baseType: d[2].trim() } : {}) } : undefined;
}
