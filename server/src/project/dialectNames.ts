// Names that map to a dialect: ORM driver/type strings and folder names.
import * as path from 'node:path';
import type { Dialect } from '../model/migration';

// Real projects spell per-dialect folders many ways (Flowise: postgres/, mysql/, mariadb/, sqlite/;
// n8n: postgresdb/, mysqldb/, sqlite/): every spelling seen in the wild.
const FOLDER_DIALECTS: Record<string, Exclude<Dialect, 'unknown'>> = {
  postgres: 'postgres', postgresql: 'postgres', postgresdb: 'postgres', postgressql: 'postgres', postgre: 'postgres',
  pg: 'postgres', psql: 'postgres', pgsql: 'postgres',
  mysql: 'mysql', mysqldb: 'mysql', mysql2: 'mysql', mysql8: 'mysql',
  mariadb: 'mariadb', mariadbdb: 'mariadb', maria: 'mariadb',
  sqlite: 'sqlite', sqlitedb: 'sqlite', sqlite3: 'sqlite', 'better-sqlite3': 'sqlite',
};

/** Dialect named by a folder segment of `p` (`migrations/postgres/…`, `db/mysql`), nearest segment first. */
export function dialectFromFolderName(p: string): Dialect | undefined {
  const segments = p.split(/[\\/]+/).filter(Boolean);
  for (let i = segments.length - 1; i >= 0; i--) {
    const d = FOLDER_DIALECTS[segments[i].toLowerCase()];
    if (d) return d;
  }
  return undefined;
}

/** The folder's own name only (not its parents), for MigrationDir.dialect. */
export function dialectOfFolder(dir: string): Dialect | undefined {
  return FOLDER_DIALECTS[path.basename(dir).toLowerCase()];
}

/** A driver/type/provider string from TypeORM, Sequelize or Prisma config → dialect, or why not. */
export function dialectFromDriverName(name: string): { dialect: Dialect; note?: string } {
  switch (name.toLowerCase()) {
    case 'postgres': case 'postgresql': case 'aurora-postgres': case 'pg':
      return { dialect: 'postgres' };
    case 'mysql': case 'mysql2': case 'aurora-mysql':
      return { dialect: 'mysql' };
    case 'mariadb':
      return { dialect: 'mariadb' };
    case 'sqlite': case 'better-sqlite3': case 'sqljs': case 'capacitor': case 'cordova': case 'expo': case 'react-native': case 'nativescript':
      return { dialect: 'sqlite' };
    case 'cockroachdb':
      return { dialect: 'unknown', note: 'CockroachDB speaks the PostgreSQL protocol but locks and migrates differently; Safe Migrations does not model it' };
    default:
      return { dialect: 'unknown', note: `"${name}" is not a database Safe Migrations supports (PostgreSQL, MySQL, MariaDB)` };
  }
}
