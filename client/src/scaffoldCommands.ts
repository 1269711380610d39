// The "Safe Migrations: New …" commands: pick a pattern and a target, answer the pattern's questions,
// see the files, confirm, and get them created through one undoable WorkspaceEdit. The server renders;
// nothing is written before the confirmation.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { createFileWithText } from './newFileEdit';
import {
  CATALOG_REQUEST, PATTERNS_REQUEST, SCAFFOLD_REQUEST,
  type CatalogProject, type CatalogResult, type PatternsResult, type ScaffoldParams, type ScaffoldRequestResult, type ScaffoldRequestTarget, type ScaffoldTargetCandidate,
} from '../../server/src/lsp/protocol';
import type { CatalogTable } from '../../server/src/engine/schemaCatalog';
import type { ParamSpec, PatternInfo, ScaffoldDialect } from '../../server/src/patterns/types';
import { dialectLabel } from './projectText';
import { NEW_COMMAND_PREFIX, NEW_MIGRATION_COMMAND, catalogDefault, checkParamInput, confirmDetail, confirmMessage, defaultFor, targetLabel } from './scaffoldText';
import { checkValueForType } from '../../server/src/patterns/params';

/** What a test or a keybinding passes to run a command without questions. */
export interface NewMigrationArgs {
  patternId?: string;
  /** Given: no parameter is asked for; missing ones take the pattern's defaults. */
  params?: Record<string, string>;
  /** Picks among the detected targets (or is used as is when orm, dialect and dir are all given). */
  target?: Partial<ScaffoldRequestTarget>;
  /** false: no confirmation dialog (tests). */
  confirm?: false;
  /** Workspace folder or file whose project to use; default: the active editor's, then every workspace folder. */
  uri?: string;
}

export interface NewMigrationResult { files: string[]; notes: string[] }

export type ServerRequest = <R>(method: string, params?: unknown) => Promise<R>;

class Cancelled extends Error {}

export function registerScaffoldCommands(context: vscode.ExtensionContext, request: ServerRequest, output: vscode.OutputChannel): void {
  const ids = ((context.extension.packageJSON as { contributes?: { commands?: { command: string }[] } }).contributes?.commands ?? [])
    .map((c) => c.command).filter((c) => c.startsWith(NEW_COMMAND_PREFIX));
  const run = (patternId: string | undefined) => (arg?: NewMigrationArgs) => newMigration(request, output, patternId, arg);
  for (const id of ids) context.subscriptions.push(vscode.commands.registerCommand(id, run(id.slice(NEW_COMMAND_PREFIX.length))));
  context.subscriptions.push(vscode.commands.registerCommand(NEW_MIGRATION_COMMAND, run(undefined)));
}

/** Runs the whole flow; undefined when the user cancels. With `params` in the argument, errors are thrown to the caller. */
async function newMigration(request: ServerRequest, output: vscode.OutputChannel, commandPattern: string | undefined, rawArg?: unknown): Promise<NewMigrationResult | undefined> {
  // A command run from a menu gets a Uri (or nothing), not our argument object.
  const arg: NewMigrationArgs | undefined = rawArg && typeof rawArg === 'object' && !(rawArg instanceof vscode.Uri) ? rawArg as NewMigrationArgs : undefined;
  const fromUri = rawArg instanceof vscode.Uri ? rawArg.toString() : undefined;
  // With every answer given nobody is watching: errors go to the caller instead of a notification.
  const unattended = !!arg?.params;
  try {
    const patterns = await request<PatternsResult>(PATTERNS_REQUEST);
    const pattern = await pickPattern(patterns, arg?.patternId ?? commandPattern);
    const target = await pickTarget(request, pattern, arg, fromUri);
    const params = arg?.params ? { ...arg.params } : await askParams(pattern, target.project, target.target.dialect);
    const scaffoldParams: ScaffoldParams = { patternId: pattern.id, params, target: target.target };
    const result = await request<ScaffoldRequestResult>(SCAFFOLD_REQUEST, scaffoldParams);
    return await createFiles(result, target.target.dir, arg?.confirm !== false, output, !unattended);
  } catch (e) {
    if (e instanceof Cancelled) return undefined;
    const message = (e as Error).message;
    if (unattended) throw e;
    void vscode.window.showErrorMessage(`Safe Migrations: ${message}`);
    return undefined;
  }
}

async function pickPattern(patterns: PatternInfo[], id: string | undefined): Promise<PatternInfo> {
  if (id) {
    const found = patterns.find((p) => p.id === id);
    if (!found) throw new Error(`Unknown pattern "${id}".`);
    return found;
  }
  const picked = await vscode.window.showQuickPick(patterns.map((p) => ({ label: p.title, detail: p.description, pattern: p })), {
    title: 'Safe Migrations: New Migration', placeHolder: 'Which change?', matchOnDetail: true,
  });
  if (!picked) throw new Cancelled();
  return picked.pattern;
}

