// TypeORM migrations through the workspace's own `typeorm`: a DataSource on the scratch database with the
// project's migrationsTransactionMode; `runMigrations` applies exactly the target (everything before it is
// recorded as run), `undoLastMigration` reverts it. Every statement of its QueryRunner goes through the tracer.
import type { FileModel } from '../../model/migration';
import type { ProjectInfo } from '../../project/types';
import { loadWorkspaceModule, migrationExports } from '../loadWorkspaceModule';
import type { ScratchDatabase } from '../scratchDatabase';
import type { SendSql, StatementTracer } from '../statementTracer';
import { requireFromProject } from '../workspacePackages';
import type { HistoryMigration, MigrationRunner } from './types';

type Mode = 'all' | 'each' | 'none';
interface QueryRunnerLike { query: SendSql }
interface DataSourceLike {
  migrations: unknown[];
  initialize(): Promise<unknown>;
  destroy(): Promise<void>;
  createQueryRunner(...args: unknown[]): QueryRunnerLike;
  runMigrations(o: { transaction: Mode }): Promise<unknown[]>;
  undoLastMigration(o: { transaction: Mode }): Promise<void>;
}

/** TypeORM prints failed migrations even with `logging: false`: keep its words for the error, print nothing. */
class QuietLogger {
  readonly lines: string[] = [];
  logQuery(): void {}
  logQueryError(error: string | Error, query: string): void { this.lines.push(`${String(error)} (${query})`); }
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(message: string): void { this.lines.push(message); }
  log(level: string, message: unknown): void { this.lines.push(`${level}: ${String(message)}`); }
}

export async function typeormRunner(db: ScratchDatabase, tracer: StatementTracer, projectRoot: string, _file: FileModel, project?: ProjectInfo): Promise<MigrationRunner> {
  const purpose = 'Running TypeORM migrations';
  try { requireFromProject('reflect-metadata', projectRoot, purpose); } catch { /* TypeORM 1 no longer needs it */ }
  const typeorm = requireFromProject<{ DataSource: new (o: object) => DataSourceLike }>('typeorm', projectRoot, purpose);
  requireFromProject(db.dialect === 'postgres' ? 'pg' : 'mysql2', projectRoot, `TypeORM on ${db.dialect === 'postgres' ? 'PostgreSQL' : 'MySQL/MariaDB'}`);
  const config = project?.typeorm?.dataSources.find((d) => d.migrationsTransactionMode) ?? project?.typeorm?.dataSources[0];
  const mode: Mode = config?.migrationsTransactionMode ?? 'all';
  const c = await db.connectionSettings();
  const ds = new typeorm.DataSource({
    type: db.dialect === 'postgres' ? 'postgres' : db.dialect,
    host: c.host, port: c.port, username: c.user, password: c.password, database: c.database,
    migrationsTableName: config?.migrationsTableName,
    migrationsTransactionMode: mode,
    migrations: [],
    logging: false,
    logger: new QuietLogger(),
    extra: db.dialect === 'postgres' ? { max: 1 } : { connectionLimit: 1 },
  });
  await ds.initialize();
  const createQueryRunner = ds.createQueryRunner.bind(ds);
  ds.createQueryRunner = (...args: unknown[]) => {
    const qr = createQueryRunner(...args);
    const query = qr.query.bind(qr);
    qr.query = tracer.wrap(query, () => async (sql) => await query(sql) as Record<string, unknown>[]);
    return qr;
  };
  const classes = new Map<string, unknown>();
  // Classes load in history order, so the loaded ones are the target and what ran before it; all but the
  // target are in the migrations table already, so the target is the only pending one.
  const loadedInstances = (): unknown[] => [...classes.values()].map((cls) => new (cls as new () => unknown)());
  const load = (h: HistoryMigration): void => {
    if (classes.has(h.file.path)) return;
    const found = migrationExports(loadWorkspaceModule(h.file.path)).filter((x) => typeof x === 'function');
    if (!found.length) throw new Error(`${h.file.path} exports no migration class`);
    classes.set(h.file.path, found.find((f) => (f as { name: string }).name === h.migration.name) ?? found[0]);
  };
  return {
    async up(h) {
      load(h);
      ds.migrations.splice(0, ds.migrations.length, ...loadedInstances());
      const ran = await ds.runMigrations({ transaction: mode });
      if (!ran.length) throw new Error(`TypeORM ran nothing for ${h.migration.name} (already recorded as run?)`);
    },
    async down(h) {
      load(h);
      ds.migrations.splice(0, ds.migrations.length, ...loadedInstances());
      await ds.undoLastMigration({ transaction: mode });
    },
    close: () => ds.destroy(),
  };
}
