// The schema as the catalogs describe it (tables, columns, types, nullability, defaults, indexes,
// constraints) and the seed tables' rows, in a form two states can be compared with deepEqual.
import type { CellDatabase } from './cellDatabase';

const BOOKKEEPING = new Set(['migrations', 'SequelizeMeta']);
const SEED_TABLES = ['people', 'teams'];

export interface Snapshot { schema: Record<string, unknown[]>; data: Record<string, unknown[]> }

function normalise(rows: Record<string, unknown>[]): unknown[] {
  return rows.map((row) => Object.fromEntries(Object.keys(row).sort().map((k) => [k.toLowerCase(), row[k] === null || row[k] === undefined ? null : String(row[k])])));
}

export async function tableNames(db: CellDatabase): Promise<string[]> {
  const rows = db.dialect === 'postgres'
    ? await db.query('SELECT table_name AS t FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1', [db.name])
    : await db.query('SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY 1', [db.name]);
  return rows.map((r) => String(r.t)).filter((t) => !BOOKKEEPING.has(t));
}

export async function rowsOf(db: CellDatabase, table: string): Promise<unknown[]> {
  const q = db.dialect === 'postgres' ? `"${table}"` : `\`${table}\``;
  return normalise(await db.query(`SELECT * FROM ${q} ORDER BY 1`));
}

export async function snapshot(db: CellDatabase): Promise<Snapshot> {
  const tables = await tableNames(db);
  const keep = (rows: Record<string, unknown>[]) => normalise(rows.filter((r) => !BOOKKEEPING.has(String(r.table_name ?? r.TABLE_NAME))));
  const schema: Record<string, unknown[]> = { tables };
  if (db.dialect === 'postgres') {
    const s = [db.name];
    schema.columns = keep(await db.query(`SELECT table_name, column_name, data_type, character_maximum_length, numeric_precision, is_nullable, column_default, is_identity
      FROM information_schema.columns WHERE table_schema = $1 ORDER BY table_name, column_name`, s));
    schema.indexes = keep(await db.query('SELECT tablename AS table_name, indexname, indexdef FROM pg_indexes WHERE schemaname = $1 ORDER BY 1, 2', s));
    schema.constraints = keep(await db.query(`SELECT t.relname AS table_name, c.conname, c.contype, pg_get_constraintdef(c.oid) AS def, c.convalidated
      FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = $1 ORDER BY 1, 2`, s));
  } else {
    const s = [db.name];
    schema.columns = keep(await db.query(`SELECT TABLE_NAME AS table_name, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA
      FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY 1, 2`, s));
    schema.indexes = keep(await db.query(`SELECT TABLE_NAME AS table_name, INDEX_NAME, SEQ_IN_INDEX, COLUMN_NAME, NON_UNIQUE
      FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? ORDER BY 1, 2, 3`, s));
    schema.constraints = keep(await db.query(`SELECT TABLE_NAME AS table_name, CONSTRAINT_NAME, CONSTRAINT_TYPE
      FROM information_schema.TABLE_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? ORDER BY 1, 2`, s));
    schema.foreignKeys = keep(await db.query(`SELECT TABLE_NAME AS table_name, CONSTRAINT_NAME, REFERENCED_TABLE_NAME, UPDATE_RULE, DELETE_RULE
      FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? ORDER BY 1, 2`, s));
    schema.checks = keep(await db.query(`SELECT TABLE_NAME AS table_name, CONSTRAINT_NAME, CHECK_CLAUSE
      FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? ORDER BY 1, 2`, s));
  }
  const data: Record<string, unknown[]> = {};
  for (const t of SEED_TABLES) if (tables.includes(t)) data[t] = await rowsOf(db, t);
  return { schema, data };
}
