// The editor's verification request: over plain LSP (--stdio) on PGlite, a Prisma migration whose down.sql
// leaves an index behind gets a diagnostic on down.sql and a failing report; and in process on the local
// PostgreSQL, a cancelled run stops and drops its scratch database.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { runVerifyRequest, type VerifyRequestResult } from '../../../server/src/lsp/verifyRequests';
import { WorkspaceState } from '../../../server/src/lsp/workspaceState';
import { writePrismaProject } from './prismaProject';

const root = path.resolve(__dirname, '../../..');

/** A Prisma/PostgreSQL project: an init migration and `orders_status_index`, whose down.sql forgets the index. */
function prismaProject(extraMigrations = 0): { dir: string; target: string; down: string } {
  // Inside the repository, so the workspace's `pg` resolves as in a real project.
  const dir = fs.mkdtempSync(path.join(__dirname, 'sm_verify_req_'));
  const notes = Array.from({ length: extraMigrations }, (_, i) => ({
    name: `2024010200${String(i).padStart(4, '0')}_note_${i}`, up: `ALTER TABLE "orders" ADD COLUMN "note_${i}" TEXT;\n`, down: `ALTER TABLE "orders" DROP COLUMN "note_${i}";\n`,
  }));
  const files = writePrismaProject(dir, 'postgresql', [
    { name: '20240101000000_init', up: 'CREATE TABLE "orders" ("id" SERIAL NOT NULL, "status" TEXT NOT NULL, CONSTRAINT "orders_pkey" PRIMARY KEY ("id"));\n', down: 'DROP TABLE "orders";\n' },
    ...notes,
    { name: '20240103000000_orders_status_index', up: '-- CreateIndex\nCREATE INDEX "orders_status_idx" ON "orders"("status");\n', down: '-- the index is forgotten\nSELECT 1;\n' },
  ]);
  const target = files[files.length - 1];
  return { dir, target, down: path.join(path.dirname(target), 'down.sql') };
}

