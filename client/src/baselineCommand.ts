// "Safe Migrations: Baseline Existing Migrations": asks the server for the latest migration of the project and the
// config text that records it as `startAfter`, says what that means, and writes it as ONE WorkspaceEdit (saved, so
// the server's config watcher sees it; one undo takes it back).
import * as vscode from 'vscode';
import { createFileWithText } from './newFileEdit';
import type { BaselineProposal } from '../../server/src/lsp/baselineRequest';

// The same name as server/src/lsp/baselineRequest.ts (types only: the client bundle stays free of server code).
const BASELINE_COMMAND = 'safeMigrations.baselineMigrations';
const BASELINE_REQUEST = 'safeMigrations/baseline';

type ServerRequest = <R>(method: string, params?: unknown) => Promise<R>;

/** What a test passes: the folder (or a file in the project), and `confirm: false` to skip the dialog. */
export interface BaselineCommandArgs { uri?: string; confirm?: false }

export type BaselineCommandResult = { config: string; startAfter: string; count: number } | { nothing: string };

export function registerBaselineCommand(context: vscode.ExtensionContext, request: ServerRequest): void {
  context.subscriptions.push(vscode.commands.registerCommand(BASELINE_COMMAND, (arg?: unknown) => baselineCommand(request, arg)));
}

async function baselineCommand(request: ServerRequest, arg?: unknown): Promise<BaselineCommandResult | undefined> {
  const args: BaselineCommandArgs = arg instanceof vscode.Uri ? { uri: arg.toString() } : (arg as BaselineCommandArgs | undefined) ?? {};
  const uri = args.uri ?? await pickFolder();
  if (!uri) return undefined;
  let proposal: BaselineProposal;
  try { proposal = await request<BaselineProposal>(BASELINE_REQUEST, { uri }); } catch (e) {
    void vscode.window.showErrorMessage(`Safe Migrations could not baseline: ${(e as Error).message}`);
    return undefined;
  }
  if ('nothing' in proposal) {
    void vscode.window.showInformationMessage(`Safe Migrations: ${proposal.nothing}; nothing to baseline.`);
    return { nothing: proposal.nothing };
  }
  const { point, write } = proposal;
  const target = vscode.Uri.file(write.path);
  if (args.confirm !== false) {
    const detail = [
      `Sets "startAfter": "${point.startAfter}" (${point.migration}) in ${vscode.workspace.asRelativePath(target, false)}.`,
      '', `The ${point.count} migration${point.count === 1 ? '' : 's'} up to it stay read for history (tables, columns, types) but get no findings: use this for migrations already applied in production.`,
      'New migrations after it are checked as before. One Undo takes it back.',
    ].join('\n');
    const answer = await vscode.window.showInformationMessage(`Baseline ${point.count} existing migration${point.count === 1 ? '' : 's'}?`, { modal: true, detail }, 'Baseline');
    if (answer !== 'Baseline') return undefined;
  }
  const edit = new vscode.WorkspaceEdit();
  const label = { label: 'Baseline existing migrations', needsConfirmation: false };
  if (write.create) {
    createFileWithText(edit, target, write.text, label);
  } else {
    const doc = await vscode.workspace.openTextDocument(target);
    edit.replace(target, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), write.text, label);
  }
  if (!await vscode.workspace.applyEdit(edit)) {
    void vscode.window.showErrorMessage(`Safe Migrations could not write ${write.path}. Nothing was changed.`);
    return undefined;
  }
  // An edited config is saved so the server's watcher sees it (a created one is on disk already).
  if (!write.create) await (await vscode.workspace.openTextDocument(target)).save();
  return { config: write.path, startAfter: point.startAfter, count: point.count };
}

async function pickFolder(): Promise<string | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && vscode.workspace.getWorkspaceFolder(active)) return active.toString();
  if (folders.length <= 1) return folders[0]?.uri.toString();
  const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Baseline the migrations of which folder?' });
  return picked?.uri.toString();
}
