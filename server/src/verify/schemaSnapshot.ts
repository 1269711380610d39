// Reads the scratch database's catalogs into a SchemaSnapshot (I/O); the comparison is in schemaDiff.ts.
import type { Row, ScratchDatabase } from './scratchDatabase';

export interface ColumnShape { type: string; nullable: boolean; default: string | null }

export interface SchemaSnapshot {
  tables: string[];
  /** "table.column" → shape */
  columns: Record<string, ColumnShape>;
  /** "table.index" → definition */
  indexes: Record<string, string>;
  /** "table.constraint" → definition */
  constraints: Record<string, string>;
  /** enum type → labels in order (PostgreSQL) */
  enums: Record<string, string[]>;
  /** view → definition */
  views: Record<string, string>;
}

/** Tables the migration tools keep their own records in: never part of the compared schema. */
export const BOOKKEEPING_TABLES = new Set(['migrations', 'typeorm_metadata', 'SequelizeMeta', 'SequelizeData', '_prisma_migrations', 'schema_migrations']);

const PG_USER_SCHEMAS = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'`;
/** Qualified only outside `public`, so messages read naturally. */
const PG_NAME = (schema: string, rel: string) => `CASE WHEN ${schema} = 'public' THEN ${rel} ELSE ${schema} || '.' || ${rel} END`;

export async function takeSnapshot(db: ScratchDatabase, bookkeeping: Set<string> = BOOKKEEPING_TABLES): Promise<SchemaSnapshot> {
  const snap = db.dialect === 'postgres' ? await postgresSnapshot(db) : await mysqlSnapshot(db);
  const keep = (key: string) => !bookkeeping.has(key.split('.').slice(-2, -1)[0] ?? key);
  return {
    tables: snap.tables.filter((t) => !bookkeeping.has(t.split('.').pop()!)),
    columns: filterKeys(snap.columns, keep),
    indexes: filterKeys(snap.indexes, keep),
    constraints: filterKeys(snap.constraints, keep),
    enums: snap.enums,
    views: snap.views,
  };
}

function filterKeys<T>(record: Record<string, T>, keep: (key: string) => boolean): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => keep(k)));
}

async function postgresSnapshot(db: ScratchDatabase): Promise<SchemaSnapshot> {
  const tables = await db.query(`SELECT ${PG_NAME('n.nspname', 'c.relname')} AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p') AND ${PG_USER_SCHEMAS} ORDER BY 1`);
  const columns = await db.query(`SELECT ${PG_NAME('n.nspname', 'c.relname')} AS t, a.attname AS col, format_type(a.atttypid, a.atttypmod) AS type,
      NOT a.attnotnull AS nullable, pg_get_expr(d.adbin, d.adrelid) AS def, a.attidentity AS ident, a.attgenerated AS gen
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND ${PG_USER_SCHEMAS}`);
  const indexes = await db.query(`SELECT ${PG_NAME('i.schemaname', 'i.tablename')} AS t, i.indexname AS name, i.indexdef AS def
    FROM pg_indexes i WHERE i.schemaname NOT IN ('pg_catalog', 'information_schema')`);
  const constraints = await db.query(`SELECT ${PG_NAME('n.nspname', 't.relname')} AS t, c.conname AS name,
      pg_get_constraintdef(c.oid) || CASE WHEN c.convalidated THEN '' ELSE ' (not validated)' END AS def
    FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace WHERE ${PG_USER_SCHEMAS}`);
  const enums = await db.query(`SELECT ${PG_NAME('n.nspname', 't.typname')} AS name, e.enumlabel AS label
    FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE ${PG_USER_SCHEMAS} ORDER BY 1, e.enumsortorder`);
  const views = await db.query(`SELECT ${PG_NAME('n.nspname', 'c.relname')} AS name, CASE c.relkind WHEN 'm' THEN 'materialized ' ELSE '' END || pg_get_viewdef(c.oid) AS def
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('v', 'm') AND ${PG_USER_SCHEMAS}`);
  const pgColumnDefault = (r: Row) => r.ident ? `generated ${r.ident === 'a' ? 'always' : 'by default'} as identity`
    : r.gen === 's' ? `generated always as (${String(r.def)}) stored` : r.def === null ? null : String(r.def);
  return {
    tables: tables.map((r) => String(r.name)),
    columns: Object.fromEntries(columns.map((r) => [`${r.t}.${r.col}`, { type: String(r.type), nullable: r.nullable === true, default: pgColumnDefault(r) }])),
    indexes: Object.fromEntries(indexes.map((r) => [`${r.t}.${r.name}`, String(r.def)])),
    constraints: Object.fromEntries(constraints.map((r) => [`${r.t}.${r.name}`, String(r.def)])),
    enums: groupLabels(enums),
    views: Object.fromEntries(views.map((r) => [String(r.name), String(r.def).trim()])),
  };
}

function groupLabels(rows: Row[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of rows) (out[String(r.name)] ??= []).push(String(r.label));
  return out;
}

