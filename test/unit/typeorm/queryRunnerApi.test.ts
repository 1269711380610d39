import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readMigration, textAt } from './readTypeorm';
import { initSqlParsers } from '../../../server/src/readers/sql';

before(() => initSqlParsers());

const createUsers = `import { MigrationInterface, QueryRunner, Table, TableIndex, TableForeignKey } from "typeorm";

export class CreateUsers1700000000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "users",
        columns: [
          { name: "id", type: "uuid", isPrimary: true, isGenerated: true, generationStrategy: "uuid" },
          { name: "email", type: "varchar", length: "255", isUnique: true },
          { name: "team_id", type: "int", isNullable: true },
          { name: "balance", type: "decimal", precision: 10, scale: 2, default: 0 },
          { name: "status", type: "enum", enum: ["active", "banned"], default: "'active'" },
          { name: "created_at", type: "timestamp with time zone", default: "now()" },
        ],
        indices: [{ name: "IDX_users_email", columnNames: ["email"] }],
        foreignKeys: [{ columnNames: ["team_id"], referencedTableName: "teams", referencedColumnNames: ["id"], onDelete: "cascade" }],
      }),
      true,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("users", true);
  }
}
`;

test('createTable(new Table({...})) gives the table, its columns with TypeORM defaults, and the indices/FKs it creates', () => {
  const m = readMigration(createUsers);
  assert.deepEqual(m.up.map((o) => o.kind), ['createEnum', 'createTable', 'addForeignKey', 'createIndex']);
  const [enumType, create, fk, index] = m.up;
  // On PostgreSQL TypeORM creates the enum type first, named <table>_<column>_enum.
  assert.deepEqual([enumType.table, enumType.enumValues, enumType.details?.inCreateTable], ['users_status_enum', ['active', 'banned'], true]);
  assert.equal(create.table, 'users');
  assert.equal(create.via, 'api');
  assert.equal(create.ifNotExists, true);
  assert.equal(create.guarded, true);
  assert.deepEqual(create.tableColumns, [
    { name: 'id', type: 'uuid', primary: true, nullable: false, default: 'uuid_generate_v4()' },
    { name: 'email', type: 'varchar(255)', nullable: false, unique: true },
    { name: 'team_id', type: 'int', nullable: true },
    { name: 'balance', type: 'decimal(10,2)', nullable: false, default: '0' },
    { name: 'status', type: 'users_status_enum', nullable: false, default: "'active'" },
    { name: 'created_at', type: 'timestamp with time zone', nullable: false, default: 'now()' },
  ]);
  assert.deepEqual(create.details?.enums, { status: ['active', 'banned'] });
  assert.equal(fk.table, 'users');
  assert.deepEqual(fk.columns, ['team_id']);
  assert.deepEqual(fk.references, { table: 'teams', columns: ['id'], onDelete: 'CASCADE' });
  assert.equal(fk.details?.inCreateTable, true);
  assert.equal(index.index, 'IDX_users_email');
  assert.deepEqual(index.columns, ['email']);
  assert.equal(index.details?.inCreateTable, true);
  // The whole awaited call is the range: line 4 col 4 to the closing paren on line 19.
  assert.deepEqual(create.range, { start: { line: 4, character: 4 }, end: { line: 19, character: 5 } });
  assert.ok(textAt(createUsers, create.offset).startsWith('await queryRunner.createTable('));
  assert.deepEqual(m.down.map((o) => [o.kind, o.table, o.ifExists, o.guarded]), [['dropTable', 'users', true, true]]);
});

test('createTable(table, ifNotExists, createForeignKeys = false) leaves the foreign keys out', () => {
  const m = readMigration(`export class T1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner) {
    await queryRunner.createTable(new Table({ name: "a", columns: [{ name: "b_id", type: "int" }], foreignKeys: [{ columnNames: ["b_id"], referencedTableName: "b", referencedColumnNames: ["id"] }] }), false, false);
  }
  async down(queryRunner: QueryRunner) { await queryRunner.dropTable("a"); }
}`);
  assert.deepEqual(m.up.map((o) => o.kind), ['createTable']);
  assert.equal(m.up[0].guarded, false);
});

