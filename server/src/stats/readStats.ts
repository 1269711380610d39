// Reads table statistics from a live server in a read-only session with short timeouts, through the
// project's own driver (pg / mysql2), so that production or a replica can be asked without risk.
import type { DatabaseTarget } from '../verify/databaseUrl';
import { describeTarget } from '../verify/databaseUrl';
import { requireFromProject } from '../verify/workspacePackages';
import type { StatsDialect, TableSize, TableStats } from './tableStats';

type ServerTarget = Extract<DatabaseTarget, { kind: 'server' }>;
type Row = Record<string, unknown>;

/** A connection that cannot write: every statement runs read-only and under a statement timeout. */
export interface ReadOnlySession {
  dialect: StatsDialect;
  /** The server, password hidden. */
  label: string;
  query(sql: string): Promise<Row[]>;
  close(): Promise<void>;
}

export interface SessionOptions {
  /** Where `pg` / `mysql2` are resolved from (the project's own driver). */
  projectRoot: string;
  /** Per statement; default 10 s. Catalog reads take milliseconds, a busy server should not hold us. */
  statementTimeoutMs?: number;
}

export class StatsConnectionError extends Error {}

const DEFAULT_TIMEOUT_MS = 10_000;

export async function openReadOnlySession(target: ServerTarget, options: SessionOptions): Promise<ReadOnlySession> {
  return target.dialect === 'postgres' ? openPostgres(target, options) : openMysql(target, options);
}

interface PgClient { connect(): Promise<void>; query(sql: string): Promise<{ rows: Row[] }>; end(): Promise<void>; on(e: string, f: () => void): void }

function sslOption(target: ServerTarget): object | undefined {
  const mode = target.params.get('sslmode') ?? (target.params.get('ssl') === 'true' ? 'require' : undefined);
  if (!mode || mode === 'disable' || mode === 'prefer' || mode === 'allow') return undefined;
  return { rejectUnauthorized: mode.startsWith('verify') };
}

async function openPostgres(target: ServerTarget, options: SessionOptions): Promise<ReadOnlySession> {
  const pg = requireFromProject<{ Client: new (o: object) => PgClient }>('pg', options.projectRoot, 'Reading PostgreSQL statistics');
  const client = new pg.Client({ host: target.host, port: target.port, user: target.user, password: target.password, database: target.database ?? 'postgres', ssl: sslOption(target), application_name: 'safe-migrations stats' });
  client.on('error', () => undefined);
  try { await client.connect(); } catch (e) { throw new StatsConnectionError(`cannot connect to ${describeTarget(target)}: ${(e as Error).message}`); }
  const timeout = options.statementTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  // Every later transaction (and autocommit statement) is read-only; pg_total_relation_size takes an
  // ACCESS SHARE lock, so a migration holding ACCESS EXCLUSIVE must not keep us waiting either.
  await client.query(`SET default_transaction_read_only = on; SET statement_timeout = ${Math.round(timeout)}; SET lock_timeout = ${Math.round(Math.min(timeout, 2000))}`);
  return {
    dialect: 'postgres', label: describeTarget(target),
    query: async (sql) => (await client.query(sql)).rows,
    close: () => client.end(),
  };
}

interface MysqlConnection { query(sql: string): Promise<[unknown, unknown]>; end(): Promise<void>; on(e: string, f: () => void): void }

async function openMysql(target: ServerTarget, options: SessionOptions): Promise<ReadOnlySession> {
  const mysql = requireFromProject<{ createConnection(o: object): Promise<MysqlConnection> }>('mysql2/promise', options.projectRoot, 'Reading MySQL/MariaDB statistics');
  let conn: MysqlConnection;
  try {
    conn = await mysql.createConnection({ host: target.host, port: target.port, user: target.user, password: target.password, database: target.database, ssl: sslOption(target) });
  } catch (e) { throw new StatsConnectionError(`cannot connect to ${describeTarget(target)}: ${(e as Error).message}`); }
  conn.on('error', () => undefined);
  const version = String(((await conn.query('SELECT VERSION() AS v'))[0] as Row[])[0].v);
  const mariadb = /mariadb/i.test(version);
  const timeout = options.statementTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  try {
    await conn.query('SET SESSION TRANSACTION READ ONLY');
    // MariaDB counts seconds for every statement, MySQL milliseconds for SELECTs.
    await conn.query(mariadb ? `SET SESSION max_statement_time = ${timeout / 1000}` : `SET SESSION max_execution_time = ${Math.round(timeout)}`);
    // MySQL 8 caches information_schema.TABLES figures for a day by default; MariaDB has no such cache.
    if (!mariadb) await conn.query('SET SESSION information_schema_stats_expiry = 0').catch(() => undefined);
  } catch (e) {
    await conn.end().catch(() => undefined);
    throw new StatsConnectionError(`cannot make the session on ${describeTarget(target)} read-only: ${(e as Error).message}`);
  }
  return {
    dialect: mariadb ? 'mariadb' : 'mysql', label: describeTarget(target),
    query: async (sql) => (await conn.query(sql))[0] as Row[],
    close: () => conn.end(),
  };
}