/** The projects around the given URI, the active editor's file, or every workspace folder. */
async function catalogProjects(request: ServerRequest, uri: string | undefined): Promise<CatalogProject[]> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const uris = uri ? [uri]
    : active?.scheme === 'file' && vscode.workspace.getWorkspaceFolder(active) ? [active.toString()]
    : (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.toString());
  const projects: CatalogProject[] = [];
  for (const u of uris) {
    const r = await request<CatalogResult>(CATALOG_REQUEST, { uri: u });
    for (const p of r.projects) if (!projects.some((q) => q.root === p.root)) projects.push(p);
  }
  // The active file's project may have no migrations folder yet: offer the whole workspace too.
  if (!uri && uris.length === 1 && active && !projects.some((p) => p.targets.length)) {
    for (const f of vscode.workspace.workspaceFolders ?? []) {
      const r = await request<CatalogResult>(CATALOG_REQUEST, { uri: f.uri.toString() });
      for (const p of r.projects) if (!projects.some((q) => q.root === p.root)) projects.push(p);
    }
  }
  return projects;
}

async function pickTarget(request: ServerRequest, pattern: PatternInfo, arg: NewMigrationArgs | undefined, fromUri: string | undefined): Promise<{ target: ScaffoldRequestTarget; project?: CatalogProject }> {
  const projects = await catalogProjects(request, arg?.uri ?? fromUri);
  const wanted = arg?.target ?? {};
  const samePath = (a: string, b: string) => path.resolve(a) === path.resolve(b);
  const within = (child: string, parent: string) => { const rel = path.relative(parent, child); return !rel.startsWith('..') && !path.isAbsolute(rel); };
  let candidates = projects.flatMap((project) => project.targets.map((t) => ({ t, project })))
    .filter(({ t }) => pattern.orms.includes(t.orm) && (!t.dialect || pattern.dialects.includes(t.dialect)))
    .filter(({ t }) => (!wanted.orm || wanted.orm === t.orm) && (!wanted.dir || samePath(wanted.dir, t.dir)));
  // Run on a folder in the explorer: that migrations folder (or the ones under it) when it is one.
  const clicked = fromUri && !arg?.uri ? vscode.Uri.parse(fromUri).fsPath : undefined;
  const atClicked = clicked ? candidates.filter(({ t }) => within(clicked, t.dir) || within(t.dir, clicked)) : [];
  if (atClicked.length) candidates = atClicked;
  let chosen: { t: ScaffoldTargetCandidate; project?: CatalogProject } | undefined;
  if (wanted.orm && wanted.dialect && wanted.dir) {
    // Fully given: used as is, with the catalogue of the project around it.
    const around = candidates[0]?.project ?? projects.find((p) => samePath(wanted.dir!, p.root) || !path.relative(p.root, wanted.dir!).startsWith('..'));
    chosen = { t: { projectRoot: around?.root ?? wanted.dir, orm: wanted.orm, dialect: wanted.dialect, dir: wanted.dir, extension: wanted.extension ?? candidates[0]?.t.extension }, project: around };
  } else if (candidates.length === 1 || (arg?.params && candidates.length > 0)) {
    chosen = candidates[0];
  } else if (candidates.length > 1) {
    const items = candidates.map((c) => {
      const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(c.t.dir));
      return { ...targetLabel(c.t, folder?.uri.fsPath), candidate: c };
    });
    const picked = await vscode.window.showQuickPick(items, { title: pattern.title, placeHolder: 'Where should the migration go?', matchOnDescription: true });
    if (!picked) throw new Cancelled();
    chosen = picked.candidate;
  }
  if (!chosen) {
    throw new Error(`no ${pattern.orms.join('/')} migrations folder was detected in this workspace. Open a file of the project, set "safeMigrations.migrationsPaths", or pass a target.`);
  }
  let dialect = wanted.dialect ?? chosen.t.dialect;
  if (!dialect) {
    if (arg?.params) throw new Error(`the dialect of ${chosen.t.dir} is not known: pass target.dialect.`);
    const picked = await vscode.window.showQuickPick(pattern.dialects.map((d) => ({ label: dialectLabel(d), dialect: d })), { title: pattern.title, placeHolder: 'Which database does this project use?' });
    if (!picked) throw new Cancelled();
    dialect = picked.dialect;
  }
  const t = chosen.t;
  const target: ScaffoldRequestTarget = {
    orm: t.orm, dialect, dir: t.dir, extension: wanted.extension ?? t.extension, now: wanted.now,
    mysqlVersion: wanted.mysqlVersion ?? t.mysqlVersion, mariadbVersion: wanted.mariadbVersion ?? t.mariadbVersion,
  };
  return { target, project: chosen.project };
}

