// TypeORM option shapes seen in real projects, read statically.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectProjects } from '../../../server/src/project/detect';
import { TYPEORM_MIGRATION, pkg, writeTree } from './tempProject';

test('type from a pure environment variable is unknown, with the variable named in the reason', (t) => {
  const { root, at, cleanup } = writeTree({
    'package.json': pkg({ typeorm: '0.3.20' }),
    'src/data-source.ts': `import { DataSource } from 'typeorm';\nexport default new DataSource({ type: process.env.DB_TYPE as any, migrations: ['src/migrations/*.ts'] });\n`,
    'src/migrations/1700000000000-Init.ts': TYPEORM_MIGRATION('1700000000000', 'Init'),
  });
  t.after(cleanup);
  const [p] = detectProjects([root]);
  assert.equal(p.dialect.dialect, 'unknown');
  assert.equal(p.dialect.source, 'unknown');
  const u = p.unknowns.find((x) => /dialect/.test(x.what));
  assert.ok(u, JSON.stringify(p.unknowns));
  assert.match(u.reason, /DB_TYPE/);
  assert.equal(p.typeorm!.dataSources[0].dialect, 'unknown');
  // The folder is still found, just without a dialect.
  assert.deepEqual(p.migrationDirs.map((d) => [d.path, d.dialect]), [[at('src', 'migrations'), undefined]]);
});

test("`process.env.DB_TYPE || 'mariadb'` uses the literal fallback and says so", (t) => {
  const { root, cleanup } = writeTree({
    'package.json': pkg({ typeorm: '0.3.20' }),
    'src/db.ts': `import { DataSource } from 'typeorm';\nexport const db = new DataSource({ type: (process.env.DB_TYPE || 'mariadb') as 'mariadb', migrations: [] });\n`,
  });
  t.after(cleanup);
  const [p] = detectProjects([root]);
  assert.equal(p.dialect.dialect, 'mariadb');
  assert.equal(p.dialect.source, 'project');
  assert.match(p.dialect.reason, /process\.env\.DB_TYPE with the fallback 'mariadb'/);
  assert.ok(p.notes?.some((n) => /DB_TYPE/.test(n)));
});

test('options in a constant, path.join(__dirname, …) globs, class-reference migrations, script -t flag', (t) => {
  const { root, at, cleanup } = writeTree({
    'package.json': pkg({ typeorm: '0.3.20' }, { scripts: { 'migration:run': 'typeorm-ts-node-commonjs migration:run -d ./config/typeorm.ts -t each' } }),
    'config/typeorm.ts': `import { DataSource, DataSourceOptions } from 'typeorm';
import path from 'path';
import { Init1700000000000 } from '../db/migrations/1700000000000-Init';
const options: DataSourceOptions = {
  type: 'better-sqlite3',
  database: 'app.db',
  entities: [path.join(__dirname, '..', 'db', 'entities', '**', '*.entity.{ts,js}')],
  migrations: [Init1700000000000],
};
export default new DataSource(options);
`,
    'db/migrations/1700000000000-Init.ts': TYPEORM_MIGRATION('1700000000000', 'Init'),
    'db/entities/user/user.entity.ts': 'export class User {}\n',
    'db/entities/user/user.dto.ts': 'export class UserDto {}\n',
  });
  t.after(cleanup);
  const [p] = detectProjects([root]);
  assert.equal(p.dialect.dialect, 'sqlite');
  const ds = p.typeorm!.dataSources[0];
  assert.equal(ds.file, at('config', 'typeorm.ts'));
  assert.deepEqual(ds.migrations, ['Init1700000000000']);
  assert.deepEqual(ds.entities, [at('db', 'entities', 'user', 'user.entity.ts')]);
  assert.equal(ds.migrationsTransactionMode, 'each');
  assert.equal(ds.transactionModeSource, 'script');
  assert.deepEqual(p.migrationDirs.map((d) => [d.path, d.naming]), [[at('db', 'migrations'), 'typeorm-ms-timestamp']]);
});

