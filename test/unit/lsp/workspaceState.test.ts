import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PROJECT_FILE_PATTERN, WorkspaceState } from '../../../server/src/lsp/workspaceState';

test('config for a file: the nearest .safe-migrations.json, with explicit VS Code settings on top', () => {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-ws-'));
  try {
    fs.mkdirSync(path.join(ws, 'db', 'migrations'), { recursive: true });
    fs.writeFileSync(path.join(ws, '.safe-migrations.json'), JSON.stringify({ dialect: 'mysql', smallTables: ['flags'], rules: { 'drop-column': 'error' } }));
    const state = new WorkspaceState(() => undefined);
    state.setFolders([ws]);
    state.refresh();
    const file = path.join(ws, 'db', 'migrations', '001.sql');
    assert.equal(state.configFor(file).dialect, 'mysql');
    assert.deepEqual(state.configFor(file).smallTables, ['flags']);

    // Settings the user set win; settings left at their defaults are not sent and change nothing.
    state.setSettings({ dialect: 'postgres', rules: { 'rename-column': 'off' } });
    const c = state.configFor(file);
    assert.equal(c.dialect, 'postgres');
    assert.deepEqual(c.smallTables, ['flags']);
    assert.deepEqual(c.rules, { 'drop-column': 'error', 'rename-column': 'off' });

    // 'auto' means "detect", not a dialect.
    state.setSettings({ dialect: 'auto' });
    assert.equal(state.configFor(file).dialect, 'mysql');

    // The file changed on disk: refresh() (what a watched-file event triggers) reads it again.
    fs.writeFileSync(path.join(ws, '.safe-migrations.json'), JSON.stringify({ dialect: 'mariadb' }));
    assert.equal(state.configFor(file).dialect, 'mysql', 'cached until refresh');
    state.refresh();
    assert.equal(state.configFor(file).dialect, 'mariadb');
  } finally {
    fs.rmSync(ws, { recursive: true, force: true });
  }
});

test('projects: the dialect setting reaches detection, so the status bar shows what analysis uses', () => {
  const fixture = path.resolve(__dirname, '../../fixtures/projects/typeorm-postgres');
  const state = new WorkspaceState(() => undefined);
  state.setFolders([fixture]);
  state.refresh();
  assert.equal(state.projects[0]?.dialect.dialect, 'postgres');
  state.setSettings({ dialect: 'mysql' });
  state.refresh();
  assert.deepEqual([state.projects[0]?.dialect.dialect, state.projects[0]?.dialect.source], ['mysql', 'setting']);
});

test('watched files that trigger re-detection', () => {
  for (const f of ['/w/package.json', '/w/ormconfig.json', '/w/src/data-source.ts', '/w/src/dataSource.js', '/w/.sequelizerc', '/w/prisma/schema.prisma', '/w/.safe-migrations.json', '/w/config/config.json']) {
    assert.ok(PROJECT_FILE_PATTERN.test(f), f);
  }
  for (const f of ['/w/src/migrations/1700-AddUser.ts', '/w/src/entity/User.ts', '/w/README.md']) assert.ok(!PROJECT_FILE_PATTERN.test(f), f);
});