/** Asks each ParamSpec in order: tables and columns from the catalogue (typing a new name is allowed), the rest in an input box. */
async function askParams(pattern: PatternInfo, project: CatalogProject | undefined, dialect: ScaffoldDialect): Promise<Record<string, string>> {
  const answers: Record<string, string> = {};
  const tables = project?.catalog.tables ?? [];
  const step = (i: number) => `${pattern.title} (${i + 1}/${pattern.params.length})`;
  for (const [i, spec] of pattern.params.entries()) {
    const tableName = spec.name.startsWith('ref') ? answers.refTable : answers.table;
    const table = tables.find((t) => t.name.toLowerCase() === (tableName ?? '').toLowerCase());
    const column = table?.columns.find((c) => c.name.toLowerCase() === (answers.column ?? '').toLowerCase());
    let value: string | undefined;
    if (spec.kind === 'table' && tables.length) {
      value = await pickName(step(i), spec, tables.map((t) => ({ label: t.name, description: describeTable(t) })), answers, dialect);
    } else if (spec.kind === 'column' && table?.columns.length) {
      value = await pickName(step(i), spec, table.columns.map((c) => ({ label: c.name, description: c.type ? `${c.type}${c.nullable === false ? ' not null' : ''}` : '' })), answers, dialect);
    } else if (spec.kind === 'string' && (spec.default === 'yes' || spec.default === 'no' || spec.name === 'nullable')) {
      // What the schema says comes first: the user confirms rather than recalls.
      const first = catalogDefault(spec, pattern, column) ?? spec.default ?? 'yes';
      const picked = await vscode.window.showQuickPick([first, first === 'yes' ? 'no' : 'yes'], { title: step(i), placeHolder: spec.prompt });
      if (!picked) throw new Cancelled();
      value = picked;
    } else if (spec.kind === 'columns' && table?.columns.length) {
      value = await pickColumns(step(i), spec, table.columns, new Set((defaultFor(spec, answers) ?? '').split(',').map((c) => c.trim().toLowerCase())), dialect);
    } else {
      const columnType = spec.valueOfType ? answers[spec.valueOfType] ?? column?.type : undefined;
      value = await askValue(step(i), spec, catalogDefault(spec, pattern, column) ?? defaultFor(spec, answers) ?? '', dialect, columnType);
    }
    if (value === undefined) throw new Cancelled();
    if (value.trim() !== '') answers[spec.name] = spec.kind === 'string' ? value : value.trim();
  }
  return answers;
}

/**
 * An input box checked as the user types. A value the column's type would misread (a bare word for a text column is a
 * column reference) is refused with the form that means it; Enter on such a value puts that form in the box to confirm.
 */
function askValue(title: string, spec: ParamSpec, initial: string, dialect: ScaffoldDialect, columnType: string | undefined): Promise<string | undefined> {
  return new Promise((resolve) => {
    const box = vscode.window.createInputBox();
    box.title = title;
    box.prompt = spec.prompt + (spec.required ? '' : ' (optional)');
    box.value = initial;
    const check = () => { box.validationMessage = checkParamInput(spec, box.value, dialect, columnType); };
    check();
    let done = false;
    box.onDidChangeValue(check);
    box.onDidAccept(() => {
      const suggestion = spec.valueOfType ? checkValueForType(box.value, columnType)?.suggestion : undefined;
      if (suggestion) {
        box.value = suggestion;
        check();
        box.prompt = `Changed to ${suggestion} (text). Enter to use it, or edit.`;
        return;
      }
      if (checkParamInput(spec, box.value, dialect, columnType)) return;
      done = true;
      resolve(box.value);
      box.hide();
    });
    box.onDidHide(() => { if (!done) resolve(undefined); box.dispose(); });
    box.show();
  });
}

