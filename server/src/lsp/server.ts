// The language server: a thin adapter from LSP to the engine. Node IPC when started by the VS Code
// client, `--stdio` for other editors (createConnection reads the transport from argv).
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { initEngine } from '../engine/engine';
import { hoverAt } from '../engine/hover';
import { LineIndex } from '../model/text';
import { codeActions } from './codeActions';
import { installCustomRequests, registerCustomRequest } from './customRequests';
import { toDiagnostics } from './diagnostics';
import { DocumentAnalyzer } from './documentAnalysis';
import { registerScaffoldRequests } from './scaffoldRequests';
import { installVerifyRequest } from './verifyRequests';
import './baselineRequest'; // registers safeMigrations/baseline
import './portRequest'; // registers safeMigrations/port
import { FIX_ALL_KIND, PROJECT_FILE_GLOBS, PROJECTS_CHANGED_NOTIFICATION, PROJECTS_REQUEST, type InitializationOptions, type ProjectsResult, type SettingsOverrides } from './protocol';
import { PROJECT_FILE_PATTERN, WorkspaceState } from './workspaceState';

// The bench sets SAFE_MIGRATIONS_DEBOUNCE_MS=0 to time the analysis itself.
const DEBOUNCE_MS = Number(process.env.SAFE_MIGRATIONS_DEBOUNCE_MS ?? 150);

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const log = (message: string) => connection.console.log(message);
const workspace = new WorkspaceState(log);
const analyzer = new DocumentAnalyzer(workspace, (file) => openTextOf(file));
const pending = new Map<string, NodeJS.Timeout>();
let engineReady: Promise<void> = Promise.resolve();
let canCreateFiles = false;
let workspaceFolderEvents = false;
let registerFileWatchers = false;

function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try { return fileURLToPath(uri); } catch { return undefined; }
}

function openTextOf(file: string): string | undefined {
  for (const doc of documents.all()) if (filePath(doc.uri) === file) return doc.getText();
  return undefined;
}

/** Handlers never throw into the connection: a bug in the engine costs one result, not the server. */
function guarded<A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R): (...args: A) => R {
  return (...args: A) => {
    try { return fn(...args); } catch (e) {
      connection.console.error(`${name} failed: ${(e as Error).stack ?? e}`);
      return fallback;
    }
  };
}

function schedule(doc: TextDocument, delay = DEBOUNCE_MS): void {
  const previous = pending.get(doc.uri);
  if (previous) clearTimeout(previous);
  pending.set(doc.uri, setTimeout(() => {
    pending.delete(doc.uri);
    void engineReady.then(() => publish(doc.uri), () => publish(doc.uri));
  }, delay));
}

const publish = async (uri: string): Promise<void> => {
  try {
    const doc = documents.get(uri);
    if (!doc) return;
    const file = filePath(uri);
    if (!analyzer.isCandidate(doc, file)) {
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    const started = Date.now();
    // Read, then rules, in two steps: a hover arriving meanwhile is answered in between.
    const analysis = await analyzer.analyseInSteps(doc, file);
    // A newer version arrived while we worked: its own timer will publish.
    if (documents.get(uri)?.version !== analysis.version) return;
    void connection.sendDiagnostics({ uri, version: analysis.version, diagnostics: toDiagnostics(analysis) });
    const took = Date.now() - started;
    if (took > 200) log(`analysed ${file} in ${took} ms`);
  } catch (e) {
    // Never thrown into the connection: a bug in the engine costs one result, not the server.
    connection.console.error(`diagnostics failed: ${(e as Error).stack ?? e}`);
  }
};

function republishAll(): void {
  void connection.sendNotification(PROJECTS_CHANGED_NOTIFICATION).catch(() => undefined);
  analyzer.invalidateAll();
  for (const doc of documents.all()) schedule(doc, 0);
}

connection.onInitialize((params): InitializeResult => {
  const folders = (params.workspaceFolders ?? []).map((f) => filePath(f.uri)).filter((f): f is string => !!f);
  if (folders.length === 0 && params.rootUri) {
    const root = filePath(params.rootUri);
    if (root) folders.push(root);
  }
  const options = (params.initializationOptions ?? {}) as InitializationOptions;
  workspaceFolderEvents = !!params.capabilities.workspace?.workspaceFolders;
  registerFileWatchers = !options.watchesProjectFiles && !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  canCreateFiles = !!params.capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('create');
  workspace.setFolders(folders);
  workspace.setSettings(options.settings);
  try { workspace.refresh(); } catch (e) { connection.console.error(`initial detection failed: ${e}`); }
  engineReady = initEngine().catch((e) => connection.console.error(`engine init failed: ${(e as Error).stack ?? e}`));
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'safe-migrations' },
  };
});

