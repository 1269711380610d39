// A throw-away schema (PostgreSQL) or database (MariaDB) named sm_e1_…, shaped like the scaffold
// matrix's cells so its runners and snapshots work on it.
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { type Options, Sequelize } from 'sequelize';
import { SequelizeStorage, Umzug } from 'umzug';
import { Client } from 'pg';
import * as mysql from 'mysql2/promise';
import { type CellDatabase, type DbDialect, MY, PG } from '../scaffold/cellDatabase';
import type { MigrationRunner } from '../scaffold/migrationRunners';

const runId = randomBytes(3).toString('hex');
let counter = 0;

export async function createSplitDatabase(dialect: DbDialect): Promise<CellDatabase> {
  const name = `sm_e1_${runId}_${++counter}`;
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

/**
 * Sequelize through umzug, as the scaffold matrix's runner does, but with the cell's schema as
 * Sequelize's default: its queryInterface API (addColumn, changeColumn…) qualifies plain table names
 * with "public" on PostgreSQL, which the scaffolds' raw SQL never meets.
 */
export async function sequelizeSchemaRunner(db: CellDatabase, files: { path: string }[]): Promise<MigrationRunner> {
  const sequelize = db.dialect === 'postgres'
    ? new Sequelize(PG.database, PG.user, '', { host: PG.host, port: PG.port, dialect: 'postgres', logging: false, schema: db.name, dialectOptions: { options: `-c search_path=${db.name}` }, pool: { max: 2 } } as Options)
    : new Sequelize(db.name, MY.user, MY.password, { host: MY.host, port: MY.port, dialect: 'mysql', logging: false, pool: { max: 2 } });
  const qi = sequelize.getQueryInterface();
  const migrations = [...files].sort((a, b) => a.path.localeCompare(b.path)).map((f) => {
    const mod = require(f.path) as { up: (q: unknown, s: unknown) => Promise<void>; down: (q: unknown, s: unknown) => Promise<void> };
    return { name: path.basename(f.path), up: () => mod.up(qi, Sequelize), down: () => mod.down(qi, Sequelize) };
  });
  const umzug = new Umzug({ migrations, context: qi, storage: new SequelizeStorage({ sequelize }), logger: undefined });
  return {
    async upAll() { await umzug.up(); },
    async downAll() { for (let i = 0; i < migrations.length; i++) await umzug.down(); },
    close: () => sequelize.close(),
  };
}
