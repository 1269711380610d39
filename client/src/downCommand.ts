// "Safe Migrations: Generate Down Migration" for the current file: asks the server for the
// generated down of each migration in it and applies them as ONE WorkspaceEdit (Prisma: down.sql
// created beside migration.sql), so one undo takes it back. A down that is already written is
// replaced only after the user says so.
import * as vscode from 'vscode';
import { createFileWithText } from './newFileEdit';
import type { DownChange, DownProposal } from '../../server/src/lsp/downActions';

// The same names as server/src/lsp/downActions.ts (imported as types only: the client bundle stays free of server code).
const DOWN_COMMAND = 'safeMigrations.generateDown';
const DOWN_REQUEST = 'safeMigrations/down';

type ServerRequest = <R>(method: string, params?: unknown) => Promise<R>;

/** What a test passes: the migration, and `replace` to answer the "Replace the written down?" dialog without showing it. */
export interface DownCommandArgs { uri?: string; replace?: boolean }

export type DownCommandResult = { applied: { migration: string; complete: boolean; notes: string[]; file: string }[] } | { refused: string };

export function registerDownCommand(context: vscode.ExtensionContext, request: ServerRequest, output: vscode.OutputChannel): void {
  context.subscriptions.push(vscode.commands.registerCommand(DOWN_COMMAND, (arg?: unknown) => downCommand(request, output, arg)));
}

async function downCommand(request: ServerRequest, output: vscode.OutputChannel, arg?: unknown): Promise<DownCommandResult | undefined> {
  const args: DownCommandArgs = typeof arg === 'string' ? { uri: arg } : arg instanceof vscode.Uri ? { uri: arg.toString() } : (arg as DownCommandArgs | undefined) ?? {};
  const uri = args.uri ?? vscode.window.activeTextEditor?.document.uri.toString();
  if (!uri) { void vscode.window.showWarningMessage('Safe Migrations: open the migration to generate a down for first.'); return undefined; }
  const ask = async (force: boolean): Promise<DownProposal[] | undefined> => {
    try { return await request<DownProposal[]>(DOWN_REQUEST, { uri, force }); } catch (e) {
      void vscode.window.showErrorMessage(`Safe Migrations could not generate a down: ${(e as Error).message}`);
      return undefined;
    }
  };
  let proposals = await ask(false);
  if (!proposals) return undefined;
  if (!proposals.some((p) => p.change)) {
    const refused = proposals.map((p) => `${p.migration}: ${p.refused ?? 'nothing to generate'}`).join('; ');
    // Every down is written already: replacing one is a deliberate choice, never the default.
    const replace = args.replace ?? (await vscode.window.showWarningMessage('This migration already has a down. Replace it with the generated one?', { modal: true, detail: refused }, 'Replace')) === 'Replace';
    if (!replace) return { refused };
    proposals = await ask(true);
    if (!proposals) return undefined;
  }
  const chosen = proposals.filter((p): p is DownProposal & { change: DownChange } => !!p.change);
  const edit = new vscode.WorkspaceEdit();
  const label = { label: 'Generate down', needsConfirmation: false };
  for (const { change } of chosen) {
    const target = vscode.Uri.file(change.file);
    if (change.kind === 'edit') {
      const r = change.range;
      edit.replace(target, new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character), change.text, label);
    } else if (change.overwrites) {
      const doc = await vscode.workspace.openTextDocument(target);
      edit.replace(target, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), change.text, label);
    } else {
      createFileWithText(edit, target, change.text, label);
    }
  }
  if (!chosen.length || !await vscode.workspace.applyEdit(edit)) {
    void vscode.window.showErrorMessage('Safe Migrations could not write the generated down (the file changed meanwhile?). Nothing was changed.');
    return undefined;
  }
  const created = chosen.filter((p) => p.change.kind === 'create').map((p) => vscode.Uri.file(p.change.file));
  if (created.length) await vscode.window.showTextDocument(created[0], { preview: false });
  for (const p of chosen) {
    output.appendLine(`Generated the down of ${p.migration}${p.complete ? '' : ' (INCOMPLETE)'} in ${vscode.workspace.asRelativePath(vscode.Uri.file(p.change.file), false)}`);
    for (const n of p.notes) output.appendLine(`  note: ${n}`);
  }
  const incomplete = chosen.filter((p) => !p.complete);
  if (incomplete.length) void vscode.window.showWarningMessage(`Safe Migrations: the generated down of ${incomplete.map((p) => p.migration).join(', ')} is incomplete — see the comment at its top.`);
  return { applied: chosen.map((p) => ({ migration: p.migration, complete: p.complete, notes: p.notes, file: p.change.file })) };
}
