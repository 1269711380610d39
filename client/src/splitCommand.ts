// "Safe Migrations: Split Migration" (also run by the quick fix on migration-does-too-much): asks the
// server for the pieces, says plainly that an applied migration must not be split, and applies the
// new files and the deletion of the original as ONE WorkspaceEdit, so one undo restores everything.
import * as vscode from 'vscode';
import { createFileWithText } from './newFileEdit';
import type { SplitRequestResult } from '../../server/src/lsp/splitActions';

// The same names as server/src/lsp/splitActions.ts (imported as types only: the client bundle stays free of server code).
const SPLIT_COMMAND = 'safeMigrations.splitMigration';
const SPLIT_REQUEST = 'safeMigrations/split';

type ServerRequest = <R>(method: string, params?: unknown) => Promise<R>;

/** What a test passes: the migration, and `confirm: false` to skip the dialog. */
export interface SplitCommandArgs { uri?: string; confirm?: false }

export type SplitCommandResult = { files: string[]; removed: string[]; notes: string[] } | { refused: string };

export function registerSplitCommand(context: vscode.ExtensionContext, request: ServerRequest, output: vscode.OutputChannel): void {
  context.subscriptions.push(vscode.commands.registerCommand(SPLIT_COMMAND, (arg?: unknown) => splitCommand(request, output, arg)));
}

async function splitCommand(request: ServerRequest, output: vscode.OutputChannel, arg?: unknown): Promise<SplitCommandResult | undefined> {
  const args: SplitCommandArgs = typeof arg === 'string' ? { uri: arg } : arg instanceof vscode.Uri ? { uri: arg.toString() } : (arg as SplitCommandArgs | undefined) ?? {};
  const uri = args.uri ?? vscode.window.activeTextEditor?.document.uri.toString();
  if (!uri) { void vscode.window.showWarningMessage('Safe Migrations: open the migration to split first.'); return undefined; }
  let result: SplitRequestResult;
  try { result = await request<SplitRequestResult>(SPLIT_REQUEST, { uri }); } catch (e) {
    void vscode.window.showErrorMessage(`Safe Migrations could not split this migration: ${(e as Error).message}`);
    return undefined;
  }
  if ('refused' in result) {
    void vscode.window.showWarningMessage(`Safe Migrations cannot split ${result.migration}: ${result.refused}.`);
    return { refused: result.refused };
  }
  const created = result.files.map((f) => vscode.Uri.file(f.path));
  const pieces = result.files.filter((f) => !f.path.endsWith('down.sql')).length;
  if (args.confirm !== false) {
    const rel = (p: string) => vscode.workspace.asRelativePath(vscode.Uri.file(p), false);
    const detail = [
      `Never split a migration that has already been applied anywhere (production, staging, CI, a teammate's database): the pieces have new names, so a database that ran ${result.migration} would run them again.`,
      '', 'Creates:', ...result.files.map((f) => `  ${rel(f.path)}`),
      '', 'Deletes:', ...result.removes.map((r) => `  ${rel(r.path)}${r.folder ? '/' : ''}`),
      ...(result.notes.length ? ['', ...result.notes] : []),
      '', 'One Undo restores the original and removes the new files.',
    ].join('\n');
    const answer = await vscode.window.showWarningMessage(`Split ${result.migration} into ${pieces} migrations?`, { modal: true, detail }, 'Split');
    if (answer !== 'Split') return undefined;
  }
  const edit = new vscode.WorkspaceEdit();
  const label = { label: `Split ${result.migration}`, needsConfirmation: false };
  result.files.forEach((f, i) => createFileWithText(edit, created[i], f.text, label));
  for (const r of result.removes) edit.deleteFile(vscode.Uri.file(r.path), { recursive: r.folder, ignoreIfNotExists: false }, label);
  if (!await vscode.workspace.applyEdit(edit)) {
    void vscode.window.showErrorMessage(`Safe Migrations could not split ${result.migration} (a file of that name exists already?). Nothing was changed.`);
    return undefined;
  }
  // Written to disk by the edit itself, so the ORM's CLI and the language server see them at once.
  await vscode.window.showTextDocument(created[0], { preview: false });
  output.appendLine(`Split ${result.migration} into ${pieces} migrations:`);
  for (const u of created) output.appendLine(`  + ${vscode.workspace.asRelativePath(u, false)}`);
  for (const r of result.removes) output.appendLine(`  - ${vscode.workspace.asRelativePath(vscode.Uri.file(r.path), false)}`);
  for (const n of result.notes) output.appendLine(`  note: ${n}`);
  return { files: created.map((u) => u.fsPath), removed: result.removes.map((r) => r.path), notes: result.notes };
}
