// The extension in a real VS Code extension host, on a copy of the typeorm-postgres fixture
// (plus test/e2e/workspace/ laid over it). Tests marked [engine] need the readers/rules/detection.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { e2eEnv } from './e2eEnv';
import { api, codeOf, diagnosticsFor, hoverText, open, workspaceRoot } from './e2eHelpers';

suite('Safe Migrations in the VS Code extension host', () => {
  test('activates and starts the language server', async () => {
    const exports = await api();
    assert.equal(typeof exports.statusBarText(), 'string');
  });

  test('[engine] safeMigrations/projects and the status bar report TypeORM on PostgreSQL', async () => {
    const exports = await api();
    const projects = await exports.projects();
    const typeorm = projects.find((p) => p.orms.some((o) => o.orm === 'typeorm'));
    assert.ok(typeorm, `a TypeORM project is detected; got ${JSON.stringify(projects.map((p) => ({ root: p.root, orms: p.orms })))}`);
    assert.equal(typeorm.dialect.dialect, 'postgres');
    assert.equal(exports.statusBarText(), '$(database) TypeORM · PostgreSQL');
  });

  test('project details command writes to the output channel without failing', async () => {
    await api();
    await vscode.commands.executeCommand('safeMigrations.showProjectDetails');
  });

  test('[engine] a SQL syntax error becomes one diagnostic (invalid-sql-for-dialect, or the reader problem when the rule is off)', async () => {
    await api();
    const doc = await open('sql/broken.sql');
    const isSyntax = (x: vscode.Diagnostic) => /syntax|invalid-sql-for-dialect/.test(codeOf(x));
    const diags = await diagnosticsFor(doc.uri, (d) => d.some(isSyntax));
    assert.equal(diags.filter(isSyntax).length, 1, `one diagnostic for the error; got ${JSON.stringify(diags.map(codeOf))}`);
    const syntax = diags.find(isSyntax)!;
    assert.equal(syntax.range.start.line, 1, 'the error is on the ALTER TABLE line');
  });

  test('[engine] queryRunner.query(someVar) is reported as SQL the reader cannot see', async () => {
    await api();
    const doc = await open('src/migrations/1700000600000-DynamicQuery.ts');
    const diags = await diagnosticsFor(doc.uri, (d) => d.length > 0);
    const line = doc.getText().split('\n').findIndex((l) => l.includes('queryRunner.query(someVar)'));
    const unresolved = diags.find((d) => codeOf(d) === 'unresolved-sql');
    assert.ok(unresolved, `an unresolved-sql problem; got ${JSON.stringify(diags.map((d) => [codeOf(d), d.range.start.line]))}`);
    assert.ok(unresolved.range.start.line <= line && line <= unresolved.range.end.line, `it covers line ${line + 1}`);
  });

  test('[engine] hover over a CREATE INDEX in a TypeORM migration: the operation, its lock and its rollback once, no repeated diagnostics', async () => {
    await api();
    const doc = await open('src/migrations/1700000500000-IndexProductsName.ts');
    const diags = await diagnosticsFor(doc.uri, (d) => d.some((x) => codeOf(x) === 'index-create-not-concurrent'));
    const text = await hoverText(doc, 'CREATE INDEX "IDX_products_name"');
    assert.match(text, /createIndex/);
    assert.match(text, /`SHARE` lock on "products"/);
    assert.match(text, /blocks all writes/);
    assert.equal(text.match(/Rollback: DROP INDEX/g)?.length, 1, 'the rollback fact once');
    // VS Code lists the diagnostics under the cursor itself: our hover does not repeat them.
    for (const d of diags) {
      assert.ok(!text.includes(codeOf(d)), `the hover repeats ${codeOf(d)}`);
      assert.ok(!text.includes(d.message.slice(0, 40)), `the hover repeats the message of ${codeOf(d)}`);
    }
  });

  test('[engine] a migration-level finding sits on the migration\'s name only; a baselined migration has none', async () => {
    await api();
    const doc = await open('src/migrations/1700000700000-AddNoteWithoutDown.ts');
    const diags = await diagnosticsFor(doc.uri, (d) => d.some((x) => codeOf(x) === 'missing-down'));
    const missing = diags.find((x) => codeOf(x) === 'missing-down')!;
    const nameAt = doc.getText().indexOf('AddNoteWithoutDown1700000700000');
    assert.equal(missing.range.start.line, missing.range.end.line, 'one line, not the whole file');
    assert.deepEqual([missing.range.start, missing.range.end].map((p) => doc.offsetAt(p)), [nameAt, nameAt + 'AddNoteWithoutDown1700000700000'.length], 'exactly the class name');
    // "Baseline Existing Migrations" records the latest migration as startAfter: the file goes quiet.
    const configFile = path.join(workspaceRoot(), '.safe-migrations.json');
    const result = await vscode.commands.executeCommand<{ config: string; startAfter: string }>('safeMigrations.baselineMigrations', { uri: vscode.Uri.file(workspaceRoot()).toString(), confirm: false });
    try {
      assert.equal(result?.config, configFile);
      assert.equal(JSON.parse(fs.readFileSync(configFile, 'utf8')).startAfter, result.startAfter);
      await diagnosticsFor(doc.uri, (d) => !d.some((x) => x.source === 'safe-migrations'));
    } finally {
      fs.rmSync(configFile, { force: true });
    }
    await diagnosticsFor(doc.uri, (d) => d.some((x) => codeOf(x) === 'missing-down'));
  });

  test('[engine] findings offer fixes or ignore comments as code actions', async () => {
    await api();
    const doc = await open('src/migrations/1700000500000-IndexProductsName.ts');
    const diags = await diagnosticsFor(doc.uri, (d) => d.some((x) => x.range.start.line === 6));
    const finding = diags.find((x) => x.range.start.line === 6)!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, finding.range, vscode.CodeActionKind.QuickFix.value);
    const ignore = actions.find((a) => a.title === `Ignore ${codeOf(finding)} on this line`);
    assert.ok(ignore?.edit, `an ignore action for ${codeOf(finding)}; got ${JSON.stringify(actions.map((a) => a.title))}`);
    const [[uri, edits]] = ignore.edit.entries();
    assert.equal(uri.toString(), doc.uri.toString());
    assert.equal(edits[0].range.start.line, 6);
    assert.equal(edits[0].newText, `        // safe-migrations-ignore ${codeOf(finding)}\n`);
  });

  test('[engine] applying "ignore on this line" removes the finding', async () => {
    await api();
    const doc = await open('src/migrations/1700000500000-IndexProductsName.ts');
    const diags = await diagnosticsFor(doc.uri, (d) => d.some((x) => x.range.start.line === 6));
    const finding = diags.find((x) => x.range.start.line === 6)!;
    const rule = codeOf(finding);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, finding.range, vscode.CodeActionKind.QuickFix.value);
    const ignore = actions.find((a) => a.title === `Ignore ${rule} on this line`);
    assert.ok(ignore?.edit);
    try {
      assert.equal(await vscode.workspace.applyEdit(ignore.edit), true);
      // Stale diagnostics stay on line 6 until the server republishes; the ignored finding is on neither line.
      await diagnosticsFor(doc.uri, (d) => !d.some((x) => codeOf(x) === rule && (x.range.start.line === 6 || x.range.start.line === 7)));
    } finally {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  test('[engine] a rule turned off in the settings disappears, and comes back when the setting is removed', async () => {
    await api();
    const doc = await open('src/migrations/1700000500000-IndexProductsName.ts');
    const diags = await diagnosticsFor(doc.uri, (d) => d.some((x) => x.range.start.line === 6));
    const rule = codeOf(diags.find((x) => x.range.start.line === 6)!);
    const config = vscode.workspace.getConfiguration('safeMigrations');
    await config.update('rules', { [rule]: 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      await diagnosticsFor(doc.uri, (d) => !d.some((x) => codeOf(x) === rule));
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await diagnosticsFor(doc.uri, (d) => d.some((x) => codeOf(x) === rule));
  });

  test('[engine] a .safe-migrations.json written to the workspace is picked up (file watcher → server)', async () => {
    await api();
    const doc = await open('src/migrations/1700000500000-IndexProductsName.ts');
    const diags = await diagnosticsFor(doc.uri, (d) => d.some((x) => x.range.start.line === 6));
    const rule = codeOf(diags.find((x) => x.range.start.line === 6)!);
    const configFile = path.join(workspaceRoot(), '.safe-migrations.json');
    fs.writeFileSync(configFile, JSON.stringify({ rules: { [rule]: 'off' } }));
    try {
      await diagnosticsFor(doc.uri, (d) => !d.some((x) => codeOf(x) === rule));
    } finally {
      fs.rmSync(configFile, { force: true });
    }
    await diagnosticsFor(doc.uri, (d) => d.some((x) => codeOf(x) === rule));
  });

  test('[engine] a rule\'s quick fix edits the SQL and the finding goes away', async () => {
    await api();
    const doc = await open('sql/add_fk.sql');
    const diags = await diagnosticsFor(doc.uri, (d) => d.some((x) => codeOf(x) === 'fk-without-not-valid'));
    const finding = diags.find((x) => codeOf(x) === 'fk-without-not-valid')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, finding.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => /NOT VALID/.test(a.title));
    assert.ok(fix?.edit, `a NOT VALID fix; got ${JSON.stringify(actions.map((a) => a.title))}`);
    try {
      assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
      assert.match(doc.getText(), /REFERENCES "users" \("id"\) NOT VALID;/);
      await diagnosticsFor(doc.uri, (d) => !d.some((x) => codeOf(x) === 'fk-without-not-valid'));
    } finally {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  test('a document over 1 MB gets one info diagnostic instead of an analysis', async () => {
    await api();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sm-e2e-')), 'huge.sql');
    fs.writeFileSync(file, 'SELECT 1;\n'.repeat(120_000));
    const doc = await vscode.workspace.openTextDocument(file);
    const diags = await diagnosticsFor(doc.uri, (d) => d.length > 0);
    assert.equal(diags.length, 1);
    assert.equal(codeOf(diags[0]), 'analysis-skipped');
    assert.equal(diags[0].severity, vscode.DiagnosticSeverity.Information);
  });

  test('restartServer brings the language server back', async () => {
    const exports = await api();
    await vscode.commands.executeCommand('safeMigrations.restartServer');
    assert.equal(await exports.ready(), true);
    assert.ok(Array.isArray(await exports.projects()));
  });

  if (e2eEnv().deliberateFailure) {
    test('deliberate failure (self-check of the runner)', () => {
      assert.fail('this test fails on purpose');
    });
  }
});
