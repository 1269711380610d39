// "Safe Migrations: Verify Migration" in the real extension host, on PGlite (the host runs with Workspace
// Trust disabled, so the workspace counts as trusted): a Prisma migration whose down.sql forgets the index
// its migration.sql creates gets a diagnostic on down.sql and a Markdown report; an edit clears it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { VerifyCommandResult } from '../../../client/src/verifyCommand';
import { api, workspaceRoot } from './e2eHelpers';

const VERIFY_SOURCE = 'safe-migrations verify';

/** A Prisma/PostgreSQL project inside the scratch workspace; returns its target migration.sql and down.sql. */
function writeBrokenPrismaProject(root: string): { migration: string; down: string } {
  const dir = path.join(root, 'verify-prisma');
  const migrations = path.join(dir, 'prisma', 'migrations');
  const write = (rel: string, text: string) => { fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true }); fs.writeFileSync(path.join(dir, rel), text); };
  write('package.json', JSON.stringify({ name: 'verify-prisma', devDependencies: { prisma: '7.10.1' } }));
  write('prisma/schema.prisma', 'datasource db {\n  provider = "postgresql"\n}\n');
  write('prisma/migrations/migration_lock.toml', 'provider = "postgresql"\n');
  write('prisma/migrations/20240101000000_init/migration.sql', 'CREATE TABLE "orders" ("id" SERIAL NOT NULL, "status" TEXT NOT NULL, CONSTRAINT "orders_pkey" PRIMARY KEY ("id"));\n');
  write('prisma/migrations/20240101000000_init/down.sql', 'DROP TABLE "orders";\n');
  write('prisma/migrations/20240102000000_orders_status_index/migration.sql', '-- CreateIndex\nCREATE INDEX "orders_status_idx" ON "orders"("status");\n');
  write('prisma/migrations/20240102000000_orders_status_index/down.sql', '-- forgets the index\nSELECT 1;\n');
  const target = path.join(migrations, '20240102000000_orders_status_index');
  return { migration: path.join(target, 'migration.sql'), down: path.join(target, 'down.sql') };
}

const verifyDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === VERIFY_SOURCE);

suite('Verify Migration', () => {
  test('a down.sql that leaves an index behind: diagnostic on down.sql, a failing report, cleared by an edit', async function () {
    this.timeout(240_000);
    await api();
    assert.equal(vscode.workspace.isTrusted, true, 'the e2e host trusts its workspace');
    const files = writeBrokenPrismaProject(workspaceRoot());
    const down = vscode.Uri.file(files.down);
    try {
      const result = await vscode.commands.executeCommand<VerifyCommandResult | undefined>('safeMigrations.verifyMigration',
        { uri: vscode.Uri.file(files.migration).toString(), confirm: false });
      assert.ok(result, 'the command ran (trusted, confirmation skipped)');
      assert.deepEqual([result.cancelled, result.verified, result.failed, result.setupErrors], [false, 0, 1, []], result.markdown);

      const onDown = verifyDiagnostics(down);
      assert.equal(onDown.length, 1, JSON.stringify(onDown.map((d) => d.message)));
      assert.match(onDown[0].message, /index orders_status_idx \(on orders\) is left behind by down/);
      assert.equal(onDown[0].severity, vscode.DiagnosticSeverity.Error);
      const onUp = verifyDiagnostics(vscode.Uri.file(files.migration));
      assert.ok(onUp.some((d) => /up fails on the second run/.test(d.message) && d.range.start.line === 1), JSON.stringify(onUp.map((d) => [d.range.start.line, d.message])));

      const report = vscode.workspace.textDocuments.find((d) => d.isUntitled && d.languageId === 'markdown' && d.getText().includes('# Safe Migrations: verification'));
      assert.ok(report, 'the Markdown report is open');
      assert.match(report.getText(), /## ❌ 20240102000000_orders_status_index/);

      // Diagnostics speak of the file as verified: an edit makes them stale, so they go.
      const doc = await vscode.workspace.openTextDocument(down);
      const editor = await vscode.window.showTextDocument(doc);
      await editor.edit((e) => e.insert(new vscode.Position(0, 0), '-- edited\n'));
      assert.deepEqual(verifyDiagnostics(down), []);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      // Later suites see the workspace as they expect it (one TypeORM project).
      fs.rmSync(path.join(workspaceRoot(), 'verify-prisma'), { recursive: true, force: true });
    }
  });
});
