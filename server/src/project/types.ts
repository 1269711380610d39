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
  /** Folders that hold migrations, each with its ORM and, where the folder says (postgres/, mysql/), its dialect. */
  migrationDirs: MigrationDir[];
  /** Things detection could not determine, each with a reason shown to the user. */
  unknowns: { what: string; reason: string }[];
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
}

export interface PrismaProjectInfo {
  schemaPaths: string[];
  provider?: string;
  migrationsPath: string;
  configFile?: string;
  models: PrismaModel[];
}

export interface PrismaModel {
  name: string;
  /** Table name (@@map) */
  dbName: string;
  fields: { name: string; dbName: string; type: string; isRequired: boolean; isList: boolean; isId: boolean; isUnique: boolean; hasDefault: boolean; relation: boolean }[];
}
