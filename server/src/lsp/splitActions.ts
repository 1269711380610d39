// The editor side of "split a migration that does too much": a quick fix on the size rule's finding
// that runs the client's "Split Migration" command, and the request behind that command, which
// returns the files to create and the original to delete. The client confirms and applies them as
// ONE WorkspaceEdit, so one undo restores everything. The server never writes.
import * as fs from 'node:fs';
import { CodeActionKind, ErrorCodes, ResponseError, type CodeAction, type Diagnostic } from 'vscode-languageserver/node';
import { readMigrationText } from '../engine/engine';
import { readTextFileIfPresent } from '../engine/workspace';
import type { FileModel } from '../model/migration';
import type { ProjectInfo } from '../project/types';
import { splitMigration, type SplitFile } from '../actions/split/splitMigration';
import { splitInputFor } from '../actions/split/splitInput';
import { filePathParam, registerCustomRequest } from './customRequests';
import type { Analysis } from './documentAnalysis';

export const SPLIT_RULE = 'migration-does-too-much';
/** The client command ("Safe Migrations: Split Migration"); the quick fix runs it with the document's URI. */
export const SPLIT_COMMAND = 'safeMigrations.splitMigration';
export const SPLIT_REQUEST = 'safeMigrations/split';

export interface SplitParams { uri: string }

export type SplitRequestResult =
  | { migration: string; files: SplitFile[]; removes: { path: string; folder: boolean }[]; notes: string[] }
  | { migration: string; refused: string };

const readers = {
  listDir: (dir: string) => { try { return fs.readdirSync(dir); } catch { return []; } },
  readIfPresent: readTextFileIfPresent,
};

function split(model: FileModel, text: string, projects: ProjectInfo[]): SplitRequestResult {
  const outcome = splitMigration(splitInputFor(model, text, projects, readers));
  if ('refused' in outcome) return outcome;
  const removes = outcome.removes.map((p) => ({ path: p, folder: model.orm === 'prisma' }));
  return { migration: outcome.migration, files: outcome.files, removes, notes: outcome.notes };
}

/** "Split into N migrations" for the size rule's diagnostic, or the same entry disabled with the reason it cannot be split. */
export function splitQuickFix(analysis: Analysis, diagnostic: Diagnostic): CodeAction {
  const result = split(analysis.model, analysis.text, []);
  if ('refused' in result) {
    return { title: 'Split into smaller migrations', kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], disabled: { reason: `Cannot split ${result.migration}: ${result.refused}` } };
  }
  const count = result.files.filter((f) => !f.path.endsWith('down.sql')).length;
  const title = `Split into ${count} migrations`;
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: SPLIT_COMMAND, arguments: [analysis.uri] } };
}

registerCustomRequest(SPLIT_REQUEST, (params, context): SplitRequestResult => {
  const uri = (params as Partial<SplitParams> | undefined)?.uri;
  const file = filePathParam(uri);
  const text = context.readOpenText?.(file) ?? readTextFileIfPresent(file);
  if (text === undefined) throw new ResponseError(ErrorCodes.InvalidParams, `cannot read ${file}`);
  const projects = context.workspace.projects;
  const model = readMigrationText(file, text, { projects, config: context.workspace.configFor(file), readSibling: (p) => context.readOpenText?.(p) ?? readTextFileIfPresent(p) });
  return split(model, text, projects);
});
