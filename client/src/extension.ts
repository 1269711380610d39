// The VS Code side: starts the language server, shows the detected project in the status bar, and
// offers the project-details, restart and scaffolding commands. All analysis lives in the server.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, DidChangeConfigurationNotification, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { PROJECT_FILE_GLOBS, PROJECTS_CHANGED_NOTIFICATION, PROJECTS_REQUEST, type InitializationOptions, type ProjectsResult, type SettingsOverrides } from '../../server/src/lsp/protocol';
import { describeProjects, statusBarText } from './projectText';
import { registerScaffoldCommands } from './scaffoldCommands';
import { registerSplitCommand } from './splitCommand';
import { registerVerifyCommand } from './verifyCommand';
import { registerDownCommand } from './downCommand';
import { registerBaselineCommand } from './baselineCommand';
import { registerPortCommand } from './portCommand';

const SETTING_KEYS: (keyof SettingsOverrides)[] = [
  'dialect', 'postgresVersion', 'mysqlVersion', 'mariadbVersion', 'recentlyCreated',
  'smallTables', 'rules', 'migrationsPaths', 'typeormTransactionMode', 'extends', 'startAfter', 'scope',
];
// Globs stay flat: VS Code's glob matcher does not support nested braces.
/** Files whose presence means "there is something to check here". */
const PROJECT_MARKERS = '**/{ormconfig.*,.sequelizerc,schema.prisma,*data-source*.ts,*data-source*.js,*.sql,migrations/*.ts,migrations/*.js,migrations/*.cjs,migrations/*.mjs}';
/** Files whose change can change detection or config: the server re-detects and re-checks. */
const PROJECT_FILES = `{${PROJECT_FILE_GLOBS.join(',')}}`;

/** What activate() returns: used by the e2e tests, and by other extensions if they want it. */
export interface SafeMigrationsApi {
  /** Resolves once the language server is running (or immediately when it was not started). */
  ready(): Promise<boolean>;
  projects(): Promise<ProjectsResult>;
  statusBarText(): string;
  /** Any of the server's custom requests (safeMigrations/catalog, /patterns, /scaffold); starts the server if idle. */
  request<R>(method: string, params?: unknown): Promise<R>;
}

let client: LanguageClient | undefined;
let statusItem: vscode.StatusBarItem;
let output: vscode.OutputChannel;
/** The language server's log, kept across restarts (a new client would open a second channel). */
let serverLog: vscode.LogOutputChannel;
let starting: Promise<boolean> = Promise.resolve(false);

export async function activate(context: vscode.ExtensionContext): Promise<SafeMigrationsApi> {
  output = vscode.window.createOutputChannel('Safe Migrations');
  serverLog = vscode.window.createOutputChannel('Safe Migrations Language Server', { log: true });
  statusItem = vscode.window.createStatusBarItem('safeMigrations.status', vscode.StatusBarAlignment.Right, 100);
  statusItem.name = 'Safe Migrations';
  statusItem.command = 'safeMigrations.showProjectDetails';
  statusItem.text = '$(database) Safe Migrations';
  context.subscriptions.push(output, serverLog, statusItem);

  context.subscriptions.push(
    vscode.commands.registerCommand('safeMigrations.showProjectDetails', async () => {
      const projects = await currentProjects();
      output.clear();
      output.appendLine(describeProjects(projects));
      output.show(true);
    }),
    vscode.commands.registerCommand('safeMigrations.restartServer', async () => {
      await stopClient();
      starting = startClient(context);
      await starting;
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('safeMigrations') && client?.isRunning()) {
        void client.sendNotification(DidChangeConfigurationNotification.type, { settings: explicitSettings() }).then(() => refreshStatus());
      }
    }),
  );

  // The scaffolding commands work in any workspace: they start the server if it is idle.
  const request = async <R>(method: string, params?: unknown, token?: vscode.CancellationToken): Promise<R> => {
    await starting;
    if (!client) {
      starting = startClient(context);
      await starting;
    }
    if (!client?.isRunning()) throw new Error('the language server is not running (see the "Safe Migrations Language Server" output).');
    return client.sendRequest<R>(method, params, token);
  };
  registerScaffoldCommands(context, request, output);
  registerSplitCommand(context, request, output);
  registerVerifyCommand(context, request, output, (method, handler) => client?.onNotification(method, handler));
  registerDownCommand(context, request, output);
  registerBaselineCommand(context, request);
  registerPortCommand(context, request, output);

  starting = (async () => {
    // A failed look-up is no reason to stay silent: start the server.
    if (await workspaceHasMigrations().catch(() => true)) return startClient(context);
    // Nothing found: stay idle until a SQL file is opened.
    statusItem.text = '$(database) Safe Migrations: no ORM project';
    statusItem.show();
    const whenSql = vscode.workspace.onDidOpenTextDocument((doc) => {
      if (doc.languageId === 'sql' && !client) {
        whenSql.dispose();
        starting = startClient(context);
      }
    });
    context.subscriptions.push(whenSql);
    if (vscode.workspace.textDocuments.some((d) => d.languageId === 'sql')) return startClient(context);
    return false;
  })();

  return {
    ready: () => starting,
    projects: currentProjects,
    statusBarText: () => statusItem.text,
    request,
  };
}

