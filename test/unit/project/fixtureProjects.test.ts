// Detection of each fixture project: what a user's real project would show in the status output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { detectProjects } from '../../../server/src/project/detect';
import type { ProjectInfo } from '../../../server/src/project/types';

const PROJECTS = path.join(__dirname, '..', '..', 'fixtures', 'projects');
const at = (name: string, ...p: string[]) => path.join(PROJECTS, name, ...p);

function detectOne(name: string): ProjectInfo {
  const projects = detectProjects([at(name)]);
  assert.equal(projects.length, 1, projects.map((p) => p.root).join());
  assert.equal(projects[0].root, at(name));
  return projects[0];
}

test('typeorm-postgres: DataSource type, migrations glob, table name, transaction mode, entities', () => {
  const p = detectOne('typeorm-postgres');
  assert.deepEqual(p.orms, [{ orm: 'typeorm', version: '^0.3.20', source: 'package.json dependencies.typeorm' }]);
  assert.equal(p.dialect.dialect, 'postgres');
  assert.equal(p.dialect.source, 'project');
  assert.match(p.dialect.reason, /src\/data-source\.ts/);
  assert.deepEqual(p.migrationDirs.map((d) => [d.path, d.orm, d.dialect, d.dialectSource, d.naming, d.extension, d.glob]), [
    [at('typeorm-postgres', 'src', 'migrations'), 'typeorm', 'postgres', 'project', 'typeorm-ms-timestamp', '.ts', 'src/migrations/*.ts'],
  ]);
  const ds = p.typeorm!.dataSources;
  assert.equal(ds.length, 1);
  assert.equal(ds[0].file, at('typeorm-postgres', 'src', 'data-source.ts'));
  assert.equal(ds[0].type, 'postgres');
  assert.equal(ds[0].migrationsTableName, 'typeorm_migrations');
  assert.equal(ds[0].migrationsTransactionMode, 'each');
  assert.equal(ds[0].transactionModeSource, 'config');
  // Entities are class references; their imports resolve to files.
  assert.deepEqual(p.typeorm!.entityFiles, ['Order.ts', 'Product.ts', 'User.ts'].map((f) => at('typeorm-postgres', 'src', 'entity', f)));
  assert.deepEqual(p.unknowns, []);
});

