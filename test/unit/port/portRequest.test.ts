// safeMigrations/port through the real language server over stdio: the files for one migration
// (against its folder's history) and for the whole folder; bad parameters are LSP errors. It never writes.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const root = path.resolve(__dirname, '../../..');
const project = path.join(root, 'test/fixtures/projects/prisma-postgres');

test('safeMigrations/port: one migration or its folder, previewable files, nothing written', { timeout: 60_000 }, async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-port-lsp-'));
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/src/lsp/server.ts'), '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  try {
    const wsUri = pathToFileURL(project).toString();
    await conn.sendRequest('initialize', { processId: process.pid, rootUri: wsUri, workspaceFolders: [{ uri: wsUri, name: 'p' }], capabilities: {} });
    await conn.sendNotification('initialized', {});
    const uri = pathToFileURL(path.join(project, 'prisma/migrations/20240210090000_rename_user_name/migration.sql')).toString();
    const one = await conn.sendRequest('safeMigrations/port', { uri, to: 'typeorm', dialect: 'mariadb', dir: out }) as { migration: string; files: { path: string; text: string }[]; untranslated: { message: string }[] };
    assert.equal(one.migration, '20240210090000_rename_user_name');
    assert.deepEqual(one.files.map((f) => path.relative(out, f.path)), ['1707555600000-RenameUserName.ts']);
    assert.match(one.files[0].text, /RENAME COLUMN `name` TO `fullName`/);
    assert.match(one.untranslated[0].message, /split_part/);
    const all = await conn.sendRequest('safeMigrations/port', { uri, to: 'sequelize', dir: out, wholeHistory: true }) as { files: unknown[] };
    assert.equal(all.files.length, 5);
    await assert.rejects(conn.sendRequest('safeMigrations/port', { uri, to: 'knex', dir: out }), /typeorm \| sequelize \| prisma/);
    assert.deepEqual(fs.readdirSync(out), []);
  } finally {
    await conn.sendRequest('shutdown').catch(() => undefined);
    conn.sendNotification('exit').catch(() => undefined);
    conn.dispose();
    child.kill();
    fs.rmSync(out, { recursive: true, force: true });
  }
});
