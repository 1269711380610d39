// What the server knows about the workspace: detected projects and the config that applies to
// each folder (config files + the user's VS Code settings on top). Rebuilt when a project file changes.
import * as path from 'node:path';
import type { ProjectInfo } from '../project/types';
import type { SafeMigrationsConfig } from '../config/types';
import { detectProjects } from '../project/detect';
import { loadConfig } from '../config/load';
import type { SettingsOverrides } from './protocol';

/** File names whose change can change detection or config: re-detect and re-check open documents. */
export const PROJECT_FILE_PATTERN = /(^|[\\/])(package\.json|ormconfig\.[a-z]+|[^\\/]*data-?source[^\\/]*\.[cm]?[jt]s|\.sequelizerc|schema\.prisma|prisma\.config\.[cm]?[jt]s|\.safe-migrations\.json|\.safe-migrations-stats\.json|config\.json|config\.[cm]?js)$/i;

export class WorkspaceState {
  private folders: string[] = [];
  private settings: SettingsOverrides = {};
  private projectList: ProjectInfo[] = [];
  private readonly configByDir = new Map<string, SafeMigrationsConfig>();

  constructor(private readonly log: (message: string) => void) {}

  get projects(): ProjectInfo[] { return this.projectList; }

  setFolders(folders: string[]): void { this.folders = [...new Set(folders)]; }

  setSettings(settings: SettingsOverrides | undefined): void {
    this.settings = settings && typeof settings === 'object' ? { ...settings } : {};
    this.configByDir.clear();
  }

  /** Static detection only (never runs workspace code); failures leave an empty project list. */
  refresh(): void {
    this.configByDir.clear();
    const started = Date.now();
    const found: ProjectInfo[] = [];
    for (const folder of this.folders) {
      try {
        // The folder's config (file + settings) can add migration folders and force the dialect.
        const config = loadConfig(folder, this.settings as Partial<SafeMigrationsConfig>);
        found.push(...detectProjects([folder], { migrationsPaths: config.migrationsPaths, dialect: config.dialect }));
      } catch (e) {
        this.log(`project detection failed in ${folder}: ${(e as Error).stack ?? e}`);
      }
    }
    const seen = new Set<string>();
    this.projectList = found.filter((p) => !seen.has(p.root) && !!seen.add(p.root));
    this.log(`detected ${this.projectList.length} project(s) in ${Date.now() - started} ms`);
  }

  /** The config for a file: the nearest `.safe-migrations.json` / package.json key, then the settings. */
  configFor(file: string): SafeMigrationsConfig {
    const dir = path.dirname(file);
    let config = this.configByDir.get(dir);
    if (!config) {
      config = loadConfig(dir, this.settings as Partial<SafeMigrationsConfig>);
      this.configByDir.set(dir, config);
    }
    return config;
  }
}
