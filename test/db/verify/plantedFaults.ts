// Migration histories with one planted rollback fault each, written as a TypeORM, Sequelize or Prisma project
// in a throw-away folder inside the repo (so the workspace's own typeorm/sequelize resolve, as in a real project).
import * as fs from 'node:fs';
import * as path from 'node:path';

export type Orm = 'typeorm' | 'sequelize' | 'prisma';
export type Family = 'postgres' | 'mysql';

/** A step is SQL, or `throw` for a down that throws (in SQL: a statement that fails). */
type Sql = Record<Family, string[]> | 'throw';

export interface FaultCase {
  name: string;
  up: Record<Family, string[]>;
  down: Sql;
  /** What the verifier must say (one regex per expected difference); empty: the migration verifies. */
  expect: RegExp[];
  postgresOnly?: boolean;
}

const both = (sql: string[]): Record<Family, string[]> => ({ postgres: sql, mysql: sql });

/** The history every case builds on. */
export const BASE: { up: Record<Family, string[]>; down: Record<Family, string[]> } = {
  up: {
    postgres: ['CREATE TABLE orders (id serial PRIMARY KEY, status text NOT NULL, total integer NOT NULL)'],
    mysql: ['CREATE TABLE orders (id int AUTO_INCREMENT PRIMARY KEY, status varchar(20) NOT NULL, total int NOT NULL)'],
  },
  down: both(['DROP TABLE orders']),
};

export const CASES: FaultCase[] = [
  { name: 'good', up: both(['ALTER TABLE orders ADD COLUMN note varchar(100)']), down: both(['ALTER TABLE orders DROP COLUMN note']), expect: [] },
  {
    name: 'downLeavesIndex',
    up: both(['CREATE INDEX orders_status_idx ON orders (status)']),
    down: both(['SELECT 1']),
    expect: [/index orders_status_idx \(on orders\) is left behind by down/],
  },
  {
    name: 'downRestoresAnotherType',
    up: { postgres: ['ALTER TABLE orders ALTER COLUMN total TYPE bigint'], mysql: ['ALTER TABLE orders MODIFY total bigint NOT NULL'] },
    down: { postgres: ['ALTER TABLE orders ALTER COLUMN total TYPE numeric'], mysql: ['ALTER TABLE orders MODIFY total decimal(12,2) NOT NULL'] },
    expect: [/column orders\.total comes back as (numeric|decimal\(12,2\)), was (integer|int(\(11\))?)$/],
  },
  {
    name: 'downDropsWrongColumn',
    up: both(['ALTER TABLE orders ADD COLUMN note varchar(100)']),
    down: both(['ALTER TABLE orders DROP COLUMN status']),
    expect: [/column orders\.note is left behind by down/, /column orders\.status is missing after down/],
  },
  {
    // A sequence is outside the compared schema: only the second up notices what the down left.
    name: 'upCannotRerun',
    up: both(['CREATE SEQUENCE order_numbers']),
    down: both(['SELECT 1']),
    expect: [/up fails on the second run \(after its down\): .*(already exists|order_numbers)/i],
  },
  { name: 'downThrows', up: both(['ALTER TABLE orders ADD COLUMN note varchar(100)']), down: 'throw', expect: [/^down fails: /] },
  {
    // A helper function hides the ALTER from the rules (they read DO blocks, not function calls); the measured lock does not lie.
    name: 'unclaimedAccessExclusive',
    up: {
      postgres: [
        `CREATE FUNCTION sm_f_add_flag() RETURNS void LANGUAGE plpgsql AS 'BEGIN EXECUTE ''ALTER TABLE orders ADD COLUMN flag boolean''; END'`,
        'SELECT sm_f_add_flag()',
      ],
      mysql: [],
    },
    down: { postgres: ['ALTER TABLE orders DROP COLUMN flag', 'DROP FUNCTION sm_f_add_flag()'], mysql: [] },
    expect: [/takes AccessExclusiveLock on orders \(blocks every read and write\), which the rules did not expect/],
    postgresOnly: true,
  },
];

const THROWING_SQL = 'SELECT * FROM sm_f_no_such_table_planted';

