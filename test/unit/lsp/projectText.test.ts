import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { describeProjects, statusBarText } from '../../../client/src/projectText';
import type { ProjectInfo } from '../../../server/src/project/types';

const typeorm: ProjectInfo = {
  root: '/w/shop',
  orms: [{ orm: 'typeorm', version: '0.3.20', source: 'package.json dependencies.typeorm' }],
  dialect: { dialect: 'postgres', source: 'project', reason: "DataSource type 'postgres'" },
  migrationDirs: [{ path: '/w/shop/src/migrations', orm: 'typeorm', naming: 'typeorm-ms-timestamp', extension: '.ts', glob: 'src/migrations/*.ts' }],
  unknowns: [{ what: 'database version', reason: 'not stated in the project' }],
  typeorm: { configFiles: ['/w/shop/src/data-source.ts'], dataSources: [{ file: '/w/shop/src/data-source.ts', type: 'postgres', dialect: 'postgres', migrations: ['src/migrations/*.ts'], migrationsTransactionMode: 'each', entities: [] }], entityFiles: [] },
};

test('status bar: one project names ORM and dialect; several are counted; none says so', () => {
  assert.equal(statusBarText([typeorm]), '$(database) TypeORM · PostgreSQL');
  assert.equal(statusBarText([typeorm, { ...typeorm, root: '/w/b' }]), '$(database) Safe Migrations: 2 projects');
  assert.equal(statusBarText([]), '$(database) Safe Migrations: no ORM project');
  assert.equal(statusBarText([{ ...typeorm, orms: [], migrationDirs: [] }]), '$(database) Safe Migrations: no ORM project');
});

test('project details list ORM version and source, dialect reason, migrations, transaction mode, unknowns', () => {
  const text = describeProjects([typeorm]);
  for (const expected of [
    'ORM: TypeORM 0.3.20 (from package.json dependencies.typeorm)',
    "Dialect: PostgreSQL (project: DataSource type 'postgres')",
    'Migrations: /w/shop/src/migrations [TypeORM, typeorm-ms-timestamp, .ts, glob src/migrations/*.ts]',
    'TypeORM DataSource in /w/shop/src/data-source.ts: type postgres, transaction mode each',
    'Unknown: database version: not stated in the project',
  ]) assert.ok(text.includes(expected), `missing "${expected}" in:\n${text}`);
  assert.match(describeProjects([]), /found no TypeORM, Sequelize or Prisma project/);
});