test('columns: addColumn, addColumns (one op each), dropColumn(s), renameColumn', () => {
  const text = `import { MigrationInterface, QueryRunner, TableColumn } from "typeorm";
const TABLE = "public.users";
export class Cols1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner) {
    await queryRunner.addColumn(TABLE, new TableColumn({ name: "nickname", type: "varchar", length: "64", isNullable: true }));
    await queryRunner.addColumns("users", [
      new TableColumn({ name: "score", type: "integer", default: 0 }),
      new TableColumn({ name: "level", type: "integer" }),
    ]);
    await queryRunner.renameColumn("users", "name", "full_name");
  }
  async down(queryRunner: QueryRunner) {
    await queryRunner.renameColumn("users", "full_name", new TableColumn({ name: "name", type: "varchar" }));
    await queryRunner.dropColumns("users", ["score", "level"]);
    await queryRunner.dropColumn(TABLE, "nickname");
  }
}`;
  const m = readMigration(text);
  assert.deepEqual(m.up.map((o) => [o.kind, o.schema, o.table, o.column]), [
    ['addColumn', 'public', 'users', 'nickname'],
    ['addColumn', undefined, 'users', 'score'],
    ['addColumn', undefined, 'users', 'level'],
    ['renameColumn', undefined, 'users', 'name'],
  ]);
  assert.deepEqual(m.up[0].columnSpec, { name: 'nickname', type: 'varchar(64)', nullable: true });
  assert.deepEqual(m.up[1].columnSpec, { name: 'score', type: 'integer', nullable: false, default: '0' });
  // TypeORM columns are NOT NULL unless isNullable: true is said: "level" is a NOT NULL column without default.
  assert.deepEqual(m.up[2].columnSpec, { name: 'level', type: 'integer', nullable: false });
  assert.equal(m.up[2].details?.implicitNotNull, true);
  assert.equal(m.up[3].newName, 'full_name');
  assert.deepEqual(m.down.map((o) => [o.kind, o.column, o.newName]), [
    ['renameColumn', 'full_name', 'name'], ['dropColumn', 'score', undefined], ['dropColumn', 'level', undefined], ['dropColumn', 'nickname', undefined],
  ]);
});

test('changeColumn: type change (TypeORM drops and re-adds), rename, nullability and default when stated', () => {
  const m = readMigration(`export class Change1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner) {
    await queryRunner.changeColumn("users", "age", new TableColumn({ name: "age_years", type: "bigint", isNullable: false, default: 0 }));
    await queryRunner.changeColumn("users",
      new TableColumn({ name: "bio", type: "text", isNullable: true }),
      new TableColumn({ name: "bio", type: "text" }));
  }
  async down(queryRunner: QueryRunner) {}
}`);
  assert.deepEqual(m.up.map((o) => [o.kind, o.column]), [
    ['alterColumnType', 'age'], ['renameColumn', 'age'], ['setNotNull', 'age_years'], ['setDefault', 'age_years'],
    ['setNotNull', 'bio'],
  ]);
  assert.equal(m.up[0].columnSpec?.type, 'bigint');
  assert.equal(m.up[0].details?.typeormChangeColumn, true);
  assert.equal(m.up[0].details?.dropsAndReAdds, 'maybe');
  assert.equal(m.up[1].newName, 'age_years');
  assert.equal(m.up[3].columnSpec?.default, '0');
  assert.equal(m.up[4].details?.typeChanged, false);
  assert.equal(m.hasDown, false);
});