async function mysqlSnapshot(db: ScratchDatabase): Promise<SchemaSnapshot> {
  const tables = await db.query(`SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY 1`);
  const columns = await db.query(`SELECT TABLE_NAME AS t, COLUMN_NAME AS col, COLUMN_TYPE AS type, IS_NULLABLE AS nullable, COLUMN_DEFAULT AS def, EXTRA AS extra
    FROM information_schema.COLUMNS c WHERE TABLE_SCHEMA = DATABASE() AND EXISTS (SELECT 1 FROM information_schema.TABLES x
      WHERE x.TABLE_SCHEMA = c.TABLE_SCHEMA AND x.TABLE_NAME = c.TABLE_NAME AND x.TABLE_TYPE = 'BASE TABLE')`);
  const indexes = await db.query(`SELECT TABLE_NAME AS t, INDEX_NAME AS name, MAX(NON_UNIQUE) AS non_unique, MAX(INDEX_TYPE) AS method,
      GROUP_CONCAT(CONCAT(COALESCE(COLUMN_NAME, '(expression)'), IF(SUB_PART IS NULL, '', CONCAT('(', SUB_PART, ')'))) ORDER BY SEQ_IN_INDEX SEPARATOR ', ') AS cols
    FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() GROUP BY TABLE_NAME, INDEX_NAME`);
  const constraints = await db.query(`SELECT tc.TABLE_NAME AS t, tc.CONSTRAINT_NAME AS name, tc.CONSTRAINT_TYPE AS type,
      (SELECT GROUP_CONCAT(k.COLUMN_NAME ORDER BY k.ORDINAL_POSITION SEPARATOR ', ') FROM information_schema.KEY_COLUMN_USAGE k
        WHERE k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND k.TABLE_NAME = tc.TABLE_NAME AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME) AS cols,
      (SELECT CONCAT(MAX(k.REFERENCED_TABLE_NAME), '(', GROUP_CONCAT(k.REFERENCED_COLUMN_NAME ORDER BY k.ORDINAL_POSITION SEPARATOR ', '), ')') FROM information_schema.KEY_COLUMN_USAGE k
        WHERE k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND k.TABLE_NAME = tc.TABLE_NAME AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME AND k.REFERENCED_TABLE_NAME IS NOT NULL) AS refs,
      (SELECT CONCAT(r.UPDATE_RULE, '/', r.DELETE_RULE) FROM information_schema.REFERENTIAL_CONSTRAINTS r
        WHERE r.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND r.TABLE_NAME = tc.TABLE_NAME AND r.CONSTRAINT_NAME = tc.CONSTRAINT_NAME) AS rules,
      (SELECT MAX(c.CHECK_CLAUSE) FROM information_schema.CHECK_CONSTRAINTS c
        WHERE c.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND c.CONSTRAINT_NAME = tc.CONSTRAINT_NAME) AS check_clause
    FROM information_schema.TABLE_CONSTRAINTS tc WHERE tc.CONSTRAINT_SCHEMA = DATABASE()`);
  const views = await db.query(`SELECT TABLE_NAME AS name, VIEW_DEFINITION AS def FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE()`);
  const constraintDef = (r: Row) => r.type === 'FOREIGN KEY' ? `FOREIGN KEY (${r.cols}) REFERENCES ${r.refs} ON UPDATE/DELETE ${r.rules}`
    : r.type === 'CHECK' ? `CHECK ${r.check_clause}` : `${r.type} (${r.cols})`;
  return {
    tables: tables.map((r) => String(r.name)),
    columns: Object.fromEntries(columns.map((r) => [`${r.t}.${r.col}`, {
      type: String(r.type) + (r.extra ? ` ${String(r.extra)}` : ''), nullable: r.nullable === 'YES', default: r.def === null || r.def === undefined ? null : String(r.def),
    }])),
    indexes: Object.fromEntries(indexes.map((r) => [`${r.t}.${r.name}`, `${Number(r.non_unique) ? '' : 'UNIQUE '}${r.method} (${r.cols})`])),
    constraints: Object.fromEntries(constraints.map((r) => [`${r.t}.${r.name}`, constraintDef(r)])),
    enums: {},
    views: Object.fromEntries(views.map((r) => [String(r.name), String(r.def)])),
  };
}

export type DataSnapshot = Record<string, string[]>;

/** Every row of every (non-bookkeeping) table, as sorted JSON lines: what a down must keep. */
export async function takeDataSnapshot(db: ScratchDatabase, tables: string[], limit = 10_000): Promise<DataSnapshot> {
  const out: DataSnapshot = {};
  for (const t of tables) {
    const quoted = db.dialect === 'postgres' ? t.split('.').map((p) => `"${p}"`).join('.') : `\`${t}\``;
    const rows = await db.query(`SELECT * FROM ${quoted} LIMIT ${limit}`);
    out[t] = rows.map((r) => JSON.stringify(Object.fromEntries(Object.keys(r).sort().map((k) => [k, r[k] instanceof Date ? (r[k] as Date).toISOString() : r[k] === undefined ? null : typeof r[k] === 'bigint' ? String(r[k]) : r[k]])))).sort();
  }
  return out;
}