test('stdio server: safeMigrations/verify on PGlite puts a down that leaves an index behind on down.sql', { timeout: 240_000 }, async () => {
  const project = prismaProject();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/src/lsp/server.ts'), '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const progress: string[] = [];
  conn.onNotification('safeMigrations/verifyProgress', (p: { runId?: string; message: string }) => { if (p.runId === 'r1') progress.push(p.message); });
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  try {
    const wsUri = pathToFileURL(project.dir).toString();
    await conn.sendRequest('initialize', { processId: process.pid, rootUri: wsUri, workspaceFolders: [{ uri: wsUri, name: 'app' }], capabilities: {} });
    conn.sendNotification('initialized', {});
    // The client sends the down.sql it has open: it stands for its migration.
    const result = await conn.sendRequest<VerifyRequestResult>('safeMigrations/verify', { uris: [pathToFileURL(project.down).toString()], database: 'pglite', runId: 'r1' });
    assert.equal(result.cancelled, false);
    assert.deepEqual([result.verified, result.failed, result.setupErrors], [0, 1, []], stderr);
    const onDown = result.files.find((f) => f.path === project.down);
    assert.ok(onDown, `diagnostics for down.sql: ${JSON.stringify(result.files)}`);
    assert.equal(onDown.diagnostics.length, 1);
    const [d] = onDown.diagnostics;
    assert.equal(d.source, 'safe-migrations verify');
    assert.match(String(d.message), /index orders_status_idx \(on orders\) is left behind by down/);
    // The index the down left makes the second up fail: that one sits on the CREATE INDEX line of migration.sql.
    const onUp = result.files.find((f) => f.path === project.target)?.diagnostics ?? [];
    assert.deepEqual(onUp.map((x) => [x.range.start.line, x.code]), [[1, 'verify-rerun']]);
    assert.match(String(onUp[0].message), /up fails on the second run \(after its down\): relation "orders_status_idx" already exists/);
    assert.match(result.markdown, /## ❌ 20240103000000_orders_status_index/);
    assert.ok(progress.some((m) => /verifying 20240103000000_orders_status_index/.test(m)), progress.join(' | '));

    // Cancelled over the wire ($/cancelRequest) during the replay of a longer history: the run stops before the target.
    const long = prismaProject(60);
    try {
      const source = new CancellationTokenSource();
      const replayed: string[] = [];
      conn.onNotification('safeMigrations/verifyProgress', (p: { runId?: string; message: string }) => {
        if (p.runId !== 'r2') return;
        replayed.push(p.message);
        if (p.message.startsWith('replaying') && replayed.filter((m) => m.startsWith('replaying')).length === 3) source.cancel();
      });
      const answer = await conn.sendRequest<VerifyRequestResult>('safeMigrations/verify', { uris: [pathToFileURL(long.target).toString()], database: 'pglite', runId: 'r2' }, source.token)
        .then((r) => r.cancelled, (e: { code?: number }) => e.code === -32800);
      assert.equal(answer, true, 'cancelled (result or RequestCancelled): ' + replayed.join(' | '));
      assert.ok(!replayed.some((m) => m.startsWith('verifying')), replayed.join(' | '));
      // The server still answers.
      assert.ok(Array.isArray(await conn.sendRequest('safeMigrations/projects')));
    } finally {
      fs.rmSync(long.dir, { recursive: true, force: true });
    }
  } finally {
    conn.dispose();
    child.kill();
    fs.rmSync(project.dir, { recursive: true, force: true });
  }
});

test('a cancelled verification on PostgreSQL stops and drops its scratch database', { timeout: 240_000 }, async () => {
  const pg = require('pg') as typeof import('pg');
  const project = prismaProject(60);
  const workspace = new WorkspaceState(() => undefined);
  workspace.setFolders([project.dir]);
  workspace.refresh();
  const source = new CancellationTokenSource();
  const progress: string[] = [];
  const admin = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' });
  await admin.connect();
  const scratch = async () => (await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE 'sm_verify_cancel_%'`)).rows.map((r) => r.datname as string);
  let seenWhileRunning: string[] = [];
  try {
    const result = await runVerifyRequest({ uris: [pathToFileURL(project.target).toString()], database: 'postgres://postgres:not-shown@127.0.0.1:5432/test' }, { workspace, log: () => undefined }, source.token, (m) => {
      progress.push(m);
      // Cancel in the middle of the history replay, once the scratch database exists.
      if (m.startsWith('replaying') && progress.filter((p) => p.startsWith('replaying')).length === 3) {
        void scratch().then((names) => { seenWhileRunning = names; source.cancel(); });
      }
    }, { scratchPrefix: 'sm_verify_cancel_' });
    assert.equal(result.cancelled, true, progress.join(' | '));
    assert.ok(!progress.some((m) => m.startsWith('verifying')), 'the target never ran');
    assert.equal(seenWhileRunning.length, 1, 'the scratch database existed while the run went on');
    assert.deepEqual(await scratch(), [], 'and is dropped after the cancellation');
    assert.doesNotMatch(JSON.stringify(result), /not-shown/);
  } finally {
    await admin.end();
    fs.rmSync(project.dir, { recursive: true, force: true });
  }
});

test('"all migrations after the baseline": every detected folder, targets after startAfter from the settings', { timeout: 240_000 }, async () => {
  const project = prismaProject(2);
  const workspace = new WorkspaceState(() => undefined);
  workspace.setFolders([project.dir]);
  workspace.setSettings({ startAfter: '20240102000000' });
  workspace.refresh();
  try {
    const result = await runVerifyRequest({ all: true, database: 'pglite' }, { workspace, log: () => undefined });
    assert.deepEqual(result.setupErrors, []);
    assert.deepEqual([result.verified, result.failed], [1, 1], result.markdown);
    const sections = [...result.markdown.matchAll(/^## (✅|❌) (\S+)$/gm)].map((m) => `${m[1]} ${m[2]}`);
    assert.deepEqual(sections, ['✅ 20240102000001_note_1', '❌ 20240103000000_orders_status_index']);
  } finally {
    fs.rmSync(project.dir, { recursive: true, force: true });
  }
});