const POSTGRES_SIZED = `
SELECT c.oid, c.relkind, n.nspname AS schema_name, c.relname AS table_name,
  -- reltuples is -1 (PostgreSQL 14+) or 0 before the first ANALYZE: then the live-tuple counter speaks.
  CASE WHEN c.reltuples > 0 THEN c.reltuples::float8 ELSE coalesce(s.n_live_tup::float8, nullif(c.reltuples, -1)::float8) END AS row_count,
  pg_total_relation_size(c.oid)::float8 AS bytes
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
WHERE c.relkind IN ('r', 'p', 'm')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'`;

/** A partitioned table has no storage of its own: its size is its leaf partitions' (pg_partition_tree, PostgreSQL 12+). */
const POSTGRES_TABLES = `
WITH sized AS (${POSTGRES_SIZED})
SELECT schema_name, table_name,
  CASE WHEN relkind = 'p' THEN coalesce((SELECT sum(l.row_count) FROM pg_partition_tree(sized.oid) t JOIN sized l ON l.oid = t.relid WHERE t.isleaf), row_count) ELSE row_count END AS row_count,
  CASE WHEN relkind = 'p' THEN coalesce((SELECT sum(l.bytes) FROM pg_partition_tree(sized.oid) t JOIN sized l ON l.oid = t.relid WHERE t.isleaf), bytes) ELSE bytes END AS bytes
FROM sized`;

const MYSQL_TABLES = `
SELECT TABLE_SCHEMA AS schema_name, TABLE_NAME AS table_name, TABLE_ROWS AS row_count, DATA_LENGTH + INDEX_LENGTH AS bytes
FROM information_schema.TABLES
WHERE TABLE_TYPE = 'BASE TABLE'
  AND TABLE_SCHEMA NOT IN ('mysql', 'information_schema', 'performance_schema', 'sys')`;

/** Row estimates and sizes of every user table the session sees (MySQL: the URL's database, else all). */
export async function readTableStats(session: ReadOnlySession, now: Date = new Date()): Promise<TableStats> {
  const rows = session.dialect === 'postgres'
    ? await session.query(Number((await session.query('SHOW server_version_num'))[0].server_version_num) >= 120000 ? POSTGRES_TABLES : POSTGRES_SIZED)
    : await inReadOnlyTransaction(session, `${MYSQL_TABLES} AND (DATABASE() IS NULL OR TABLE_SCHEMA = DATABASE())`);
  const count = (v: unknown) => (v === null || v === undefined || Number.isNaN(Number(v)) ? null : Math.max(0, Math.round(Number(v))));
  const tables: Record<string, TableSize> = {};
  for (const r of rows) tables[`${r.schema_name}.${r.table_name}`] = { rows: count(r.row_count), bytes: count(r.bytes) };
  return { version: 1, dialect: session.dialect, generatedAt: now.toISOString(), tables };
}

async function inReadOnlyTransaction(session: ReadOnlySession, sql: string): Promise<Row[]> {
  await session.query('START TRANSACTION READ ONLY');
  try { return await session.query(sql); } finally { await session.query('COMMIT').catch(() => undefined); }
}

/** Opens a read-only session on the URL's server, reads the statistics and closes it. */
export async function readTableStatsFrom(target: ServerTarget, options: SessionOptions): Promise<TableStats> {
  const session = await openReadOnlySession(target, options);
  try { return await readTableStats(session); } finally { await session.close().catch(() => undefined); }
}