export async function deactivate(): Promise<void> {
  await stopClient();
}

/** Cheap: one findFiles for ORM/migration markers, then package.json dependencies of the workspace roots. */
async function workspaceHasMigrations(): Promise<boolean> {
  if (!vscode.workspace.workspaceFolders?.length) return vscode.workspace.textDocuments.some((d) => d.languageId === 'sql');
  const found = await vscode.workspace.findFiles(PROJECT_MARKERS, '**/node_modules/**', 1);
  if (found.length) return true;
  for (const pkg of await vscode.workspace.findFiles('**/package.json', '**/node_modules/**', 20)) {
    try {
      const text = Buffer.from(await vscode.workspace.fs.readFile(pkg)).toString('utf8');
      if (/"(typeorm|sequelize|sequelize-cli|umzug|prisma|@prisma\/client)"\s*:/.test(text)) return true;
    } catch { /* unreadable package.json: ignore */ }
  }
  return false;
}

/** Only values the user set, so a setting's default never hides `.safe-migrations.json`. */
function explicitSettings(): SettingsOverrides {
  const config = vscode.workspace.getConfiguration('safeMigrations');
  const out: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const i = config.inspect(key);
    const value = i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
    if (value !== undefined) out[key] = value;
  }
  return out as SettingsOverrides;
}

async function startClient(context: vscode.ExtensionContext): Promise<boolean> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const initializationOptions: InitializationOptions = { settings: explicitSettings(), watchesProjectFiles: true };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'typescript' },
      { scheme: 'file', language: 'javascript' },
      { scheme: 'file', language: 'sql' },
    ],
    initializationOptions,
    outputChannel: serverLog,
    // Project files, and deletions of anything: a deleted folder arrives as the folder's own event only, which no
    // project-file glob matches (the server re-detects when it held a project).
    synchronize: { fileEvents: [vscode.workspace.createFileSystemWatcher(PROJECT_FILES), vscode.workspace.createFileSystemWatcher('**/*', true, true, false)] },
  };
  const c = new LanguageClient('safeMigrations', 'Safe Migrations Language Server', serverOptions, clientOptions);
  client = c;
  try {
    await c.start();
  } catch (e) {
    output.appendLine(`Safe Migrations language server failed to start: ${(e as Error).message}`);
    statusItem.text = '$(error) Safe Migrations';
    statusItem.show();
    return false;
  }
  await refreshStatus();
  // Detection can change (package.json edited, folder added): keep the status bar current.
  context.subscriptions.push(c.onNotification(PROJECTS_CHANGED_NOTIFICATION, () => void refreshStatus()));
  return true;
}

async function stopClient(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) {
    try { await c.stop(); } catch (e) { output.appendLine(`stopping the server: ${(e as Error).message}`); }
  }
}

async function currentProjects(): Promise<ProjectsResult> {
  await starting;
  if (!client?.isRunning()) return [];
  try { return await client.sendRequest<ProjectsResult>(PROJECTS_REQUEST); } catch (e) {
    output.appendLine(`could not read projects: ${(e as Error).message}`);
    return [];
  }
}

async function refreshStatus(): Promise<void> {
  if (!client?.isRunning()) return;
  let projects: ProjectsResult = [];
  try { projects = await client.sendRequest<ProjectsResult>(PROJECTS_REQUEST); } catch { /* shown as no project */ }
  statusItem.text = statusBarText(projects);
  statusItem.tooltip = 'Safe Migrations: click for detected projects';
  statusItem.show();
}
