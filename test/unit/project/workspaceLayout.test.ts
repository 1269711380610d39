// Monorepos, overrides from settings, file → project lookup, folder-name dialects and speed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectProjects, dialectFromFolderName, projectForFile } from '../../../server/src/project/detect';
import { TYPEORM_MIGRATION, pkg, writeTree } from './tempProject';

function monorepo() {
  return writeTree({
    'package.json': JSON.stringify({ name: 'mono', private: true, workspaces: ['packages/*', 'apps/*'] }),
    'packages/orders/package.json': pkg({ typeorm: '0.3.20', pg: '8.11.0' }),
    'packages/orders/src/data-source.ts': "import { DataSource } from 'typeorm';\nexport default new DataSource({ type: 'postgres', migrations: ['src/migrations/*.ts'] });\n",
    'packages/orders/src/migrations/1700000000000-Init.ts': TYPEORM_MIGRATION('1700000000000', 'Init'),
    'packages/catalog/package.json': pkg({ sequelize: '6.37.0', mysql2: '3.9.0' }),
    'packages/catalog/config/config.json': JSON.stringify({ production: { dialect: 'mysql' } }),
    'packages/catalog/migrations/20240101000000-init.js': 'module.exports = { async up() {}, async down() {} };\n',
    'apps/web/package.json': pkg({ '@prisma/client': '6.5.0', prisma: '6.5.0' }),
    'apps/web/prisma/schema.prisma': 'datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\nmodel Visit {\n  id Int @id\n}\n',
    'apps/web/prisma/migrations/20240101000000_init/migration.sql': 'CREATE TABLE "Visit" ("id" INTEGER NOT NULL);\n',
    // A package's own node_modules must never be searched.
    'packages/orders/node_modules/typeorm/package.json': JSON.stringify({ name: 'typeorm', version: '0.3.21' }),
    'packages/orders/node_modules/some-lib/src/data-source.ts': "new DataSource({ type: 'mysql', migrations: ['x/*.ts'] });\n",
  });
}

test('monorepo: one project per package, each with its own ORM, dialect and folders; the root has none', (t) => {
  const { root, at, cleanup } = monorepo();
  t.after(cleanup);
  const projects = detectProjects([root]);
  const summary = Object.fromEntries(projects.map((p) => [path.relative(root, p.root) || '.', [p.orms.map((o) => o.orm).join(), p.dialect.dialect, p.migrationDirs.map((d) => path.relative(p.root, d.path)).join()]]));
  assert.deepEqual(summary, {
    '.': ['', 'unknown', ''],
    [path.join('apps', 'web')]: ['prisma', 'postgres', path.join('prisma', 'migrations')],
    [path.join('packages', 'catalog')]: ['sequelize', 'mysql', 'migrations'],
    [path.join('packages', 'orders')]: ['typeorm', 'postgres', path.join('src', 'migrations')],
  });
  // The installed version (read from node_modules/typeorm/package.json as text) beats the range.
  const orders = projects.find((p) => p.root === at('packages', 'orders'))!;
  assert.deepEqual(orders.orms[0], { orm: 'typeorm', version: '0.3.21', source: 'node_modules/typeorm/package.json' });

  assert.equal(projectForFile(projects, at('packages', 'orders', 'src', 'migrations', '1700000000000-Init.ts'))?.root, at('packages', 'orders'));
  assert.equal(projectForFile(projects, at('apps', 'web', 'prisma', 'migrations', '20240101000000_init', 'migration.sql'))?.root, at('apps', 'web'));
  assert.equal(projectForFile(projects, at('README.md'))?.root, root);
  assert.equal(projectForFile(projects, path.join(path.dirname(root), 'elsewhere.sql')), undefined);
  // A sibling folder whose name starts with a project's name is not inside it.
  assert.equal(projectForFile(projects, at('packages', 'orders-v2', 'x.ts'))?.root, root);
});

test('monorepo opened at a package: only that package', (t) => {
  const { at, cleanup } = monorepo();
  t.after(cleanup);
  const projects = detectProjects([at('packages', 'catalog')]);
  assert.deepEqual(projects.map((p) => p.root), [at('packages', 'catalog')]);
});

