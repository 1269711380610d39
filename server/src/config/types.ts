import type { Dialect } from '../model/migration';
import type { Severity } from '../model/finding';

/** One config for editor and CLI: `.safe-migrations.json`, a `safeMigrations` key in package.json, or VS Code `safeMigrations.*` settings. */
export interface SafeMigrationsConfig {
  /** Force a dialect for every file (overrides detection). */
  dialect?: Exclude<Dialect, 'unknown'>;
  /** Force the ORM of loose files. */
  orm?: 'typeorm' | 'sequelize' | 'prisma' | 'sql';
  /** Extra migration folders (relative to the config's folder). */
  migrationsPaths?: string[];
  /** TypeORM migrationsTransactionMode when no DataSource says. */
  typeormTransactionMode?: 'all' | 'each' | 'none';
  postgresVersion: number;
  mysqlVersion: string;
  mariadbVersion: string;
  /** Migrations this recent (count from the newest) are assumed unshipped: their new tables need no lock warnings. */
  recentlyCreated: number;
  /** Tables known to be small: lock/rewrite warnings are lowered to info. */
  smallTables: string[];
  /** Rule id → severity, or 'off'. */
  rules: Record<string, Severity | 'off'>;
}

export const DEFAULT_CONFIG: SafeMigrationsConfig = {
  postgresVersion: 17,
  mysqlVersion: '8.4',
  mariadbVersion: '11.4',
  recentlyCreated: 1,
  smallTables: [],
  rules: {},
};