export interface WrittenProject { root: string; target: string; remove(): void }

/** Writes the base migration and the case's migration as an `orm` project for `family`. */
export function writeProject(orm: Orm, family: Family, c: FaultCase, parent: string): WrittenProject {
  const root = fs.mkdtempSync(path.join(parent, `sm_f_${orm}_${c.name}_`));
  const write = (rel: string, text: string) => { fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true }); fs.writeFileSync(path.join(root, rel), text); };
  const migrations: { name: string; up: string[]; down: Sql }[] = [{ name: 'Base', up: BASE.up[family], down: BASE.down }, { name: cap(c.name), up: c.up[family], down: c.down }];
  let target = '';
  if (orm === 'prisma') {
    write('package.json', JSON.stringify({ name: 'planted', private: true, devDependencies: { prisma: '7.10.1' } }));
    write('prisma/schema.prisma', `datasource db {\n  provider = "${family === 'postgres' ? 'postgresql' : 'mysql'}"\n}\n`);
    write('prisma/migrations/migration_lock.toml', `provider = "${family === 'postgres' ? 'postgresql' : 'mysql'}"\n`);
    migrations.forEach((m, i) => {
      const dir = `prisma/migrations/2024010100000${i}_${m.name.toLowerCase()}`;
      write(`${dir}/migration.sql`, m.up.map((s) => s + ';\n').join(''));
      write(`${dir}/down.sql`, (m.down === 'throw' ? [THROWING_SQL] : m.down[family]).map((s) => s + ';\n').join(''));
      target = path.join(root, dir, 'migration.sql');
    });
  } else if (orm === 'typeorm') {
    write('package.json', JSON.stringify({ name: 'planted', private: true, dependencies: { typeorm: '1.1.1', [family === 'postgres' ? 'pg' : 'mysql2']: '*' } }));
    write('src/data-source.ts', `import { DataSource } from 'typeorm';\nexport default new DataSource({ type: '${family === 'postgres' ? 'postgres' : 'mariadb'}', migrations: ['src/migrations/*.ts'], migrationsTransactionMode: 'each' });\n`);
    migrations.forEach((m, i) => {
      const ts = 1700000000000 + i * 100000;
      const body = (steps: Sql) => steps === 'throw' ? `        throw new Error('planted: this down cannot be undone');\n`
        : steps[family].map((s) => `        await queryRunner.query(${JSON.stringify(s)});\n`).join('');
      write(`src/migrations/${ts}-${m.name}.ts`, `import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${m.name}${ts} implements MigrationInterface {\n    name = '${m.name}${ts}';\n\n    public async up(queryRunner: QueryRunner): Promise<void> {\n${body({ postgres: m.up, mysql: m.up })}    }\n\n    public async down(queryRunner: QueryRunner): Promise<void> {\n${body(m.down)}    }\n}\n`);
      target = path.join(root, `src/migrations/${ts}-${m.name}.ts`);
    });
  } else {
    write('package.json', JSON.stringify({ name: 'planted', private: true, dependencies: { sequelize: '6.37.8', 'sequelize-cli': '6.6.5', [family === 'postgres' ? 'pg' : 'mysql2']: '*' } }));
    write('config/config.json', JSON.stringify({ development: { dialect: family === 'postgres' ? 'postgres' : 'mysql' } }));
    migrations.forEach((m, i) => {
      const body = (steps: Sql) => steps === 'throw' ? `    throw new Error('planted: this down cannot be undone');\n`
        : steps[family].map((s) => `    await queryInterface.sequelize.query(${JSON.stringify(s)});\n`).join('');
      const file = `migrations/2024010100000${i}-${m.name.toLowerCase()}.js`;
      write(file, `'use strict';\n\nmodule.exports = {\n  async up(queryInterface, Sequelize) {\n${body({ postgres: m.up, mysql: m.up })}  },\n\n  async down(queryInterface, Sequelize) {\n${body(m.down)}  },\n};\n`);
      target = path.join(root, file);
    });
  }
  return { root, target, remove: () => fs.rmSync(root, { recursive: true, force: true }) };
}

function cap(s: string): string { return s[0].toUpperCase() + s.slice(1); }
