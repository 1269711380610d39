// The real runners over generated files: TypeORM DataSource, Sequelize through umzug, and Prisma's
// SQL applied the way `migrate deploy` / `db execute` would (the Prisma CLI cannot migrate here).
import 'reflect-metadata';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource, type MigrationInterface } from 'typeorm';
import { Sequelize } from 'sequelize';
import { SequelizeStorage, Umzug } from 'umzug';
import type { ScaffoldFile } from '../../../server/src/patterns/types';
import { type CellDatabase, MY, PG } from './cellDatabase';

export interface MigrationRunner {
  /** Applies every pending phase in order. failFirstAttempt: each phase fails once right after its up ran, then is run again. */
  upAll(failFirstAttempt: boolean): Promise<void>;
  /** Undoes every phase, newest first. */
  downAll(): Promise<void>;
  close(): Promise<void>;
}

export class InjectedFailure extends Error {
  constructor() { super('injected failure after the up steps ran'); }
}

function isInjected(error: unknown): boolean {
  for (let e = error as { cause?: unknown; message?: string } | undefined; e; e = e.cause as typeof e) {
    if (e instanceof InjectedFailure || /injected failure|sm_injected_failure/.test(String(e.message))) return true;
  }
  return false;
}

async function retryingInjected(run: () => Promise<void>, maxAttempts: number): Promise<number> {
  let failures = 0;
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    try { await run(); return failures; } catch (e) {
      if (!isInjected(e)) throw e;
      failures++;
    }
  }
  throw new Error('migrations kept failing');
}

function sorted(files: ScaffoldFile[]): ScaffoldFile[] {
  return [...files].sort((a, b) => a.path.localeCompare(b.path));
}

export async function typeormRunner(db: CellDatabase, files: ScaffoldFile[]): Promise<MigrationRunner> {
  const classes = sorted(files).map((f) => {
    const mod = require(f.path) as Record<string, new () => MigrationInterface> | (new () => MigrationInterface);
    return typeof mod === 'function' ? mod : Object.values(mod)[0];
  });
  const ds = new DataSource(db.dialect === 'postgres'
    ? { type: 'postgres', host: PG.host, port: PG.port, username: PG.user, database: PG.database, schema: db.name, extra: { options: `-c search_path=${db.name}`, max: 2 }, migrations: classes, migrationsTransactionMode: 'each', logging: false }
    : { type: 'mariadb', host: MY.host, port: MY.port, username: MY.user, password: MY.password, database: db.name, extra: { connectionLimit: 2 }, migrations: classes, migrationsTransactionMode: 'each', logging: false });
  await ds.initialize();
  return {
    async upAll(failFirstAttempt) {
      if (failFirstAttempt) {
        for (const m of ds.migrations) {
          const up = m.up.bind(m);
          let failed = false;
          m.up = async (qr) => { await up(qr); if (!failed) { failed = true; throw new InjectedFailure(); } };
        }
      }
      const failures = await retryingInjected(async () => { await ds.runMigrations({ transaction: 'each' }); }, classes.length + 1);
      if (failFirstAttempt && failures !== classes.length) throw new Error(`expected ${classes.length} injected failures, saw ${failures}`);
      if (failFirstAttempt) for (const m of ds.migrations) delete (m as { up?: unknown }).up;
    },
    async downAll() { for (let i = 0; i < classes.length; i++) await ds.undoLastMigration({ transaction: 'each' }); },
    close: () => ds.destroy(),
  };
}

export async function sequelizeRunner(db: CellDatabase, files: ScaffoldFile[]): Promise<MigrationRunner> {
  const sequelize = db.dialect === 'postgres'
    ? new Sequelize(PG.database, PG.user, '', { host: PG.host, port: PG.port, dialect: 'postgres', logging: false, dialectOptions: { options: `-c search_path=${db.name}` }, pool: { max: 2 } })
    : new Sequelize(db.name, MY.user, MY.password, { host: MY.host, port: MY.port, dialect: 'mysql', logging: false, pool: { max: 2 } });
  const qi = sequelize.getQueryInterface();
  const failOnce = new Set<string>();
  const migrations = sorted(files).map((f) => {
    const mod = require(f.path) as { up: (q: unknown, s: unknown) => Promise<void>; down: (q: unknown, s: unknown) => Promise<void> };
    const name = path.basename(f.path);
    return {
      name,
      up: async () => { await mod.up(qi, Sequelize); if (failOnce.delete(name)) throw new InjectedFailure(); },
      down: async () => { await mod.down(qi, Sequelize); },
    };
  });
  const umzug = new Umzug({ migrations, context: qi, storage: new SequelizeStorage({ sequelize }), logger: undefined });
  return {
    async upAll(failFirstAttempt) {
      if (failFirstAttempt) for (const m of migrations) failOnce.add(m.name);
      const failures = await retryingInjected(async () => { await umzug.up(); }, migrations.length + 1);
      if (failFirstAttempt && failures !== migrations.length) throw new Error(`expected ${migrations.length} injected failures, saw ${failures}`);
    },
    async downAll() { for (let i = 0; i < migrations.length; i++) await umzug.down(); },
    close: () => sequelize.close(),
  };
}

export async function prismaRunner(db: CellDatabase, files: ScaffoldFile[]): Promise<MigrationRunner> {
  const folders = [...new Set(files.map((f) => path.dirname(f.path)))].sort();
  const read = (folder: string, file: string) => fs.readFileSync(path.join(folder, file), 'utf8');
  return {
    async upAll(failFirstAttempt) {
      for (const folder of folders) {
        const sql = read(folder, 'migration.sql');
        if (failFirstAttempt) {
          // The file runs, then the deploy fails before Prisma records it (a separate statement, so a
          // CONCURRENTLY file stays a single statement): the next deploy runs the same file again.
          await db.script(sql);
          await assert.rejects(db.script('SELECT * FROM sm_injected_failure_missing_table'));
        }
        await db.script(sql);
      }
    },
    async downAll() { for (const folder of [...folders].reverse()) await db.script(read(folder, 'down.sql')); },
    close: async () => undefined,
  };
}
