// Placeholder: runs the rule catalogue over a file model (rules arrive with server/src/rules/index.ts).
import type { FileModel } from '../model/migration';
import type { Finding } from '../model/finding';
import type { SafeMigrationsConfig } from '../config/types';

export function checkFile(file: FileModel, config: SafeMigrationsConfig): Finding[] { void file; void config; return []; }
