// Words and checks of the "Safe Migrations: New …" commands, pure so they are unit-testable without VS Code.
import * as path from 'node:path';
import type { CatalogColumn } from '../../server/src/engine/schemaCatalog';
import type { ScaffoldTargetCandidate } from '../../server/src/lsp/protocol';
import type { ParamSpec, PatternInfo, ScaffoldDialect } from '../../server/src/patterns/types';
import { checkValueForType } from '../../server/src/patterns/params';
import { dialectLabel, ormLabel } from './projectText';

export const NEW_COMMAND_PREFIX = 'safeMigrations.new.';
export const NEW_MIGRATION_COMMAND = 'safeMigrations.newMigration';

export function newCommandId(patternId: string): string { return NEW_COMMAND_PREFIX + patternId; }

/** What a target reads as in the picker: ORM · dialect, and the folder relative to its workspace. */
export function targetLabel(t: ScaffoldTargetCandidate, workspaceRoot?: string): { label: string; description: string; detail?: string } {
  const dir = workspaceRoot ? path.relative(workspaceRoot, t.dir) || '.' : t.dir;
  return {
    label: `${ormLabel(t.orm)} · ${t.dialect ? dialectLabel(t.dialect) : 'dialect unknown'}`,
    description: dir,
    detail: t.reason,
  };
}

export function confirmMessage(fileCount: number, folder: string): string {
  return `Create ${fileCount} file${fileCount === 1 ? '' : 's'} in ${folder}?`;
}

/** `{table}` / `{column}` in a default replaced by the answers so far (as the engine does). */
export function defaultFor(spec: ParamSpec, answers: Record<string, string>): string | undefined {
  return spec.default?.replace(/\{(\w+)\}/g, (m, name: string) => answers[name] ?? m);
}

/**
 * What the catalogue already knows about the chosen existing column: its current type (`oldType`, or
 * `type` where the pattern asks no `oldType`, i.e. `type` describes the existing column) and nullability.
 * Types spelled the ORM's way (Prisma `String`) are not SQL and are not offered.
 */
export function catalogDefault(spec: ParamSpec, pattern: PatternInfo, column: CatalogColumn | undefined): string | undefined {
  if (!column || !pattern.params.some((p) => p.name === 'column' && p.kind === 'column')) return undefined;
  const sqlType = column.type && /^[a-z]/.test(column.type) ? column.type : undefined;
  if (spec.name === 'oldType') return sqlType;
  if (spec.name === 'type' && !pattern.params.some((p) => p.name === 'oldType')) return sqlType;
  if (spec.name === 'nullable' && column.nullable !== undefined) return column.nullable ? 'yes' : 'no';
  return undefined;
}

const MAX_IDENTIFIER = { postgres: 63, mysql: 64, mariadb: 64 } as const;

/**
 * A first check while the user types; the engine validates again (reserved words, quoting) and its
 * message is shown if it refuses. Undefined means acceptable.
 */
export function checkParamInput(spec: ParamSpec, value: string, dialect: ScaffoldDialect | undefined, columnType?: string): string | undefined {
  const v = spec.kind === 'string' ? value : value.trim();
  if (v === '') return spec.required && spec.default === undefined ? `${spec.prompt} is required.` : undefined;
  // The engine's own check, so the wizard refuses exactly what `safe-migrations new` refuses.
  if (spec.valueOfType) {
    const wrong = checkValueForType(v, columnType);
    if (wrong) return wrong.problem;
  }
  switch (spec.kind) {
    case 'number': return /^[1-9][0-9]*$/.test(v) ? undefined : 'A positive whole number.';
    case 'table': case 'column': case 'newName': {
      const max = MAX_IDENTIFIER[dialect ?? 'postgres'];
      if (Buffer.byteLength(v, 'utf8') > max) return `At most ${max} bytes on ${dialectLabel(dialect ?? 'postgres')}.`;
      if (/[\s;'"`]/.test(v)) return 'A plain name: no spaces, quotes or semicolons.';
      return undefined;
    }
    case 'columns': return v.split(',').some((c) => c.trim() === '' || /[\s;'"`]/.test(c.trim())) ? 'Column names separated by commas.' : undefined;
    case 'type': case 'expression': return v.includes(';') ? 'One SQL fragment, without ";".' : undefined;
    default: return undefined;
  }
}

/** The lines shown with the confirmation: each file relative to the folder, then the notes. */
export function confirmDetail(files: string[], folder: string, notes: string[]): string {
  const list = files.map((f) => `• ${path.relative(folder, f)}`).join('\n');
  return notes.length ? `${list}\n\n${notes.join('\n')}` : list;
}
