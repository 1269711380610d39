import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import ts from 'typescript';
import * as typeorm from 'typeorm';
import type { Operation } from '../../../server/src/model/migration';
import { LineIndex } from '../../../server/src/model/text';
import { initSqlParsers, readSql } from '../../../server/src/readers/sql';
import { readMigration } from './readTypeorm';

before(() => initSqlParsers());

/**
 * Runs a migration's up() on TypeORM's own query runner in SQL-memory mode (no database: TypeORM
 * only records the SQL it would send) and returns that SQL. Table arguments are Table objects so
 * TypeORM never has to look the table up.
 */
async function sqlTypeormWouldRun(source: string, type: 'postgres' | 'mysql'): Promise<string[]> {
  const js = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS } }).outputText;
  const mod = { exports: {} as Record<string, new () => { up(qr: typeorm.QueryRunner): Promise<void> }> };
  new Function('require', 'exports', 'module', js)((id: string) => (id === 'typeorm' ? typeorm : undefined), mod.exports, mod);
  const dataSource = new typeorm.DataSource({ type, host: '127.0.0.1', username: 'unused', database: 'unused' } as typeorm.DataSourceOptions);
  const runner = dataSource.createQueryRunner();
  runner.enableSqlMemory();
  const Migration = Object.values(mod.exports)[0];
  await new Migration().up(runner);
  return runner.getMemorySql().upQueries.map((q) => q.query);
}

/**
 * What both readings must agree on. Normalised: a column the SQL does not call NOT NULL is nullable;
 * `DROP INDEX name` names no table in PostgreSQL; TypeORM's MySQL renameColumn is `CHANGE old new <definition>`,
 * which the SQL reader also reports as a (same) type change.
 */
function essentials(ops: Operation[]): string[] {
  return ops
    .filter((o) => o.kind !== 'alterColumnType')
    .map((o) => {
      const spec = o.columnSpec;
      const facts = [o.kind, o.kind === 'dropIndex' ? '' : o.table, o.column ?? o.index ?? o.constraint ?? '', o.newName ?? ''];
      if (spec) facts.push(`nullable=${spec.nullable !== false}`, `default=${spec.default ?? ''}`);
      if (o.kind === 'createIndex') facts.push(`unique=${!!o.unique}`, `concurrently=${!!o.concurrently}`);
      if (o.tableColumns) facts.push(o.tableColumns.map((c) => `${c.name}:${c.nullable !== false}:${!!c.primary}:${!!c.unique}:${!!c.autoIncrement}:${c.default ?? ''}`).join(','));
      return facts.join(' ');
    });
}

const migration = `import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex, TableForeignKey } from "typeorm";

const users = new Table({ name: "users", columns: [{ name: "id", type: "int", isPrimary: true }, { name: "name", type: "varchar" }] });

export class AgreeWithTypeorm1700000000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(new Table({
      name: "orders",
      columns: [
        { name: "id", type: "int", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
        { name: "user_id", type: "int", isNullable: true },
        { name: "ref", type: "varchar", length: "40", isUnique: true },
        { name: "total", type: "int", default: 0 },
      ],
    }));
    await queryRunner.addColumn(users, new TableColumn({ name: "age", type: "int", default: 18 }));
    await queryRunner.addColumn(users, new TableColumn({ name: "bio", type: "text", isNullable: true }));
    await queryRunner.createIndex(users, new TableIndex({ name: "IDX_users_age", columnNames: ["age"], isUnique: true }));
    await queryRunner.createIndex(users, new TableIndex({ name: "IDX_users_bio", columnNames: ["bio"], isConcurrent: true }));
    await queryRunner.createForeignKey(users, new TableForeignKey({ name: "FK_users_self", columnNames: ["age"], referencedTableName: "users", referencedColumnNames: ["id"] }));
    await queryRunner.renameColumn(users, "name", "full_name");
    await queryRunner.dropIndex(users, "IDX_users_age");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {}
}
`;

for (const dialect of ['postgres', 'mysql'] as const) {
  test(`${dialect}: reading the API calls gives the operations TypeORM's generated SQL gives`, async () => {
    const sql = await sqlTypeormWouldRun(migration, dialect);
    const text = sql.join(';\n');
    const fromSql = readSql(text, { dialect, lines: new LineIndex(text) }).operations;
    const fromApi = readMigration(migration, { dialect }).up;
    assert.deepEqual(essentials(fromApi), essentials(fromSql), `TypeORM ran:\n${text}`);
  });
}

test('changeColumn with a new type: TypeORM drops and re-adds the column, and the reader says so', async () => {
  const source = `import { MigrationInterface, QueryRunner, Table, TableColumn } from "typeorm";
const people = new Table({ name: "people", columns: [{ name: "id", type: "int", isPrimary: true }, { name: "age", type: "int", isNullable: true }, { name: "nick", type: "varchar", length: "20", isNullable: true }] });
export class Change1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner) {
    await queryRunner.changeColumn(people, new TableColumn({ name: "age", type: "int", isNullable: true }), new TableColumn({ name: "age", type: "bigint", isNullable: true }));
    await queryRunner.changeColumn(people, new TableColumn({ name: "nick", type: "varchar", length: "20", isNullable: true }), new TableColumn({ name: "nickname", type: "varchar", length: "20", isNullable: true }));
  }
  async down(queryRunner: QueryRunner) {}
}`;
  for (const dialect of ['postgres', 'mysql'] as const) {
    const sql = await sqlTypeormWouldRun(source, dialect);
    assert.match(sql.join('\n'), /DROP COLUMN .age.[\s\S]*ADD .age. bigint/, `${dialect}: ${sql.join('\n')}`);
    assert.doesNotMatch(sql.join('\n'), /DROP COLUMN .nick./, 'a rename alone keeps the data');
    const ops = readMigration(source, { dialect }).up;
    assert.deepEqual(ops.map((o) => [o.kind, o.column, o.details?.dropsAndReAdds]), [['alterColumnType', 'age', true], ['renameColumn', 'nick', false]]);
  }
});