test('indexes, foreign keys and constraints', () => {
  const m = readMigration(`export class Keys1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner) {
    await queryRunner.createIndex("orders", new TableIndex({ name: "IDX_orders_user", columnNames: ["user_id"], isConcurrent: true, where: "deleted_at IS NULL" }));
    await queryRunner.createIndices("orders", [new TableIndex({ name: "UQ_orders_ref", columnNames: ["ref"], isUnique: true })]);
    await queryRunner.createForeignKey("orders", new TableForeignKey({ name: "FK_orders_user", columnNames: ["user_id"], referencedTableName: "users", referencedColumnNames: ["id"], onDelete: "SET NULL" }));
    await queryRunner.createPrimaryKey("orders", ["id"], "PK_orders");
    await queryRunner.createUniqueConstraint("orders", new TableUnique({ name: "UQ_ref", columnNames: ["ref"] }));
    await queryRunner.createCheckConstraint("orders", new TableCheck({ name: "CHK_total", expression: "total >= 0" }));
    await queryRunner.createExclusionConstraint("rooms", new TableExclusion({ expression: "USING gist (room WITH =, during WITH &&)" }));
  }
  async down(queryRunner: QueryRunner) {
    await queryRunner.dropCheckConstraint("orders", "CHK_total");
    await queryRunner.dropUniqueConstraint("orders", "UQ_ref", true);
    await queryRunner.dropPrimaryKey("orders");
    await queryRunner.dropForeignKey("orders", "FK_orders_user");
    await queryRunner.dropIndex("orders", new TableIndex({ name: "IDX_orders_user", columnNames: ["user_id"], isConcurrent: true }));
    await queryRunner.dropIndices("orders", [new TableIndex({ name: "UQ_orders_ref", columnNames: ["ref"] })]);
  }
}`);
  assert.deepEqual(m.up.map((o) => o.kind), ['createIndex', 'createIndex', 'addForeignKey', 'addPrimaryKey', 'addUnique', 'addCheck', 'rawSql']);
  const [idx, uq, fk, pk, unique, check, excl] = m.up;
  assert.deepEqual([idx.index, idx.columns, idx.concurrently, idx.expression, idx.unique], ['IDX_orders_user', ['user_id'], true, 'deleted_at IS NULL', undefined]);
  assert.equal(uq.unique, true);
  assert.deepEqual([fk.constraint, fk.references?.onDelete], ['FK_orders_user', 'SET NULL']);
  assert.deepEqual([pk.constraint, pk.columns], ['PK_orders', ['id']]);
  assert.deepEqual([unique.constraint, unique.columns], ['UQ_ref', ['ref']]);
  assert.deepEqual([check.constraint, check.expression], ['CHK_total', 'total >= 0']);
  assert.equal(excl.statement, 'ADD CONSTRAINT EXCLUDE');
  assert.deepEqual(m.down.map((o) => [o.kind, o.constraint ?? o.index, o.guarded]), [
    ['dropConstraint', 'CHK_total', false], ['dropConstraint', 'UQ_ref', true], ['dropConstraint', undefined, false],
    ['dropForeignKey', 'FK_orders_user', false], ['dropIndex', 'IDX_orders_user', false], ['dropIndex', 'UQ_orders_ref', false],
  ]);
  assert.equal(m.down[4].concurrently, true);
  assert.equal(m.down[2].details?.constraintType, 'primary');
});

test('tables, views, transactions, clearTable, and unrecognised calls', () => {
  const m = readMigration(`export class Misc1700000000000 implements MigrationInterface {
  tableName = "accounts";
  async up(queryRunner: QueryRunner) {
    await queryRunner.renameTable(this.tableName, "customers");
    await queryRunner.createView(new View({ name: "active_customers", expression: "SELECT * FROM customers WHERE active" }));
    await queryRunner.commitTransaction();
    await queryRunner.startTransaction();
    await queryRunner.clearTable("sessions");
    await queryRunner.doSomethingNew("x");
    logger.info("not a migration call");
    await queryRunner.hasTable("customers");
  }
  async down(queryRunner: QueryRunner) {
    await queryRunner.dropView("active_customers");
    await queryRunner.rollbackTransaction();
  }
}`);
  assert.deepEqual(m.up.map((o) => o.kind), ['renameTable', 'createView', 'transactionControl', 'transactionControl', 'delete', 'unknown']);
  assert.deepEqual([m.up[0].table, m.up[0].newName], ['accounts', 'customers']);
  assert.equal(m.up[1].table, 'active_customers');
  assert.deepEqual(m.up.slice(2, 4).map((o) => o.transaction), ['commit', 'begin']);
  assert.deepEqual([m.up[4].table, m.up[4].hasWhere], ['sessions', false]);
  assert.equal(m.up[5].reason, 'unrecognised QueryRunner call: doSomethingNew');
  assert.deepEqual(m.down.map((o) => [o.kind, o.table ?? o.transaction]), [['dropView', 'active_customers'], ['transactionControl', 'rollback']]);
});