test('a root inside a project\'s own migrations or prisma folder detects that project', (t) => {
  const { at, cleanup } = monorepo();
  t.after(cleanup);
  for (const inner of [at('apps', 'web', 'prisma'), at('apps', 'web', 'prisma', 'migrations', '20240101000000_init'), at('packages', 'orders', 'src', 'migrations')]) {
    const projects = detectProjects([inner]);
    assert.equal(projects.length, 1, inner);
    assert.ok(inner.startsWith(projects[0].root + path.sep), `${inner} → ${projects[0].root}`);
    assert.notEqual(projects[0].dialect.dialect, 'unknown');
  }
});

test('several roots that overlap give each project once', (t) => {
  const { root, at, cleanup } = monorepo();
  t.after(cleanup);
  const projects = detectProjects([root, at('packages', 'orders')]);
  const roots = projects.map((p) => p.root);
  assert.equal(new Set(roots).size, roots.length);
  assert.equal(roots.length, 4);
});

test('the dialect setting overrides detection everywhere, and the override is recorded', (t) => {
  const { root, at, cleanup } = monorepo();
  t.after(cleanup);
  const projects = detectProjects([root], { dialect: 'mariadb' });
  for (const p of projects) {
    assert.equal(p.dialect.dialect, 'mariadb');
    assert.equal(p.dialect.source, 'setting');
    for (const d of p.migrationDirs) assert.deepEqual([d.dialect, d.dialectSource], ['mariadb', 'setting']);
  }
  const orders = projects.find((p) => p.root === at('packages', 'orders'))!;
  assert.ok(orders.notes?.some((n) => /overrides the detected postgres/.test(n)), JSON.stringify(orders.notes));
});

test('migrationsPaths setting adds folders (relative to the project), learning ORM and naming from the files', (t) => {
  const { root, at, cleanup } = writeTree({
    'package.json': pkg({ typeorm: '0.3.20' }),
    'src/data-source.ts': "import { DataSource } from 'typeorm';\nexport default new DataSource({ type: 'postgres', migrations: ['src/migrations/*.ts'] });\n",
    'src/migrations/1700000000000-Init.ts': TYPEORM_MIGRATION('1700000000000', 'Init'),
    'ops/sql/mysql/001_fix.sql': 'ALTER TABLE `a` ADD COLUMN `b` int NULL;\n',
    'ops/legacy/1600000000000-Old.ts': TYPEORM_MIGRATION('1600000000000', 'Old'),
  });
  t.after(cleanup);
  const [p] = detectProjects([root], { migrationsPaths: ['ops/sql/mysql', at('ops', 'legacy'), 'does/not/exist'] });
  const added = p.migrationDirs.filter((d) => /migrationsPaths/.test(d.reason ?? ''));
  assert.deepEqual(added.map((d) => [path.relative(root, d.path), d.orm, d.dialect, d.dialectSource, d.naming]), [
    [path.join('ops', 'sql', 'mysql'), 'sql', 'mysql', 'folder', 'other'],
    [path.join('ops', 'legacy'), 'typeorm', 'postgres', 'project', 'typeorm-ms-timestamp'],
  ]);
  assert.equal(p.migrationDirs.length, 3);
});

test('migrationsPaths in a root with no project makes a bare project for them', (t) => {
  const { root, at, cleanup } = writeTree({ 'db/changes/001.sql': 'SELECT 1;\n', 'README.md': '# docs\n' });
  t.after(cleanup);
  // With no markers and no setting, the bare root still finds the SQL folder…
  assert.deepEqual(detectProjects([root]).flatMap((p) => p.migrationDirs.map((d) => d.path)), [at('db', 'changes')]);
  // …and an explicit setting marks it as configured.
  const [p] = detectProjects([root], { migrationsPaths: ['db/changes'] });
  assert.match(p.migrationDirs.find((d) => d.path === at('db', 'changes'))!.reason!, /migrationsPaths/);
});

