import type { Dialect, DialectInfo, Orm } from '../model/migration';

/** What static detection learned about one project folder (a folder with a package.json, or a Prisma schema). */
export interface ProjectInfo {
  root: string;
  /** ORMs named in package.json dependencies (or found through their config files), with versions. */
  orms: { orm: Exclude<Orm, 'sql'>; version?: string; source: string }[];
  /** The project's main dialect, with where it came from. */
  dialect: DialectInfo;
  typeorm?: TypeormProjectInfo;
  sequelize?: SequelizeProjectInfo;
  prisma?: PrismaProjectInfo;
  /** Knex: the knexfile's client and migrations options. */
  knex?: KnexProjectInfo;
  /** Drizzle Kit: the config files read (drizzle.config.ts, configs named in package.json scripts). */
  drizzle?: { configFiles: string[] };
  /** Folders that hold migrations, each with its ORM and, where the folder says (postgres/, mysql/), its dialect. */
  migrationDirs: MigrationDir[];
  /** Things detection could not determine, each with a reason shown to the user. */
  unknowns: { what: string; reason: string }[];
  /** Facts detection inferred rather than read verbatim (dist/ globs mapped to src/, env-var fallbacks), shown with the project. */
  notes?: string[];
}

export interface MigrationDir {
  path: string;
  orm: Exclude<Orm, 'sql'> | 'sql';
  dialect?: Dialect;
  /** How files are named there, learned from the existing files (for scaffolding). */
  naming?: 'typeorm-ms-timestamp' | 'sequelize-timestamp' | 'prisma-folder' | 'other';
  /** Extension the existing migrations use (.ts, .js, .cjs, .mjs, .sql). */
  extension?: string;
  /** Glob as written in the config, when it came from one. */
  glob?: string;
  /** Where `dialect` came from: the ORM config, the folder's name, or a setting. */
  dialectSource?: 'project' | 'folder' | 'setting';
  /** How this folder was found (config key, default location, setting), for the status output. */
  reason?: string;
}

export interface TypeormProjectInfo {
  /** Files with `new DataSource({...})` or ormconfig.*. */
  configFiles: string[];
  dataSources: {
    file: string;
    name?: string;
    type?: string;
    dialect: Dialect;
    migrations: string[];
    migrationsTableName?: string;
    migrationsTransactionMode?: 'all' | 'each' | 'none';
    /** Where the mode came from: the DataSource option, a `-t` flag in a package.json script, or TypeORM's default ('all'). */
    transactionModeSource?: 'config' | 'script' | 'default';
    /** Why `dialect` is what it is (e.g. the literal fallback of `process.env.DB_TYPE || 'postgres'`). */
    dialectReason?: string;
    entities: string[];
  }[];
  entityFiles: string[];
}

export interface SequelizeProjectInfo {
  sequelizerc?: string;
  configPath?: string;
  migrationsPath?: string;
  modelsPath?: string;
  /** Dialect per environment from config.json/config.js (development, test, production). */
  dialectByEnv: Record<string, Dialect>;
  usesUmzug: boolean;
  seedersPath?: string;
  /** Migration globs of `new Umzug({ migrations: { glob } })` setups. */
  umzugGlobs?: string[];
}

export interface PrismaProjectInfo {
  schemaPaths: string[];
  provider?: string;
  migrationsPath: string;
  configFile?: string;
  models: PrismaModel[];
  /** The provider written in migrations/migration_lock.toml, when present. */
  lockProvider?: string;
}

export interface PrismaModel {
  name: string;
  /** Table name (@@map) */
  dbName: string;
  fields: { name: string; dbName: string; type: string; isRequired: boolean; isList: boolean; isId: boolean; isUnique: boolean; hasDefault: boolean; relation: boolean }[];
}

export interface KnexProjectInfo {
  configFile?: string;
  /** `client` as written ('pg', 'mysql2', …). */
  client?: string;
  /** `migrations.disableTransactions: true`: Knex runs no migration in a transaction. */
  disableTransactions?: boolean;
}