connection.onInitialized(() => {
  if (registerFileWatchers) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [...PROJECT_FILE_GLOBS.map((globPattern) => ({ globPattern })), { globPattern: '**/*', kind: 4 /* WatchKind.Delete */ }] })
      .catch((e) => log(`file watchers not registered: ${e}`));
  }
  if (!workspaceFolderEvents) return;
  connection.workspace.onDidChangeWorkspaceFolders(guarded('workspace folders', undefined, (event) => {
    void event;
    void connection.workspace.getWorkspaceFolders().then((folders) => {
      workspace.setFolders((folders ?? []).map((f) => filePath(f.uri)).filter((f): f is string => !!f));
      workspace.refresh();
      republishAll();
    }, () => undefined);
  }));
});

connection.onDidChangeConfiguration(guarded('configuration', undefined, (params) => {
  // The VS Code client sends its explicit settings; other clients may send { safeMigrations: {...} }.
  const s = params.settings as { safeMigrations?: SettingsOverrides } & SettingsOverrides | null | undefined;
  if (!s || typeof s !== 'object') return;
  workspace.setSettings(s.safeMigrations ?? s);
  workspace.refresh();
  republishAll();
}));

connection.onDidChangeWatchedFiles(guarded('watched files', undefined, (params) => {
  const removesProject = (p: string | undefined) => !!p && workspace.projects.some((pr) => pr.root === p || pr.root.startsWith(p + path.sep));
  if (!params.changes.some((c) => PROJECT_FILE_PATTERN.test(filePath(c.uri) ?? c.uri) || (c.type === FileChangeType.Deleted && removesProject(filePath(c.uri))))) return;
  workspace.refresh();
  republishAll();
}));

// Fires on open too: a document never analysed yet is checked at once, edits are debounced.
documents.onDidChangeContent((e) => schedule(e.document, analyzer.seen(e.document.uri) ? DEBOUNCE_MS : 0));
documents.onDidClose((e) => {
  const t = pending.get(e.document.uri);
  if (t) clearTimeout(t);
  pending.delete(e.document.uri);
  analyzer.forget(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onHover(async (params) => {
  await engineReady;
  return guarded('hover', null, () => {
    const doc = documents.get(params.textDocument.uri);
    const file = filePath(params.textDocument.uri);
    if (!doc || !analyzer.isCandidate(doc, file)) return null;
    // While the user types, the last analysis answers (offsets mapped across the edit): no waiting for a new one.
    const { analysis, toAnalysed, toCurrent } = analyzer.hoverView(doc, file);
    if (analysis.skipped) return null;
    const lines = new LineIndex(doc.getText());
    const offset = toAnalysed(lines.offsetAt(params.position));
    if (offset === undefined) return null;
    const hover = hoverAt(analysis.model, offset, analysis.config);
    if (!hover || !hover.markdown) return null;
    return { contents: { kind: 'markdown' as const, value: hover.markdown }, range: lines.range(toCurrent(hover.start), toCurrent(hover.end)) };
  })();
});

connection.onCodeAction(async (params) => {
  await engineReady;
  return guarded('code actions', [], () => {
    const doc = documents.get(params.textDocument.uri);
    const file = filePath(params.textDocument.uri);
    if (!doc || !analyzer.isCandidate(doc, file)) return [];
    return codeActions(analyzer.analyse(doc, file), params, canCreateFiles, () => analyzer.history(file, analyzer.analyse(doc, file).model));
  })();
});

registerCustomRequest(PROJECTS_REQUEST, (): ProjectsResult => workspace.projects);
registerScaffoldRequests();
installCustomRequests(connection, { workspace, log, readOpenText: openTextOf, history: (f, m) => analyzer.history(f, m) });

// Verification needs the request's cancellation token and sends progress: it installs itself.
installVerifyRequest(connection, { workspace, log, readOpenText: openTextOf });

process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e.stack ?? e}`));
process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${(e as Error)?.stack ?? e}`));

documents.listen(connection);
connection.listen();