test('bad input never throws: missing roots, a file as root, broken package.json and configs', (t) => {
  const { root, at, cleanup } = writeTree({
    'package.json': '{ "dependencies": { "typeorm": ',
    'ormconfig.json': '{ nope',
    'src/data-source.ts': 'new DataSource({ type: ',
    'src/migrations/1700000000000-Init.ts': TYPEORM_MIGRATION('1700000000000', 'Init'),
  });
  t.after(cleanup);
  assert.deepEqual(detectProjects([at('does-not-exist')]), []);
  const [p] = detectProjects([root]);
  assert.equal(p.root, root);
  assert.ok(p.unknowns.some((u) => u.what === 'package.json' && /not valid JSON/.test(u.reason)), JSON.stringify(p.unknowns));
  assert.ok(p.unknowns.some((u) => u.what === 'ormconfig.json'), JSON.stringify(p.unknowns));
});

test('a migration file given as the root resolves to its project through the migrations folder', (t) => {
  const { at, cleanup } = monorepo();
  t.after(cleanup);
  const fromFile = detectProjects([at('packages', 'orders', 'src', 'migrations', '1700000000000-Init.ts')]);
  assert.deepEqual(fromFile.map((x) => [x.root, x.dialect.dialect]), [[at('packages', 'orders'), 'postgres']]);
});

test('dialectFromFolderName: nearest dialect segment wins', () => {
  assert.equal(dialectFromFolderName('/repo/migrations/postgres/001.sql'), 'postgres');
  assert.equal(dialectFromFolderName('/repo/db/postgresql'), 'postgres');
  assert.equal(dialectFromFolderName('/repo/db/pg/001.sql'), 'postgres');
  assert.equal(dialectFromFolderName('C:\\repo\\migrations\\MySQL\\001.sql'), 'mysql');
  assert.equal(dialectFromFolderName('/repo/mariadb/x/sqlite/001.sql'), 'sqlite');
  assert.equal(dialectFromFolderName('/repo/migrations/001.sql'), undefined);
  assert.equal(dialectFromFolderName('/repo/mysql-tools/x.sql'), undefined, 'only whole segments count');
});

test('a 10k-file tree is detected well under a second, without reading every file', (t) => {
  const files: Record<string, string> = {
    'package.json': pkg({ typeorm: '0.3.20' }),
    'src/data-source.ts': "import { DataSource } from 'typeorm';\nexport default new DataSource({ type: 'postgres', migrations: ['src/migrations/*.ts'] });\n",
  };
  for (let i = 0; i < 200; i++) files[`src/migrations/${1700000000000 + i}-M${i}.ts`] = TYPEORM_MIGRATION(String(1700000000000 + i), `M${i}`);
  for (let m = 0; m < 60; m++) for (let f = 0; f < 120; f++) files[`src/modules/m${m}/f${f}.ts`] = `export const v${f} = ${f};\n`;
  for (let m = 0; m < 30; m++) for (let f = 0; f < 120; f++) files[`node_modules/pkg${m}/lib/f${f}.js`] = 'module.exports = 1;\n';
  files['src/modules/m0/deep/a/b/c/d/e/f/g/data-source.ts'] = "new DataSource({ type: 'mysql' });\n";
  assert.ok(Object.keys(files).length >= 10_000);
  const { root, cleanup } = writeTree(files, { inMemory: true });
  t.after(cleanup);
  // The CommonJS module object is patchable (the import namespace is not) and detection reads through it.
  const cjsFs = require('node:fs') as typeof fs;
  const readFileSync = cjsFs.readFileSync;
  let reads = 0;
  cjsFs.readFileSync = ((...args: Parameters<typeof fs.readFileSync>) => { reads++; return readFileSync(...args); }) as typeof fs.readFileSync;
  const start = process.hrtime.bigint();
  let projects;
  try { projects = detectProjects([root]); } finally { cjsFs.readFileSync = readFileSync; }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  assert.equal(projects.length, 1);
  assert.equal(projects[0].dialect.dialect, 'postgres');
  t.diagnostic(`detection took ${ms.toFixed(0)} ms, ${reads} files read`);
  assert.ok(ms < 1000, `took ${ms.toFixed(0)} ms`);
  assert.ok(reads < 20, `read ${reads} files`);
});
