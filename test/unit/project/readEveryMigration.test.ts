// A folder given to the CLI: every migration in it is read, with the dialect its folder, its driver
// or its SQL states. Detected migration folders add knowledge; they never hide the rest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { inspectPaths } from '../../../server/src/engine/inspect';
import { dialectFromFolderName } from '../../../server/src/project/detect';
import type { FileModel } from '../../../server/src/model/migration';
import { pkg, writeTree } from './tempProject';

const PROJECTS = path.join(__dirname, '..', '..', 'fixtures', 'projects');

/** `relative path → orm/dialect` of every file read as a migration. */
async function readFolder(root: string): Promise<Record<string, string>> {
  const { files } = await inspectPaths([root]);
  return Object.fromEntries(files.filter((f) => f.migrations.length > 0).map((f) => [path.relative(root, f.path).split(path.sep).join('/'), `${f.orm}/${f.dialect}`]));
}

async function fileAt(root: string, rel: string): Promise<FileModel> {
  const { files } = await inspectPaths([root]);
  const f = files.find((x) => x.path === path.join(root, rel));
  assert.ok(f, `${rel} was not read`);
  return f;
}

test('n8n-style monorepo: per-dialect folders postgresdb/ and mysqldb/, context-object migrations, entities and index files left out', async () => {
  const root = path.join(PROJECTS, 'n8n-style-monorepo');
  assert.deepEqual(await readFolder(root), {
    'packages/cli/src/databases/migrations/common/1711018413374-DropExecutionDataBackup.ts': 'typeorm/unknown',
    'packages/cli/src/databases/migrations/mysqldb/1588157391238-InitialMigration.ts': 'typeorm/mysql',
    'packages/cli/src/databases/migrations/postgresdb/1690000000030-AddMfaColumns.ts': 'typeorm/postgres',
  });
  // common/ runs on every database: with three drivers in package.json the dialect stays unknown, and says why.
  const common = await fileAt(root, 'packages/cli/src/databases/migrations/common/1711018413374-DropExecutionDataBackup.ts');
  assert.match(common.dialectInfo.reason, /several database drivers \(pg, mysql2, sqlite3\)/);
});

test('Flowise-style monorepo: a second migrations folder (enterprise/…/<dialect>/) is read beside the detected one', async () => {
  const root = path.join(PROJECTS, 'flowise-style-monorepo');
  assert.deepEqual(await readFolder(root), {
    'packages/server/src/database/migrations/mariadb/1722301395521-LongTextColumn.ts': 'typeorm/mariadb',
    'packages/server/src/database/migrations/mysql/1693840429259-Init.ts': 'typeorm/mysql',
    'packages/server/src/database/migrations/postgres/1693891895163-Init.ts': 'typeorm/postgres',
    'packages/server/src/enterprise/database/migrations/mysql/1720230151482-AddAuthTables.ts': 'typeorm/mysql',
    'packages/server/src/enterprise/database/migrations/postgres/1720230151480-AddAuthTables.ts': 'typeorm/postgres',
  });
});

test('Sequelize config read from env vars: the one driver in package.json (pg) gives the dialect, with the reason', async () => {
  const root = path.join(PROJECTS, 'sequelize-env-config');
  assert.deepEqual(await readFolder(root), {
    'migrations/20240110090000-create-projects.js': 'sequelize/postgres',
    'migrations/20240215143000-add-owner-to-projects.js': 'sequelize/postgres',
    'migrations/20240301120000-projects-name-index.js': 'sequelize/postgres',
  });
  const f = await fileAt(root, 'migrations/20240110090000-create-projects.js');
  assert.equal(f.dialectInfo.source, 'project');
  assert.match(f.dialectInfo.reason, /package\.json depends on the postgres driver pg/);
});

test('Prisma folder with a migration.ts data migration: read as Prisma, not Sequelize', async () => {
  const root = path.join(PROJECTS, 'prisma-data-migration');
  assert.deepEqual(await readFolder(root), {
    'prisma/migrations/20240101000000_init/migration.sql': 'prisma/postgres',
    'prisma/migrations/20240201000000_backfill_display_names/migration.sql': 'prisma/postgres',
    'prisma/migrations/20240201000000_backfill_display_names/migration.ts': 'prisma/postgres',
  });
});

test('a detected migrations folder holding one .sql file does not hide the JS migrations beside it', async () => {
  const { root, cleanup } = writeTree({
    'package.json': pkg({ prisma: '6.1.0', sequelize: '6.37.3', mysql2: '3.11.0' }),
    'prisma/schema.prisma': 'datasource db {\n  provider = "mysql"\n  url = env("DATABASE_URL")\n}\n',
    'prisma/migrations/20240101000000_init/migration.sql': 'CREATE TABLE `audit` (`id` INT NOT NULL, PRIMARY KEY (`id`));\n',
    'server/db/migrations/20230105100000-create-users.js': "module.exports = {\n  async up(queryInterface, Sequelize) {\n    await queryInterface.createTable('users', { id: { type: Sequelize.INTEGER, primaryKey: true } });\n  },\n  async down(queryInterface) {\n    await queryInterface.dropTable('users');\n  },\n};\n",
    'server/db/migrations/20230210120000-add-users-email.js': "module.exports = {\n  up: (queryInterface, Sequelize) => queryInterface.addColumn('users', 'email', Sequelize.STRING),\n  down: (queryInterface) => queryInterface.removeColumn('users', 'email'),\n};\n",
    'server/db/models/user.js': "module.exports = (sequelize, DataTypes) => sequelize.define('User', { email: DataTypes.STRING });\n",
    'server/db/seeders/20230105100100-demo-users.js': "module.exports = {\n  up: (queryInterface) => queryInterface.bulkInsert('users', [{ id: 1 }]),\n  down: (queryInterface) => queryInterface.bulkDelete('users', null, {}),\n};\n",
    'server/config/database.js': "module.exports = { up: 'not a migration', host: process.env.DB_HOST };\n",
  });
  try {
    assert.deepEqual(await readFolder(root), {
      'prisma/migrations/20240101000000_init/migration.sql': 'prisma/mysql',
      'server/db/migrations/20230105100000-create-users.js': 'sequelize/mysql',
      'server/db/migrations/20230210120000-add-users-email.js': 'sequelize/mysql',
    });
  } finally { cleanup(); }
});

test('per-dialect folder names in the spellings real projects use', () => {
  const cases: [string, string][] = [
    ['src/migrations/postgres', 'postgres'], ['src/migrations/postgresql', 'postgres'], ['migrations/postgresdb', 'postgres'],
    ['db/pg', 'postgres'], ['db/psql', 'postgres'], ['src/migrations/mysql', 'mysql'], ['migrations/mysqldb', 'mysql'],
    ['migrations/mariadb', 'mariadb'], ['migrations/mariadbdb', 'mariadb'], ['migrations/sqlite', 'sqlite'], ['migrations/sqlitedb', 'sqlite'],
  ];
  for (const [folder, dialect] of cases) assert.equal(dialectFromFolderName(folder), dialect, folder);
  assert.equal(dialectFromFolderName('src/migrations/common'), undefined);
});
