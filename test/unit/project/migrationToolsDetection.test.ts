// Static detection of Knex (knexfile), Drizzle Kit (drizzle.config) and node-pg-migrate (package.json):
// the dialect, the migrations folder, and what the engine then does with a file in it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { detectProjects } from '../../../server/src/project/detect';
import { initEngine, readMigrationText } from '../../../server/src/engine/engine';
import { pkg, writeTree } from './tempProject';

const trees: { cleanup: () => void }[] = [];
const tree = (files: Record<string, string>) => { const t = writeTree(files); trees.push(t); return t; };
before(() => initEngine());
after(() => { for (const t of trees) t.cleanup(); });

const KNEX_MIGRATION = "exports.up = (knex) => knex.schema.alterTable('orders', (t) => { t.index('created_at'); });\nexports.down = (knex) => knex.schema.alterTable('orders', (t) => { t.dropIndex('created_at'); });\n";

test('knexfile.js per environment: production\'s client and migrations.directory win', () => {
  const t = tree({
    'package.json': pkg({ knex: '^3.1.0', pg: '^8.0.0', sqlite3: '^5.0.0' }),
    'knexfile.js': `module.exports = {
  development: { client: 'sqlite3', connection: { filename: './dev.sqlite3' }, migrations: { directory: './db/migrations' } },
  production: { client: 'postgresql', connection: process.env.DATABASE_URL, migrations: { directory: './db/migrations', tableName: 'knex_migrations' } },
};
`,
    'db/migrations/20240101120000_orders_index.js': KNEX_MIGRATION,
  });
  const [p] = detectProjects([t.root]);
  assert.deepEqual(p.orms.map((o) => o.orm), ['knex']);
  assert.deepEqual([p.dialect.dialect, p.dialect.reason], ['postgres', 'knexfile.js (production) client "postgresql"']);
  assert.deepEqual(p.migrationDirs.map((d) => [d.path, d.orm, d.dialect]), [[t.at('db/migrations'), 'knex', 'postgres']]);
  assert.equal(p.knex?.client, 'postgresql');
  const file = t.at('db/migrations/20240101120000_orders_index.js');
  const model = readMigrationText(file, KNEX_MIGRATION, { projects: [p] });
  assert.deepEqual([model.orm, model.dialect, model.migrations[0].up[0].kind], ['knex', 'postgres', 'createIndex']);
});

test('knexfile.ts with a typed config, mysql2 client, disableTransactions and the default migrations/ folder', () => {
  const t = tree({
    'package.json': pkg({ knex: '^3.1.0', mysql2: '^3.0.0' }),
    'knexfile.ts': `import type { Knex } from 'knex';

const config: Knex.Config = {
  client: 'mysql2',
  connection: { host: process.env.DB_HOST, database: 'app' },
  migrations: { extension: 'ts', disableTransactions: true },
};

export default config;
`,
    'migrations/20240101120000_orders_index.ts': KNEX_MIGRATION,
  });
  const [p] = detectProjects([t.root]);
  assert.equal(p.dialect.dialect, 'mysql');
  assert.deepEqual(p.migrationDirs.map((d) => [d.path, d.orm]), [[t.at('migrations'), 'knex']]);
  assert.equal(p.knex?.disableTransactions, true);
  const model = readMigrationText(t.at('migrations/20240101120000_orders_index.ts'), KNEX_MIGRATION, { projects: [p] });
  assert.deepEqual([model.orm, model.dialect, model.migrations[0].transactional], ['knex', 'mysql', false]);
  assert.match(model.migrations[0].transactionalReason ?? '', /disableTransactions/);
});

test('a knexfile whose client comes from the environment leaves the dialect to the driver dependency, and says why', () => {
  const t = tree({
    'package.json': pkg({ knex: '^3.1.0', pg: '^8.0.0' }),
    'knexfile.js': "module.exports = { client: process.env.DB_CLIENT, migrations: { directory: 'migrations' } };\n",
    'migrations/20240101120000_x.js': KNEX_MIGRATION,
  });
  const [p] = detectProjects([t.root]);
  assert.equal(p.dialect.dialect, 'postgres');
  assert.match(p.dialect.reason, /pg/);
  assert.ok(p.unknowns.some((u) => u.what === 'Knex dialect' && /DB_CLIENT/.test(u.reason)), JSON.stringify(p.unknowns));
});

