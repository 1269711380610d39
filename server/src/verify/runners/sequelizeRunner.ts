// Sequelize migrations through the workspace's own `sequelize`: `up(queryInterface, Sequelize)` as
// sequelize-cli calls it, or `up({ context: queryInterface, name, path })` for umzug setups. Neither wraps a
// migration in a transaction. Every statement through `sequelize.query` goes through the tracer.
import * as path from 'node:path';
import type { ProjectInfo } from '../../project/types';
import { loadWorkspaceModule, migrationExports } from '../loadWorkspaceModule';
import type { ScratchDatabase } from '../scratchDatabase';
import type { SendSql, StatementTracer } from '../statementTracer';
import { requireFromProject } from '../workspacePackages';
import type { HistoryMigration, MigrationRunner } from './types';

interface SequelizeLike {
  query: SendSql;
  getQueryInterface(): unknown;
  close(): Promise<void>;
}
type SequelizeClass = (new (database: string, user: string, password: string, options: object) => SequelizeLike) & { QueryTypes: { SELECT: string } };
type Step = (...args: unknown[]) => Promise<unknown>;

export async function sequelizeRunner(db: ScratchDatabase, tracer: StatementTracer, projectRoot: string, project?: ProjectInfo): Promise<MigrationRunner> {
  const purpose = 'Running Sequelize migrations';
  const sequelizeModule = requireFromProject<{ Sequelize: SequelizeClass }>('sequelize', projectRoot, purpose);
  const Sequelize = sequelizeModule.Sequelize;
  // Sequelize loads its driver from the workspace too; MariaDB goes through mysql2 (dialect `mysql`), which works with every version.
  requireFromProject(db.dialect === 'postgres' ? 'pg' : 'mysql2', projectRoot, `Sequelize on ${db.dialect === 'postgres' ? 'PostgreSQL' : 'MySQL/MariaDB'}`);
  const c = await db.connectionSettings();
  const sequelize = new Sequelize(c.database, c.user, c.password, {
    host: c.host, port: c.port, dialect: db.dialect === 'postgres' ? 'postgres' : 'mysql', logging: false, pool: { max: 1, min: 0 },
  });
  const query = sequelize.query.bind(sequelize);
  sequelize.query = tracer.wrap(query, ([options]) => {
    const transaction = (options as { transaction?: unknown } | undefined)?.transaction;
    return async (sql) => await query(sql, { type: Sequelize.QueryTypes.SELECT, transaction } as never) as Record<string, unknown>[];
  });
  const qi = sequelize.getQueryInterface();
  const umzugStyle = !!project?.sequelize?.usesUmzug && !project.sequelize.sequelizerc;
  const modules = new Map<string, { up: Step; down?: Step }>();
  const load = (h: HistoryMigration) => {
    let m = modules.get(h.file.path);
    if (!m) {
      const found = migrationExports(loadWorkspaceModule(h.file.path)).find((x) => typeof x === 'object') as { up: Step; down?: Step } | undefined;
      if (!found) throw new Error(`${h.file.path} exports no { up, down }`);
      m = found;
      modules.set(h.file.path, m);
    }
    return m;
  };
  const call = (h: HistoryMigration, step: Step) => takesUmzugParams(load(h), umzugStyle)
    ? step({ context: qi, name: path.basename(h.file.path), path: h.file.path })
    : step(qi, sequelizeModule.Sequelize);
  return {
    up: async (h) => { await call(h, load(h).up); },
    down: async (h) => {
      const down = load(h).down;
      if (!down) throw new Error(`${h.migration.name} exports no down`);
      await call(h, down);
    },
    close: () => sequelize.close(),
  };
}

/** umzug passes `{ name, path, context }`, sequelize-cli `(queryInterface, Sequelize)`: the parameter lists tell, else the project's setup. */
function takesUmzugParams(m: { up: Step; down?: Step }, projectUsesUmzug: boolean): boolean {
  const params = [m.up, m.down].filter(Boolean).map((f) => /^[^(]*\(([^)]*)\)/.exec(f!.toString())?.[1] ?? '');
  if (params.some((p) => /\{\s*context\b/.test(p))) return true;
  if (params.some((p) => p.includes(','))) return false;
  return projectUsesUmzug;
}
