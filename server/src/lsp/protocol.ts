// Names shared by the language server and the VS Code client. Types only: the client bundles this
// file, so it must not import the engine.
import type { ProjectInfo } from '../project/types';

/** Request: the projects detection found in the workspace folders (for the status bar and details view). */
export const PROJECTS_REQUEST = 'safeMigrations/projects';
export type ProjectsResult = ProjectInfo[];

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
];
