// Sequelize and Prisma layouts beyond the fixtures: defaults, env-only configs, schema folders, broken schemas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectProjects } from '../../../server/src/project/detect';
import { pkg, writeTree } from './tempProject';

const SEQ_MIGRATION = "module.exports = { async up(queryInterface) {}, async down(queryInterface) {} };\n";

test('sequelize with no .sequelizerc: default migrations/ and config/config.json; use_env_variable without dialect → unknown', (t) => {
  const { root, at, cleanup } = writeTree({
    'package.json': pkg({ sequelize: '6.37.0', 'sequelize-cli': '6.6.0' }),
    'config/config.json': JSON.stringify({ production: { use_env_variable: 'DATABASE_URL' } }),
    'migrations/20240101000000-init.js': SEQ_MIGRATION,
  });
  t.after(cleanup);
  const [p] = detectProjects([root]);
  assert.equal(p.dialect.dialect, 'unknown');
  assert.deepEqual(p.sequelize!.dialectByEnv, { production: 'unknown' });
  const u = p.unknowns.find((x) => /production/.test(x.what))!;
  assert.match(u.reason, /DATABASE_URL/);
  assert.deepEqual(p.migrationDirs.map((d) => [d.path, d.naming, d.dialect]), [[at('migrations'), 'sequelize-timestamp', undefined]]);
  assert.match(p.migrationDirs[0].reason!, /default/);
});

test('.sequelizerc with path.join(__dirname, …) and a migrations folder split per dialect', (t) => {
  const { root, at, cleanup } = writeTree({
    'package.json': pkg({ sequelize: '6.37.0' }),
    '.sequelizerc': "const { join } = require('path');\nmodule.exports = {\n  config: join(__dirname, 'database', 'config.cjs'),\n  'migrations-path': join(__dirname, 'database', 'migrations'),\n};\n",
    'database/config.cjs': "module.exports = { dialect: 'mariadb', host: 'db' };\n",
    'database/migrations/postgres/20240101000000-init.js': SEQ_MIGRATION,
    'database/migrations/mysql/20240101000000-init.js': SEQ_MIGRATION,
  });
  t.after(cleanup);
  const [p] = detectProjects([root]);
  assert.equal(p.sequelize!.configPath, at('database', 'config.cjs'));
  assert.deepEqual(p.sequelize!.dialectByEnv, { default: 'mariadb' });
  assert.equal(p.dialect.dialect, 'mariadb');
  const dirs = Object.fromEntries(p.migrationDirs.map((d) => [d.path, [d.dialect, d.dialectSource]]));
  assert.deepEqual(dirs, {
    [at('database', 'migrations', 'postgres')]: ['postgres', 'folder'],
    [at('database', 'migrations', 'mysql')]: ['mysql', 'folder'],
  });
});

test('a .sequelizerc folder without package.json is a project of its own', (t) => {
  const { root, at, cleanup } = writeTree({
    'services/legacy/.sequelizerc': "module.exports = { 'migrations-path': 'sql-migrations' };\n",
    'services/legacy/config/config.json': JSON.stringify({ development: { dialect: 'postgres' } }),
    'services/legacy/sql-migrations/20240101000000-init.js': SEQ_MIGRATION,
  });
  t.after(cleanup);
  const projects = detectProjects([root]);
  assert.deepEqual(projects.map((p) => p.root), [at('services', 'legacy')]);
  assert.deepEqual(projects[0].orms, [{ orm: 'sequelize', source: '.sequelizerc' }]);
  assert.equal(projects[0].dialect.dialect, 'postgres');
  assert.deepEqual(projects[0].migrationDirs.map((d) => d.path), [at('services', 'legacy', 'sql-migrations')]);
});

test('umzug with a [glob, { cwd }] tuple', (t) => {
  const { root, at, cleanup } = writeTree({
    'package.json': pkg({ umzug: '3.8.0', '@sequelize/core': '7.0.0-alpha.40' }),
    'src/db/migrate.ts': "import { Umzug } from 'umzug';\nimport { Sequelize } from '@sequelize/core';\nimport { PostgresDialect } from '@sequelize/postgres';\nconst sequelize = new Sequelize({ dialect: PostgresDialect, database: 'app' });\nexport const umzug = new Umzug({ migrations: { glob: ['migrations/*.ts', { cwd: __dirname }] }, context: sequelize, logger: console });\n",
    'src/db/migrations/2024.01.01T00.00.00.init.ts': 'export const up = async () => {};\n',
  });
  t.after(cleanup);
  const [p] = detectProjects([root]);
  assert.deepEqual(p.orms.map((o) => [o.orm, o.version]), [['sequelize', '7.0.0-alpha.40']]);
  assert.equal(p.sequelize!.usesUmzug, true);
  assert.deepEqual(p.migrationDirs.map((d) => [d.path, d.naming, d.extension, d.dialect]), [[at('src', 'db', 'migrations'), 'other', '.ts', 'postgres']]);
  // No config file: the dialect comes from the constructor's dialect class.
  assert.equal(p.dialect.dialect, 'postgres');
  assert.match(p.dialect.reason, /PostgresDialect from @sequelize\/postgres/);
});

