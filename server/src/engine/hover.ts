// Placeholder: markdown hover for the operation under the cursor.
import type { FileModel } from '../model/migration';
import type { Finding } from '../model/finding';
import type { SafeMigrationsConfig } from '../config/types';

export function hoverAt(file: FileModel, offset: number, config: SafeMigrationsConfig, findings: Finding[] = []): { markdown: string; start: number; end: number } | undefined {
  void file; void offset; void config; void findings; return undefined;
}
