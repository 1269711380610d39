// One throw-away schema (PostgreSQL) or database (MariaDB) per matrix cell, plus a raw client on it.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import * as mysql from 'mysql2/promise';

export type DbDialect = 'postgres' | 'mariadb';

export const PG = { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' };
export const MY = { host: '127.0.0.1', port: 3306, user: 'root', password: '' };

export interface CellDatabase {
  dialect: DbDialect;
  /** Schema (PostgreSQL) or database (MariaDB) name. */
  name: string;
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  /** Runs a multi-statement script as a client would (Prisma's migrate deploy, or `prisma db execute`). */
  script(sql: string): Promise<void>;
  close(): Promise<void>;
  drop(): Promise<void>;
}

const runId = randomBytes(3).toString('hex');
let counter = 0;

export function cellName(prefix = 'sm_scaf'): string { return `${prefix}_${runId}_${++counter}`; }

/** `prefix` names the suite's databases (each engineer's tests use their own, e.g. sm_e1). */
export async function createCellDatabase(dialect: DbDialect, prefix?: string): Promise<CellDatabase> {
  const name = cellName(prefix);
  if (dialect === 'postgres') {
    const client = new Client({ ...PG, options: `-c search_path=${name}` });
    await client.connect();
    await client.query(`CREATE SCHEMA ${name}`);
    return {
      dialect, name,
      query: async (sql, params) => (await client.query(sql, params as unknown[])).rows,
      script: async (sql) => {
        try { await client.query(sql); } catch (e) { await client.query('ROLLBACK').catch(() => undefined); throw e; }
      },
      close: () => client.end(),
      drop: async () => {
        const admin = new Client(PG);
        await admin.connect();
        try { await admin.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`); } finally { await admin.end(); }
      },
    };
  }
  const admin = await mysql.createConnection(MY);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const conn = await mysql.createConnection({ ...MY, database: name, multipleStatements: true, dateStrings: true });
  return {
    dialect, name,
    query: async (sql, params) => (await conn.query(sql, params))[0] as Record<string, unknown>[],
    script: async (sql) => { await conn.query(sql); },
    close: () => conn.end(),
    drop: async () => {
      const a = await mysql.createConnection(MY);
      try { await a.query(`DROP DATABASE IF EXISTS ${name}`); } finally { await a.end(); }
    },
  };
}
