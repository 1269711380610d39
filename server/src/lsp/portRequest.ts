// `safeMigrations/port`: the files "Safe Migrations: Port Migration to…" would create for one migration
// (against the history of its folder), or for the whole folder. The client previews them and writes
// them with one WorkspaceEdit; the server never writes.
import * as path from 'node:path';
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { readMigrationText } from '../engine/engine';
import { readTextFileIfPresent } from '../engine/workspace';
import type { ScaffoldDialect, ScaffoldOrm } from '../patterns/types';
import { portHistory, portMigrationsIn } from '../actions/port/portHistory';
import type { Untranslated } from '../actions/port/portMigration';
import { filePathParam, registerCustomRequest } from './customRequests';

export const PORT_REQUEST = 'safeMigrations/port';

export interface PortParams {
  uri: string;
  to: ScaffoldOrm;
  dialect?: ScaffoldDialect;
  /** Folder (absolute path) the files go in. */
  dir: string;
  /** Port every migration of the file's folder, not only this one. */
  wholeHistory?: boolean;
}

export interface PortRequestResult { migration: string; files: { path: string; text: string }[]; untranslated: Untranslated[]; notes: string[] }

const ORMS = new Set(['typeorm', 'sequelize', 'prisma']);
const DIALECTS = new Set(['postgres', 'mysql', 'mariadb']);

registerCustomRequest(PORT_REQUEST, async (params, context): Promise<PortRequestResult> => {
  const p = (params ?? {}) as Partial<PortParams>;
  const file = filePathParam(p.uri);
  if (!p.to || !ORMS.has(p.to)) throw new ResponseError(ErrorCodes.InvalidParams, 'expected { to: typeorm | sequelize | prisma }');
  if (p.dialect && !DIALECTS.has(p.dialect)) throw new ResponseError(ErrorCodes.InvalidParams, 'dialect must be postgres, mysql or mariadb');
  if (typeof p.dir !== 'string' || !path.isAbsolute(p.dir)) throw new ResponseError(ErrorCodes.InvalidParams, 'expected { dir } as an absolute folder');
  const read = (f: string) => context.readOpenText?.(f) ?? readTextFileIfPresent(f);
  const text = read(file);
  if (text === undefined) throw new ResponseError(ErrorCodes.InvalidParams, `cannot read ${file}`);
  const model = readMigrationText(file, text, { projects: context.workspace.projects, config: context.workspace.configFor(file), readSibling: read });
  if (!model.migrations.length) throw new ResponseError(ErrorCodes.InvalidParams, `${path.basename(file)} is not a migration Safe Migrations can read`);
  const history = [model, ...(context.history?.(file, model) ?? []).filter((h) => h.path !== file)];
  const downTexts = new Map<string, string>();
  for (const f of history) for (const m of f.migrations) if (m.downPath) { const t = read(m.downPath); if (t !== undefined) downTexts.set(m.downPath, t); }
  const options = { to: p.to, dialect: p.dialect, dir: p.dir, downTexts };
  const result = p.wholeHistory ? portHistory(history, options) : portMigrationsIn(history, new Set([file]), options);
  return { migration: model.migrations[0].name, files: result.files, untranslated: result.untranslated, notes: result.notes };
});
