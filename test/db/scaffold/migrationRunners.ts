// The real runners over generated files: TypeORM DataSource, Sequelize through umzug, and Prisma's
// SQL applied the way `migrate deploy` / `db execute` would (the Prisma CLI cannot migrate here).
import 'reflect-metadata';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource, type Logger, type MigrationInterface } from 'typeorm';
import { Sequelize } from 'sequelize';
import { SequelizeStorage, Umzug } from 'umzug';
import type { ScaffoldFile } from '../../../server/src/patterns/types';
import { type CellDatabase, MY, PG } from './cellDatabase';

/**
 * How the first attempt at each phase fails: `end` after all its steps ran, `afterFirstDdl` right after its
 * first DDL statement (MariaDB has committed it, the rest has not run), `none` not at all. Either way the
 * migration is not recorded, and the runner runs it again, as a deploy retried after a fix would.
 */
export type FailMode = 'none' | 'end' | 'afterFirstDdl';

export interface MigrationRunner {
  /** Applies every pending phase in order, each failing once first as `fail` says. */
  upAll(fail: FailMode): Promise<void>;
  /** Undoes every phase, newest first. */
  downAll(): Promise<void>;
  close(): Promise<void>;
}

const DDL = /^\s*(ALTER|CREATE|DROP|RENAME)\b/i;

/** Wraps a query function so that, while armed, the first DDL statement runs and then fails. */
function failAfterFirstDdl<F extends (sql: string, ...rest: never[]) => Promise<unknown>>(query: F, state: { armed: boolean }): F {
  return (async (sql: string, ...rest: never[]) => {
    const result = await query(sql, ...rest);
    if (state.armed && DDL.test(sql)) { state.armed = false; throw new InjectedFailure(); }
    return result;
  }) as F;
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

/**
 * TypeORM prints every failed migration even with `logging: false`; here most failures are injected on
 * purpose, so its messages are kept (for a debugger) rather than printed. Real errors still throw.
 */
class CapturingLogger implements Logger {
  readonly lines: string[] = [];
  logQuery(): void {}
  logQueryError(error: string | Error, query: string): void { this.lines.push(`query failed: ${query}: ${String(error)}`); }
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(message: string): void { this.lines.push(message); }
  log(level: string, message: unknown): void { this.lines.push(`${level}: ${String(message)}`); }
}

export async function typeormRunner(db: CellDatabase, files: ScaffoldFile[]): Promise<MigrationRunner> {
  const classes = sorted(files).map((f) => {
    const mod = require(f.path) as Record<string, new () => MigrationInterface> | (new () => MigrationInterface);
    return typeof mod === 'function' ? mod : Object.values(mod)[0];
  });
  const ds = new DataSource(db.dialect === 'postgres'
    ? { type: 'postgres', host: PG.host, port: PG.port, username: PG.user, database: PG.database, schema: db.name, extra: { options: `-c search_path=${db.name}`, max: 2 }, migrations: classes, migrationsTransactionMode: 'each', logging: false, logger: new CapturingLogger() }
    : { type: 'mariadb', host: MY.host, port: MY.port, username: MY.user, password: MY.password, database: db.name, extra: { connectionLimit: 2 }, migrations: classes, migrationsTransactionMode: 'each', logging: false, logger: new CapturingLogger() });
  await ds.initialize();
  return {
    async upAll(fail) {
      const originals = ds.migrations.map((m) => m.up);
      if (fail !== 'none') {
        for (const m of ds.migrations) {
          const up = m.up.bind(m);
          let failed = false;
          m.up = async (qr) => {
            if (failed) return up(qr);
            failed = true;
            const state = { armed: fail === 'afterFirstDdl' };
            const query = qr.query;
            qr.query = failAfterFirstDdl(query.bind(qr), state) as typeof qr.query;
            try { await up(qr); } finally { qr.query = query; }
            throw new InjectedFailure();
          };
        }
      }
      const failures = await retryingInjected(async () => { await ds.runMigrations({ transaction: 'each' }); }, classes.length + 1);
      ds.migrations.forEach((m, i) => { m.up = originals[i]; });
      if (fail !== 'none' && failures !== classes.length) throw new Error(`expected ${classes.length} injected failures, saw ${failures}`);
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
  const failOnce = new Map<string, FailMode>();
  const migrations = sorted(files).map((f) => {
    const mod = require(f.path) as { up: (q: unknown, s: unknown) => Promise<void>; down: (q: unknown, s: unknown) => Promise<void> };
    const name = path.basename(f.path);
    return {
      name,
      up: async () => {
        const fail = failOnce.get(name);
        if (!fail) return mod.up(qi, Sequelize);
        failOnce.delete(name);
        const query = qi.sequelize.query;
        qi.sequelize.query = failAfterFirstDdl(query.bind(qi.sequelize) as never, { armed: fail === 'afterFirstDdl' }) as typeof query;
        try { await mod.up(qi, Sequelize); } finally { qi.sequelize.query = query; }
        throw new InjectedFailure();
      },
      down: async () => { await mod.down(qi, Sequelize); },
    };
  });
  const umzug = new Umzug({ migrations, context: qi, storage: new SequelizeStorage({ sequelize }), logger: undefined });
  return {
    async upAll(fail) {
      if (fail !== 'none') for (const m of migrations) failOnce.set(m.name, fail);
      const failures = await retryingInjected(async () => { await umzug.up(); }, migrations.length + 1);
      if (fail !== 'none' && failures !== migrations.length) throw new Error(`expected ${migrations.length} injected failures, saw ${failures}`);
    },
    async downAll() { for (let i = 0; i < migrations.length; i++) await umzug.down(); },
    close: () => sequelize.close(),
  };
}

export async function prismaRunner(db: CellDatabase, files: ScaffoldFile[]): Promise<MigrationRunner> {
  const folders = [...new Set(files.map((f) => path.dirname(f.path)))].sort();
  const read = (folder: string, file: string) => fs.readFileSync(path.join(folder, file), 'utf8');
  return {
    async upAll(fail) {
      for (const folder of folders) {
        const sql = read(folder, 'migration.sql');
        if (fail === 'end') {
          // The file runs, then the deploy fails before Prisma records it (a separate statement, so a
          // CONCURRENTLY file stays a single statement): the next deploy runs the same file again.
          await db.script(sql);
          await assert.rejects(db.script('SELECT * FROM sm_injected_failure_missing_table'));
        } else if (fail === 'afterFirstDdl') {
          // The emitter separates steps by blank lines: run up to the first block with DDL, then stop.
          const blocks = sql.split(/\n\n+/);
          const first = blocks.findIndex((b) => b.split('\n').some((l) => DDL.test(l) || /^SET @sm_sql = /.test(l)));
          if (first >= 0) await db.script(blocks.slice(0, first + 1).join('\n\n'));
        }
        await db.script(sql);
      }
    },
    async downAll() { for (const folder of [...folders].reverse()) await db.script(read(folder, 'down.sql')); },
    close: async () => undefined,
  };
}
