// The schema catalogue behind the scaffolding pickers: migrations replayed in order, then entities and models.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { initEngine, readMigrationText } from '../../../server/src/engine/engine';
import { buildSchemaCatalog, migrationFilesOf, type SchemaCatalog } from '../../../server/src/engine/schemaCatalog';
import { detectProjects } from '../../../server/src/project/detect';
import type { ProjectInfo } from '../../../server/src/project/types';

before(async () => { await initEngine(); });

const fixtures = path.resolve(__dirname, '../../fixtures/projects');

function columns(catalog: SchemaCatalog, table: string): string[] {
  const t = catalog.tables.find((x) => x.name === table);
  assert.ok(t, `table ${table} in ${JSON.stringify(catalog.tables.map((x) => x.name))}`);
  return t.columns.map((c) => c.name);
}

function catalogOf(root: string): { project: ProjectInfo; catalog: SchemaCatalog } {
  const [project] = detectProjects([root]);
  assert.ok(project, `a project in ${root}`);
  const models = migrationFilesOf(project).map((f) => readMigrationText(f, fs.readFileSync(f, 'utf8'), { projects: [project] }));
  return { project, catalog: buildSchemaCatalog(project, models) };
}

test('SQL migrations replayed in order: create, add, rename, drop, rename table', () => {
  const sql = (name: string, text: string) => readMigrationText(`/p/migrations/${name}`, text, { dialect: 'postgres' });
  const models = [
    sql('002_change.sql', 'ALTER TABLE accounts ADD COLUMN nick text;\nALTER TABLE accounts RENAME COLUMN name TO full_name;\nALTER TABLE accounts DROP COLUMN legacy;\nALTER TABLE accounts ALTER COLUMN age TYPE bigint;'),
    sql('001_init.sql', 'CREATE TABLE accounts (id serial PRIMARY KEY, name varchar(100) NOT NULL, legacy int, age int);\nCREATE TABLE tmp (id int);'),
    sql('003_tables.sql', 'ALTER TABLE accounts RENAME TO members;\nDROP TABLE tmp;'),
  ];
  const catalog = buildSchemaCatalog(undefined, models);
  assert.deepEqual(catalog.tables.map((t) => t.name), ['members']);
  assert.deepEqual(columns(catalog, 'members'), ['id', 'full_name', 'age', 'nick']);
  const t = catalog.tables[0];
  assert.equal(t.columns.find((c) => c.name === 'full_name')?.type, 'varchar(100)');
  assert.equal(t.columns.find((c) => c.name === 'full_name')?.nullable, false);
  assert.equal(t.columns.find((c) => c.name === 'age')?.type, 'bigint');
  assert.deepEqual(t.sources, ['migrations']);
});

test('TypeORM fixture: tables from migrations, plus entity columns (explicit names, join columns)', () => {
  const { catalog } = catalogOf(path.join(fixtures, 'typeorm-postgres'));
  for (const table of ['users', 'orders', 'products']) assert.ok(columns(catalog, table).includes('id'), table);
  const users = catalog.tables.find((t) => t.name === 'users')!;
  assert.deepEqual(users.sources, ['migrations', 'typeorm-entity']);
  // The migrations renamed display_name to full_name; the entity still names display_name.
  assert.ok(columns(catalog, 'users').includes('full_name'));
  assert.ok(columns(catalog, 'users').includes('status'));
  assert.ok(columns(catalog, 'orders').includes('userId'), 'the orders.user relation column');
  assert.ok(!columns(catalog, 'products').includes('description'), 'dropped by a migration and not in the entity');
});

