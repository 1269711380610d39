// The scaffolding requests over plain LSP (--stdio), on the fixture projects: patterns, catalogue with
// targets, rendered files, and a ScaffoldError reaching the client as a readable message.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { listPatterns } from '../../../server/src/patterns/index';
import { detectProjects } from '../../../server/src/project/detect';
import { projectsAt, targetCandidates } from '../../../server/src/lsp/scaffoldRequests';
import type { CatalogResult, PatternsResult, ScaffoldRequestResult } from '../../../server/src/lsp/protocol';

const root = path.resolve(__dirname, '../../..');
const fixtures = path.join(root, 'test/fixtures/projects');

test('target candidates: one per ORM migrations folder, with dialect and extension from detection', () => {
  const [typeorm] = detectProjects([path.join(fixtures, 'typeorm-postgres')]);
  assert.deepEqual(targetCandidates(typeorm).map((c) => [c.orm, c.dialect, path.relative(typeorm.root, c.dir), c.extension]), [['typeorm', 'postgres', 'src/migrations', '.ts']]);
  const [prisma] = detectProjects([path.join(fixtures, 'prisma-postgres')]);
  assert.deepEqual(targetCandidates(prisma).map((c) => [c.orm, c.dialect, path.relative(prisma.root, c.dir), c.extension]), [['prisma', 'postgres', 'prisma/migrations', undefined]]);
  const [sequelize] = detectProjects([path.join(fixtures, 'sequelize-mysql')]);
  const forced = targetCandidates(sequelize, { dialect: 'mariadb' });
  assert.deepEqual(forced.map((c) => [c.orm, c.dialect]), [['sequelize', 'mariadb']], 'a dialect setting wins over detection');
});

test('projects at a URI: every project inside a folder, the owning project of a file or of a folder inside it', () => {
  const projects = detectProjects([fixtures]);
  const names = (list: { root: string }[]) => list.map((p) => path.basename(p.root)).sort();
  assert.ok(names(projectsAt(projects, fixtures)).includes('typeorm-postgres'));
  assert.ok(projectsAt(projects, fixtures).length >= 5, 'a parent folder holds all fixture projects');
  assert.deepEqual(names(projectsAt(projects, path.join(fixtures, 'sequelize-postgres/db/migrations'))), ['sequelize-postgres']);
  assert.deepEqual(names(projectsAt(projects, path.join(fixtures, 'typeorm-postgres/src/migrations/1700000000000-CreateUsers.ts'))), ['typeorm-postgres']);
  assert.deepEqual(names(projectsAt(projects, path.join(fixtures, 'typeorm-postgres/src/migrations/not-saved-yet.ts'))), ['typeorm-postgres']);
});

test('stdio server: safeMigrations/patterns, /catalog and /scaffold', { timeout: 60_000 }, async () => {
  const ws = path.join(fixtures, 'typeorm-postgres');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/src/lsp/server.ts'), '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  conn.listen();
  try {
    const wsUri = pathToFileURL(ws).toString();
    await conn.sendRequest('initialize', { processId: process.pid, rootUri: wsUri, workspaceFolders: [{ uri: wsUri, name: 'ws' }], capabilities: {} });
    await conn.sendNotification('initialized', {});

    const patterns = await conn.sendRequest<PatternsResult>('safeMigrations/patterns');
    assert.deepEqual(patterns.map((p) => p.id), listPatterns().map((p) => p.id));
    assert.ok(patterns.find((p) => p.id === 'addIndexOnline')!.params.some((s) => s.kind === 'table'));

    // A file URI and the folder URI both find the TypeORM project.
    const byFile = await conn.sendRequest<CatalogResult>('safeMigrations/catalog', { uri: pathToFileURL(path.join(ws, 'src/entity/User.ts')).toString() });
    const catalog = await conn.sendRequest<CatalogResult>('safeMigrations/catalog', { uri: wsUri });
    assert.equal(byFile.projects[0]?.root, ws, stderr.slice(-500));
    assert.equal(catalog.projects.length, 1);
    const [project] = catalog.projects;
    assert.deepEqual(project.targets.map((t) => [t.orm, t.dialect, t.dir, t.extension]), [['typeorm', 'postgres', path.join(ws, 'src/migrations'), '.ts']]);
    const tables = new Map(project.catalog.tables.map((t) => [t.name, t.columns.map((c) => c.name)]));
    for (const t of ['users', 'orders', 'products']) assert.ok(tables.get(t)?.includes('id'), `${t}: ${JSON.stringify([...tables])}`);
    assert.ok(tables.get('orders')!.includes('created_at'));

    const target = { ...project.targets[0], dialect: 'postgres' as const, now: '2026-01-02T03:04:05.678Z' };
    const result = await conn.sendRequest<ScaffoldRequestResult>('safeMigrations/scaffold', { patternId: 'addIndexOnline', params: { table: 'orders', columns: 'created_at' }, target });
    assert.equal(result.files.length, 1);
    assert.match(path.basename(result.files[0].path), /^1767323045\d{3}-AddIndex\w+\.ts$/);
    assert.equal(path.dirname(result.files[0].path), target.dir);
    assert.match(result.files[0].text, /transaction = false/);
    assert.ok(!fs.existsSync(result.files[0].path), 'the server never writes');

    await assert.rejects(
      conn.sendRequest('safeMigrations/scaffold', { patternId: 'addIndexOnline', params: { table: 'x'.repeat(70), columns: 'created_at' }, target }),
      (e: Error & { code?: number }) => e.code === -32602 && /x{70}/.test(e.message) && !/safeMigrations\/scaffold/.test(e.message),
    );
    await assert.rejects(conn.sendRequest('safeMigrations/scaffold', { patternId: 'nope', params: {}, target }), /Unknown pattern "nope"/);
    await assert.rejects(conn.sendRequest('safeMigrations/catalog', { uri: 'untitled:x' }), /file: URI/);

    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
  } finally {
    conn.dispose();
    child.kill();
  }
});