/** Several columns: pick from the catalogue, or type names (comma-separated) it does not know. */
function pickColumns(title: string, spec: ParamSpec, columns: CatalogTable['columns'], preset: Set<string>, dialect: ScaffoldDialect): Promise<string | undefined> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<vscode.QuickPickItem>();
    qp.title = title;
    qp.canSelectMany = true;
    qp.placeholder = `${spec.prompt}: tick columns, or type names separated by commas and press Enter`;
    qp.items = columns.map((c) => ({ label: c.name, description: c.type }));
    qp.selectedItems = qp.items.filter((item) => preset.has(item.label.toLowerCase()));
    let done = false;
    qp.onDidAccept(() => {
      const typed = qp.value.split(',').map((c) => c.trim()).filter(Boolean)
        .filter((c) => !qp.selectedItems.some((item) => item.label.toLowerCase() === c.toLowerCase()));
      const value = [...qp.selectedItems.map((item) => item.label), ...typed].join(', ');
      const problem = value ? checkParamInput(spec, value, dialect) : spec.required ? `${spec.prompt}: tick at least one column or type a name.` : undefined;
      // Say why Enter did nothing, in the title the user is looking at.
      if (problem) { qp.title = `${title} — ${problem}`; return; }
      done = true;
      resolve(value);
      qp.hide();
    });
    qp.onDidHide(() => { if (!done) resolve(undefined); qp.dispose(); });
    qp.show();
  });
}

function describeTable(t: CatalogTable): string {
  const names = t.columns.map((c) => c.name);
  return `${names.slice(0, 6).join(', ')}${names.length > 6 ? ', …' : ''}`;
}

/** A QuickPick that also accepts a name that is not in the list (a table the catalogue does not know). */
function pickName(title: string, spec: ParamSpec, known: vscode.QuickPickItem[], answers: Record<string, string>, dialect: ScaffoldDialect): Promise<string | undefined> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<vscode.QuickPickItem>();
    qp.title = title;
    qp.placeholder = `${spec.prompt}: pick one or type a name`;
    const preferred = defaultFor(spec, answers);
    const sorted = preferred ? [...known].sort((a, b) => Number(b.label === preferred) - Number(a.label === preferred)) : known;
    const refresh = () => {
      const typed = qp.value.trim();
      const exact = sorted.some((k) => k.label.toLowerCase() === typed.toLowerCase());
      const problem = typed ? checkParamInput(spec, typed, dialect) : undefined;
      qp.items = typed && !exact ? [{ label: typed, description: problem ?? 'not in the catalogue: use this name', alwaysShow: true }, ...sorted] : sorted;
    };
    refresh();
    let done = false;
    qp.onDidChangeValue(refresh);
    qp.onDidAccept(() => {
      const item = qp.selectedItems[0];
      const value = item?.label ?? qp.value.trim();
      const problem = value ? checkParamInput(spec, value, dialect) : `${spec.prompt}: pick one or type a name.`;
      // Say why Enter did nothing, in the title the user is looking at.
      if (problem) { qp.title = `${title} — ${problem}`; return; }
      done = true;
      resolve(value);
      qp.hide();
    });
    qp.onDidHide(() => { if (!done) resolve(undefined); qp.dispose(); });
    qp.show();
  });
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try { await vscode.workspace.fs.stat(uri); return true; } catch { return false; }
}

async function createFiles(result: ScaffoldRequestResult, dir: string, confirm: boolean, output: vscode.OutputChannel, interactive: boolean): Promise<NewMigrationResult | undefined> {
  const uris = result.files.map((f) => vscode.Uri.file(f.path));
  const taken: string[] = [];
  for (const u of uris) if (await exists(u)) taken.push(u.fsPath);
  if (taken.length) throw new Error(`not overwriting ${taken.join(', ')}`);
  const folder = vscode.workspace.asRelativePath(vscode.Uri.file(dir), true);
  if (confirm) {
    const answer = await vscode.window.showInformationMessage(confirmMessage(uris.length, folder), { modal: true, detail: confirmDetail(result.files.map((f) => f.path), dir, result.notes) }, 'Create');
    if (answer !== 'Create') throw new Cancelled();
  }
  const edit = new vscode.WorkspaceEdit();
  result.files.forEach((f, i) => createFileWithText(edit, uris[i], f.text));
  if (!await vscode.workspace.applyEdit(edit)) throw new Error(`could not create the files in ${folder}`);
  await vscode.window.showTextDocument(uris[0], { preview: false });
  output.appendLine(`Created ${uris.length} migration file(s) in ${folder}:`);
  for (const u of uris) output.appendLine(`  ${vscode.workspace.asRelativePath(u, false)}`);
  for (const n of result.notes) output.appendLine(`  note: ${n}`);
  if (interactive) {
    const summary = `Safe Migrations: created ${uris.length} file${uris.length === 1 ? '' : 's'} in ${folder}.${result.notes.length ? ' ' + result.notes[0] : ''}`;
    void vscode.window.showInformationMessage(summary, ...(result.notes.length ? ['Show Notes'] : [])).then((a) => { if (a) output.show(true); });
  }
  return { files: uris.map((u) => u.fsPath), notes: result.notes };
}
