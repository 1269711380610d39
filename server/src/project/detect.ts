// Placeholder: static project detection (never executes workspace code).
import type { ProjectInfo } from './types';
export { dialectFromFolderName } from './dialectNames';

export function detectProjects(roots: string[]): ProjectInfo[] { void roots; return []; }
/** The project a file belongs to (deepest root containing it). */
export function projectForFile(projects: ProjectInfo[], file: string): ProjectInfo | undefined { void projects; void file; return undefined; }
