// "Safe Migrations: Verify Migration": runs the current migration (or every migration after the baseline)
// up → down → up on a scratch database through the server's safeMigrations/verify request. It runs the
// workspace's own code, so only in a trusted workspace and after a one-time confirmation. Failures become
// diagnostics (source "safe-migrations verify") until the file changes; the report opens as Markdown.
import * as vscode from 'vscode';
import type { VerifyParams, VerifyRequestResult } from '../../server/src/lsp/verifyRequests';

// The same names as server/src/lsp/verifyRequests.ts (imported as types only: the client bundle stays free of server code).
const VERIFY_COMMAND = 'safeMigrations.verifyMigration';
const VERIFY_REQUEST = 'safeMigrations/verify';
const VERIFY_PROGRESS_NOTIFICATION = 'safeMigrations/verifyProgress';
const DIAGNOSTIC_SOURCE = 'safe-migrations verify';
/** workspaceState key: the user agreed that this workspace's migrations may run on a scratch database. */
const CONFIRMED_KEY = 'safeMigrations.verify.confirmed';

type ServerRequest = <R>(method: string, params?: unknown, token?: vscode.CancellationToken) => Promise<R>;
type OnServerNotification = (method: string, handler: (params: { runId?: string; message: string }) => void) => vscode.Disposable | undefined;

/** What a test passes: the migration (or `all`), `confirm: false` to skip the one-time dialog, `report: false` to open no report. */
export interface VerifyCommandArgs { uri?: string; all?: boolean; confirm?: false; report?: false }

export type VerifyCommandResult = Omit<VerifyRequestResult, 'files'> & { diagnostics: number };

export function registerVerifyCommand(context: vscode.ExtensionContext, request: ServerRequest, output: vscode.OutputChannel, onNotification: OnServerNotification): void {
  const diagnostics = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  context.subscriptions.push(
    diagnostics,
    vscode.commands.registerCommand(VERIFY_COMMAND, (arg?: unknown) => verifyCommand(context, request, output, onNotification, diagnostics, arg)),
    // A verification speaks about the file as it was: an edit makes its diagnostics stale.
    vscode.workspace.onDidChangeTextDocument((e) => { if (e.contentChanges.length && diagnostics.has(e.document.uri)) diagnostics.delete(e.document.uri); }),
  );
}

async function verifyCommand(context: vscode.ExtensionContext, request: ServerRequest, output: vscode.OutputChannel, onNotification: OnServerNotification,
  diagnostics: vscode.DiagnosticCollection, arg?: unknown): Promise<VerifyCommandResult | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage('Safe Migrations: Verify Migration runs this workspace\'s migrations and ORM code, so it needs a trusted workspace (Workspaces: Manage Workspace Trust).');
    return undefined;
  }
  const args: VerifyCommandArgs = typeof arg === 'string' ? { uri: arg } : arg instanceof vscode.Uri ? { uri: arg.toString() } : (arg as VerifyCommandArgs | undefined) ?? {};
  let params: VerifyParams;
  if (args.all) params = { all: true };
  else if (args.uri) params = { uris: [args.uri] };
  else {
    const editor = vscode.window.activeTextEditor;
    const pick = await vscode.window.showQuickPick([
      ...(editor?.document.uri.scheme === 'file' ? [{ label: `Current file: ${vscode.workspace.asRelativePath(editor.document.uri, false)}`, all: false }] : []),
      { label: 'All migrations after the baseline (safeMigrations.startAfter)', all: true },
    ], { title: 'Verify which migrations?' });
    if (!pick) return undefined;
    if (pick.all) params = { all: true };
    else {
      if (editor!.document.isDirty) await editor!.document.save();
      params = { uris: [editor!.document.uri.toString()] };
    }
  }
  if (args.confirm !== false && !context.workspaceState.get<boolean>(CONFIRMED_KEY)) {
    const detail = [
      'Verification runs this workspace\'s migrations (up, down, up again) on a scratch database, with the workspace\'s own ORM (typeorm, sequelize) and its migration code: it executes code from this workspace.',
      '', 'The scratch database is PGlite in this process for PostgreSQL, or a new database created on the server in safeMigrations.verify.databaseUrl (or SAFE_MIGRATIONS_DATABASE_URL) and dropped afterwards. Your own databases are not touched.',
      '', 'You are asked once per workspace.',
    ].join('\n');
    const answer = await vscode.window.showWarningMessage('Run this workspace\'s migrations on a scratch database?', { modal: true, detail }, 'Run Verification');
    if (answer !== 'Run Verification') return undefined;
    await context.workspaceState.update(CONFIRMED_KEY, true);
  }
  const database = vscode.workspace.getConfiguration('safeMigrations').get<string>('verify.databaseUrl') || undefined;
  const runId = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  let result: VerifyRequestResult | undefined;
  try {
    result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Safe Migrations: verifying', cancellable: true }, async (progress, token) => {
      const listening = onNotification(VERIFY_PROGRESS_NOTIFICATION, (p) => { if (p.runId === runId) progress.report({ message: p.message }); });
      try {
        return await request<VerifyRequestResult>(VERIFY_REQUEST, { ...params, database, runId }, token);
      } catch (e) {
        if (token.isCancellationRequested) return undefined;
        throw e;
      } finally {
        listening?.dispose();
      }
    });
  } catch (e) {
    void vscode.window.showErrorMessage(`Safe Migrations could not verify: ${(e as Error).message}`);
    return undefined;
  }
  if (!result || result.cancelled) {
    void vscode.window.showInformationMessage('Safe Migrations: verification cancelled; the scratch database is dropped.');
    return result && { ...summary(result), diagnostics: 0 };
  }
  let count = 0;
  for (const f of result.files) {
    const uri = vscode.Uri.file(f.path);
    diagnostics.set(uri, f.diagnostics.map((d) => {
      const r = d.range;
      const diagnostic = new vscode.Diagnostic(new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character), String(d.message),
        d.severity === 2 ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Error);
      diagnostic.source = DIAGNOSTIC_SOURCE;
      if (d.code !== undefined) diagnostic.code = d.code;
      return diagnostic;
    }));
    count += f.diagnostics.length;
  }
  output.appendLine(`Verification: ${result.verified} verified, ${result.failed} failed${result.setupErrors.length ? `; ${result.setupErrors.join('; ')}` : ''}`);
  if (args.report !== false) {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.markdown });
    await vscode.commands.executeCommand('markdown.showPreview', doc.uri).then(undefined, () => vscode.window.showTextDocument(doc));
  }
  const message = `Safe Migrations: ${result.verified} verified, ${result.failed} failed.`;
  if (result.failed || result.setupErrors.length) void vscode.window.showWarningMessage(result.setupErrors.length ? `${message} ${result.setupErrors[0]}` : message);
  else void vscode.window.showInformationMessage(message);
  return { ...summary(result), diagnostics: count };
}

function summary(r: VerifyRequestResult): Omit<VerifyRequestResult, 'files'> {
  return { cancelled: r.cancelled, verified: r.verified, failed: r.failed, setupErrors: r.setupErrors, markdown: r.markdown };
}
