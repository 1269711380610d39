// Small predicates over operations shared by rules, hovers and the knowledge tables.
import type { ColumnSpec, Operation } from '../model/migration';

const STABLE_FUNCTIONS = /^(now|current_timestamp|current_date|current_time|localtimestamp|localtime|transaction_timestamp|statement_timestamp)\s*(\(\s*\))?$/i;
const VOLATILE_FUNCTIONS = /\b(random|gen_random_uuid|uuid_generate_v[14]|uuid_generate_v1mc|uuid|uuid_short|clock_timestamp|timeofday|nextval|rand|sysdate)\s*\(/i;

/** A default PostgreSQL 11+ cannot store in the catalog: it would rewrite the table on ADD COLUMN. */
export function isVolatileDefault(expr: string | undefined): boolean {
  if (!expr) return false;
  const e = expr.trim();
  if (STABLE_FUNCTIONS.test(e)) return false;
  return VOLATILE_FUNCTIONS.test(e);
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
  if (/^VACUUM\b[^;]*\bFULL\b/.test(t) || /^VACUUM\s*\([^)]*\bFULL\b/.test(t)) return 'vacuumFull';
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
