// A second, independent LSP client: Neovim's built-in one talks to the server over stdio.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const hasNvim = spawnSync('nvim', ['--version'], { stdio: 'ignore' }).status === 0;

test('Neovim LSP client: diagnostics and hover for a SQL migration', { skip: !hasNvim && 'nvim is not installed (apt-get install neovim)', timeout: 90_000 }, () => {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-nvim-'));
  try {
    fs.mkdirSync(path.join(ws, 'migrations'));
    fs.writeFileSync(path.join(ws, '.safe-migrations.json'), JSON.stringify({ dialect: 'postgres' }));
    const file = path.join(ws, 'migrations', '001_users.sql');
    fs.writeFileSync(file, 'CREATE INDEX idx ON users (email);\nALTER TABLE;\n');
    const out = path.join(ws, 'out.json');
    const res = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(__dirname, 'neovim', 'client.lua')}`], {
      cwd: root,
      timeout: 80_000,
      env: { ...process.env, SM_OUT: out, SM_FILE: file, SM_SERVER: path.join(root, 'server/src/lsp/server.ts'), SM_REPO: root, SM_ROOT: ws },
    });
    assert.ok(fs.existsSync(out), `nvim wrote no result (exit ${res.status}): ${res.stderr?.toString().slice(-500)}`);
    const result = JSON.parse(fs.readFileSync(out, 'utf8')) as { diagnostics?: { code: string; source: string; range: { start: { line: number } } }[]; hover?: string };
    const syntax = result.diagnostics?.find((d) => d.code === 'invalid-sql-for-dialect');
    assert.ok(syntax, JSON.stringify(result.diagnostics));
    assert.equal(syntax.source, 'safe-migrations');
    assert.equal(syntax.range.start.line, 1);
    assert.match(result.hover ?? '', /createIndex/);
  } finally {
    fs.rmSync(ws, { recursive: true, force: true });
  }
});
