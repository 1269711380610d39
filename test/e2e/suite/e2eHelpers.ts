// Shared by the e2e suites: the extension's API, the opened workspace, and waiting for diagnostics.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ProjectInfo } from '../../../server/src/project/types';

export interface Api { ready(): Promise<boolean>; projects(): Promise<ProjectInfo[]>; statusBarText(): string; request<R>(method: string, params?: unknown): Promise<R> }

export const EXTENSION_ID = 'safe-migrations.safe-migrations';
export const SOURCE = 'safe-migrations';

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test run opens a workspace folder');
  return folder.uri.fsPath;
}

export async function api(): Promise<Api> {
  const ext = vscode.extensions.getExtension<Api>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed in the host`);
  const exports = await ext.activate();
  assert.equal(await exports.ready(), true, 'language server started');
  return exports;
}

/** Our diagnostics for a document, once `accept` is satisfied (diagnostics arrive asynchronously). */
export async function diagnosticsFor(uri: vscode.Uri, accept: (d: vscode.Diagnostic[]) => boolean, timeoutMs = 10_000): Promise<vscode.Diagnostic[]> {
  const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const d = ours();
    if (accept(d)) return d;
    await new Promise((r) => setTimeout(r, 100));
  }
  const last = ours();
  assert.fail(`diagnostics for ${path.basename(uri.fsPath)} never matched; last: ${JSON.stringify(last.map((d) => ({ code: d.code, message: d.message })))}`);
}

export async function open(rel: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(path.join(workspaceRoot(), rel));
  await vscode.window.showTextDocument(doc);
  return doc;
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

export async function hoverText(doc: vscode.TextDocument, needle: string): Promise<string> {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `"${needle}" is in ${path.basename(doc.uri.fsPath)}`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(at + 2));
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