test('typeorm-mysql: a dist/ glob maps back to src/ and says so; default transaction mode is marked as default', () => {
  const p = detectOne('typeorm-mysql');
  assert.equal(p.dialect.dialect, 'mysql');
  assert.equal(p.migrationDirs.length, 1);
  const dir = p.migrationDirs[0];
  assert.equal(dir.path, at('typeorm-mysql', 'src', 'migrations'));
  assert.equal(dir.glob, 'dist/migrations/*.js');
  assert.equal(dir.extension, '.ts');
  assert.match(dir.reason!, /mapped from dist\//);
  assert.ok(p.notes?.some((n) => /points into dist\//.test(n)), JSON.stringify(p.notes));
  const ds = p.typeorm!.dataSources[0];
  assert.equal(ds.migrationsTransactionMode, 'all');
  assert.equal(ds.transactionModeSource, 'default');
  // path.join(__dirname, 'entity', '*.{ts,js}')
  assert.deepEqual(ds.entities, ['StockItem.ts', 'Warehouse.ts'].map((f) => at('typeorm-mysql', 'src', 'entity', f)));
});

test('typeorm-multi-dialect: one folder per DataSource, each with its dialect; the project dialect stays unknown with a reason', () => {
  const p = detectOne('typeorm-multi-dialect');
  assert.equal(p.dialect.dialect, 'unknown');
  assert.match(p.dialect.reason, /several databases/);
  const byPath = Object.fromEntries(p.migrationDirs.map((d) => [path.relative(at('typeorm-multi-dialect'), d.path), d.dialect]));
  assert.deepEqual(byPath, { [path.join('src', 'migrations', 'postgres')]: 'postgres', [path.join('src', 'migrations', 'mysql')]: 'mysql' });
  const modes = Object.fromEntries(p.typeorm!.dataSources.map((d) => [d.type, [d.migrationsTransactionMode, d.transactionModeSource, d.migrationsTableName]]));
  assert.deepEqual(modes, { postgres: ['all', 'default', 'billing_migrations'], mysql: ['none', 'config', 'billing_migrations'] });
  // `...shared` spread carries the entities.
  assert.deepEqual(p.typeorm!.entityFiles, [at('typeorm-multi-dialect', 'src', 'entity', 'Invoice.ts')]);
});

test('sequelize-postgres: .sequelizerc paths, dialect per environment from config.json', () => {
  const p = detectOne('sequelize-postgres');
  assert.equal(p.orms[0].orm, 'sequelize');
  assert.equal(p.orms[0].version, '^6.37.3');
  assert.equal(p.dialect.dialect, 'postgres');
  assert.equal(p.dialect.source, 'project');
  assert.match(p.dialect.reason, /production\.dialect/);
  const s = p.sequelize!;
  assert.equal(s.sequelizerc, at('sequelize-postgres', '.sequelizerc'));
  assert.equal(s.configPath, at('sequelize-postgres', 'config', 'config.json'));
  assert.equal(s.migrationsPath, at('sequelize-postgres', 'db', 'migrations'));
  assert.equal(s.modelsPath, at('sequelize-postgres', 'db', 'models'));
  assert.equal(s.seedersPath, at('sequelize-postgres', 'db', 'seeders'));
  assert.deepEqual(s.dialectByEnv, { development: 'postgres', test: 'postgres', production: 'postgres' });
  assert.equal(s.usesUmzug, false);
  assert.deepEqual(p.migrationDirs.map((d) => [d.path, d.orm, d.dialect, d.naming, d.extension]), [
    [at('sequelize-postgres', 'db', 'migrations'), 'sequelize', 'postgres', 'sequelize-timestamp', '.js'],
  ]);
});

test('sequelize-mysql: config.js with an env fallback, use_env_variable → unknown for production, umzug glob', () => {
  const p = detectOne('sequelize-mysql');
  assert.equal(p.dialect.dialect, 'mysql');
  assert.match(p.dialect.reason, /development\.dialect 'mysql' \(the fallback of process\.env\.DB_DIALECT\)/);
  assert.deepEqual(p.sequelize!.dialectByEnv, { development: 'mysql', test: 'sqlite', production: 'unknown' });
  const prod = p.unknowns.find((u) => /production/.test(u.what));
  assert.ok(prod);
  assert.match(prod.reason, /CATALOG_DATABASE_URL/);
  assert.equal(p.sequelize!.usesUmzug, true);
  assert.deepEqual(p.sequelize!.umzugGlobs, ['migrations/*.{js,ts}']);
  assert.deepEqual(p.migrationDirs.map((d) => [d.path, d.orm, d.dialect, d.naming, d.extension]), [
    [at('sequelize-mysql', 'migrations'), 'sequelize', 'mysql', 'sequelize-timestamp', '.js'],
  ]);
  // umzug is a dependency here; it must not appear as a second ORM.
  assert.deepEqual(p.orms.map((o) => o.orm), ['sequelize']);
});

test('prisma-postgres: prisma.config.ts paths, provider, models through the Prisma parser', () => {
  const p = detectOne('prisma-postgres');
  assert.deepEqual(p.orms.map((o) => [o.orm, o.version]), [['prisma', '^7.1.0']]);
  assert.equal(p.dialect.dialect, 'postgres');
  assert.equal(p.dialect.source, 'project');
  const info = p.prisma!;
  assert.equal(info.configFile, at('prisma-postgres', 'prisma.config.ts'));
  assert.deepEqual(info.schemaPaths, [at('prisma-postgres', 'prisma', 'schema.prisma')]);
  assert.equal(info.migrationsPath, at('prisma-postgres', 'prisma', 'migrations'));
  assert.equal(info.provider, 'postgresql');
  assert.equal(info.lockProvider, 'postgresql');
  assert.deepEqual(info.models.map((m) => m.dbName), ['User', 'Product', 'orders']);
  assert.deepEqual(p.migrationDirs.map((d) => [d.path, d.orm, d.dialect, d.naming, d.extension, d.reason]), [
    [info.migrationsPath, 'prisma', 'postgres', 'prisma-folder', '.sql', 'prisma.config.ts migrations.path'],
  ]);
  assert.deepEqual(p.unknowns, []);
});

test('prisma-mysql: provider mysql, with the MariaDB caveat spelled out', () => {
  const p = detectOne('prisma-mysql');
  assert.equal(p.dialect.dialect, 'mysql');
  assert.match(p.dialect.reason, /MariaDB/);
  assert.equal(p.prisma!.configFile, undefined);
  assert.equal(p.prisma!.migrationsPath, at('prisma-mysql', 'prisma', 'migrations'));
  assert.deepEqual(p.prisma!.models.map((m) => m.dbName), ['User', 'Post', 'comments']);
  assert.equal(p.migrationDirs[0].naming, 'prisma-folder');
});

test('loose-sql: no project files, so a bare project of SQL folders; mysql/ gets its dialect from the folder', () => {
  const p = detectOne('loose-sql');
  assert.deepEqual(p.orms, []);
  assert.equal(p.dialect.dialect, 'unknown');
  assert.ok(p.dialect.reason.length > 0);
  assert.deepEqual(p.migrationDirs.map((d) => [path.relative(at('loose-sql'), d.path), d.orm, d.dialect, d.dialectSource, d.extension]), [
    ['', 'sql', undefined, undefined, '.sql'],
    ['mysql', 'sql', 'mysql', 'folder', '.sql'],
  ]);
});

test('all fixtures from one root: one project each, in a stable order', () => {
  const projects = detectProjects([PROJECTS]);
  const names = projects.map((p) => path.relative(PROJECTS, p.root)).sort();
  // loose-sql has no markers and lies under a root that yielded projects: its files are left to folder names and content.
  // The two monorepos give a project for their root and one for their package.
  assert.deepEqual(names, ['flowise-style-monorepo', 'flowise-style-monorepo/packages/server', 'n8n-style-monorepo', 'n8n-style-monorepo/packages/cli',
    'prisma-data-migration', 'prisma-mysql', 'prisma-postgres', 'sequelize-env-config', 'sequelize-mysql', 'sequelize-postgres', 'typeorm-multi-dialect', 'typeorm-mysql', 'typeorm-postgres']);
});