test('data changes through queryRunner.manager and query builders', () => {
  const m = readMigration(`export class Data1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner) {
    await queryRunner.manager.update("users", { status: null }, { status: "active" });
    await queryRunner.manager.delete(User, {});
    await queryRunner.manager.insert("settings", { key: "x", value: "1" });
    await queryRunner.manager.createQueryBuilder().update(User).set({ active: true }).where("last_login > now() - interval '1 year'").execute();
    await queryRunner.connection.createQueryBuilder().delete().from("audit_log").execute();
    await queryRunner.manager.getRepository(User).update({ id: 1 }, { admin: true });
    const { manager } = queryRunner;
    await manager.query("UPDATE users SET x = 1");
    await queryRunner.manager.find(User);
  }
  async down(queryRunner: QueryRunner) {}
}`);
  const api = m.up.filter((o) => o.via === 'api');
  assert.deepEqual(api.map((o) => [o.kind, o.table ?? o.details?.entity, o.hasWhere]), [
    ['update', 'users', true],
    ['delete', 'User', false],
    ['insert', 'settings', undefined],
    ['update', 'User', true],
    ['delete', 'audit_log', false],
    ['update', 'User', true],
  ]);
  assert.equal(api[3].details?.call, 'queryBuilder.update');
  // SQL through an alias of queryRunner.manager goes to the SQL reader like queryRunner.query.
  const viaManager = m.up.filter((o) => o.details?.call === 'manager.query');
  assert.deepEqual(viaManager.map((o) => [o.kind, o.table, o.hasWhere]), [['update', 'users', false]]);
});

test('helpers the migration passes the runner to: class methods and file functions, guards at the call site kept', () => {
  const text = `async function addAudit(table: string, runner: QueryRunner) {
  await runner.addColumn(table, new TableColumn({ name: "created_by", type: "int", isNullable: true }));
}
export class Helpers1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner) {
    await this.dropLegacy(queryRunner);
    if (await queryRunner.hasTable("orders")) await addAudit("orders", queryRunner);
    await this.log("done");
  }
  async down(queryRunner: QueryRunner) {}
  private async dropLegacy(qr: QueryRunner) { await qr.dropTable("legacy"); await this.dropLegacy(qr); }
  private async log(message: string) { console.log(message); }
}`;
  const m = readMigration(text);
  assert.deepEqual(m.up.map((o) => [o.kind, o.table, o.guarded, o.details?.helper]), [
    ['dropTable', 'legacy', false, 'dropLegacy'],
    ['addColumn', 'orders', true, 'addAudit'],
  ]);
  assert.equal(m.up[1].range.start.line, 1, 'the range stays on the call inside the helper');
});

test('MySQL: enum values in the column type, no AUTO_INCREMENT without the increment strategy, constraint calls TypeORM rejects', () => {
  const text = `export class My1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner) {
    await queryRunner.createTable(new Table({ name: "t", columns: [
      { name: "id", type: "int", isPrimary: true, isGenerated: true },
      { name: "n", type: "int", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
      { name: "status", type: "enum", enum: ["a", "b"] },
    ] }));
    await queryRunner.createCheckConstraint("t", new TableCheck({ name: "CHK", expression: "n > 0" }));
  }
  async down(queryRunner: QueryRunner) {}
}`;
  const r = readFile(text, { dialect: 'mysql' });
  const [create, check] = r.migrations[0].up;
  assert.deepEqual(create.tableColumns?.map((c) => [c.name, c.type, c.autoIncrement]), [['id', 'int', undefined], ['n', 'int', true], ['status', "enum('a','b')", undefined]]);
  assert.equal(check.details?.throwsOnDialect, true);
  const problem = r.problems.find((p) => p.code === 'typeorm-unsupported-call');
  assert.equal(problem?.severity, 'warning');
  assert.equal(problem?.range.start.line, 7);
  // The same file on PostgreSQL: SERIAL for both, an enum type, no problem.
  const pg = readFile(text, { dialect: 'postgres' });
  assert.deepEqual(pg.migrations[0].up.map((o) => o.kind), ['createEnum', 'createTable', 'addCheck']);
  assert.deepEqual(pg.migrations[0].up[1].tableColumns?.map((c) => c.autoIncrement), [true, true, undefined]);
  assert.equal(pg.problems.length, 0);
});
