// Names shared by the language server and the VS Code client. Types only: the client bundles this
// file, so it must not import the engine.
import type { ProjectInfo } from '../project/types';
import type { SchemaCatalog } from '../engine/schemaCatalog';
import type { PatternInfo, ScaffoldDialect, ScaffoldExtension, ScaffoldOrm, ScaffoldResult } from '../patterns/types';

/** Request: the projects detection found in the workspace folders (for the status bar and details view). */
export const PROJECTS_REQUEST = 'safeMigrations/projects';
export type ProjectsResult = ProjectInfo[];

/** Request: the scaffolding patterns, with the questions (ParamSpec) each one asks. */
export const PATTERNS_REQUEST = 'safeMigrations/patterns';
export type PatternsResult = PatternInfo[];

/** Request: for a workspace folder or file URI, the projects there with their scaffold targets and schema catalogue. */
export const CATALOG_REQUEST = 'safeMigrations/catalog';
export interface CatalogParams { uri: string }

/** One place a scaffold can go, from detection: a project's migrations folder with its ORM and dialect. */
export interface ScaffoldTargetCandidate {
  projectRoot: string;
  orm: ScaffoldOrm;
  /** Absent when detection could not tell: the client asks. */
  dialect?: ScaffoldDialect;
  dir: string;
  extension?: ScaffoldExtension;
  mysqlVersion?: string;
  mariadbVersion?: string;
  /** How detection found the folder (config key, default location, setting). */
  reason?: string;
}

export interface CatalogProject { root: string; targets: ScaffoldTargetCandidate[]; catalog: SchemaCatalog }
export interface CatalogResult { projects: CatalogProject[] }

/** Request: renders a pattern into files (never writes them); fails with the ScaffoldError message on bad input. */
export const SCAFFOLD_REQUEST = 'safeMigrations/scaffold';
export interface ScaffoldRequestTarget {
  orm: ScaffoldOrm;
  dialect: ScaffoldDialect;
  dir: string;
  extension?: ScaffoldExtension;
  /** ISO date; the file timestamps (tests pin it). */
  now?: string;
  mysqlVersion?: string;
  mariadbVersion?: string;
}
export interface ScaffoldParams { patternId: string; params: Record<string, string>; target: ScaffoldRequestTarget }
export type ScaffoldRequestResult = ScaffoldResult;

/** Notification (server → client): detection ran again; the client asks for the projects anew. */
export const PROJECTS_CHANGED_NOTIFICATION = 'safeMigrations/projectsChanged';

/** The code action kind for "apply every safe fix" (source.fixAll.safe-migrations). */
export const FIX_ALL_KIND = 'source.fixAll.safe-migrations';

/** Diagnostic source shown in the Problems view. */
export const DIAGNOSTIC_SOURCE = 'safe-migrations';

/**
 * `safeMigrations.*` settings as the client sends them: only values the user set explicitly, so a
 * setting's default never hides a value from `.safe-migrations.json`.
 */
export interface SettingsOverrides {
  dialect?: string;
  postgresVersion?: number;
  mysqlVersion?: string;
  mariadbVersion?: string;
  recentlyCreated?: number;
  smallTables?: string[];
  rules?: Record<string, string>;
  migrationsPaths?: string[];
  typeormTransactionMode?: string;
  extends?: string;
  startAfter?: string;
  scope?: string;
}

export interface InitializationOptions {
  settings?: SettingsOverrides;
  /** The client watches project files itself (the VS Code client does); otherwise the server asks to. */
  watchesProjectFiles?: boolean;
}

/** Globs of the files whose change re-runs detection; kept flat (no nested braces) for every glob matcher. */
export const PROJECT_FILE_GLOBS = [
  '**/package.json', '**/ormconfig.*', '**/*data-source*.ts', '**/*data-source*.js', '**/*dataSource*.ts', '**/*dataSource*.js',
  '**/.sequelizerc', '**/schema.prisma', '**/prisma.config.ts', '**/prisma.config.js', '**/.safe-migrations.json', '**/config.json', '**/config.js',
  '**/.safe-migrations-stats.json',
];
