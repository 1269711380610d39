import type { Dialect } from '../model/migration';
import type { Severity } from '../model/finding';
import type { TableStats } from '../stats/tableStats';

/** One config for editor and CLI: `.safe-migrations.json`, a `safeMigrations` key in package.json, or VS Code `safeMigrations.*` settings. */
export interface SafeMigrationsConfig {
  /** Force a dialect for every file (overrides detection). */
  dialect?: Exclude<Dialect, 'unknown'>;
  /** Force the ORM of loose files. */
  orm?: 'typeorm' | 'sequelize' | 'prisma' | 'sql' | 'knex' | 'drizzle' | 'node-pg-migrate';
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
  /**
   * Table statistics written by `safe-migrations stats` (relative to the config's folder; default
   * `.safe-migrations-stats.json`, the nearest one up to the repository root).
   */
  statsFile?: string;
  /** Lock/rewrite findings on tables with fewer estimated rows than this become hints (default 10000). */
  largeTableRows?: number;
  /** The statistics themselves: loaded from `statsFile`, or given by `check --stats` / `--database`. Never written in JSON. */
  tableStats?: TableStats;
  /** Editor only: `changed` shows findings only on migrations added or modified since the default branch. */
  scope?: 'all' | 'changed';
  /** Rule id → severity, or 'off'. A strict-set rule given a severity here runs under `recommended` too. */
  rules: Record<string, Severity | 'off'>;
  /** The rule set: `recommended` (default) or `strict` (adds the style and policy rules). */
  extends: 'recommended' | 'strict';
  /**
   * Baseline: migrations at or before this one (a timestamp like `20240101120000` / `1700000000000`, or a
   * migration's name) are already in production: read for history, never reported.
   */
  startAfter?: string;
}

export const DEFAULT_CONFIG: SafeMigrationsConfig = {
  postgresVersion: 17,
  mysqlVersion: '8.4',
  mariadbVersion: '11.4',
  recentlyCreated: 1,
  smallTables: [],
  rules: {},
  extends: 'recommended',
};
