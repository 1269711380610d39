// Scaffolding end to end in the real extension host: the catalogue request, and the "New …" commands
// run with an argument object (no dialogs) creating files in the scratch copy of the fixture.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CatalogResult } from '../../../server/src/lsp/protocol';
import { api, hoverText, SOURCE, workspaceRoot } from './e2eHelpers';

interface NewResult { files: string[]; notes: string[] }

function newFiles(dir: string, before: Set<string>): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => !before.has(f)).sort() : [];
}

function listing(dir: string): Set<string> {
  return new Set(fs.existsSync(dir) ? fs.readdirSync(dir) : []);
}

suite('Scaffolding from the command palette', () => {
  test('[engine] safeMigrations/catalog returns the fixture tables with their columns and the TypeORM target', async () => {
    const exports = await api();
    const root = workspaceRoot();
    const result = await exports.request<CatalogResult>('safeMigrations/catalog', { uri: vscode.Uri.file(root).toString() });
    const project = result.projects.find((p) => p.root === root);
    assert.ok(project, JSON.stringify(result.projects.map((p) => p.root)));
    const columns = new Map(project.catalog.tables.map((t) => [t.name, t.columns.map((c) => c.name)]));
    for (const table of ['users', 'orders', 'products']) assert.ok(columns.get(table)?.includes('id'), `${table}: ${JSON.stringify([...columns])}`);
    assert.ok(columns.get('users')!.includes('email'));
    assert.ok(columns.get('orders')!.includes('created_at'));
    assert.deepEqual(project.targets.map((t) => [t.orm, t.dialect, t.dir, t.extension]), [['typeorm', 'postgres', path.join(root, 'src/migrations'), '.ts']]);
  });

  test('[engine] New: Add an index online creates a TypeORM migration in src/migrations, opens it, and the rules accept it', async () => {
    await api();
    const dir = path.join(workspaceRoot(), 'src/migrations');
    const before = listing(dir);
    const result = await vscode.commands.executeCommand<NewResult>('safeMigrations.new.addIndexOnline', { params: { table: 'orders', columns: 'created_at' }, confirm: false });
    const created = newFiles(dir, before);
    assert.deepEqual(created, result.files.map((f) => path.basename(f)));
    assert.equal(created.length, 1);
    const m = /^(\d{13})-(AddIndexOrdersCreatedAt)\.ts$/.exec(created[0]);
    assert.ok(m, `TypeORM naming: ${created[0]}`);
    const text = fs.readFileSync(path.join(dir, created[0]), 'utf8');
    assert.match(text, new RegExp(`export class AddIndexOrdersCreatedAt${m[1]} implements MigrationInterface`));
    assert.match(text, /\n\s*transaction = false;/);
    assert.match(text, /CREATE INDEX CONCURRENTLY IF NOT EXISTS "orders_created_at_idx" ON "orders" \("created_at"\)/);
    assert.ok(result.notes.some((n) => /transaction = false/.test(n)), JSON.stringify(result.notes));

    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.fsPath, path.join(dir, created[0]), 'the new migration is open');
    assert.equal(editor.document.isDirty, false, 'and saved');
    // The server read it as a migration (hover), then: no warnings or errors, only intended notes.
    assert.match(await hoverText(editor.document, 'CREATE INDEX CONCURRENTLY'), /createIndex/);
    await new Promise((r) => setTimeout(r, 800));
    const serious = vscode.languages.getDiagnostics(editor.document.uri)
      .filter((d) => d.source === SOURCE && d.severity <= vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(serious.map((d) => `${String(typeof d.code === 'object' ? d.code.value : d.code)}: ${d.message}`), []);
  });

  test('New Migration (generic) renders for Sequelize and Prisma targets: their naming, nested folders created', async () => {
    await api();
    const root = workspaceRoot();
    const params = { table: 'users', column: 'nickname', type: 'text' };
    const seqDir = path.join(root, 'db/migrations');
    const seq = await vscode.commands.executeCommand<NewResult>('safeMigrations.newMigration', { patternId: 'addColumnNullable', params, target: { orm: 'sequelize', dialect: 'postgres', dir: seqDir }, confirm: false });
    assert.deepEqual(newFiles(seqDir, new Set()), seq.files.map((f) => path.basename(f)));
    assert.match(path.basename(seq.files[0]), /^\d{14}-add-nickname-to-users\.js$/);
    assert.match(fs.readFileSync(seq.files[0], 'utf8'), /async up\(queryInterface, Sequelize\)/);

    const prismaDir = path.join(root, 'prisma/migrations');
    const prisma = await vscode.commands.executeCommand<NewResult>('safeMigrations.newMigration', { patternId: 'addColumnNullable', params, target: { orm: 'prisma', dialect: 'postgres', dir: prismaDir }, confirm: false });
    const [folder] = newFiles(prismaDir, new Set());
    assert.match(folder, /^\d{14}_add_nickname_to_users$/);
    assert.deepEqual(fs.readdirSync(path.join(prismaDir, folder)).sort(), ['down.sql', 'migration.sql']);
    assert.deepEqual(prisma.files.map((f) => path.relative(prismaDir, f)).sort(), [`${folder}/down.sql`, `${folder}/migration.sql`]);
    assert.match(fs.readFileSync(path.join(prismaDir, folder, 'migration.sql'), 'utf8'), /ADD COLUMN IF NOT EXISTS "nickname" text/);
  });

  test('the questions: a table picked from the catalogue and a default accepted (QuickPick and InputBox driven by accept commands)', async () => {
    await api();
    const dir = path.join(workspaceRoot(), 'src/migrations');
    const before = listing(dir);
    // No params in the argument: the command asks for them; confirm: false skips only the modal.
    let finished = false;
    const running = Promise.resolve(vscode.commands.executeCommand<NewResult | undefined>('safeMigrations.new.checkpointTable', { confirm: false }))
      .finally(() => { finished = true; });
    for (let i = 0; i < 60 && !finished; i++) {
      await new Promise((r) => setTimeout(r, 250));
      if (!finished) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    }
    const result = await running;
    assert.ok(result, 'the flow completed');
    const created = newFiles(dir, before);
    assert.deepEqual(created, result.files.map((f) => path.basename(f)));
    // The catalogue's first table (sorted) was offered first, and the checkpoint name kept its default.
    assert.match(created[0], /^\d{13}-CheckpointOrders\w*\.ts$/);
    assert.match(fs.readFileSync(path.join(dir, created[0]), 'utf8'), /orders_checkpoint/);
  });

  test('contributed snippets complete in SQL and TypeScript files', async () => {
    await api();
    const labels = async (language: string, typed: string) => {
      const doc = await vscode.workspace.openTextDocument({ language, content: typed });
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, doc.positionAt(typed.length));
      return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    };
    assert.ok((await labels('sql', 'sql-add-index')).some((l) => l.startsWith('sql-add-index-online')), 'SQL snippet');
    const ts = await labels('typescript', 'typeorm-add-index');
    assert.ok(ts.some((l) => l.startsWith('typeorm-add-index-online')), `TypeORM snippet in ${JSON.stringify(ts.slice(0, 20))}`);
    assert.ok((await labels('javascript', 'sequelize-add-index')).some((l) => l.startsWith('sequelize-add-index-online')), 'Sequelize snippet');
  });

  test('a parameter the engine refuses fails the command with its message, and nothing is written', async () => {
    await api();
    const dir = path.join(workspaceRoot(), 'src/migrations');
    const before = listing(dir);
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('safeMigrations.new.addIndexOnline', { params: { table: 'x'.repeat(70), columns: 'a' }, confirm: false })),
      /x{70}/,
    );
    assert.deepEqual(newFiles(dir, before), []);
  });
});