test('ormconfig.json (array), ormconfig.yml and ormconfig.env', async (t) => {
  await t.test('json array: every connection read', () => {
    const { root, at, cleanup } = writeTree({
      'package.json': pkg({ typeorm: '0.2.45' }),
      'ormconfig.json': JSON.stringify([
        { name: 'default', type: 'postgres', migrations: ['migration/*.ts'], migrationsTableName: 'mig', cli: { migrationsDir: 'src/new-migrations' } },
        { name: 'test', type: 'sqlite', database: ':memory:' },
      ]),
      'migration/1600000000000-Init.ts': TYPEORM_MIGRATION('1600000000000', 'Init'),
      'src/new-migrations/1600000000001-Next.ts': TYPEORM_MIGRATION('1600000000001', 'Next'),
    });
    try {
      const [p] = detectProjects([root]);
      assert.deepEqual(p.typeorm!.configFiles, [at('ormconfig.json')]);
      assert.deepEqual(p.migrationDirs.map((d) => [d.path, d.dialect]), [[at('migration'), 'postgres'], [at('src', 'new-migrations'), 'postgres']]);
      assert.deepEqual(p.typeorm!.dataSources.map((d) => [d.name, d.dialect, d.migrationsTableName]), [['default', 'postgres', 'mig'], ['test', 'sqlite', undefined]]);
      assert.equal(p.dialect.dialect, 'unknown', 'two connections on two databases');
      assert.equal(p.migrationDirs[0].dialect, 'postgres');
    } finally { cleanup(); }
  });
  await t.test('yml', () => {
    const { root, at, cleanup } = writeTree({
      'package.json': pkg({ typeorm: '0.2.45' }),
      'ormconfig.yml': 'type: mysql\nhost: localhost\nmigrations:\n  - "src/migration/**/*.ts"\nmigrationsTransactionMode: none\n',
      'src/migration/1600000000000-Init.ts': TYPEORM_MIGRATION('1600000000000', 'Init'),
    });
    try {
      const [p] = detectProjects([root]);
      assert.equal(p.dialect.dialect, 'mysql');
      assert.equal(p.typeorm!.dataSources[0].migrationsTransactionMode, 'none');
      assert.deepEqual(p.migrationDirs.map((d) => d.path), [at('src', 'migration')]);
    } finally { cleanup(); }
  });
  await t.test('env', () => {
    const { root, cleanup } = writeTree({
      'package.json': pkg({ typeorm: '0.2.45' }),
      'ormconfig.env': 'TYPEORM_CONNECTION = postgres\nTYPEORM_MIGRATIONS = db/migrations/*.js\nTYPEORM_MIGRATIONS_TABLE_NAME = schema_migrations\n',
      'db/migrations/1600000000000-init.js': 'module.exports = class Init1600000000000 { async up() {} async down() {} };\n',
    });
    try {
      const [p] = detectProjects([root]);
      assert.equal(p.dialect.dialect, 'postgres');
      assert.equal(p.typeorm!.dataSources[0].migrationsTableName, 'schema_migrations');
      assert.equal(p.migrationDirs[0].extension, '.js');
    } finally { cleanup(); }
  });
});

test('NestJS TypeOrmModule.forRoot in app.module.ts', (t) => {
  const { root, at, cleanup } = writeTree({
    'package.json': pkg({ typeorm: '0.3.20', '@nestjs/typeorm': '10.0.0' }),
    'src/app.module.ts': `import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
@Module({ imports: [TypeOrmModule.forRoot({ type: 'postgres', migrations: [__dirname + '/migrations/*{.ts,.js}'], migrationsRun: true })] })
export class AppModule {}
`,
    'src/migrations/1700000000000-Init.ts': TYPEORM_MIGRATION('1700000000000', 'Init'),
  });
  t.after(cleanup);
  const [p] = detectProjects([root]);
  assert.equal(p.dialect.dialect, 'postgres');
  assert.deepEqual(p.migrationDirs.map((d) => d.path), [at('src', 'migrations')]);
});

test('no readable migrations option: folders of <13-digit>-Name files are used, and that is recorded', (t) => {
  const { root, at, cleanup } = writeTree({
    'package.json': pkg({ typeorm: '0.3.20' }),
    'src/data-source.ts': `import { DataSource } from 'typeorm';\nimport { migrations } from './migrations';\nexport default new DataSource({ type: 'postgres', migrations });\n`,
    'src/database/migrations/1700000000000-Init.ts': TYPEORM_MIGRATION('1700000000000', 'Init'),
  });
  t.after(cleanup);
  const [p] = detectProjects([root]);
  assert.deepEqual(p.migrationDirs.map((d) => [d.path, d.naming, d.dialect]), [[at('src', 'database', 'migrations'), 'typeorm-ms-timestamp', undefined]]);
  assert.ok(p.unknowns.some((u) => /migrations/.test(u.what)), JSON.stringify(p.unknowns));
});

test('detection never executes workspace code', (t) => {
  const marker = path.join(require('node:os').tmpdir(), `sm-detect-executed-${process.pid}`);
  const { root, cleanup } = writeTree({
    'package.json': pkg({ typeorm: '0.3.20', sequelize: '6.37.0' }),
    'src/data-source.ts': `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\nimport { DataSource } from 'typeorm';\nexport default new DataSource({ type: 'postgres' });\n`,
    '.sequelizerc': `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\nmodule.exports = {};\n`,
    'config/config.js': `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\nmodule.exports = { development: { dialect: 'postgres' } };\n`,
  });
  t.after(() => { cleanup(); fs.rmSync(marker, { force: true }); });
  const [p] = detectProjects([root]);
  assert.equal(p.dialect.dialect, 'postgres');
  assert.equal(fs.existsSync(marker), false);
});
