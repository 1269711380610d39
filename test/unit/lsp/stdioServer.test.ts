// The language server as any editor would run it: `--stdio`, plain LSP messages, no VS Code.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';

const root = path.resolve(__dirname, '../../..');

test('stdio server: initialize, config file, didOpen of a broken SQL migration, diagnostics, projects, huge file, shutdown', { timeout: 60_000 }, async () => {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-lsp-'));
  fs.mkdirSync(path.join(ws, 'migrations'));
  fs.writeFileSync(path.join(ws, 'package.json'), JSON.stringify({ name: 'app', dependencies: { typeorm: '0.3.20', pg: '8.11.0' } }));
  // The dialect comes from the config file: proves the server loads it for the document's folder.
  fs.writeFileSync(path.join(ws, '.safe-migrations.json'), JSON.stringify({ dialect: 'postgres' }));
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/src/lsp/server.ts'), '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published = new Map<string, PublishDiagnosticsParams>();
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => { published.set(p.uri, p); });
  const registrations: { method: string; registerOptions?: { watchers?: { globPattern: string }[] } }[] = [];
  conn.onRequest('client/registerCapability', (p: { registrations: typeof registrations }) => { registrations.push(...p.registrations); return null; });
  let projectsChanged = 0;
  conn.onNotification('safeMigrations/projectsChanged', () => { projectsChanged++; });
  conn.listen();
  const waitFor = async (uri: string) => {
    for (let i = 0; i < 300 && !published.has(uri); i++) await new Promise((r) => setTimeout(r, 50));
    const p = published.get(uri);
    assert.ok(p, `diagnostics published for ${uri}; server stderr: ${stderr.slice(-500)}`);
    return p;
  };
  try {
    const wsUri = pathToFileURL(ws).toString();
    const init = await conn.sendRequest('initialize', { processId: process.pid, rootUri: wsUri, workspaceFolders: [{ uri: wsUri, name: 'app' }], capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } }) as { capabilities: { hoverProvider: boolean; textDocumentSync: { change: number } } };
    assert.equal(init.capabilities.hoverProvider, true);
    assert.equal(init.capabilities.textDocumentSync.change, 2, 'incremental sync');
    await conn.sendNotification('initialized', {});

    const broken = pathToFileURL(path.join(ws, 'migrations', '001_broken.sql')).toString();
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: broken, languageId: 'sql', version: 1, text: 'CREATE TABLE t (id int);\nALTER TABLE t ADD COLUMN ;\n' } });
    const diags = (await waitFor(broken)).diagnostics;
    const syntax = diags.find((d) => /syntax|invalid-sql-for-dialect/.test(String(d.code)));
    assert.ok(syntax, `a syntax diagnostic; got ${JSON.stringify(diags)}`);
    assert.equal(syntax.source, 'safe-migrations');
    assert.equal(syntax.range.start.line, 1);

    // An incremental edit that fixes line 2: the debounced re-check publishes version 2 without the error.
    published.delete(broken);
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri: broken, version: 2 }, contentChanges: [{ range: { start: { line: 1, character: 25 }, end: { line: 1, character: 25 } }, text: 'note text' }] });
    const fixed = await waitFor(broken);
    assert.equal(fixed.version, 2);
    assert.ok(!fixed.diagnostics.some((d) => /syntax|invalid-sql-for-dialect/.test(String(d.code))), JSON.stringify(fixed.diagnostics));

    const projects = await conn.sendRequest('safeMigrations/projects') as { root: string; orms: { orm: string }[] }[];
    assert.ok(projects.some((p) => p.root === ws && p.orms.some((o) => o.orm === 'typeorm')), JSON.stringify(projects));

    // A client that does not watch files itself is asked to; a change re-runs detection.
    for (let i = 0; i < 100 && registrations.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    const watchers = registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles')?.registerOptions?.watchers ?? [];
    assert.ok(watchers.some((w) => w.globPattern === '**/.safe-migrations.json'), JSON.stringify(registrations));
    await conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(ws, '.safe-migrations.json')).toString(), type: 2 }] });
    for (let i = 0; i < 100 && projectsChanged === 0; i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(projectsChanged, 1);

    const huge = pathToFileURL(path.join(ws, 'migrations', '002_huge.sql')).toString();
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: huge, languageId: 'sql', version: 1, text: 'SELECT 1;\n'.repeat(120_000) } });
    assert.deepEqual((await waitFor(huge)).diagnostics.map((d) => d.code), ['analysis-skipped']);

    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
  } finally {
    conn.dispose();
    child.kill();
    fs.rmSync(ws, { recursive: true, force: true });
  }
});
