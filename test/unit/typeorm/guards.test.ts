import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readMigration } from './readTypeorm';
import { initSqlParsers } from '../../../server/src/readers/sql';

before(() => initSqlParsers());

test('has* checks: in the condition, negated, in the else branch, and unguarded calls', () => {
  const m = readMigration(`export class G1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner) {
    if (!(await queryRunner.hasColumn("users", "a"))) {
      await queryRunner.addColumn("users", new TableColumn({ name: "a", type: "int", isNullable: true }));
    }
    if (await queryRunner.hasTable("legacy")) await queryRunner.dropTable("legacy");
    if (await queryRunner.hasColumn("users", "b")) {} else { await queryRunner.addColumn("users", new TableColumn({ name: "b", type: "int", isNullable: true })); }
    (await queryRunner.hasTable("x")) || (await queryRunner.createTable(new Table({ name: "x" })));
    await queryRunner.dropColumn("users", "c");
  }
  async down(queryRunner: QueryRunner) {}
}`);
  assert.deepEqual(m.up.map((o) => [o.kind, o.column ?? o.table, o.guarded]), [
    ['addColumn', 'a', true], ['dropTable', 'legacy', true], ['addColumn', 'b', true], ['createTable', 'x', true], ['dropColumn', 'c', false],
  ]);
});

test('an early return on a check guards everything after it; a check variable counts too', () => {
  const m = readMigration(`export class G1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner) {
    await queryRunner.dropColumn("users", "before");
    const exists = await queryRunner.hasTable("audit");
    if (exists) return;
    await queryRunner.createTable(new Table({ name: "audit" }));
  }
  async down(qr: QueryRunner) {
    if (!(await qr.hasTable("audit"))) {
      return;
    }
    await qr.dropTable("audit");
  }
}`);
  assert.deepEqual(m.up.map((o) => [o.kind, o.guarded]), [['dropColumn', false], ['createTable', true]]);
  assert.deepEqual(m.down.map((o) => [o.kind, o.guarded]), [['dropTable', true]], 'the receiver is the first parameter, whatever its name');
});

test('getTable() then .find(...) before dropping a foreign key (what TypeORM docs show)', () => {
  const m = readMigration(`export class G1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner) {}
  async down(queryRunner: QueryRunner) {
    const table = await queryRunner.getTable("question");
    const foreignKey = table!.foreignKeys.find((fk) => fk.columnNames.indexOf("questionId") !== -1);
    if (foreignKey) await queryRunner.dropForeignKey("question", foreignKey);
    await queryRunner.dropColumn("question", "questionId");
  }
}`);
  assert.deepEqual(m.down.map((o) => [o.kind, o.guarded]), [['dropForeignKey', true], ['dropColumn', false]]);
});

test('information_schema SELECT used as a check guards the statement it decides, and is not an operation itself', () => {
  const m = readMigration(`export class G1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner) {
    const rows = await queryRunner.query("SELECT 1 FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'x'");
    if (rows.length === 0) {
      await queryRunner.addColumn("users", new TableColumn({ name: "x", type: "int", isNullable: true }));
    }
    if ((await queryRunner.query("SELECT to_regclass('idx_x')"))[0].to_regclass === null) {
      await queryRunner.createIndex("users", new TableIndex({ name: "idx_x", columnNames: ["x"] }));
    }
  }
  async down(queryRunner: QueryRunner) {}
}`);
  const api = m.up.filter((o) => o.via === 'api');
  assert.deepEqual(api.map((o) => [o.kind, o.guarded]), [['addColumn', true], ['createIndex', true]]);
});

test('a helper of the project (columnExists) and a loop with continue', () => {
  const m = readMigration(`async function columnExists(qr: QueryRunner, t: string, c: string) { return qr.hasColumn(t, c); }
export class G1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner) {
    for (const name of ["a", "b"]) {
      if (await columnExists(queryRunner, "users", name)) continue;
      await queryRunner.addColumn("users", new TableColumn({ name, type: "int", isNullable: true }));
    }
  }
  async down(queryRunner: QueryRunner) {}
}`);
  assert.deepEqual(m.up.map((o) => [o.kind, o.guarded]), [['addColumn', true]]);
});

test('a SELECT of rows is data, not a schema check: what depends on it is not guarded', () => {
  const m = readMigration(`export class D1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner) {
    const users = await queryRunner.query("SELECT id FROM users WHERE legacy");
    if (users.length > 0) await queryRunner.dropColumn("users", "legacy");
  }
  async down(queryRunner: QueryRunner) {}
}`);
  assert.deepEqual(m.up.filter((o) => o.via === 'api').map((o) => [o.kind, o.guarded]), [['dropColumn', false]]);
});
