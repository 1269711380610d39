// The language server over stdio with table statistics and `scope: "changed"`: a stats file grades the
// open migration's lock finding and is re-read when it changes; the hover shows the size; with scope
// "changed" a migration already on main loses its findings while the branch's own keeps them.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';

const root = path.resolve(__dirname, '../../..');
const HINT = 4;
const WARNING = 2;

function stats(rows: number, bytes: number): string {
  return JSON.stringify({ version: 1, dialect: 'postgres', generatedAt: '2026-12-07T10:00:00.000Z', tables: { 'public.orders': { rows, bytes } } });
}

test('stdio server: stats file grades findings and is re-read on change; hover shows the size; scope "changed" hides findings on main\'s migrations', { timeout: 60_000 }, async () => {
  const ws = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sm-lsp-stats-')));
  const dir = path.join(ws, 'migrations');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(ws, '.safe-migrations.json'), JSON.stringify({ dialect: 'postgres' }));
  fs.writeFileSync(path.join(dir, '001_orders.sql'), 'CREATE TABLE orders (id int, a int, b int);\n');
  const shipped = 'SET lock_timeout = \'2s\';\nCREATE INDEX idx_a ON orders (a);\n';
  fs.writeFileSync(path.join(dir, '002_index_a.sql'), shipped);
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd: ws, stdio: 'ignore' });
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'main');
  git('checkout', '-q', '-b', 'feature');
  const branchText = 'SET lock_timeout = \'2s\';\nCREATE INDEX idx_b ON orders (b);\n';
  fs.writeFileSync(path.join(dir, '003_index_b.sql'), branchText);

  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/src/lsp/server.ts'), '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, GITHUB_BASE_REF: '' } });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published = new Map<string, PublishDiagnosticsParams>();
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => { published.set(p.uri, p); });
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  const index = (d: PublishDiagnosticsParams | undefined) => d?.diagnostics.find((x: Diagnostic) => x.code === 'index-create-not-concurrent');
  /** Waits until the published diagnostics of `uri` satisfy `ok`. */
  const waitUntil = async (uri: string, ok: (p: PublishDiagnosticsParams | undefined) => boolean, what: string) => {
    for (let i = 0; i < 300 && !ok(published.get(uri)); i++) await new Promise((r) => setTimeout(r, 50));
    assert.ok(ok(published.get(uri)), `${what}; got ${JSON.stringify(published.get(uri)?.diagnostics)}; server stderr: ${stderr.slice(-500)}`);
  };
  const statsFile = path.join(ws, '.safe-migrations-stats.json');
  const statsChanged = () => conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(statsFile).toString(), type: 2 }] });
  try {
    const wsUri = pathToFileURL(ws).toString();
    await conn.sendRequest('initialize', { processId: process.pid, rootUri: wsUri, workspaceFolders: [{ uri: wsUri, name: 'app' }], capabilities: {}, initializationOptions: { settings: {} } });
    await conn.sendNotification('initialized', {});
    const mainUri = pathToFileURL(path.join(dir, '002_index_a.sql')).toString();
    const branchUri = pathToFileURL(path.join(dir, '003_index_b.sql')).toString();
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: mainUri, languageId: 'sql', version: 1, text: shipped } });
    await waitUntil(mainUri, (p) => index(p)?.severity === WARNING && !/rows/.test(String(index(p)!.message)), 'no statistics: the plain warning');

    fs.writeFileSync(statsFile, stats(50, 16384));
    await statsChanged();
    await waitUntil(mainUri, (p) => index(p)?.severity === HINT, 'a 50-row table: a hint');
    assert.match(String(index(published.get(mainUri))!.message), /\(orders: 50 rows, 16 kB; below the 10,000-row threshold\)$/);

    fs.writeFileSync(statsFile, stats(41_000_000, 18 * 1024 ** 3));
    await statsChanged();
    await waitUntil(mainUri, (p) => index(p)?.severity === WARNING && /\(orders: ~41 M rows, 18 GB\)$/.test(String(index(p)!.message)), 're-read: 41 M rows');
    const hover = await conn.sendRequest('textDocument/hover', { textDocument: { uri: mainUri }, position: { line: 1, character: 30 } }) as { contents: { value: string } } | null;
    assert.match(hover?.contents.value ?? '', /Table size: orders: ~41 M rows, 18 GB \(statistics of 2026-12-07\)/);

    await conn.sendNotification('workspace/didChangeConfiguration', { settings: { safeMigrations: { scope: 'changed' } } });
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: branchUri, languageId: 'sql', version: 1, text: branchText } });
    await waitUntil(mainUri, (p) => !!p && !index(p), 'scope "changed": no findings on a migration already on main');
    await waitUntil(branchUri, (p) => !!index(p), 'scope "changed": the branch\'s own migration keeps its finding');

    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
  } finally {
    conn.dispose();
    child.kill();
    fs.rmSync(ws, { recursive: true, force: true });
  }
});