test('no Sequelize config file: the connection URL in new Sequelize(…) names the dialect; a bare env URL stays unknown', async (t) => {
  await t.test('URL fallback', () => {
    const { root, cleanup } = writeTree({
      'package.json': pkg({ sequelize: '6.37.0', umzug: '3.8.0' }),
      'src/db.ts': "import { Sequelize } from 'sequelize';\nexport const sequelize = new Sequelize(process.env.DATABASE_URL || 'mariadb://root@localhost/app', { logging: false });\n",
    });
    try {
      const [p] = detectProjects([root]);
      assert.equal(p.dialect.dialect, 'mariadb');
      assert.match(p.dialect.reason, /fallback of process\.env\.DATABASE_URL/);
    } finally { cleanup(); }
  });
  await t.test('env only', () => {
    const { root, cleanup } = writeTree({
      'package.json': pkg({ sequelize: '6.37.0' }),
      'src/db.ts': "import { Sequelize } from 'sequelize';\nexport const sequelize = new Sequelize(process.env.DATABASE_URL!);\n",
    });
    try {
      const [p] = detectProjects([root]);
      assert.equal(p.dialect.dialect, 'unknown');
      assert.ok(p.unknowns.some((u) => /new Sequelize/.test(u.what)), JSON.stringify(p.unknowns));
    } finally { cleanup(); }
  });
});

test('prisma: package.json prisma.schema, multi-file schema folder, migrations next to the datasource file', (t) => {
  const { root, at, cleanup } = writeTree({
    'package.json': pkg({ '@prisma/client': '6.5.0' }, { prisma: { schema: 'db/schema' } }),
    'db/schema/main.prisma': 'datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n',
    'db/schema/user.prisma': 'model User {\n  id Int @id\n  @@map("users")\n}\n',
    'db/schema/migrations/20240101000000_init/migration.sql': 'CREATE TABLE "users" ("id" INTEGER NOT NULL);\n',
  });
  t.after(cleanup);
  const [p] = detectProjects([root]);
  assert.deepEqual(p.prisma!.schemaPaths, [at('db', 'schema', 'main.prisma'), at('db', 'schema', 'user.prisma')]);
  assert.deepEqual(p.prisma!.models.map((m) => m.dbName), ['users']);
  assert.equal(p.prisma!.migrationsPath, at('db', 'schema', 'migrations'));
  assert.equal(p.dialect.dialect, 'postgres');
  assert.deepEqual(p.migrationDirs.map((d) => [d.path, d.naming]), [[at('db', 'schema', 'migrations'), 'prisma-folder']]);
});

test('prisma: an invalid schema gives an unknown with the parser message, models from the fallback scan', (t) => {
  const { root, cleanup } = writeTree({
    'package.json': pkg({ prisma: '7.1.0' }),
    'prisma/schema.prisma': 'datasource db {\n  provider = "mysql"\n}\n\nmodel Order {\n  id Int @id\n  total Decimall\n  @@map("orders")\n}\n',
  });
  t.after(cleanup);
  const [p] = detectProjects([root]);
  assert.equal(p.dialect.dialect, 'mysql');
  const u = p.unknowns.find((x) => x.what === 'Prisma models')!;
  assert.ok(u, JSON.stringify(p.unknowns));
  assert.match(u.reason, /Decimall/);
  assert.deepEqual(p.prisma!.models.map((m) => m.dbName), ['orders']);
  // No migrations folder yet: the default is still reported, but no MigrationDir is invented.
  assert.deepEqual(p.migrationDirs, []);
});

test('prisma: a schema.prisma in a prisma/ folder without package.json makes its parent the project; lock file provider used when the schema has none', (t) => {
  const { root, at, cleanup } = writeTree({
    'app/prisma/schema.prisma': 'model A {\n  id Int @id\n}\n',
    'app/prisma/migrations/migration_lock.toml': 'provider = "postgresql"\n',
    'app/prisma/migrations/20240101000000_a/migration.sql': 'CREATE TABLE "A" ("id" INTEGER NOT NULL);\n',
  });
  t.after(cleanup);
  const projects = detectProjects([root]);
  assert.deepEqual(projects.map((p) => p.root), [at('app')]);
  const p = projects[0];
  assert.deepEqual(p.orms.map((o) => o.orm), ['prisma']);
  assert.equal(p.prisma!.lockProvider, 'postgresql');
  assert.equal(p.dialect.dialect, 'postgres');
  assert.match(p.dialect.reason, /migration_lock\.toml/);
});

test('prisma provider sqlserver / cockroachdb: unknown with a reason, never a guess', (t) => {
  const { root, cleanup } = writeTree({
    'package.json': pkg({ prisma: '7.1.0' }),
    'prisma/schema.prisma': 'datasource db {\n  provider = "cockroachdb"\n}\n',
  });
  t.after(cleanup);
  const [p] = detectProjects([root]);
  assert.equal(p.dialect.dialect, 'unknown');
  assert.ok(p.unknowns.some((u) => /CockroachDB/.test(u.reason)), JSON.stringify(p.unknowns));
});