test('TypeORM entities alone: @Entity names, default snake_case table name, column types with length', () => {
  const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'sm-catalog-'));
  const file = path.join(dir, 'entities.ts');
  fs.writeFileSync(file, `
    @Entity({ name: 'invoice_lines' }) export class Line {
      @PrimaryGeneratedColumn('uuid') id!: string;
      @Column('varchar', { length: 40, nullable: true }) label?: string;
      @ManyToOne(() => Invoice) @JoinColumn({ name: 'invoice_ref' }) invoice!: Invoice;
      notAColumn = 1;
    }
    @Entity() export class UserProfile { @PrimaryColumn() key!: string; @DeleteDateColumn() deletedAt?: Date; }
  `);
  const project = { root: dir, orms: [], dialect: { dialect: 'postgres', source: 'project', reason: '' }, migrationDirs: [], unknowns: [], typeorm: { configFiles: [], dataSources: [], entityFiles: [file] } } as ProjectInfo;
  const catalog = buildSchemaCatalog(project, []);
  assert.deepEqual(catalog.tables.map((t) => t.name), ['invoice_lines', 'user_profile']);
  assert.deepEqual(catalog.tables[0].columns, [
    { name: 'id', type: 'uuid', nullable: false },
    { name: 'label', type: 'varchar(40)', nullable: true },
    { name: 'invoice_ref' },
  ]);
  assert.deepEqual(catalog.tables[1].columns.map((c) => [c.name, c.nullable]), [['key', false], ['deletedAt', true]]);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('Sequelize fixture: define() model with tableName joins the migrated Users table', () => {
  const { catalog } = catalogOf(path.join(fixtures, 'sequelize-postgres'));
  const users = catalog.tables.find((t) => t.name === 'Users');
  assert.ok(users, JSON.stringify(catalog.tables.map((t) => t.name)));
  assert.ok(users.sources.includes('sequelize-model'));
  assert.ok(users.columns.some((c) => c.name === 'email'));
  assert.equal(users.columns.filter((c) => c.name === 'id').length, 1, 'the implicit id is not added twice');
});

test('Sequelize Model.init with modelName, underscored and timestamps', () => {
  const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'sm-catalog-'));
  fs.writeFileSync(path.join(dir, 'category.js'), `
    class Category extends Model {}
    Category.init({ title: { type: DataTypes.STRING(80), allowNull: false }, parentId: DataTypes.INTEGER }, { sequelize, underscored: true });
    sequelize.define('Tag', { name: Sequelize.TEXT }, { freezeTableName: true, timestamps: false });
  `);
  const project = { root: dir, orms: [], dialect: { dialect: 'postgres', source: 'project', reason: '' }, migrationDirs: [], unknowns: [], sequelize: { modelsPath: dir, dialectByEnv: {}, usesUmzug: false } } as ProjectInfo;
  const catalog = buildSchemaCatalog(project, []);
  assert.deepEqual(catalog.tables.map((t) => t.name), ['Categories', 'Tag']);
  assert.deepEqual(catalog.tables[0].columns.map((c) => [c.name, c.type]), [['id', 'integer'], ['title', 'varchar(80)'], ['parent_id', 'integer'], ['created_at', 'timestamp with time zone'], ['updated_at', 'timestamp with time zone']]);
  assert.deepEqual(catalog.tables[1].columns.map((c) => c.name), ['id', 'name']);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('Prisma fixture: @@map / @map names from the schema, relation fields left out', () => {
  const { project, catalog } = catalogOf(path.join(fixtures, 'prisma-postgres'));
  for (const model of project.prisma!.models) {
    const t = catalog.tables.find((x) => x.name === model.dbName);
    assert.ok(t, model.dbName);
    for (const f of model.fields) assert.equal(t.columns.some((c) => c.name === f.dbName), !f.relation && !f.isList, `${model.dbName}.${f.dbName}`);
  }
});

test('workspace code is never run: an entity file that would throw is only parsed', () => {
  const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'sm-catalog-'));
  const file = path.join(dir, 'bad.ts');
  fs.writeFileSync(file, `throw new Error('executed'); @Entity('t') class T { @Column() a!: string }`);
  const project = { root: dir, orms: [], dialect: { dialect: 'postgres', source: 'project', reason: '' }, migrationDirs: [], unknowns: [], typeorm: { configFiles: [], dataSources: [], entityFiles: [file, path.join(dir, 'missing.ts')] } } as ProjectInfo;
  assert.deepEqual(buildSchemaCatalog(project, []).tables.map((t) => [t.name, t.columns.map((c) => c.name)]), [['t', ['a']]]);
  fs.rmSync(dir, { recursive: true, force: true });
});
