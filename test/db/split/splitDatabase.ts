// The split suite's databases: the scaffold matrix's cells, named sm_e1_…, and a Sequelize runner
// that works in such a cell.
import * as path from 'node:path';
import { type Options, Sequelize } from 'sequelize';
import { SequelizeStorage, Umzug } from 'umzug';
import { type CellDatabase, type DbDialect, MY, PG, createCellDatabase } from '../scaffold/cellDatabase';
import type { MigrationRunner } from '../scaffold/migrationRunners';

export function createSplitDatabase(dialect: DbDialect): Promise<CellDatabase> {
  return createCellDatabase(dialect, 'sm_e1');
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