test('drizzle.config.ts: dialect and out; files in out are Drizzle migrations in that dialect', () => {
  const t = tree({
    'package.json': pkg({ 'drizzle-orm': '^0.44.0' }, { devDependencies: { 'drizzle-kit': '^0.31.0' } }),
    'drizzle.config.ts': `import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './src/db/migrations',
  dbCredentials: { url: process.env.DATABASE_URL! },
});
`,
    'src/db/migrations/0000_init.sql': 'CREATE TABLE "users" (\n\t"id" serial PRIMARY KEY NOT NULL\n);\n',
    'src/db/migrations/meta/_journal.json': '{"version":"7","dialect":"postgresql","entries":[{"idx":0,"version":"7","when":1720000000000,"tag":"0000_init","breakpoints":true}]}',
  });
  const [p] = detectProjects([t.root]);
  assert.deepEqual(p.orms.map((o) => o.orm), ['drizzle']);
  assert.equal(p.dialect.dialect, 'postgres');
  assert.deepEqual(p.migrationDirs.map((d) => [d.path, d.orm, d.dialect]), [[t.at('src/db/migrations'), 'drizzle', 'postgres']]);
  // A one-statement file has no breakpoint: the folder alone makes it Drizzle's.
  const file = t.at('src/db/migrations/0000_init.sql');
  const model = readMigrationText(file, 'CREATE TABLE "users" (\n\t"id" serial PRIMARY KEY NOT NULL\n);\n', { projects: [p] });
  assert.deepEqual([model.orm, model.dialect], ['drizzle', 'postgres']);
});

test("older drizzle.config.ts with driver: 'mysql2' and the default ./drizzle folder", () => {
  const t = tree({
    'package.json': pkg({ 'drizzle-orm': '^0.28.0', 'drizzle-kit': '^0.19.0' }),
    'drizzle.config.ts': "import type { Config } from 'drizzle-kit';\nexport default { schema: './schema.ts', driver: 'mysql2', dbCredentials: { connectionString: process.env.DB_URL } } satisfies Config;\n",
    'drizzle/0000_init.sql': 'CREATE TABLE `users` (`id` int AUTO_INCREMENT PRIMARY KEY);\n',
  });
  const [p] = detectProjects([t.root]);
  assert.equal(p.dialect.dialect, 'mysql');
  assert.deepEqual(p.migrationDirs.map((d) => [d.path, d.orm, d.dialect]), [[t.at('drizzle'), 'drizzle', 'mysql']]);
});

test('a drizzle.config.ts without package.json still makes a project', () => {
  const t = tree({
    'db/drizzle.config.ts': "export default { dialect: 'postgresql', out: './migrations' };\n",
    'db/migrations/0000_x.sql': 'ALTER TABLE "a" ADD COLUMN "b" text;\n',
  });
  const projects = detectProjects([t.root]);
  const p = projects.find((x) => x.root === t.at('db'));
  assert.ok(p, JSON.stringify(projects.map((x) => x.root)));
  assert.deepEqual(p.migrationDirs.map((d) => [d.orm, d.dialect]), [['drizzle', 'postgres']]);
});

test('package.json depending on node-pg-migrate: PostgreSQL, migrations/ by default or the folder a script passes with -m', () => {
  const plain = tree({ 'package.json': pkg({ 'node-pg-migrate': '^7.0.0', pg: '^8.0.0' }), 'migrations/1712345678901_init.js': "exports.up = (pgm) => { pgm.createTable('t', { id: 'id' }); };\n" });
  const [p] = detectProjects([plain.root]);
  assert.deepEqual(p.orms.map((o) => o.orm), ['node-pg-migrate']);
  assert.deepEqual([p.dialect.dialect, p.dialect.reason], ['postgres', 'node-pg-migrate runs on PostgreSQL only']);
  assert.deepEqual(p.migrationDirs.map((d) => [d.path, d.orm]), [[plain.at('migrations'), 'node-pg-migrate']]);
  const scripted = tree({
    'package.json': pkg({ 'node-pg-migrate': '^7.0.0' }, { scripts: { migrate: 'node-pg-migrate -m db/pg-migrations --migration-file-language ts' } }),
    'db/pg-migrations/1712345678901_init.ts': "export async function up(pgm: MigrationBuilder): Promise<void> { pgm.addIndex('t', 'a'); }\n",
  });
  const [q] = detectProjects([scripted.root]);
  assert.deepEqual(q.migrationDirs.map((d) => [d.path, d.orm, d.dialect]), [[scripted.at('db/pg-migrations'), 'node-pg-migrate', 'postgres']]);
  const text = "export async function up(pgm: MigrationBuilder): Promise<void> { pgm.addIndex('t', 'a'); }\n";
  const model = readMigrationText(scripted.at('db/pg-migrations/1712345678901_init.ts'), text, { projects: [q] });
  assert.deepEqual([model.orm, model.dialect, model.migrations[0].up[0].kind], ['node-pg-migrate', 'postgres', 'createIndex']);
});

test('an ORM folder wins over a migration tool that names the same folder', () => {
  const t = tree({
    'package.json': pkg({ sequelize: '^6.0.0', 'sequelize-cli': '^6.0.0', knex: '^3.0.0', pg: '^8.0.0' }),
    'config/config.json': JSON.stringify({ production: { dialect: 'postgres' } }),
    'migrations/20240101120000-x.js': "module.exports = { up: async (queryInterface) => { await queryInterface.addColumn('t', 'c', { type: 'TEXT' }); }, down: async () => {} };\n",
  });
  const [p] = detectProjects([t.root]);
  assert.deepEqual(p.migrationDirs.map((d) => d.orm), ['sequelize']);
});
