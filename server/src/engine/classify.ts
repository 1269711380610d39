// Placeholder: decides whether a path is a migration file worth reading.
import type { ProjectInfo } from '../project/types';

export function isMigrationPath(path: string, projects: ProjectInfo[]): boolean { void projects; return /\.(ts|js|cjs|mjs|sql)$/.test(path); }
