// "Safe Migrations: Port Migration to…": asks for the target ORM, dialect and folder, gets the files
// from the server (safeMigrations/port), shows them (and what could not be translated) before anything
// is written, then creates them all with ONE WorkspaceEdit, so one undo removes them.
import * as vscode from 'vscode';
import { createFileWithText } from './newFileEdit';
import type { PortParams, PortRequestResult } from '../../server/src/lsp/portRequest';

// The same names as server/src/lsp/portRequest.ts (imported as types only: the client bundle stays free of server code).
const PORT_COMMAND = 'safeMigrations.portMigration';
const PORT_REQUEST = 'safeMigrations/port';

type ServerRequest = <R>(method: string, params?: unknown) => Promise<R>;

/** What a test passes to skip the pickers and the confirmation. */
export interface PortCommandArgs { uri?: string; to?: PortParams['to']; dialect?: PortParams['dialect']; dir?: string; wholeHistory?: boolean; confirm?: false }

export function registerPortCommand(context: vscode.ExtensionContext, request: ServerRequest, output: vscode.OutputChannel): void {
  context.subscriptions.push(vscode.commands.registerCommand(PORT_COMMAND, (arg?: unknown) => portCommand(request, output, arg)));
}

async function pick<T extends string>(title: string, items: { label: string; value: T; description?: string }[]): Promise<T | undefined> {
  return (await vscode.window.showQuickPick(items, { title, ignoreFocusOut: true }))?.value;
}

async function portCommand(request: ServerRequest, output: vscode.OutputChannel, arg?: unknown): Promise<{ files: string[]; untranslated: number } | undefined> {
  const args: PortCommandArgs = typeof arg === 'string' ? { uri: arg } : arg instanceof vscode.Uri ? { uri: arg.toString() } : (arg as PortCommandArgs | undefined) ?? {};
  const uri = args.uri ?? vscode.window.activeTextEditor?.document.uri.toString();
  if (!uri) { void vscode.window.showWarningMessage('Safe Migrations: open the migration to port first.'); return undefined; }
  const to = args.to ?? await pick('Port to which ORM?', [
    { label: 'TypeORM', value: 'typeorm' as const }, { label: 'Sequelize', value: 'sequelize' as const }, { label: 'Prisma', value: 'prisma' as const },
  ]);
  if (!to) return undefined;
  const dialect = args.dialect ?? await pick('For which database?', [
    { label: 'Same as the source', value: 'same' as const }, { label: 'PostgreSQL', value: 'postgres' as const }, { label: 'MySQL', value: 'mysql' as const }, { label: 'MariaDB', value: 'mariadb' as const },
  ]);
  if (!dialect) return undefined;
  const wholeHistory = args.wholeHistory ?? await pick('Which migrations?', [
    { label: 'This migration', value: 'one' as const }, { label: 'Every migration of its folder, in order', value: 'all' as const },
  ]).then((v) => (v === undefined ? undefined : v === 'all'));
  if (wholeHistory === undefined) return undefined;
  let dir = args.dir;
  if (!dir) {
    const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Port into this folder', title: `Folder for the ${to} migrations` });
    if (!chosen?.length) return undefined;
    dir = chosen[0].fsPath;
  }
  let result: PortRequestResult;
  try {
    result = await request<PortRequestResult>(PORT_REQUEST, { uri, to, dialect: dialect === 'same' ? undefined : dialect, dir, wholeHistory } satisfies PortParams);
  } catch (e) {
    void vscode.window.showErrorMessage(`Safe Migrations could not port this migration: ${(e as Error).message}`);
    return undefined;
  }
  const rel = (p: string) => vscode.workspace.asRelativePath(vscode.Uri.file(p), false);
  if (args.confirm !== false) {
    // Preview: every file opens unsaved and read-only in spirit (nothing is on disk yet); then one question.
    for (const f of result.files) {
      const doc = await vscode.workspace.openTextDocument({ content: f.text, language: f.path.endsWith('.sql') ? 'sql' : f.path.endsWith('.ts') ? 'typescript' : 'javascript' });
      await vscode.window.showTextDocument(doc, { preview: false, preserveFocus: true });
    }
    const detail = [
      'Creates:', ...result.files.map((f) => `  ${rel(f.path)}`),
      ...(result.untranslated.length ? ['', `Not translated (marked in the files):`, ...result.untranslated.map((u) => `  ${u.message}`)] : []),
      ...(result.notes.length ? ['', ...result.notes] : []),
      '', 'The previews are open; one Undo removes the written files.',
    ].join('\n');
    const answer = await vscode.window.showInformationMessage(`Port ${result.migration} to ${to}: write ${result.files.length} file(s)?`, { modal: true, detail }, 'Write Files');
    if (answer !== 'Write Files') return undefined;
  }
  const edit = new vscode.WorkspaceEdit();
  const label = { label: `Port ${result.migration} to ${to}`, needsConfirmation: false };
  const created = result.files.map((f) => vscode.Uri.file(f.path));
  result.files.forEach((f, i) => createFileWithText(edit, created[i], f.text, label));
  if (!await vscode.workspace.applyEdit(edit)) {
    void vscode.window.showErrorMessage('Safe Migrations could not write the ported files (one exists already?). Nothing was changed.');
    return undefined;
  }
  output.appendLine(`Ported ${result.migration} to ${to}:`);
  for (const u of created) output.appendLine(`  + ${rel(u.fsPath)}`);
  for (const u of result.untranslated) output.appendLine(`  not translated: ${u.message}`);
  return { files: created.map((u) => u.fsPath), untranslated: result.untranslated.length };
}
