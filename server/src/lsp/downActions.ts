// The editor side of "generate the down": a quick fix on missing-down, empty-down and
// asymmetric-down, and the request behind the "Generate Down Migration" command. Both carry the
// whole change as ONE WorkspaceEdit (Prisma: create down.sql and insert its text), so one undo
// takes it back. A non-empty down is never replaced by the preferred fix: replacing it is a
// separate action. The server never writes.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionKind, ErrorCodes, ResponseError, type CodeAction, type Diagnostic, type Range, type WorkspaceEdit } from 'vscode-languageserver/node';
import { readMigrationText } from '../engine/engine';
import { readTextFileIfPresent } from '../engine/workspace';
import type { FileModel } from '../model/migration';
import { LineIndex } from '../model/text';
import { downsForFiles, type MigrationDown } from '../actions/down/downsForFiles';
import { downEdit, existingDownPath } from '../actions/down/downEdit';
import { filePathParam, registerCustomRequest } from './customRequests';
import type { Analysis } from './documentAnalysis';

export const DOWN_RULES: ReadonlySet<string> = new Set(['missing-down', 'empty-down', 'asymmetric-down']);
/** The client command ("Safe Migrations: Generate Down Migration") for the current file. */
export const DOWN_COMMAND = 'safeMigrations.generateDown';
export const DOWN_REQUEST = 'safeMigrations/down';
/** The scaffold "Checkpoint a table before a destructive step": what keeps the data a down cannot give back. */
export const CHECKPOINT_COMMAND = 'safeMigrations.new.checkpointTable';
const LOST_DATA = /^cannot be undone: (the values of|the rows of|data change on)/;

export interface DownParams { uri: string; force?: boolean }

/** One change, in editor terms: a text edit of the migration file, or a down file to create. */
export type DownChange =
  | { kind: 'edit'; file: string; range: Range; text: string }
  | { kind: 'create'; file: string; text: string; overwrites: boolean };

export interface DownProposal {
  migration: string;
  /** "Generate down()", "Generate down.sql", with "(incomplete: N notes)" when the schema or data does not fully come back. */
  title: string;
  complete: boolean;
  notes: string[];
  change?: DownChange;
  /** Why nothing is proposed (a non-empty down without force, no place to put it). */
  refused?: string;
}

/** Reads the files of a migration's history (its folder's other migrations). */
export type HistoryProvider = (file: string, model: FileModel) => FileModel[];

function titleFor(model: FileModel, down: MigrationDown, replace: boolean): string {
  const target = model.orm === 'typeorm' || model.orm === 'sequelize' ? 'down()' : model.orm === 'prisma' ? 'down.sql' : 'down';
  const base = replace ? `Replace ${target} with generated down` : `Generate ${target}`;
  return down.complete ? base : `${base} (incomplete: ${down.notes.length} note${down.notes.length === 1 ? '' : 's'})`;
}

/** The generated down of each migration of the document, with where it goes. */
export function downProposals(model: FileModel, text: string, history: FileModel[], options: { force?: boolean; readIfPresent?: (file: string) => string | undefined } = {}): DownProposal[] {
  const file = { ...model, text };
  const read = options.readIfPresent ?? readTextFileIfPresent;
  const lines = new LineIndex(text);
  return downsForFiles(history, [file]).map((down) => {
    const migration = file.migrations[down.migrationIndex];
    const existing = existingDownPath(file, migration);
    const edit = downEdit(file, migration, down.text, { force: options.force, existingDown: existing ? read(existing) : undefined });
    const replacing = edit.kind !== 'refused' && (edit.kind === 'create' ? edit.overwrites && !!read(edit.file)?.trim() : migration.down.length > 0 || !!migration.downThrows);
    const proposal: DownProposal = { migration: down.migration, title: titleFor(file, down, replacing), complete: down.complete, notes: down.notes.map((n) => n.message) };
    if (edit.kind === 'refused') proposal.refused = edit.reason;
    else if (edit.kind === 'create') proposal.change = { kind: 'create', file: edit.file, text: edit.text, overwrites: edit.overwrites };
    else proposal.change = { kind: 'edit', file: edit.file, range: lines.range(edit.start, edit.end), text: edit.text };
    return proposal;
  });
}

/** One WorkspaceEdit for the changes: down files created (or an existing empty one filled) and the migration edited. */
export function downWorkspaceEdit(uri: string, version: number | null, changes: DownChange[], readIfPresent: (file: string) => string | undefined = readTextFileIfPresent): WorkspaceEdit {
  const documentChanges: NonNullable<WorkspaceEdit['documentChanges']> = [];
  const own = changes.filter((c): c is Extract<DownChange, { kind: 'edit' }> => c.kind === 'edit');
  for (const c of changes) {
    if (c.kind !== 'create') continue;
    const target = pathToFileURL(c.file).toString();
    if (c.overwrites) {
      // The file is there (empty, or replaced on request): its whole text is replaced, so undo gives it back as it was.
      const current = readIfPresent(c.file) ?? '';
      documentChanges.push({ textDocument: { uri: target, version: null }, edits: [{ range: new LineIndex(current).range(0, current.length), newText: c.text }] });
      continue;
    }
    // No overwrite and no ignoreIfExists: a file that appeared meanwhile makes the whole edit fail instead of being written into.
    documentChanges.push({ kind: 'create', uri: target, options: { overwrite: false, ignoreIfExists: false } });
    documentChanges.push({ textDocument: { uri: target, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: c.text }] });
  }
  if (own.length) documentChanges.push({ textDocument: { uri, version }, edits: own.map((c) => ({ range: c.range, newText: c.text })) });
  return { documentChanges };
}

/**
 * Quick fixes for a down diagnostic: "Generate down()" / "Generate down.sql" where the down is
 * missing or empty (preferred), and, on asymmetric-down only, "Replace down() with generated down",
 * never preferred.
 */
export function downQuickFixes(analysis: Analysis, diagnostic: Diagnostic, rule: string, migrationName: string, history: FileModel[], canCreateFiles: boolean): CodeAction[] {
  const replace = rule === 'asymmetric-down';
  const proposal = downProposals(analysis.model, analysis.text, history, { force: replace }).find((p) => p.migration === migrationName);
  if (!proposal?.change || (proposal.change.kind === 'create' && !canCreateFiles)) return [];
  const actions: CodeAction[] = [{
    title: proposal.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: !replace,
    edit: downWorkspaceEdit(analysis.uri, analysis.version, [proposal.change]),
  }];
  // Data the down cannot give back: a checkpoint migration before this one keeps a copy to restore from.
  if (proposal.notes.some((n) => LOST_DATA.test(n))) {
    const title = 'Keep a checkpoint of the data first (new migration: Checkpoint a table before a destructive step)';
    actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: CHECKPOINT_COMMAND } });
  }
  return actions;
}

registerCustomRequest(DOWN_REQUEST, (params, context): DownProposal[] => {
  const { uri, force } = (params as Partial<DownParams> | undefined) ?? {};
  const file = filePathParam(uri);
  const read = (p: string) => context.readOpenText?.(p) ?? readTextFileIfPresent(p);
  const text = read(file);
  if (text === undefined) throw new ResponseError(ErrorCodes.InvalidParams, `cannot read ${file}`);
  const model = readMigrationText(file, text, { projects: context.workspace.projects, config: context.workspace.configFor(file), readSibling: read });
  if (!model.migrations.length) throw new ResponseError(ErrorCodes.InvalidParams, `${path.basename(file)} is not a migration Safe Migrations can read`);
  return downProposals(model, text, context.history?.(file, model) ?? [], { force: force === true, readIfPresent: read });
});
