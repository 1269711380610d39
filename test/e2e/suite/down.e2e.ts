// "Generate down()" in the real extension host: the quick fix on missing-down writes the down from
// the folder's history, the finding goes, and ONE workbench undo takes it back; the command
// "Safe Migrations: Generate Down Migration" does the same for the current file.
// Input: test/e2e/workspace/src/migrations/1700000700000-AddNoteWithoutDown.ts (products from the fixture's history).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, codeOf, diagnosticsFor, open, workspaceRoot } from './e2eHelpers';

const DOWN_COMMAND = 'safeMigrations.generateDown';
const REL = 'src/migrations/1700000700000-AddNoteWithoutDown.ts';
const DOWN = [
  '',
  '',
  '  public async down(queryRunner: QueryRunner): Promise<void> {',
  '    await queryRunner.query(\'ALTER TABLE "products" DROP COLUMN IF EXISTS "note"\');',
  '  }',
].join('\n');

/** The original with the generated down after its up method. */
const withDown = (original: string) => original.replace(/(\n  public async up[\s\S]*?\n  \})/, `$1${DOWN}`);

async function undoneAndClosed(doc: vscode.TextDocument, original: string): Promise<void> {
  fs.writeFileSync(doc.uri.fsPath, original);
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

suite('Generate the down', () => {
  test('[engine] "Generate down()" from the missing-down lightbulb: preferred, the down written from the history, the finding gone; one undo restores the file', async () => {
    await api();
    const doc = await open(REL);
    const original = doc.getText();
    const diags = await diagnosticsFor(doc.uri, (d) => d.some((x) => codeOf(x) === 'missing-down'));
    const missing = diags.find((x) => codeOf(x) === 'missing-down')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, missing.range, vscode.CodeActionKind.QuickFix.value);
    const generate = actions.find((a) => a.title.startsWith('Generate down()'));
    assert.ok(generate?.edit, `a Generate down() action; got ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(generate.title, 'Generate down()', 'complete: no "(incomplete …)" in the title');
    assert.equal(generate.isPreferred, true);
    try {
      assert.equal(await vscode.workspace.applyEdit(generate.edit), true);
      assert.equal(doc.getText(), withDown(original));
      await diagnosticsFor(doc.uri, (d) => !d.some((x) => codeOf(x) === 'missing-down'));

      // ONE undo, from the editor, takes the whole edit back.
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('undo');
      assert.equal(doc.getText(), original, 'the file as it was, after one undo');
      assert.equal(doc.isDirty, false);
    } finally {
      await undoneAndClosed(doc, original);
    }
  });

  test('[engine] "Generate down.sql" on a Prisma migration creates down.sql beside migration.sql in the same edit; one undo removes it', async () => {
    await api();
    const dir = path.join(workspaceRoot(), 'down-prisma');
    const write = (rel: string, text: string) => { fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true }); fs.writeFileSync(path.join(dir, rel), text); };
    write('prisma/schema.prisma', 'datasource db {\n  provider = "postgresql"\n}\n');
    write('prisma/migrations/20240101000000_init/migration.sql', 'CREATE TABLE "orders" ("id" SERIAL NOT NULL, "status" TEXT NOT NULL, CONSTRAINT "orders_pkey" PRIMARY KEY ("id"));\n');
    write('prisma/migrations/20240102000000_orders_status_index/migration.sql', '-- CreateIndex\nCREATE INDEX "orders_status_idx" ON "orders"("status");\n');
    const migration = vscode.Uri.file(path.join(dir, 'prisma/migrations/20240102000000_orders_status_index/migration.sql'));
    const downSql = vscode.Uri.file(path.join(dir, 'prisma/migrations/20240102000000_orders_status_index/down.sql'));
    try {
      const doc = await vscode.workspace.openTextDocument(migration);
      await vscode.window.showTextDocument(doc);
      const diags = await diagnosticsFor(doc.uri, (d) => d.some((x) => codeOf(x) === 'missing-down'));
      const missing = diags.find((x) => codeOf(x) === 'missing-down')!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, missing.range, vscode.CodeActionKind.QuickFix.value);
      const generate = actions.find((a) => a.title.startsWith('Generate down.sql'));
      assert.ok(generate?.edit, `a Generate down.sql action; got ${JSON.stringify(actions.map((a) => a.title))}`);
      assert.equal(generate.title, 'Generate down.sql');
      assert.equal(await vscode.workspace.applyEdit(generate.edit), true);
      assert.ok(fs.existsSync(downSql.fsPath), 'down.sql created');
      const created = await vscode.workspace.openTextDocument(downSql);
      assert.equal(created.getText(), 'DROP INDEX IF EXISTS "orders_status_idx";\n');

      // ONE undo, from the new file's editor, removes it again.
      await vscode.window.showTextDocument(created);
      await vscode.commands.executeCommand('undo');
      const deadline = Date.now() + 10_000;
      while (fs.existsSync(downSql.fsPath) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      assert.equal(fs.existsSync(downSql.fsPath), false, 'down.sql removed by one undo');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      // The whole folder at once: its deletion reaches the server as the folder's event only (no project file's).
      fs.rmSync(dir, { recursive: true, force: true });
      // The scratch Prisma project was detected as a second project: wait until the server has forgotten it, so
      // the tests after this one see the workspace as it was.
      const exports = await api();
      const until = Date.now() + 15_000;
      while (/projects/.test(exports.statusBarText()) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      assert.doesNotMatch(exports.statusBarText(), /projects/, 'the scratch Prisma project is forgotten once deleted');
    }
  });

  test('"Safe Migrations: Generate Down Migration" on the current file writes the same down; a written down is refused without the confirmation', async () => {
    await api();
    const doc = await open(REL);
    const original = doc.getText();
    await diagnosticsFor(doc.uri, (d) => d.some((x) => codeOf(x) === 'missing-down'));
    try {
      const result = await vscode.commands.executeCommand<{ applied: { migration: string; complete: boolean; file: string }[] }>(DOWN_COMMAND, { uri: doc.uri.toString() });
      assert.deepEqual(result.applied, [{ migration: 'AddNoteWithoutDown1700000700000', complete: true, notes: [], file: path.join(workspaceRoot(), REL) }]);
      assert.equal(doc.getText(), withDown(original));
      assert.equal(await doc.save(), true);
      // Now the down is written: without "Replace" nothing changes (the dialog is answered by the test: no).
      const again = await vscode.commands.executeCommand<{ refused?: string } | undefined>(DOWN_COMMAND, { uri: doc.uri.toString(), replace: false });
      assert.match(again?.refused ?? '', /down is not empty/);
      assert.equal(fs.readFileSync(doc.uri.fsPath, 'utf8'), withDown(original));
    } finally {
      await undoneAndClosed(doc, original);
    }
  });
});
